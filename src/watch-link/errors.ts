/** Plain words for the watch's error codes (ERR.* in watch/protocol/frame.ts). */
import { ERR } from '../../watch/protocol/index';

const MESSAGES: Record<number, string> = {
  [ERR.BAD_CRC]: 'a message was damaged on the way (checksum)',
  [ERR.UNKNOWN_MESSAGE]: 'it did not understand a message (is the watch module up to date?)',
  [ERR.BAD_LENGTH]: 'a message had the wrong length',
  [ERR.WRONG_VERSION]: 'it speaks another protocol version (update the watch module)',
  [ERR.PLAN_CRC]: 'the routine arrived damaged (checksum)',
  [ERR.BAD_PLAN]: 'the routine arrived incomplete or malformed',
  [ERR.NO_PLAN]: 'it has no routine loaded to start',
  [ERR.BAD_STATE]: 'that is not possible in its current state',
  [ERR.BAD_VALUE]: 'a setting was out of range',
  [ERR.STORAGE]: 'its storage is full',
  [ERR.INTERNAL]: 'it hit an internal fault (nothing was changed)',
  [ERR.BAD_SCHEDULE]: 'the reminders arrived incomplete (its previous reminders stay)',
};

/** What went wrong, in a few words ("a message had the wrong length"); a code this app does not know: "error N". */
export const watchErrorReason = (code: number): string => MESSAGES[code] ?? `error ${code}`;

/**
 * The watch's error code in a sentence. A code this app does not know (a newer or misbehaving
 * watch) is reported as a number, never guessed at: "The watch reported error 77."
 */
export function watchErrorText(code: number): string {
  return Object.hasOwn(MESSAGES, code) ? `The watch refused: ${MESSAGES[code]}.` : `The watch reported error ${code}.`;
}
