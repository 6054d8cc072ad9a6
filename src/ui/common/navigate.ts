/**
 * Navigation from code: push the URL and let the app's RouterController (which follows
 * popstate) render it, so views need no reference to the router.
 */
export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** Fired (bubbling, composed) by views that changed the routine list, so the library re-reads it. */
export const ROUTINES_CHANGED = 'routines-changed';
export const routinesChanged = () => new CustomEvent(ROUTINES_CHANGED, { bubbles: true, composed: true });
