/** The routine source backed by the database: the user's routines and the built-ins, deleted ones hidden. */
import type { UnknotData } from '../data/api';
import type { RoutineSource } from './app-context';

export function dataRoutineSource(data: UnknotData): RoutineSource {
  return {
    list: async () => (await data.routines.list()).map((r) => r.routine),
    get: async (id) => {
      const record = await data.routines.get(id);
      return record && record.deletedAt === undefined ? record.routine : undefined;
    },
  };
}
