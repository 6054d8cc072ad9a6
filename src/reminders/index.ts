/** Reminders: pure scheduling, the in-app runner and the notification path. */
export * from './schedule';
export * from './runner';
export * from './notify';
export * from './watch-schedule';
