/** The phone ↔ watch link (issue 6): pairing, plan upload, status mirror, log sync, installer, fallback. */
export { WatchLink, type LinkData, type LinkOptions, type UploadResult } from './link';
export { WatchConnection, BACKOFF_MS, type Channels, type ConnState } from './connection';
export { GattQueue, LinkError } from './queue';
export { ALERT_HIGH, IMMEDIATE_ALERT, NORDIC_UART, ONE_CONNECTION_HINT, REQUEST_OPTIONS, UNSUPPORTED_MESSAGE, bluetoothOf, bytesOf } from './ble';
export { watchCues, choiceOf, patternFor, PATTERN_CHOICES, WATCH_CUE_NAMES, WATCH_CUE_SOURCES } from './cues';
export { watchErrorText } from './errors';
export { browserPlans, findRoutine, localPlans, memoryPlans, syncEntries, type LogChannel, type SyncResult, planIdOfRoutine, sessionFromLog, sessionIdOf, type PlanMemory } from './log-sync';
export { mirrorSnapshot } from './mirror';
export { installCommands, installModule, loadInstallFiles, LOAD_LINE, type InstallFile, type InstallProgress } from './installer';
export { buzzesAlert } from './alert';
export {
  LOW_BATTERY, MAX_ENTRIES_PER_SYNC, batteryPercent, batteryText, judgeEntry, lowBatteryWarning, protocolVerdict,
  type EntryVerdict, type ProtocolVerdict,
} from './trust';
export { WIPE_MAX_ENTRIES, wipeWatch, type WipeChannel, type WipeResult } from './wipe';
export { OPEN_HOLD_PROTOCOL, openHoldWarning, watchWaitsForPress } from './capabilities';
