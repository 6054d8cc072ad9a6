/**
 * Older export files are upgraded one version at a time BEFORE they are checked, so each format
 * change is one small step: a file of version N goes through UPGRADES[N], UPGRADES[N + 1], ... up
 * to EXPORT_VERSION, then through the current schema like any new file.
 */
import { EXPORT_VERSION } from './export-format';
import { sessionFlag } from '../safety/session-flag';

type Loose = Record<string, unknown>;
type Step = (file: Loose) => Loose;
const isObject = (x: unknown): x is Loose => !!x && typeof x === 'object' && !Array.isArray(x);
const score = (x: unknown) => (typeof x === 'number' ? x : undefined);

/** UPGRADES[N] turns a version-N file into a version N+1 file. */
export const UPGRADES: Record<number, Step> = {
  // 1 → 2: a session may carry `felt` (a version-1 file has none) and `flag`, set here from its
  // pain scores exactly as the database upgrade to version 4 sets it (issue 14).
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
  // 2 → 3: an exercise may name the pictures of its positions (`poses`, optional, issue 15). An
  // older file has none, so its routines are already valid version-3 routines.
  2: (file) => ({ ...file, version: 3 }),
};

/** The oldest version this app still reads. */
export const OLDEST_EXPORT_VERSION = 1;

/** A parsed file of version `from` (OLDEST_EXPORT_VERSION…EXPORT_VERSION), as the current version. */
export function upgradeExport(file: Record<string, unknown>, from: number): Record<string, unknown> {
  let out = file;
  for (let v = from; v < EXPORT_VERSION; v++) out = UPGRADES[v](out);
  return out;
}
