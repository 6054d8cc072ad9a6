/**
 * Export and import: the whole database as one JSON text, and back. An import is checked from
 * top to bottom BEFORE anything is written (size, JSON, hostile keys, format and version, every
 * record, duplicate ids, references), then merged by id in ONE transaction: any error, even a
 * full disk half-way, leaves the database exactly as it was.
 */
import * as v from 'valibot';
import { formatErrors, toErrors } from '../routine/validate';
import type { ImportResult, MergeCounts } from './api';
import { ImportError } from './errors';
import { canonicalJson } from './plans';
import { SETTINGS_KEY, type PlanRecord, type RoutineRecord, type SessionRecord, type Settings } from './schema';
import { withDefaults } from './settings';
import { monthKey, refreshMonths } from './summaries';
import { inTx, type Ctx } from './tx';
import { planRecordSchema, routineRecordSchema, sessionRecordSchema, settingsSchema, timestamp } from './validate';

import { EXPORT_FORMAT, EXPORT_VERSION, MAX_IMPORT_BYTES } from './export-format';
import { upgradeExport } from './export-upgrade';

export { EXPORT_FORMAT, EXPORT_VERSION, MAX_IMPORT_BYTES };
/** No field we keep is longer than this; a longer string is an attack or a broken file. */
export const MAX_STRING = 10_000;
const MAX_DEPTH = 16;
const MAX_PROBLEMS = 12;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: number;
  routines: RoutineRecord[];
  plans: PlanRecord[];
  sessions: SessionRecord[];
  settings: Settings;
}

const list = <S extends v.GenericSchema>(item: S, what: string) =>
  v.array(item, (i) => `must be a list of ${what}, got ${i.input === null ? 'null' : typeof i.input}`);

const exportFileSchema = v.strictObject(
  {
    format: v.literal(EXPORT_FORMAT),
    version: v.literal(EXPORT_VERSION),
    exportedAt: timestamp,
    routines: list(routineRecordSchema, 'routines'),
    plans: list(planRecordSchema, 'plans'),
    sessions: list(sessionRecordSchema, 'sessions'),
    settings: settingsSchema,
  },
  () => 'unknown field',
);

export async function exportAll(ctx: Ctx): Promise<string> {
  const file = await ctx.read(() =>
    inTx(ctx.db, ['routines', 'plans', 'sessions', 'settings'], 'readonly', async (tx) => ({
      format: EXPORT_FORMAT as typeof EXPORT_FORMAT,
      version: EXPORT_VERSION as typeof EXPORT_VERSION,
      exportedAt: ctx.now(),
      routines: await tx.objectStore('routines').getAll(),
      plans: await tx.objectStore('plans').getAll(),
      sessions: await tx.objectStore('sessions').getAll(),
      settings: withDefaults(await tx.objectStore('settings').get(SETTINGS_KEY)),
    })),
  );
  return JSON.stringify(file satisfies ExportFile);
}

const pathJoin = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/** Hostile shapes no schema should even see: prototype keys, huge strings, deep nesting. */
function scan(value: unknown, path: string, depth: number, problems: string[]): void {
  if (problems.length >= MAX_PROBLEMS) return;
  if (typeof value === 'string') {
    if (value.length > MAX_STRING) problems.push(`${path || 'the file'}: text of ${value.length.toLocaleString('en')} characters is too long (at most ${MAX_STRING.toLocaleString('en')})`);
    return;
  }
  if (!value || typeof value !== 'object') return;
  if (depth > MAX_DEPTH) {
    problems.push(`${path}: nested too deeply`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => scan(item, pathJoin(path, i), depth + 1, problems));
    return;
  }
  for (const key of Object.keys(value)) {
    const at = pathJoin(path, key.length > 40 ? `${key.slice(0, 40)}…` : key);
    if (FORBIDDEN_KEYS.has(key)) problems.push(`${at}: the key "${key}" is not allowed`);
    else if (key.length > 100) problems.push(`${at}: a field name of ${key.length} characters is not allowed`);
    else scan((value as Record<string, unknown>)[key], at, depth + 1, problems);
  }
}

function duplicates(problems: string[], what: string, ids: string[]): void {
  const first = new Map<string, number>();
  ids.forEach((id, i) => {
    const seen = first.get(id);
    if (seen !== undefined) problems.push(`${what}[${i}].id: duplicate id ${JSON.stringify(id)} (also at ${what}[${seen}])`);
    else first.set(id, i);
  });
}

function refuse(problems: string[]): never {
  const shown = problems.slice(0, MAX_PROBLEMS);
  if (problems.length > MAX_PROBLEMS) shown.push(`…and ${problems.length - MAX_PROBLEMS} more problems`);
  throw new ImportError('Nothing was imported: the file has problems.', shown);
}

