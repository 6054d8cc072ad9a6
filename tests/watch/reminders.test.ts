/**
 * Reminders through the BUILT watch files: the schedule goes in all or nothing over 20-byte
 * writes, and the watch rings each reminder on its own clock: in the app, on a clock face
 * (then it opens the app to show it), in another app, but never over a running session.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { builtInRoutine, compile } from '../../src/routine';
import {
  DEFAULT_CUES, ERR, MSG, REMINDER_PATTERN, STATE, crc32, encodePlan, planFrames, reminderAtFrame, reminderFrames,
  reminderLabelFrame, remindersBeginFrame, remindersCommitFrame, startFrame, type ReminderSchedule,
} from '../../watch/protocol';
import { EPOCH_MS, EspruinoDouble, builtWatch } from './espruino-double';
import { expectedBuzzes } from './expected';
import { TestPhone, reframe } from './phone';

let files: { app: string; boot: string };
beforeAll(async () => {
  files = await builtWatch();
});

const S = (ms: number) => Math.floor(ms / 1000);
const MIN = 60_000;
/** The phone's clock runs 2 minutes behind the watch's: the watch must ring on the phone's time. */
const SKEW_MS = 2 * MIN;
const schedule: ReminderSchedule = {
  labels: ['Knees to chest', 'Seated twist'],
  instants: [
    { at: S(EPOCH_MS - SKEW_MS + 30 * MIN), label: 0 },
    { at: S(EPOCH_MS - SKEW_MS + 90 * MIN), label: 1 },
    { at: S(EPOCH_MS - SKEW_MS + 14 * 86_400_000), label: 0 },
  ],
};
/** Where each instant falls on the watch clock. */
const dueOnWatch = schedule.instants.map((i) => i.at * 1000 + SKEW_MS);
const threeLong = (at: number) => [0, 1, 2].map((k) => ({ at: at + k * (DEFAULT_CUES.longMs + DEFAULT_CUES.gapMs), ms: DEFAULT_CUES.longMs, strength: 0.8 }));
const texts = (w: EspruinoDouble) => w.lastFrame().texts.map((t) => t.text);

function send(phone: TestPhone, frames: Uint8Array[]) {
  return phone.send(...frames).map((m) => [m.status!.re, m.status!.error]);
}

function withSchedule() {
  const watch = new EspruinoDouble().boot(files);
  const phone = new TestPhone(watch);
  const frames = reminderFrames(schedule, S(watch.now() - SKEW_MS), REMINDER_PATTERN);
  for (const f of frames) expect(f.length).toBeLessThanOrEqual(20);
  expect(send(phone, frames)).toEqual([[MSG.REMINDERS_BEGIN, 0], [MSG.REMINDERS_COMMIT, 0]]);
  return { watch, phone };
}

