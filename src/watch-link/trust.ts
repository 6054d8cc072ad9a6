/**
 * What the phone believes of what a watch says. A watch with a bug, a stale module or a lying
 * firmware must not be able to put impossible sessions into history, show a battery of 250 %,
 * or flood the calendar; these rules decide, the link applies them and the UI only shows the
 * result. Pure: no DOM, no storage, no clock of its own (the caller passes `now`).
 */
import { FRAME_OVERHEAD, FRAME_VERSION, LOW_BATTERY, OUTCOME, PROTOCOL_VERSION, crc16, type Hello, type LogEntry } from '../../watch/protocol/index';

/** The threshold the watch's button uses too: one constant in the shared protocol module. */
export { LOW_BATTERY };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** At most this many log entries are read per sync; the rest wait on the watch for the next one. */
export const MAX_ENTRIES_PER_SYNC = 50;
/** An entry that started longer ago than this is refused (a watch clock reset to 1970, say). */
export const MAX_AGE_MS = 90 * DAY;
/**
 * A session may last its routine's length plus this much: time the watch counts beyond the plan
 * (a hold kept open on the wrist, a pause the watch counted in) but no more.
 */
export const PAUSE_CAP_MS = 60 * MINUTE;
/** The longest START delay the protocol accepts: a session stopped during it logs a start ahead of the stop. */
export const MAX_START_DELAY_MS = 10 * MINUTE;
/** What the clock offset measured at HELLO may be wrong by (radio latency, drift over a long session). */
export const CLOCK_SLACK_MS = 2 * MINUTE;

/** Whether this phone and the watch speak the same protocol, and if not what the user should do. */
export type ProtocolVerdict =
  | { kind: 'ok'; watch: number; phone: number }
  | { kind: 'watch-newer' | 'watch-older'; watch: number; phone: number; message: string; frames?: true };

/** Compares the watch's protocol version (from HELLO, or the version byte of any frame it sent) with ours. */
export function protocolVerdict(watch: number, phone: number = PROTOCOL_VERSION): ProtocolVerdict {
  if (watch === phone) return { kind: 'ok', watch, phone };
  if (watch > phone) {
    return {
      kind: 'watch-newer',
      watch,
      phone,
      message: `The watch module is newer than this app (watch protocol ${watch}, this app knows up to ${phone}). Update Unknot: close and reopen the app, or reload this page, to get the new version.`,
    };
  }
  return {
    kind: 'watch-older',
    watch,
    phone,
    message: `The Unknot module on the watch is older than this app (watch protocol ${watch}, this app speaks ${phone}). Install the current module on the watch below.`,
  };
}

/**
 * A watch whose frames are in another format (byte 0, `FRAME_VERSION`): nothing it sends can be
 * read, so the link stops whichever side is newer.
 */
export function frameVerdict(format: number, phone: number = FRAME_VERSION): ProtocolVerdict {
  const newer = format > phone;
  return {
    kind: newer ? 'watch-newer' : 'watch-older',
    watch: format,
    phone,
    frames: true,
    message: newer
      ? `The watch module is newer than this app (its messages are in format ${format}, this app reads format ${phone}). Update Unknot: close and reopen the app, or reload this page, to get the new version.`
      : `The Unknot module on the watch is older than this app (its messages are in format ${format}, this app reads format ${phone}). Install the current module on the watch below.`,
  };
}

/**
 * Whether the phone must stop talking to the watch: a newer watch (it may mean other things by the
 * same bytes) or another frame format. An older module with the same frames keeps working: what
 * it lacks (open-ended holds, wrist plans) is left out, and the install is offered.
 */
export function stopsExchanges(v: ProtocolVerdict): boolean {
  return v.kind === 'watch-newer' || (v.kind === 'watch-older' && v.frames === true);
}

/**
 * The format byte of a frame that is well formed (length and CRC-16 agree) but in another frame
 * format, else null. Only such a frame says "the watch frames another way": a frame damaged on
 * the way (byte 0 garbled too) must not make the phone refuse a good watch.
 */
