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
import { isPoseChoice } from '../poses/catalogue';
import type { Routine } from '../routine/model';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type PlanRecord, type RoutineRecord, type SessionRecord, type Settings } from './schema';
import { withDefaults } from './settings';
import { monthKey, refreshMonths } from './summaries';
import { inTx, type Ctx } from './tx';
import { planRecordSchema, routineRecordSchema, sessionRecordSchema, settingsSchema, timestamp } from './validate';

import { EXPORT_FORMAT, EXPORT_VERSION, MAX_IMPORT_BYTES } from './export-format';
import { OLDEST_EXPORT_VERSION, upgradeExport } from './export-upgrades';

export { EXPORT_FORMAT, EXPORT_VERSION, MAX_IMPORT_BYTES };
/** No field we keep is longer than this; a longer string is an attack or a broken file. */
export const MAX_STRING = 10_000;
const MAX_DEPTH = 16;
const MAX_PROBLEMS = 12;
/**
 * The most records of each kind a file may hold, checked right after JSON.parse and before any
 * deeper check: a 3 MB file of a million empty objects would otherwise keep the validator busy
 * for a minute (or crash the tab). Ten years of daily use is ≈11,000 sessions; 10 MB holds at
 * most ≈10,000 routines.
 */
export const MAX_RECORDS = { routines: 20_000, plans: 50_000, sessions: 100_000 } as const;
/**
 * Objects and lists ("{" and "[") a file may hold, counted in the text before JSON.parse: parsing
 * 3.3 million empty objects alone takes ≈0.8 s. A 10 MB export holds at most ≈50,000 (a session is
 * one object of ≈230 bytes), so this leaves ten times that; braces inside text count too, which
 * only a hostile file has by the hundred thousand.
 */
export const MAX_OBJECTS = 500_000;
/** Every other list we keep is short (20 exercises, 12 steps, 100 reminders…). */
const MAX_LIST = 1000;
type ListName = keyof typeof MAX_RECORDS;
const LISTS = Object.keys(MAX_RECORDS) as ListName[];
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

/**
 * The file's frame, with each list's items left unchecked: they are checked one by one after it
 * (recordSchemas), so the check can stop after the first dozen problems instead of collecting
 * millions.
 */
const exportFrameSchema = v.strictObject(
  {
    format: v.literal(EXPORT_FORMAT),
    version: v.literal(EXPORT_VERSION),
    exportedAt: timestamp,
    routines: list(v.unknown(), 'routines'),
    plans: list(v.unknown(), 'plans'),
    sessions: list(v.unknown(), 'sessions'),
    settings: settingsSchema,
  },
  () => 'unknown field',
);
const recordSchemas = { routines: routineRecordSchema, plans: planRecordSchema, sessions: sessionRecordSchema } as const;

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
    // The top-level lists are counted before the scan (MAX_RECORDS), every other one here.
    if (depth > 1 && value.length > MAX_LIST) {
      problems.push(`${path}: a list of ${value.length.toLocaleString('en')} items is too long (at most ${MAX_LIST.toLocaleString('en')})`);
      return;
    }
    for (let i = 0; i < value.length && problems.length < MAX_PROBLEMS; i++) scan(value[i], pathJoin(path, i), depth + 1, problems);
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

const REFUSED = 'Nothing was imported: the file has problems.';

function refuse(problems: string[]): never {
  const shown = problems.slice(0, MAX_PROBLEMS);
  if (problems.length > MAX_PROBLEMS) shown.push(`…and ${problems.length - MAX_PROBLEMS} more problems`);
  throw new ImportError(REFUSED, shown);
}

/** How many "{" and "[" the text has, counting no further than MAX_OBJECTS + 1: ≈30 ms for 10 MB. */
function countBrackets(text: string): number {
  let n = 0;
  for (const open of ['{', '[']) for (let i = text.indexOf(open); i !== -1 && n <= MAX_OBJECTS; i = text.indexOf(open, i + 1)) n++;
  return n;
}

/** How parseExport reads a file: a shared routine has no settings and its own record limits. */
export interface ParseOptions {
  /** Fill in default settings when the file has none (a shared routine). */
  settingsOptional?: boolean;
  /** Refuses a file whose lists hold too many records, before any deeper check; the default is MAX_RECORDS. */
  tooMany?: (counts: Record<ListName, number>) => string | null;
}

const tooManyRecords = (counts: Record<ListName, number>): string | null => {
  const over = LISTS.find((name) => counts[name] > MAX_RECORDS[name]);
  return over
    ? `Nothing was imported: the file holds ${counts[over].toLocaleString('en')} ${over}; this app imports at most ${MAX_RECORDS[over].toLocaleString('en')}.`
    : null;
};

