/**
 * Sharing one routine as a file another Unknot can import. The file IS a data-layer export
 * ("unknot-export", same version and schema, checked by the same parseExport), holding one
 * routine and no sessions, so it can never be a second format to maintain.
 *
 * Receiving goes through importSharedRoutine(), not importAll(): a share must add a routine,
 * never replace the receiver's settings (an export always carries settings) or silently
 * overwrite a different routine that happens to have the same id.
 */
import type { UnknotData } from '../data/api';
import { ImportError } from '../data/errors';
import { DEFAULT_SETTINGS, type RoutineRecord } from '../data/schema';
import { EXPORT_FORMAT, EXPORT_VERSION, parseExport, type ExportFile } from '../data/transfer';
import { canonicalJson } from '../data/plans';
import type { Routine } from '../routine';

/** The text of a share file for `routine`. */
export function routineShareText(routine: Routine, now: number): string {
  const record: RoutineRecord = { routine: structuredClone(routine), origin: 'user', edited: false, createdAt: now, updatedAt: now };
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now,
    routines: [record],
    plans: [],
    sessions: [],
    settings: structuredClone(DEFAULT_SETTINGS),
  };
  return JSON.stringify(file, null, 2);
}

/** A file name like "unknot-lying-knees-to-chest-twist.json". */
export function shareFileName(routine: Routine): string {
  const slug = routine.name.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  return `unknot-${slug || 'routine'}.json`;
}

/** The one routine in a share file; throws ImportError (nothing changed) otherwise. */
export function readSharedRoutine(text: string): Routine {
  const file = parseExport(text);
  if (file.routines.length !== 1 || file.sessions.length || file.plans.length) {
    throw new ImportError(
      `Nothing was imported: a shared routine file holds exactly one routine and no sessions; this one has ${file.routines.length} routines and ${file.sessions.length} sessions. Use Import in the data settings for a full export.`,
    );
  }
  return file.routines[0].routine;
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
