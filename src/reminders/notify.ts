/**
 * Showing a due reminder as a system notification through the service worker registration
 * (Chrome on Android refuses `new Notification()` from a page: only showNotification works).
 * Everything browser-specific is passed in, so the choice logic is tested without a browser.
 */

/** The notification's Snooze button; the service worker passes it on as a SnoozeMessage. */
export const SNOOZE_ACTION = 'snooze';

/** What the service worker posts to the open pages when Snooze is tapped on a notification. */
export interface SnoozeMessage {
  type: 'unknot-reminder-snooze';
  reminder: { routineId: string; time: string; at: number };
}

export type NotifyResult = 'notified' | 'no-permission' | 'no-service-worker' | 'failed';

export interface NotifyEnv {
  /** `Notification.permission`, or undefined where notifications do not exist. */
  permission(): NotificationPermission | undefined;
  /** `navigator.serviceWorker.ready`, or undefined where there is no service worker. */
  ready(): Promise<Pick<ServiceWorkerRegistration, 'showNotification'>> | undefined;
}

export const browserNotifyEnv: NotifyEnv = {
  permission: () => (typeof Notification === 'undefined' ? undefined : Notification.permission),
  ready: () => (typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? navigator.serviceWorker.ready : undefined),
};

/**
 * Shows the notification if allowed and a service worker is active within `waitMs`; the in-app
 * banner is shown in every case by the caller, so a `false` here only means "banner only".
 */
export async function notifyReminder(
  env: NotifyEnv,
  reminder: { routineId: string; routineName: string; time: string; at: number },
  waitMs = 2000,
): Promise<NotifyResult> {
  if (env.permission() !== 'granted') return 'no-permission';
  const ready = env.ready();
  if (!ready) return 'no-service-worker';
  // `ready` never settles while no service worker is active (e.g. the first visit): do not wait forever.
  const registration = await Promise.race([ready, new Promise<null>((r) => setTimeout(() => r(null), waitMs))]);
  if (!registration) return 'no-service-worker';
  try {
    // `actions` (Snooze) is not in TypeScript's DOM types yet; browsers without it show none.
    const options: NotificationOptions & { actions?: { action: string; title: string }[] } = {
      body: `Your ${reminder.time} reminder. Tap to open Unknot.`,
      tag: `unknot-reminder-${reminder.routineId}-${reminder.at}`,
      data: { url: `/routine/${encodeURIComponent(reminder.routineId)}`, reminder: { routineId: reminder.routineId, time: reminder.time, at: reminder.at } },
      icon: '/pwa-192x192.png',
      actions: [{ action: SNOOZE_ACTION, title: 'Snooze 10 minutes' }],
    };
    await registration.showNotification(`Time for ${reminder.routineName}`, options);
    return 'notified';
  } catch {
    return 'failed';
  }
}

/**
 * Asks for permission; call ONLY from the user's own action (turning reminders on), as
 * browsers require and as is polite. Returns the resulting permission.
 */
export async function askNotificationPermission(): Promise<NotificationPermission | 'unsupported'> {
  if (typeof Notification === 'undefined') return 'unsupported';
  if (Notification.permission !== 'default') return Notification.permission;
  return Notification.requestPermission();
}