/** Everything that can be checked without the database; each step is bounded so a hostile file is refused in well under a second. */
export function parseExport(text: string, options: ParseOptions = {}): ExportFile {
  if (typeof text !== 'string') throw new ImportError('Nothing was imported: the file could not be read as text.');
  // Checked before parsing: JSON.parse of a huge file would freeze the page first.
  const bytes = text.length * 3 > MAX_IMPORT_BYTES ? new TextEncoder().encode(text).length : text.length;
  if (bytes > MAX_IMPORT_BYTES) {
    throw new ImportError(`Nothing was imported: the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB.`);
  }
  if (countBrackets(text) > MAX_OBJECTS) {
    throw new ImportError(`Nothing was imported: the file holds more than ${MAX_OBJECTS.toLocaleString('en')} objects and lists; no Unknot export has that many.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`Nothing was imported: this is not a Unknot export (not valid JSON: ${(error as Error).message}).`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ImportError('Nothing was imported: this is not a Unknot export (the file is not a JSON object).');
  const { format, version } = data as { format?: unknown; version?: unknown };
  if (format !== EXPORT_FORMAT) throw new ImportError(`Nothing was imported: this is not a Unknot export (format is ${JSON.stringify(format) ?? 'missing'}, expected "${EXPORT_FORMAT}").`);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_EXPORT_VERSION || version > EXPORT_VERSION) {
    const newer = typeof version === 'number' && version > EXPORT_VERSION;
    throw new ImportError(
      `Nothing was imported: unknown export version ${JSON.stringify(version) ?? '(missing)'}; this app reads versions ${OLDEST_EXPORT_VERSION}–${EXPORT_VERSION}.` +
        (newer ? ' Update the app, then try again.' : ''),
    );
  }
  // Older files are brought up to this version first, then checked like a new one.
  const record = upgradeExport(data as Record<string, unknown>, version);
  data = record;
  const counts = Object.fromEntries(LISTS.map((name) => [name, Array.isArray(record[name]) ? (record[name] as unknown[]).length : 0])) as Record<ListName, number>;
  const tooMany = (options.tooMany ?? tooManyRecords)(counts);
  if (tooMany) throw new ImportError(tooMany);

  const problems: string[] = [];
  scan(data, '', 0, problems);
  if (problems.length) refuse(problems);
  if (options.settingsOptional && !Object.hasOwn(record, 'settings')) data = { ...record, settings: DEFAULT_SETTINGS };

  const frame = v.safeParse(exportFrameSchema, data, { abortPipeEarly: true });
  if (!frame.success) refuse(formatErrors(toErrors(frame.issues)));
  const file = frame.output as ExportFile;
  // Record by record, stopping after the first dozen problems: a file of a million broken records costs a dozen checks.
  for (const name of LISTS) {
    const items = file[name] as unknown[];
    for (let i = 0; i < items.length && problems.length < MAX_PROBLEMS; i++) {
      const result = v.safeParse(recordSchemas[name], items[i], { abortPipeEarly: true });
      if (result.success) items[i] = result.output;
      else for (const e of toErrors(result.issues)) problems.push(`${name}[${i}]${e.path ? `.${e.path}` : ''}: ${e.message}`);
    }
  }
  if (problems.length >= MAX_PROBLEMS) throw new ImportError(REFUSED, [...problems.slice(0, MAX_PROBLEMS), '…checking stopped here: there may be more problems']);
  if (problems.length) refuse(problems);
  duplicates(problems, 'routines', file.routines.map((r) => r.routine.id));
  duplicates(problems, 'plans', file.plans.map((p) => p.id));
  duplicates(problems, 'sessions', file.sessions.map((s) => s.id));
  file.routines.forEach((r, i) => checkPictures(problems, r.routine, `routines[${i}].routine`));
  file.plans.forEach((p, i) => checkPictures(problems, p.routine, `plans[${i}].routine`));
  if (problems.length) refuse(problems);
  return file;
}

/** Picture names are checked for their shape by the routine schema (it loads at start-up); here, against the set. */
function checkPictures(problems: string[], routine: Routine, at: string): void {
  routine.exercises.forEach((ex, i) => {
    for (const [phase, name] of Object.entries(ex.poses ?? {})) {
      if (name !== undefined && !isPoseChoice(name)) problems.push(`${at}.exercises[${i}].poses.${phase}: must name a picture of the pose set, got ${JSON.stringify(name)}`);
    }
  });
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

/**
 * Reading a chosen file for an import, shared by the full import and "Import a shared routine":
 * its size is checked before a byte is read (a 50 MB file would freeze the page while it is read
 * and parsed), and its bytes must be valid UTF-8 (File.text() would silently turn broken bytes
 * into "�" and store them). Here, in the lazily loaded import code, to keep it off the first load.
 */
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The file's text; throws ImportError (nothing read, nothing changed) when it is too big or not UTF-8. */
export async function readImportFile(file: Blob & { name?: string }): Promise<string> {
  const name = file.name ? `“${file.name}”` : 'the file';
  if (file.size > MAX_IMPORT_BYTES) throw new ImportError(`Nothing was imported: ${name} is ${mb(file.size)}; the limit is 10 MB.`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch (error) {
    if (error instanceof TypeError) throw new ImportError(`Nothing was imported: ${name} is not UTF-8 text (it has bytes that are not valid UTF-8).`);
    throw error;
  }
}
