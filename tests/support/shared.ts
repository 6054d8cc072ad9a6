/**
 * The workplace's shared folder next to the repository (../shared): the real Bangle.js 2
 * emulator and BangleApps' own checks. CI has it; a user's clone does not, and the tests that
 * need it skip, saying why. UNKNOT_SHARED points elsewhere (e.g. from a git worktree).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const SHARED = process.env.UNKNOT_SHARED ?? resolve(import.meta.dirname, '../../../shared');

/** A folder of ../shared, or '' when it is not there. */
export function sharedDir(name: string): string {
  const dir = resolve(SHARED, name);
  return existsSync(dir) ? dir : '';
}
