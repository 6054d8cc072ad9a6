/**
 * Cross-cutting state handed down with @lit/context rather than module singletons, so a test
 * or another shell can provide its own.
 */
import { createContext } from '@lit/context';
import { BUILT_INS, builtInRoutine, type Routine } from '../../routine/index';

/** Where the views read routines from. The data layer provides the IndexedDB-backed one. */
export interface RoutineSource {
  list(): Promise<Routine[]>;
  get(id: string): Promise<Routine | undefined>;
}

export const routineSourceContext = createContext<RoutineSource>(Symbol('unknot-routine-source'));

/** The built-in routines only: what the app shows before (or without) its database. */
export const builtInSource: RoutineSource = {
  list: async () => BUILT_INS.map((b) => structuredClone(b.routine)),
  get: async (id) => builtInRoutine(id),
};
