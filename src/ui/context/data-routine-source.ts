/** The routine source backed by the database: the user's routines and the built-ins, deleted ones hidden. */
import type { UnknotData } from '../../data/api';
import { builtInSource, type RoutineSource } from './app-context';

export function dataRoutineSource(data: UnknotData): RoutineSource {
  return {
    list: async () => (await data.routines.list()).map((r) => r.routine),
    get: async (id) => {
      const record = await data.routines.get(id);
      return record && record.deletedAt === undefined ? record.routine : undefined;
    },
  };
}

/**
 * The source views get from the start: it answers once the database is open, so a reload of a
 * user routine's page never flashes "not found" from the built-ins alone. If the database cannot
 * be opened it falls back to the built-in routines.
 */
export function openingRoutineSource(opening: Promise<UnknotData>): RoutineSource {
  const ready = opening.then(dataRoutineSource, () => builtInSource);
  return {
    list: async () => (await ready).list(),
    get: async (id) => (await ready).get(id),
  };
}