/** Everything that can be checked without the database. */
export function parseExport(text: string): ExportFile {
  if (typeof text !== 'string') throw new ImportError('Nothing was imported: the file could not be read as text.');
  // Checked before parsing: JSON.parse of a huge file would freeze the page first.
  const bytes = text.length * 3 > MAX_IMPORT_BYTES ? new TextEncoder().encode(text).length : text.length;
  if (bytes > MAX_IMPORT_BYTES) {
    throw new ImportError(`Nothing was imported: the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`Nothing was imported: this is not a Unknot export (not valid JSON: ${(error as Error).message}).`);
  }
  const problems: string[] = [];
  scan(data, '', 0, problems);
  if (problems.length) refuse(problems);
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ImportError('Nothing was imported: this is not a Unknot export (the file is not a JSON object).');
  if ((data as { format?: unknown }).format === EXPORT_FORMAT) data = upgradeExport(data as Record<string, unknown>, EXPORT_VERSION);
  const { format, version } = data as { format?: unknown; version?: unknown };
  if (format !== EXPORT_FORMAT) throw new ImportError(`Nothing was imported: this is not a Unknot export (format is ${JSON.stringify(format) ?? 'missing'}, expected "${EXPORT_FORMAT}").`);
  if (version !== EXPORT_VERSION) {
    const newer = typeof version === 'number' && version > EXPORT_VERSION;
    throw new ImportError(
      `Nothing was imported: unknown export version ${JSON.stringify(version) ?? '(missing)'}; this app reads version ${EXPORT_VERSION}.` +
        (newer ? ' Update the app, then try again.' : ''),
    );
  }
  const result = v.safeParse(exportFileSchema, data, { abortPipeEarly: true });
  if (!result.success) refuse(formatErrors(toErrors(result.issues)));
  const file = result.output as ExportFile;
  duplicates(problems, 'routines', file.routines.map((r) => r.routine.id));
  duplicates(problems, 'plans', file.plans.map((p) => p.id));
  duplicates(problems, 'sessions', file.sessions.map((s) => s.id));
  if (problems.length) refuse(problems);
  return file;
}

const counts = (): MergeCounts => ({ added: 0, updated: 0, unchanged: 0 });

export async function importAll(ctx: Ctx, text: string): Promise<ImportResult> {
  const file = parseExport(text);
  return ctx.save(() =>
    inTx(ctx.db, ['routines', 'plans', 'sessions', 'settings', 'months'], 'readwrite', async (tx) => {
      const plans = tx.objectStore('plans');
      const stored = {
        routines: new Map((await tx.objectStore('routines').getAll()).map((r) => [r.routine.id, r] as const)),
        plans: new Map((await plans.getAll()).map((p) => [p.id, p] as const)),
        sessions: new Map((await tx.objectStore('sessions').getAll()).map((s) => [s.id, s] as const)),
      };
      // References and immutable plans, checked against what is stored, before any write.
      const problems: string[] = [];
      const filePlans = new Set(file.plans.map((p) => p.id));
      file.plans.forEach((p, i) => {
        const old = stored.plans.get(p.id);
        if (old && canonicalJson(old) !== canonicalJson(p)) problems.push(`plans[${i}]: plan ${JSON.stringify(p.id)} is already stored with different content`);
      });
      file.sessions.forEach((s, i) => {
        if (!filePlans.has(s.planId) && !stored.plans.has(s.planId)) problems.push(`sessions[${i}].planId: no plan ${JSON.stringify(s.planId)} in the file or on this phone`);
      });
      if (problems.length) refuse(problems);

      const result: ImportResult = { added: 0, updated: 0, unchanged: 0, routines: counts(), plans: counts(), sessions: counts(), settings: 'unchanged' };
      // Every put is issued at once and awaited together: one round trip for thousands of records.
      const pending: Promise<unknown>[] = [];
      const merge = <T>(what: 'routines' | 'plans' | 'sessions', old: T | undefined, next: T, put: (value: T) => Promise<unknown>) => {
        const kind = !old ? 'added' : canonicalJson(old) === canonicalJson(next) ? 'unchanged' : 'updated';
        result[what][kind]++;
        result[kind]++;
        if (kind !== 'unchanged') pending.push(put(next));
        return kind !== 'unchanged';
      };
      for (const r of file.routines) merge('routines', stored.routines.get(r.routine.id), r, (x) => tx.objectStore('routines').put(x));
      for (const p of file.plans) merge('plans', stored.plans.get(p.id), p, (x) => plans.put(x));
      const touched: string[] = [];
      for (const s of file.sessions) {
        const old = stored.sessions.get(s.id);
        if (merge('sessions', old, s, (x) => tx.objectStore('sessions').put(x))) touched.push(monthKey(s), ...(old ? [monthKey(old)] : []));
      }
      await Promise.all(pending);
      await refreshMonths(tx, touched);
      const settings = tx.objectStore('settings');
      if (canonicalJson(withDefaults(await settings.get(SETTINGS_KEY))) !== canonicalJson(file.settings)) {
        await settings.put(file.settings, SETTINGS_KEY);
        result.settings = 'updated';
      }
      return result;
    }),
  );
}
