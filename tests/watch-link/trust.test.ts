/** The rules for what the phone believes of a watch (src/watch-link/trust.ts), at their edges. */
import { describe, expect, it } from 'vitest';
import { FRAME_VERSION, OUTCOME, PROTOCOL_VERSION, helloReplyFrame, statusFrame, type Hello, type LogEntry } from '../../watch/protocol';
import {
  CLOCK_SLACK_MS, LOW_BATTERY, MAX_AGE_MS, MAX_START_DELAY_MS, PAUSE_CAP_MS, batteryPercent, batteryText, foreignVersion, frameVerdict, judgeEntry, stopsExchanges,
  lowBatteryWarning, protocolVerdict, watchClockMs, type EntryContext,
} from '../../src/watch-link/trust';
import { watchErrorText } from '../../src/watch-link/errors';
import { reframe } from '../support/lying-watch';

describe('protocol version', () => {
  it('the same version is fine; a newer watch asks to update the app; an older one offers to install the module', () => {
    expect(protocolVerdict(PROTOCOL_VERSION)).toEqual({ kind: 'ok', watch: PROTOCOL_VERSION, phone: PROTOCOL_VERSION });
    const newer = protocolVerdict(PROTOCOL_VERSION + 1);
    expect(newer).toMatchObject({ kind: 'watch-newer', watch: PROTOCOL_VERSION + 1 });
    expect(newer.kind !== 'ok' && newer.message).toMatch(/Update Unknot/);
    const older = protocolVerdict(3, 4);
    expect(older).toMatchObject({ kind: 'watch-older', watch: 3, phone: 4 });
    expect(older.kind !== 'ok' && older.message).toMatch(/older than this app.*Install the current module/);
  });

  it('a well-formed frame of another version tells the version; a damaged one or ours does not', () => {
    const status = statusFrame({ state: 0, error: 0, re: 1, step: 0, msInStep: 0, planId: 0, battery: 50 });
    expect(foreignVersion(reframe(status, PROTOCOL_VERSION + 1))).toBe(PROTOCOL_VERSION + 1);
    expect(foreignVersion(reframe(status, 0))).toBe(0);
    expect(foreignVersion(status)).toBeNull(); // our own version
    const garbled = status.slice();
    garbled[0] = 0x77; // byte 0 hit by noise: the CRC no longer agrees
    expect(foreignVersion(garbled)).toBeNull();
    expect(foreignVersion(reframe(status, 2).subarray(0, 10))).toBeNull(); // cut short
    expect(foreignVersion(new Uint8Array([2]))).toBeNull();
  });

  it('a newer watch or other frames stop the link; an older module with our frames keeps working', () => {
    expect(stopsExchanges(protocolVerdict(PROTOCOL_VERSION + 1))).toBe(true);
    expect(stopsExchanges(protocolVerdict(PROTOCOL_VERSION - 1))).toBe(false);
    expect(stopsExchanges(protocolVerdict(PROTOCOL_VERSION))).toBe(false);
    const newerFrames = frameVerdict(FRAME_VERSION + 1);
    expect(newerFrames).toMatchObject({ kind: 'watch-newer', watch: FRAME_VERSION + 1 });
    expect(newerFrames.kind !== 'ok' && newerFrames.message).toMatch(/newer than this app.*Update Unknot/);
    expect(stopsExchanges(newerFrames)).toBe(true);
    expect(stopsExchanges(frameVerdict(FRAME_VERSION - 1))).toBe(true);
  });

  it('the watch clock is read from the HELLO reply when it carries one, else unknown', () => {
    const hello: Hello = { protocol: 1, module: '0.1.0', maxFrame: 128, firmware: '2v29', clockMs: null };
    expect(watchClockMs(hello)).toBeNull();
    expect(watchClockMs(null)).toBeNull();
    expect(watchClockMs({ ...hello, protocol: 2, clockMs: 1_790_000_000_123 })).toBe(1_790_000_000_123);
    expect(watchClockMs({ ...hello, protocol: 2, clockMs: 0 })).toBeNull();
    // Every reply's byte 0 is the frame format, whatever the protocol.
    expect(helloReplyFrame(hello)[0]).toBe(FRAME_VERSION);
  });
});

