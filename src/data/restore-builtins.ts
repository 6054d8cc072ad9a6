/**
 * Bringing deleted built-in routines back, from the library at any time and from a home-screen
 * shortcut that points at one. Restoring keeps the user's own changes to a built-in (it only
 * undoes the deletion); a built-in whose record is missing altogether is seeded again as shipped.
 */
import type { UnknotData } from './api';
import { BUILT_INS, type Routine } from '../routine';

type RoutinesApi = Pick<UnknotData['routines'], 'list' | 'get' | 'restore' | 'resetBuiltIn' | 'put'>;

/** The built-ins that are deleted (or missing), in the shipped order. */
export async function deletedBuiltIns(routines: Pick<RoutinesApi, 'list'>): Promise<Routine[]> {
  const stored = new Map((await routines.list({ includeDeleted: true })).map((r) => [r.routine.id, r]));
  return BUILT_INS.filter((b) => {
    const r = stored.get(b.routine.id);
    return !r || r.deletedAt !== undefined;
  }).map((b) => stored.get(b.routine.id)?.routine ?? structuredClone(b.routine));
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
