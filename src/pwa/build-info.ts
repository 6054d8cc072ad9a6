/**
 * The version string of this build, set by vite.config.ts (`UNKNOT_VERSION` env var, else
 * package.json). Shown in the app so a user, or a test, can tell which build is running.
 */
declare const __APP_VERSION__: string;

export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
