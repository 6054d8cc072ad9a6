/** The wire protocol as the phone imports it (watch/protocol), byte by byte. */
import { describe, expect, it } from 'vitest';
import { BUILT_INS, compile, type Timeline } from '../../src/routine';
import {
  ERR, MAX_FRAME, MSG, PLAN_CUE, crc16, crc32, decodeFrame, decodePlan, encodeFrame, encodePlan, helloReplyFrame,
  logEntryFrame, parsePhoneMessage, parseWatchMessage, planFrames, segmentOf, setCuesFrame, shorten, startFrame,
  statusFrame, DEFAULT_CUES, reminderAtFrame, reminderFrames, reminderLabelFrame, remindersBeginFrame, readAt, readBegin,
  readLabel,
} from '../../watch/protocol';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('checksums', () => {
  it('match the published check values', () => {
    expect(crc16(ascii('123456789'), 0, 9)).toBe(0x29b1); // CRC-16/CCITT-FALSE
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926); // CRC-32/ISO-HDLC
  });
});

describe('frames', () => {
  it('lays out version, type, length, payload and a little-endian CRC', () => {
    const f = encodeFrame(0x05, Uint8Array.of(0xaa, 0xbb));
    const crc = crc16(f, 0, 5);
    expect([...f]).toEqual([1, 5, 2, 0xaa, 0xbb, crc & 0xff, crc >> 8]);
    expect(decodeFrame(f)).toEqual({ error: 0, type: 5, payload: Uint8Array.of(0xaa, 0xbb) });
  });

  it('names what is wrong with a bad frame', () => {
    const f = startFrame(7, 0);
    expect(decodeFrame(new Uint8Array(0)).error).toBe(ERR.BAD_LENGTH);
    expect(decodeFrame(Uint8Array.of(2, ...f.slice(1))).error).toBe(ERR.WRONG_VERSION);
    expect(decodeFrame(f.slice(0, -1)).error).toBe(ERR.BAD_LENGTH);
    const flipped = f.slice();
    flipped[5] ^= 4;
    expect(decodeFrame(flipped).error).toBe(ERR.BAD_CRC);
    expect(parsePhoneMessage(encodeFrame(0x42, new Uint8Array(0))).error).toBe(ERR.UNKNOWN_MESSAGE);
    expect(parsePhoneMessage(encodeFrame(MSG.STATUS, new Uint8Array(14))).error).toBe(ERR.UNKNOWN_MESSAGE); // wrong direction
    expect(parsePhoneMessage(encodeFrame(MSG.START, new Uint8Array(7))).error).toBe(ERR.BAD_LENGTH);
    expect(() => encodeFrame(1, new Uint8Array(MAX_FRAME))).toThrow(/too long/);
  });

  it('round-trips every watch → phone message within 20 bytes', () => {
    const status = { state: 2, error: 0, re: 5, step: 300, msInStep: 123_456, planId: 0xdeadbeef, battery: 64 };
    const hello = { protocol: 2, module: '0.10', maxFrame: 128, firmware: '2v29.', clockMs: 1_795_593_600_123 };
    const log = { id: 4_000_000_000, planId: 0x12345678, startedAt: 1_795_593_600, activeS: 128, outcome: 2 };
    for (const f of [statusFrame(status), helloReplyFrame(hello), logEntryFrame(log)]) expect(f.length).toBeLessThanOrEqual(20);
    expect(parseWatchMessage(statusFrame(status)).status).toEqual(status);
    expect(parseWatchMessage(helloReplyFrame(hello)).hello).toEqual(hello);
    expect(parseWatchMessage(logEntryFrame(log)).log).toEqual(log);
    // A protocol 1 watch's reply (three-part version, no clock) still reads.
    const v1 = encodeFrame(MSG.HELLO_REPLY, Uint8Array.from([1, 0, 1, 0, 128, ...Buffer.from('2v29')]));
    expect(parseWatchMessage(v1).hello).toEqual({ protocol: 1, module: '0.1.0', maxFrame: 128, firmware: '2v29', clockMs: null });
    expect(parseWatchMessage(encodeFrame(MSG.HELLO_REPLY, Uint8Array.from([2, 0, 10, 128, 0, 0]))).error).toBe(ERR.BAD_LENGTH);
    const cues = parsePhoneMessage(setCuesFrame(DEFAULT_CUES));
    expect(cues).toMatchObject({ error: 0, cues: DEFAULT_CUES });
  });
});

