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

/**
 * Fired (cancelable) on `window` by the app's router before it follows one of the app's links;
 * detail: `{ path }`. A view with something under way (a running session) cancels it, asks, and
 * calls navigate(path) itself if the person still wants to leave.
 */
export const LEAVE_REQUEST = 'unknot-leave-request';
export const leaveRequest = (path: string) => new CustomEvent<{ path: string }>(LEAVE_REQUEST, { detail: { path }, cancelable: true });
