/**
 * Export files of older versions, brought up to the current one step by step before they are
 * validated: a file written by any earlier Unknot still imports. Each step is written against
 * the shape of ITS version and only adds what the next version has; validation comes after.
 */
import { sessionFlag } from '../safety/session-flag';

type Loose = Record<string, unknown>;
const isObject = (x: unknown): x is Loose => !!x && typeof x === 'object' && !Array.isArray(x);
const score = (x: unknown) => (typeof x === 'number' ? x : undefined);

/** `UPGRADES[n]` turns a version-n file into a version-(n+1) file. */
export const UPGRADES: Readonly<Record<number, (file: Loose) => Loose>> = {
  // 1 → 2: a session may carry `felt` (a version-1 file has none) and `flag`, set here from its
  // pain scores exactly as the database upgrade to version 4 sets it.
  1: (file) => ({
    ...file,
    version: 2,
    sessions: Array.isArray(file.sessions)
      ? file.sessions.map((s: unknown) => {
          if (!isObject(s) || 'flag' in s) return s;
          const flag = sessionFlag(score(s.painBefore), score(s.painAfter));
          return flag ? { ...s, flag } : s;
        })
      : file.sessions,
  }),
};

/** The file at version `to`, when every step from its version is known; otherwise it is returned as it is. */
export function upgradeExport(file: Loose, to: number): Loose {
  let current = file;
  while (typeof current.version === 'number' && current.version < to && UPGRADES[current.version]) {
    current = UPGRADES[current.version](current);
  }
  return current;
}
