/**
 * Reminders: pure scheduling, the in-app runner and the notification path. The watch's schedule
 * (./watch-schedule) is imported on its own, when a watch connects.
 */
export * from './schedule';
export * from './runner';
export * from './notify';