describe('the plan', () => {
  const timelines: Timeline[] = BUILT_INS.map((b) => compile(b.routine));

  it.each(timelines.map((t) => [t.routineId, t] as const))('%s decodes to the same segments and cues', (_id, t) => {
    const bytes = encodePlan(t);
    const plan = decodePlan(bytes, crc32(bytes))!;
    expect(plan).not.toBeNull();
    expect(plan.totalMs).toBe(t.totalMs);
    expect(plan.count).toBe(t.segments.length);
    const bits: Record<string, number> = {
      'hold-end': PLAN_CUE.HOLD_END, 'rep-done': PLAN_CUE.REP_DONE, 'exercise-done': PLAN_CUE.EXERCISE_DONE,
      'routine-done': PLAN_CUE.ROUTINE_DONE, 'switch-side': PLAN_CUE.SWITCH_SIDE, 'hold-start': PLAN_CUE.HOLD_START,
    };
    t.segments.forEach((s, i) => {
      const p = segmentOf(plan, i);
      expect(p).toMatchObject({ durationMs: s.durationMs, rep: s.rep, reps: s.reps, label: shorten(s.label, 14) });
      expect(['setup', 'move', 'hold', 'back', 'rest'][p.kind]).toBe(s.kind);
      expect(['none', 'right', 'left'][p.side]).toBe(s.side);
      // An open-ended hold also carries WAIT: the watch ends it at a press or at its maximum.
      expect(p.cues).toBe(s.cues.reduce((n, c) => n | bits[c.type], s.open ? PLAN_CUE.WAIT : 0));
    });
  });

  it('shortens labels at a word boundary and names to 20 characters', () => {
    expect(shorten('Stand, arms out', 14)).toBe('Stand, arms');
    expect(shorten('Knees to chest', 14)).toBe('Knees to chest');
    expect(shorten('Étirement côté', 14)).toBe('Etirement cote');
    const plan = decodePlan(encodePlan(timelines[0]), 0)!;
    expect(plan.name).toBe('Lying knees-to-chest');
  });

  it('refuses a damaged plan instead of guessing', () => {
    const bytes = encodePlan(timelines[0]);
    expect(decodePlan(bytes.slice(0, -1), 0)).toBeNull();
    const badLabel = bytes.slice();
    badLabel[bytes.length - 4] = 200; // label index of the last segment
    expect(decodePlan(badLabel, 0)).toBeNull();
    const zero = bytes.slice();
    zero[bytes.length - 7] = 0;
    zero[bytes.length - 6] = 0; // duration 0
    expect(decodePlan(zero, 0)).toBeNull();
  });

  it('refuses a timeline it cannot represent, naming the segment', () => {
    const t = structuredClone(timelines[0]);
    t.segments[3].durationMs = 1234;
    expect(() => encodePlan(t)).toThrow(/segment 3 .*1234 ms/);
  });

  it('the watch refuses each documented breach of §6: control characters, an empty label, repetition > repetitions, bit 7 of the cue byte', () => {
    const good = encodePlan(timelines[0]);
    expect(decodePlan(good, 0)).not.toBeNull();
    const nameAt = 2;
    const labelLenAt = 2 + good[1] + 1; // the first label's length byte
    const base = decodePlan(good, 0)!.base;
    const bad = (edit: (b: Uint8Array) => void) => {
      const b = good.slice();
      edit(b);
      return decodePlan(b, 0);
    };
    expect(bad((b) => (b[nameAt] = 0x07))).toBeNull(); // BEL in the name
    expect(bad((b) => (b[nameAt] = 0x7f))).toBeNull(); // DEL in the name
    expect(bad((b) => (b[labelLenAt + 1] = 0x0a))).toBeNull(); // newline in a label
    expect(bad((b) => (b[base + 4] = b[base + 5] + 1))).toBeNull(); // repetition > repetitions
    expect(bad((b) => (b[base + 6] |= 0x80))).toBeNull(); // cue bit 7
    expect(bad((b) => (b[base + 6] |= 0x40))).not.toBeNull(); // bit 6: open-ended, fine
    // An empty label: rebuild the label table with a zero-length first label.
    const t = structuredClone(timelines[0]);
    const emptyLabel = Uint8Array.from([...good.subarray(0, labelLenAt), 0, ...good.subarray(labelLenAt)]);
    emptyLabel[labelLenAt - 1]++; // one label more: an empty one, first
    expect(decodePlan(emptyLabel, 0)).toBeNull();
    const nonEmpty = Uint8Array.from([...good.subarray(0, labelLenAt), 1, 0x41, ...good.subarray(labelLenAt)]);
    nonEmpty[labelLenAt - 1]++;
    expect(decodePlan(nonEmpty, 0)).not.toBeNull(); // the same with "A": only the emptiness was refused
    t.segments[0].rep = t.segments[0].reps + 1;
    expect(() => encodePlan(t)).toThrow(/segment 0 .*repetition/);
  });

  it('goes out in chunks that fit the write size, with offsets that cover every byte once', () => {
    const bytes = encodePlan(timelines[0]);
    for (const size of [20, 64, 128]) {
      const frames = planFrames(bytes, size);
      const msgs = frames.map((f) => parsePhoneMessage(f));
      expect(frames.every((f) => f.length <= size)).toBe(true);
      expect(msgs[0]).toMatchObject({ type: MSG.PLAN_BEGIN, total: bytes.length, crc: crc32(bytes) });
      expect(msgs.at(-1)!.type).toBe(MSG.PLAN_COMMIT);
      const joined = new Uint8Array(bytes.length);
      let next = 0;
      for (const m of msgs.slice(1, -1)) {
        expect(m.offset).toBe(next);
        joined.set(m.data, m.offset);
        next += m.data.length;
      }
      expect(joined).toEqual(bytes);
    }
  });
});

