/**
 * The first-run welcome is shown once per browser: until the user acknowledges or skips it, the
 * app shows it before any view. The answer is kept in localStorage under WELCOME_KEY (a test sets
 * it there as a returning user's browser would have it); "Delete all my data" removes it.
 */
export const WELCOME_KEY = 'unknot-welcome';

export type WelcomeAnswer = 'acknowledged' | 'skipped';

/** True while the welcome was never acknowledged nor skipped in this browser. */
export function needsWelcome(storage: Pick<Storage, 'getItem'> | undefined): boolean {
  try {
    const answer = storage?.getItem(WELCOME_KEY);
    return answer !== 'acknowledged' && answer !== 'skipped';
  } catch {
    return false; // storage blocked (private mode settings): never trap the user in the welcome
  }
}

/** Remembers the answer; a storage that refuses it only means the welcome may show again. */
export function rememberWelcome(storage: Pick<Storage, 'setItem'> | undefined, answer: WelcomeAnswer): void {
  try {
    storage?.setItem(WELCOME_KEY, answer);
  } catch {
    // See needsWelcome.
  }
}