describe('battery', () => {
  it('shown only within 0–100 %', () => {
    expect([0, 1, 87, 100].map(batteryPercent)).toEqual([0, 1, 87, 100]);
    expect([101, 255, -1, 12.5, NaN, undefined, null].map(batteryPercent)).toEqual([null, null, null, null, null, null, null]);
    expect(batteryText(87)).toBe('Battery 87%.');
    expect(batteryText(250)).toBe('Battery unknown.');
  });

  it('warns under 20 %, not at 20 % nor when unknown', () => {
    expect(LOW_BATTERY).toBe(20);
    expect(lowBatteryWarning(19)).toMatch(/battery is at 19%.*start anyway/);
    expect(lowBatteryWarning(0)).toMatch(/at 0%/);
    expect(lowBatteryWarning(20)).toBeNull();
    expect(lowBatteryWarning(200)).toBeNull();
    expect(lowBatteryWarning(undefined)).toBeNull();
  });
});

describe('error codes', () => {
  it('a known code in words; an unknown one as the number the watch sent', () => {
    expect(watchErrorText(10)).toBe('The watch refused: its storage is full.');
    expect(watchErrorText(77)).toBe('The watch reported error 77.');
    expect(watchErrorText(0xff)).toBe('The watch reported error 255.');
  });
});

describe('log entries', () => {
  const now = Date.UTC(2026, 10, 29, 9, 0, 0);
  const plan = { totalMs: 128_000, steps: 35 };
  const ctx: EntryContext = { nowMs: now, clockOffsetMs: 0 };
  const entry = (over: Partial<LogEntry & { steps: number }> = {}): LogEntry => ({
    id: 1, planId: 0xabc, startedAt: Math.floor((now - 3_600_000) / 1000), activeS: 128, outcome: OUTCOME.DONE, ...over,
  });
  const reason = (e: LogEntry, c = ctx) => {
    const v = judgeEntry(e, plan, c);
    return v.ok ? 'ok' : v.reason;
  };
  const at = (ms: number) => Math.floor(ms / 1000);

  it('a real session passes, done or stopped', () => {
    expect(reason(entry())).toBe('ok');
    expect(reason(entry({ outcome: OUTCOME.STOPPED, activeS: 3 }))).toBe('ok');
  });

  it('an unknown outcome is refused', () => {
    expect(reason(entry({ outcome: 0 }))).toBe('its outcome is unknown (code 0)');
    expect(reason(entry({ outcome: 3 }))).toBe('its outcome is unknown (code 3)');
  });

  it('a start in the future beyond the offset, the longest start delay and the slack is refused', () => {
    const edge = now + CLOCK_SLACK_MS + MAX_START_DELAY_MS;
    expect(reason(entry({ startedAt: at(edge), activeS: 0, outcome: OUTCOME.STOPPED }))).toBe('ok');
    expect(reason(entry({ startedAt: at(edge) + 1, activeS: 0, outcome: OUTCOME.STOPPED }))).toBe('it starts in the future');
    // A watch clock one hour ahead, measured at HELLO: its "future" is the phone's present.
    const ahead = { nowMs: now, clockOffsetMs: 3_600_000 };
    expect(reason(entry({ startedAt: at(now + 3_600_000 - 200_000) }), ahead)).toBe('ok');
    expect(reason(entry({ startedAt: at(now + 3_600_000 - 200_000) }), ctx)).toBe('it starts in the future');
    // Without a measured offset the clocks are taken as equal.
    expect(reason(entry({ startedAt: at(now + 3_600_000) }), { nowMs: now, clockOffsetMs: null })).toBe('it starts in the future');
  });

  it('an end in the future is refused', () => {
    expect(reason(entry({ startedAt: at(now - 60_000), activeS: 128 + 1800 }))).toBe('it ends in the future');
    expect(reason(entry({ startedAt: at(now - 128_000), activeS: 128 }))).toBe('ok');
  });

  it('a start more than 90 days ago is refused', () => {
    expect(reason(entry({ startedAt: at(now - MAX_AGE_MS) + 1 }))).toBe('ok');
    expect(reason(entry({ startedAt: at(now - MAX_AGE_MS) - 1 }))).toBe('it started more than 90 days ago');
    expect(reason(entry({ startedAt: 0 }))).toBe('it started more than 90 days ago');
  });

  it('a duration beyond the routine plus the pause cap is refused', () => {
    const cap = (plan.totalMs + PAUSE_CAP_MS) / 1000;
    const start = at(now - 86_400_000);
    expect(reason(entry({ startedAt: start, activeS: cap }))).toBe('ok');
    expect(reason(entry({ startedAt: start, activeS: cap + 2 }))).toBe('it lasted longer than its routine can');
    expect(reason(entry({ startedAt: start, activeS: 0xffff }))).toBe('it lasted longer than its routine can');
  });

  it('more steps than the routine has is refused (a watch that reports steps)', () => {
    expect(reason(entry({ steps: 35 }))).toBe('ok');
    expect(reason(entry({ steps: 36 }))).toBe('it has more steps than its routine');
  });
});