describe('the schedule goes in', () => {
  it('over 20-byte writes, answered at BEGIN and COMMIT only, kept on the watch clock', () => {
    const { watch } = withSchedule();
    const stored = JSON.parse(watch.files.get('unknot.rem')!);
    expect(stored).toEqual({ l: schedule.labels, r: schedule.instants.map((i, k) => [dueOnWatch[k] / 1000, i.label, REMINDER_PATTERN]) });
  });

  it('all or nothing: a lost label or instant, a wrong order or a full flash leaves the stored schedule as it was', () => {
    const { watch, phone } = withSchedule();
    const before = watch.files.get('unknot.rem');
    const now = S(watch.now());
    const frames = reminderFrames(schedule, now, REMINDER_PATTERN);
    const lost = (i: number) => frames.filter((_, k) => k !== i);
    expect(send(phone, lost(1)).at(-1)).toEqual([MSG.REMINDERS_COMMIT, ERR.BAD_SCHEDULE]); // label 0
    expect(send(phone, lost(4)).at(-1)).toEqual([MSG.REMINDERS_COMMIT, ERR.BAD_SCHEDULE]); // instant 1
    const swapped = [frames[0], frames[1], frames[2], frames[3], frames[5], frames[4], frames[6]];
    expect(send(phone, swapped)).toContainEqual([MSG.REMINDER_AT, ERR.BAD_SCHEDULE]);
    const backwards = [frames[0], frames[1], frames[2], reminderAtFrame({ index: 0, label: 0, at: now + 100, pattern: 0x83 }),
      reminderAtFrame({ index: 1, label: 0, at: now + 50, pattern: 0x83 })];
    expect(send(phone, backwards)).toContainEqual([MSG.REMINDER_AT, ERR.BAD_SCHEDULE]);
    watch.storageFull = true;
    expect(send(phone, frames).at(-1)).toEqual([MSG.REMINDERS_COMMIT, ERR.STORAGE]);
    watch.storageFull = false;
    expect(watch.files.get('unknot.rem')).toBe(before);
  });

  it('refuses values out of range with BAD_VALUE and parts without BEGIN with BAD_SCHEDULE', () => {
    const { phone } = withSchedule();
    const begin = remindersBeginFrame(1, 1, S(EPOCH_MS));
    expect(send(phone, [remindersBeginFrame(9, 1, 0)])).toEqual([[MSG.REMINDERS_BEGIN, ERR.BAD_VALUE]]);
    expect(send(phone, [remindersBeginFrame(1, 65, 0)])).toEqual([[MSG.REMINDERS_BEGIN, ERR.BAD_VALUE]]);
    expect(send(phone, [remindersBeginFrame(0, 1, 0)])).toEqual([[MSG.REMINDERS_BEGIN, ERR.BAD_VALUE]]);
    expect(send(phone, [reminderLabelFrame(0, 'Twist')])).toEqual([[MSG.REMINDER_LABEL, ERR.BAD_SCHEDULE]]);
    const bell = reminderLabelFrame(0, 'Twist').slice();
    bell[3 + 4] = 7; // a control character in the label
    expect(send(phone, [begin, reframe(bell)])).toEqual([[MSG.REMINDERS_BEGIN, 0], [MSG.REMINDER_LABEL, ERR.BAD_VALUE]]);
    const badPattern = reminderAtFrame({ index: 0, label: 0, at: S(EPOCH_MS) + 60, pattern: 0x08 });
    expect(send(phone, [begin, reminderLabelFrame(0, 'Twist'), badPattern])).toEqual([[MSG.REMINDERS_BEGIN, 0], [MSG.REMINDER_AT, ERR.BAD_VALUE]]);
    const badLabel = reminderAtFrame({ index: 0, label: 1, at: S(EPOCH_MS) + 60, pattern: 0x83 });
    expect(send(phone, [begin, reminderLabelFrame(0, 'Twist'), badLabel])).toEqual([[MSG.REMINDERS_BEGIN, 0], [MSG.REMINDER_AT, ERR.BAD_VALUE]]);
    // The refused part voided the upload: its commit cannot succeed.
    expect(send(phone, [remindersCommitFrame()])).toEqual([[MSG.REMINDERS_COMMIT, ERR.BAD_SCHEDULE]]);
  });

  it('an empty schedule clears the reminders', () => {
    const { watch, phone } = withSchedule();
    expect(send(phone, reminderFrames({ labels: [], instants: [] }, S(watch.now()), REMINDER_PATTERN))).toEqual([[MSG.REMINDERS_BEGIN, 0], [MSG.REMINDERS_COMMIT, 0]]);
    watch.advance(15 * 86_400_000);
    expect(watch.buzzes).toEqual([]);
  });
});

