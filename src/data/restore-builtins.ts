/**
 * Bringing deleted built-in routines back, from the library at any time and from a home-screen
 * shortcut that points at one. Restoring keeps the user's own changes to a built-in (it only
 * undoes the deletion); a built-in whose record is missing altogether is seeded again as shipped.
 */
import type { UnknotData } from './api';
import { BUILT_INS, type Routine } from '../routine';

type RoutinesApi = Pick<UnknotData['routines'], 'get' | 'restore' | 'put'>;

interface DeletedBuiltIn {
  routine: Routine;
  /** False when the record is missing altogether (seeded again as shipped). */
  stored: boolean;
}

/**
 * Each built-in that is deleted (or missing), in the shipped order, read by its id: a library of
 * thousands of routines is not read through to find three.
 */
async function findDeleted(routines: Pick<RoutinesApi, 'get'>): Promise<DeletedBuiltIn[]> {
  const records = await Promise.all(BUILT_INS.map((b) => routines.get(b.routine.id)));
  return BUILT_INS.flatMap((b, i) => {
    const r = records[i];
    if (r && r.deletedAt === undefined) return [];
    return [{ routine: r?.routine ?? structuredClone(b.routine), stored: !!r }];
  });
}

/** The built-ins that are deleted (or missing), in the shipped order. */
export async function deletedBuiltIns(routines: Pick<RoutinesApi, 'get'>): Promise<Routine[]> {
  return (await findDeleted(routines)).map((d) => d.routine);
}

/** True when `id` names a built-in routine. */
export const isBuiltIn = (id: string): boolean => BUILT_INS.some((b) => b.routine.id === id);

/** Restores the given built-ins (all deleted ones by default); returns those restored. */
export async function restoreBuiltIns(routines: RoutinesApi, ids?: readonly string[]): Promise<Routine[]> {
  const wanted = (await findDeleted(routines)).filter((d) => !ids || ids.includes(d.routine.id));
  const restored: Routine[] = [];
  for (const d of wanted) {
    restored.push((d.stored ? await routines.restore(d.routine.id) : await routines.put(d.routine)).routine);
  }
  return restored;
}
