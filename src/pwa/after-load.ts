/**
 * Runs `start` after the page's load event (at once, in a task of its own, if it has passed).
 *
 * What the first paint does not need (the reminders banner, the install button, the safety
 * banner, workbox-window) is imported from here, so its code is fetched after the load event and the start-up
 * download stays within its budget (≤ 30 KiB gzip, tests/bench/pwa.bench.ts). A lazily loaded
 * element is in its template from the start: Lit upgrades it when its module arrives.
 */
export function afterLoad(start: () => void): void {
  const later = () => setTimeout(start, 0);
  if (document.readyState === 'complete') later();
  else addEventListener('load', later, { once: true });
}