export function foreignVersion(bytes: Uint8Array): number | null {
  const len = bytes.length;
  if (len < FRAME_OVERHEAD || bytes[0] === FRAME_VERSION || bytes[2] + FRAME_OVERHEAD !== len) return null;
  const crc = crc16(bytes, 0, len - 2);
  return (crc & 0xff) === bytes[len - 2] && crc >> 8 === bytes[len - 1] ? bytes[0] : null;
}

/** The battery percentage if it is one (a whole number 0–100), else null: shown as "unknown". */
export function batteryPercent(b: number | null | undefined): number | null {
  return typeof b === 'number' && Number.isInteger(b) && b >= 0 && b <= 100 ? b : null;
}

/** "Battery 87%." or "Battery unknown." */
export function batteryText(b: number | null | undefined): string {
  const p = batteryPercent(b);
  return p === null ? 'Battery unknown.' : `Battery ${p}%.`;
}

/** The warning to show before a session starts on the wrist, or null when the battery is fine or unknown. */
export function lowBatteryWarning(b: number | null | undefined): string | null {
  const p = batteryPercent(b);
  if (p === null || p >= LOW_BATTERY) return null;
  return `The watch battery is at ${p}%. It may run out before the routine ends, and the session would stop there. Charge it first, or start anyway.`;
}

/** The watch's clock in ms since the epoch, if its HELLO reply carries it (`clockMs`; null from a protocol 1 watch). */
export function watchClockMs(hello: Hello | null): number | null {
  const clock = hello?.clockMs;
  return typeof clock === 'number' && Number.isFinite(clock) && clock > 0 ? clock : null;
}

/** What the phone knows of the routine an entry claims to have run. */
export interface PlanFacts {
  totalMs: number;
  /** Steps (segments) in the plan. */
  steps: number;
}

export interface EntryContext {
  /** Phone wall clock, ms since the epoch. */
  nowMs: number;
  /** Watch clock minus phone clock, ms, measured at HELLO; null when the watch did not tell (taken as 0). */
  clockOffsetMs: number | null;
}

/** A log entry as the watch sends it; `steps` only if its protocol reports the steps done. */
export type WatchLogEntry = LogEntry & { steps?: number };

export type EntryVerdict = { ok: true } | { ok: false; reason: string };

const KNOWN_OUTCOMES: readonly number[] = [OUTCOME.DONE, OUTCOME.STOPPED];

/**
 * Whether a log entry may reach history. Refused: an unknown outcome; a start in the future (on
 * the phone's clock, after the measured offset, beyond the longest start delay and the slack) or
 * an end there; a start older than 90 days; a duration beyond the routine's length plus the pause
 * cap; more steps than the routine has. `reason` says which, in words.
 */
export function judgeEntry(e: WatchLogEntry, plan: PlanFacts, ctx: EntryContext): EntryVerdict {
  const refuse = (reason: string): EntryVerdict => ({ ok: false, reason });
  if (!KNOWN_OUTCOMES.includes(e.outcome)) return refuse(`its outcome is unknown (code ${e.outcome})`);
  const startMs = e.startedAt * 1000 - (ctx.clockOffsetMs ?? 0);
  const activeMs = e.activeS * 1000;
  const ahead = ctx.nowMs + CLOCK_SLACK_MS;
  if (startMs > ahead + MAX_START_DELAY_MS) return refuse('it starts in the future');
  if (startMs + activeMs > ahead + MAX_START_DELAY_MS) return refuse('it ends in the future');
  if (startMs < ctx.nowMs - MAX_AGE_MS) return refuse('it started more than 90 days ago');
  // activeS is rounded to the second on the watch: one second of grace.
  if (activeMs > plan.totalMs + PAUSE_CAP_MS + 1000) return refuse('it lasted longer than its routine can');
  if (e.steps !== undefined && e.steps > plan.steps) return refuse('it has more steps than its routine');
  return { ok: true };
}
