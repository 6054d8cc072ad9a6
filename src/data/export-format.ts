/**
 * The export file's name, version and size limit: tiny constants the start-up code needs,
 * kept apart from transfer.ts so the import/export code (and its schemas) loads only when used.
 */
export const EXPORT_FORMAT = 'unknot-export';
/**
 * 2: sessions gain `felt` and `flag` (issue 14); 3: exercises may name pictures (issue 15). Older
 * files are upgraded on import, one version at a time (export-upgrades.ts).
 */
export const EXPORT_VERSION = 3;
/** 10 MB: ten years of sessions export to ≈3 MB (see the benchmark). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
