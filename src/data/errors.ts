/** Errors the data layer throws, each with a message a person can act on. */
import { formatErrors, type FieldError } from '../routine';

/**
 * A routine (or other record) that breaks the rules; `errors` name each field. The message is
 * `what` ("The routine was not saved") followed by one line per field.
 */
export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(
    what: string,
    readonly errors: FieldError[],
  ) {
    super(`${what}:\n${formatErrors(errors).join('\n')}`);
  }
}

/** An import that was refused; nothing was changed. `problems` are lines like `sessions[3].painAfter: must be 0–10, got 12`. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(problems.length ? `${message}\n${problems.join('\n')}` : message);
  }
}

/** The browser refused to store more (QuotaExceededError); the write was rolled back, older data is intact. */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(cause?: unknown) {
    super(
      'The phone has no room left for Unknot’s data, so this change was not saved. Everything saved before is still there. ' +
        'Free some space (or export your data), then try again.',
      { cause },
    );
  }
}

/**
 * An edit made from a stale copy: the routine was changed or deleted elsewhere (another tab or
 * window) after the edit began. Nothing was written.
 */
export class ConflictError extends Error {
  override name = 'ConflictError';
  constructor(readonly kind: 'changed' | 'deleted') {
    super(
      kind === 'deleted'
        ? 'Not saved: this routine was deleted in another tab or window while you edited it. Your changes are still here; restore it (Undo on the routines page) to save them.'
        : 'Not saved: this routine was changed in another tab or window while you edited it; saving would overwrite that. Your changes are still here; open it again to see the other change.',
    );
  }
}

/** A record that is not there (or deleted, when that matters). */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** True for the browser's "disk full" error, however it reaches us (a request, a transaction or a wrapper). */
export function isQuotaError(error: unknown): boolean {
  let e = error;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++, e = (e as { cause?: unknown }).cause) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  }
  return false;
}