describe('reminder messages', () => {
  const payload = (f: Uint8Array) => [...decodeFrame(f).payload];

  it('lay out counts and clock, label, instant byte by byte (little-endian)', () => {
    expect(payload(remindersBeginFrame(2, 3, 0x6a0b2c3d))).toEqual([2, 3, 0x3d, 0x2c, 0x0b, 0x6a]);
    expect(payload(reminderLabelFrame(1, 'Twist'))).toEqual([1, ...ascii('Twist')]);
    expect(payload(reminderAtFrame({ index: 4, label: 1, at: 0x6a0b2c3d, pattern: 0x83 }))).toEqual([4, 1, 0x3d, 0x2c, 0x0b, 0x6a, 0x83]);
    expect(readBegin(decodeFrame(remindersBeginFrame(2, 3, 99)).payload)).toEqual({ labels: 2, instants: 3, phoneNow: 99 });
    expect(readLabel(decodeFrame(reminderLabelFrame(1, 'Knees to chest')).payload)).toEqual({ index: 1, text: 'Knees to chest', ok: true });
    expect(readAt(decodeFrame(reminderAtFrame({ index: 4, label: 1, at: 4e9, pattern: 0x02 })).payload)).toEqual({ index: 4, label: 1, at: 4e9, pattern: 2 });
  });

  it('fit 20-byte writes, and the parser checks their sizes', () => {
    const frames = reminderFrames({ labels: ['Knees to chest'], instants: [{ at: 10, label: 0 }, { at: 20, label: 0 }] }, 5, 0x83);
    expect(frames.map((f) => f[1])).toEqual([MSG.REMINDERS_BEGIN, MSG.REMINDER_LABEL, MSG.REMINDER_AT, MSG.REMINDER_AT, MSG.REMINDERS_COMMIT]);
    expect(Math.max(...frames.map((f) => f.length))).toBe(20);
    for (const f of frames) expect(parsePhoneMessage(f).error).toBe(0);
    expect(parsePhoneMessage(encodeFrame(MSG.REMINDER_LABEL, Uint8Array.of(0))).error).toBe(ERR.BAD_LENGTH);
    expect(parsePhoneMessage(encodeFrame(MSG.REMINDER_AT, new Uint8Array(6))).error).toBe(ERR.BAD_LENGTH);
    expect(parsePhoneMessage(encodeFrame(MSG.REMINDERS_BEGIN, new Uint8Array(7))).error).toBe(ERR.BAD_LENGTH);
  });

  it('refuse, before sending, a schedule the watch would refuse', () => {
    const ok = { labels: ['Twist'], instants: [{ at: 10, label: 0 }] };
    expect(() => reminderFrames({ ...ok, labels: Array(9).fill('x') }, 0, 0x83)).toThrow(/too long/);
    expect(() => reminderFrames({ ...ok, labels: ['A label far too long'] }, 0, 0x83)).toThrow(/label 0/);
    expect(() => reminderFrames({ ...ok, instants: [{ at: 10, label: 0 }, { at: 10, label: 0 }] }, 0, 0x83)).toThrow(/instant 1/);
    expect(() => reminderFrames({ ...ok, instants: [{ at: 10, label: 1 }] }, 0, 0x83)).toThrow(/instant 0/);
    expect(() => reminderFrames(ok, 0, 0x80)).toThrow(/pattern/);
  });
});
