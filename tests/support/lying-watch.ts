/**
 * What a lying (or broken, or differently versioned) watch does, applied to the REAL built watch
 * module in the Espruino double: entries written straight into its log storage as its own
 * addLog would, and its notifications re-framed with another version byte or battery value
 * (CRC recomputed, so the frame is well formed and only its content lies).
 */
import type { EspruinoDouble } from '../watch/espruino-double';
import { MSG, OUTCOME, crc16, type LogEntry } from '../../watch/protocol';

const LOG_PREFIX = 'unknot.log.';

/** Writes `entry` into the watch's flash as an unacknowledged session (the file the module reads). */
export function injectLog(watch: EspruinoDouble, entry: LogEntry): void {
  watch.files.set(LOG_PREFIX + entry.id, JSON.stringify(entry));
}

/** The log files still on the watch. */
export const logFiles = (watch: EspruinoDouble): string[] => [...watch.files.keys()].filter((n) => n.startsWith(LOG_PREFIX));

function withCrc(b: Uint8Array): Uint8Array {
  const crc = crc16(b, 0, b.length - 2);
  b[b.length - 2] = crc & 0xff;
  b[b.length - 1] = crc >> 8;
  return b;
}

/** The same frame as another protocol version would send it. */
export function reframe(frame: Uint8Array, version: number): Uint8Array {
  const b = frame.slice();
  b[0] = version;
  return withCrc(b);
}

/** A STATUS frame with its battery byte replaced (other frames unchanged). */
export function withBattery(frame: Uint8Array, battery: number): Uint8Array {
  if (frame[1] !== MSG.STATUS) return frame;
  const b = frame.slice();
  b[3 + 13] = battery;
  return withCrc(b);
}

/** A HELLO reply (in the current framing) whose payload claims protocol `version`. */
export function withHelloProtocol(frame: Uint8Array, version: number): Uint8Array {
  if (frame[1] !== MSG.HELLO_REPLY) return frame;
  const b = frame.slice();
  b[3] = version;
  return withCrc(b);
}

/**
 * One of each kind of implausible entry for a plan of `totalMs`, on a watch whose clock reads
 * `nowMs`, with ids from `firstId`; `kind` says what is wrong with it.
 */
export function implausibleEntries(planId: number, totalMs: number, nowMs: number, firstId: number): { kind: string; entry: LogEntry }[] {
  const now = Math.floor(nowMs / 1000);
  const planS = Math.round(totalMs / 1000);
  const e = (i: number, startedAt: number, activeS: number, outcome: number): LogEntry => ({ id: firstId + i, planId, startedAt, activeS, outcome });
  return [
    { kind: 'starts in the future', entry: e(0, now + 2 * 3600, 60, OUTCOME.STOPPED) },
    { kind: 'ends in the future', entry: e(1, now - 60, planS + 1800, OUTCOME.DONE) },
    { kind: 'older than 90 days', entry: e(2, now - 91 * 86400, 60, OUTCOME.STOPPED) },
    { kind: 'longer than its routine', entry: e(3, now - 86400, planS + 2 * 3600, OUTCOME.DONE) },
    { kind: 'unknown outcome', entry: e(4, now - 86400, 60, 7) },
  ];
}
