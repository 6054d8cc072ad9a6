/** History: local days, streaks, adherence and pain trends. Pure TypeScript, no DOM. */
export * from './local-time';
export * from './days';
export * from './adherence';
export * from './pain';
export * from './source';
