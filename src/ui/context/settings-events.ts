/** Sent (bubbling, composed, so it reaches window) after every saved change of the settings. */
export const SETTINGS_CHANGED = 'unknot-settings-changed';
