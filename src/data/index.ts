/** The data layer: IndexedDB through idb. Components get an UnknotData from the app's context. */
export { openUnknotDb, RELOAD_ADVICE, type OpenOptions } from './db';
export type * from './api';
export type * from './schema';
export { DEFAULT_SETTINGS, DB_NAME, DB_VERSION, exerciseMs } from './schema';
export { ValidationError, ImportError, StorageFullError, NotFoundError, ConflictError } from './errors';
export { EXPORT_FORMAT, EXPORT_VERSION, MAX_IMPORT_BYTES } from './export-format';
export { NOTE_MAX, NOTE_INPUT_MAX } from './validate';
export { SessionJournal, JOURNAL_KEY, type JournalStorage } from './session-journal';