describe('the watch rings each reminder on its own clock', () => {
  it('in the app: three long pulses at the due second on the phone’s time, the routine on the face; a press dismisses it', () => {
    const { watch } = withSchedule();
    watch.advance(dueOnWatch[0] - watch.now() - 1);
    expect(watch.buzzes).toEqual([]);
    watch.advance(10_000);
    expect(watch.buzzes).toEqual(threeLong(dueOnWatch[0]));
    expect(texts(watch)).toEqual(expect.arrayContaining(['Time for', 'Knees to chest']));
    watch.press(50);
    expect(texts(watch)).not.toContain('Time for');
    expect(watch.buzzes).toHaveLength(3); // the dismissing press started nothing
    watch.advance(dueOnWatch[1] - watch.now() + 10_000);
    expect(watch.buzzes.slice(3)).toEqual(threeLong(dueOnWatch[1]));
    expect(texts(watch)).toContain('Seated twist');
    // Fourteen days on, still on the second: the boot timer re-aims at most an hour at a time.
    watch.press(50);
    watch.advance(dueOnWatch[2] - watch.now() + 10_000);
    expect(watch.buzzes.slice(6)).toEqual(threeLong(dueOnWatch[2]));
    expect(watch.pendingTimers()).toBe(0);
  });

  it('never over a running session: its buzzes stay exactly the plan’s', () => {
    const { watch, phone } = withSchedule();
    const timeline = compile(builtInRoutine('knees-to-chest-twist')!);
    const plan = encodePlan(timeline);
    phone.send(...planFrames(plan, 20));
    watch.advance(dueOnWatch[0] - watch.now() - 70_000);
    const delay = 10_000; // the reminder falls in the session's first minute
    const t0 = watch.now() + delay;
    expect(phone.status(startFrame(crc32(plan), delay)).state).toBe(STATE.RUNNING);
    watch.advance(delay + timeline.totalMs + 5000);
    expect(watch.buzzes).toEqual(expectedBuzzes(timeline, t0, DEFAULT_CUES));
    expect(texts(watch)).not.toContain('Time for');
  });

  it('a schedule sent later re-aims the timer at once', () => {
    const { watch, phone } = withSchedule();
    const soon = { labels: ['Hip twist'], instants: [{ at: S(watch.now() - SKEW_MS) + 300, label: 0 }] };
    expect(send(phone, reminderFrames(soon, S(watch.now() - SKEW_MS), REMINDER_PATTERN)).at(-1)).toEqual([MSG.REMINDERS_COMMIT, 0]);
    watch.advance(310_000);
    expect(watch.buzzes).toEqual(threeLong(watch.buzzes[0]?.at ?? -1));
    expect(watch.buzzes[0].at).toBe(EPOCH_MS + 300_000);
    watch.advance(dueOnWatch[0] - watch.now() + 10_000);
    expect(watch.buzzes).toHaveLength(3); // the old schedule is gone
  });

  it('on a clock face, with the app closed: buzzes, then opens the app, which shows the reminder', () => {
    const stored = withSchedule().watch.files;
    const face = new EspruinoDouble({ files: stored }).bootWithoutApp(files, true);
    face.advance(dueOnWatch[0] - face.now() + 10_000);
    expect(face.buzzes).toEqual(threeLong(dueOnWatch[0]));
    expect(face.loads).toEqual(['unknot.app.js']);
    // load() restarts the interpreter with the app: a new double from the same flash and time.
    const app = new EspruinoDouble({ files: face.files, startAt: face.now() }).boot(files);
    expect(texts(app)).toEqual(expect.arrayContaining(['Time for', 'Knees to chest']));
    expect(app.buzzes).toEqual([]); // rung once, by the boot file
  });

  it('in another app: buzzes and leaves that app alone', () => {
    const stored = withSchedule().watch.files;
    const other = new EspruinoDouble({ files: stored }).bootWithoutApp(files, false);
    other.advance(dueOnWatch[1] - other.now() + 10_000);
    expect(other.buzzes).toEqual([...threeLong(dueOnWatch[0]), ...threeLong(dueOnWatch[1])]);
    expect(other.loads).toEqual([]);
  });
});
