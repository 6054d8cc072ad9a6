/**
 * Sharing one routine as a file another Unknot can import. The file is a data-layer export
 * ("unknot-export", same version and schema, checked by the same parseExport) holding one
 * routine, no plans, no sessions and NO settings, so it can never be a second format to maintain.
 *
 * Leaving settings out is deliberate: a full import (importAll) replaces the receiver's settings
 * with the file's, so a share that carried settings would wipe the friend's reminders and cue
 * patterns. Without them importAll refuses the file and changes nothing; it is received by
 * importSharedRoutine(), which only ever adds a routine (never overwriting a different routine
 * that happens to have the same id).
 */
import type { UnknotData } from '../data/api';
import { ImportError } from '../data/errors';
import type { RoutineRecord } from '../data/schema';
import { EXPORT_FORMAT, EXPORT_VERSION, parseExport, type ExportFile } from '../data/transfer';
import { canonicalJson } from '../data/plans';
import type { Routine } from '../routine';

/** The text of a share file for `routine`. */
export function routineShareText(routine: Routine, now: number): string {
  const record: RoutineRecord = { routine: structuredClone(routine), origin: 'user', edited: false, createdAt: now, updatedAt: now };
  const file: Omit<ExportFile, 'settings'> = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now, routines: [record], plans: [], sessions: [] };
  return JSON.stringify(file, null, 2);
}

/** A file name like "unknot-lying-knees-to-chest-twist.json". */
export function shareFileName(routine: Routine): string {
  const slug = routine.name.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  return `unknot-${slug || 'routine'}.json`;
}

const shareCounts = (counts: { routines: number; plans: number; sessions: number }): string | null =>
  counts.routines === 1 && !counts.plans && !counts.sessions
    ? null
    : `Nothing was imported: a shared routine file holds exactly one routine and no sessions; this one has ${counts.routines.toLocaleString('en')} routines and ${counts.sessions.toLocaleString('en')} sessions. Use Import in the data settings for a full export.`;

/**
 * The one routine in a share file; throws ImportError (nothing changed) otherwise. parseExport's
 * every check (size, hostile keys, schema) runs on it, with default settings filled in (they are
 * then ignored) and the record counts checked before anything else.
 */
export function readSharedRoutine(text: string): Routine {
  return parseExport(text, { settingsOptional: true, tooMany: shareCounts }).routines[0].routine;
}

export interface SharedImport {
  routine: Routine;
  outcome: 'added' | 'unchanged' | 'added-as-copy';
}

/**
 * Adds the shared routine. Same id and same content: nothing to do. Same id, different content:
 * it is added under a new id (the receiver's routine is left alone).
 */
export async function importSharedRoutine(data: Pick<UnknotData, 'routines'>, text: string): Promise<SharedImport> {
  const routine = readSharedRoutine(text);
  const existing = await data.routines.get(routine.id);
  if (existing && !existing.deletedAt && canonicalJson(existing.routine) === canonicalJson(routine)) return { routine: existing.routine, outcome: 'unchanged' };
  if (!existing) return { routine: (await data.routines.put(routine)).routine, outcome: 'added' };
  for (let n = 2; n < 1000; n++) {
    const id = `${routine.id.slice(0, 50)}-shared${n === 2 ? '' : `-${n}`}`;
    if (!(await data.routines.get(id))) {
      return { routine: (await data.routines.put({ ...routine, id })).routine, outcome: 'added-as-copy' };
    }
  }
  throw new ImportError('Nothing was imported: too many copies of this routine already exist.');
}
