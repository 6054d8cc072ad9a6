/**
 * Bringing deleted built-in routines back, from the library at any time and from a home-screen
 * shortcut that points at one. Restoring keeps the user's own changes to a built-in (it only
 * undoes the deletion); a built-in whose record is missing altogether is seeded again as shipped.
 */
import type { UnknotData } from './api';
import { BUILT_INS, type Routine } from '../routine';

type RoutinesApi = Pick<UnknotData['routines'], 'get' | 'restore' | 'resetBuiltIn' | 'put'>;

/** The built-ins that are deleted (or missing), in the shipped order. Reads the built-ins' records only, not the whole library. */
export async function deletedBuiltIns(routines: Pick<RoutinesApi, 'get'>): Promise<Routine[]> {
  const stored = await Promise.all(BUILT_INS.map((b) => routines.get(b.routine.id)));
  return BUILT_INS.flatMap((b, i) => {
    const r = stored[i];
    return !r ? [structuredClone(b.routine)] : r.deletedAt !== undefined ? [r.routine] : [];
  });
}

/** True when `id` names a built-in routine. */
export const isBuiltIn = (id: string): boolean => BUILT_INS.some((b) => b.routine.id === id);

/** Restores the given built-ins (all deleted ones by default); returns those restored. */
export async function restoreBuiltIns(routines: RoutinesApi, ids?: readonly string[]): Promise<Routine[]> {
  const wanted = (await deletedBuiltIns(routines)).filter((r) => !ids || ids.includes(r.id));
  const restored: Routine[] = [];
  for (const r of wanted) {
    const record = await routines.get(r.id);
    restored.push((record ? await routines.restore(r.id) : await routines.put(structuredClone(BUILT_INS.find((b) => b.routine.id === r.id)!.routine))).routine);
  }
  return restored;
}
