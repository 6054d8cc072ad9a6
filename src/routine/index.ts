/** The routine engine: pure TypeScript, no DOM. Used by the phone player, the watch plan and tests. */
export * from './model';
export * from './timeline';
export { compile, segmentAt, visitsOf } from './compile';
export { validateRoutine, formatErrors, type FieldError, type Validated } from './validate';
export { BUILT_INS, builtInRoutine, type BuiltIn } from './builtins';
export { SAFETY_ADVICE, SEE_A_DOCTOR_NOW } from './safety';
export { formatDuration, formatPrescription } from './format';
export { CUE_MEANINGS, BUZZING_CUES, type CueMeaning } from './cues';
