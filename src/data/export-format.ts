/**
 * The export file's name, version and size limit: tiny constants the start-up code needs,
 * kept apart from transfer.ts so the import/export code (and its schemas) loads only when used.
 */
export const EXPORT_FORMAT = 'unknot-export';
/** 2: sessions gain `felt` and `flag` (files of version 1 are upgraded on import, export-upgrade.ts). */
export const EXPORT_VERSION = 2;
/** 10 MB: ten years of sessions export to ≈3 MB (see the benchmark). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
