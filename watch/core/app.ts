/**
 * The watch module above the seam: the state machine, the radio handler, the button and the
 * face. Knows nothing of Espruino. Espruino subset (no defaults, destructuring, spread, `?.`).
 */
import type { Hardware } from './hardware';
import { createExecutor, play, pulsesOf, type Executor } from './executor';
import { ROWS_Y, ROW_H, faceOf, reminderFace } from './face';
import { REMINDERS_FILE, justDue, loadReminders } from './reminders';
import { GO_FILE, PLAN_FILE, WRIST_PREFIX, ackLog, addLog, countDone, loadSettings, oldestLog, saveSettings } from './store';
import { ERR, MAX_FRAME, PROTOCOL_VERSION } from '../protocol/frame';
import {
  LOW_BATTERY, MSG, OUTCOME, STATE, WRIST_PLANS, helloReplyFrame, logEntryFrame, logNoneFrame, parsePhoneMessage, statusFrame, type PhoneMessage,
} from '../protocol/messages';
import { MAX_PLAN_BYTES, decodePlan, type Plan } from '../protocol/plan';

export interface App {
  /** The radio handler: one frame from the phone, received at `at` (watch clock ms). Never throws. */
  receive(bytes: Uint8Array, at: number): void;
  /** The button (docs/protocol.md §7 has the whole map). */
  press(long: boolean): void;
  state(): number;
}

/** How long "Tap to stop" waits for its tap. */
const ASK_MS = 5000;

interface Upload {
  buf: Uint8Array;
  got: number;
  crc: number;
}

export function createApp(hw: Hardware, version: string): App {
  const settings = loadSettings(hw);
  let plan: Plan | null = null;
  let exec: Executor | null = null;
  let upload: Upload | null = null;
  let state: number = STATE.IDLE;
  let startedAt = 0;

  /** A checked plan from a file, or null. */
  const readPlan = (name: string): Plan | null => {
    const b = hw.readBytes(name);
    return b ? decodePlan(b, hw.crc32(b)) : null;
  };
  plan = readPlan(PLAN_FILE);
  if (plan) state = STATE.LOADED;
  /** The plans kept for the wrist (KEEP_PLAN), by slot; null where a slot is empty. */
  let wrist: (Plan | null)[] = [];
  const readWrist = (): void => {
    wrist = [];
    for (let i = 0; i < WRIST_PLANS; i++) wrist.push(readPlan(WRIST_PREFIX + i));
  };
  readWrist();
  /** "Tap to stop" is showing until this instant (watch clock ms); 0 when not asking. */
  let askUntil = 0;
  /** The low-battery warning was shown: the next press starts anyway. */
  let warned = false;

  /** A reminder on show, until a press or a start; never during a session. */
  let reminder: string | null = null;

  const active = (): boolean => state === STATE.RUNNING || state === STATE.PAUSED;
  const asking = (): boolean => askUntil > hw.now();
  const draw = (): void => {
    const f = faceOf(state, plan, exec, hw.now());
    if (asking()) f.note = 'Tap to stop';
    else if (warned) f.note = 'Battery low!';
    if (!active()) {
      for (let i = 0; i < wrist.length; i++) {
        const w = wrist[i];
        if (w) {
          if (plan && w.id === plan.id) f.sel = f.rows.length;
          f.rows.push(w.name);
        }
      }
    }
    hw.draw(reminder && !active() ? reminderFace(f, reminder) : f);
  };

  /** One pattern now, with the current cue settings. */
  const buzz = (pattern: number): void => play(hw, settings.cues, pulsesOf(settings.cues, [pattern]), hw.now());

  /** State first: resuming may cross a step boundary, and the step status must say "running". */
  function setPaused(e: Executor, pause: boolean): void {
    state = pause ? STATE.PAUSED : STATE.RUNNING;
    if (pause) e.pause();
    else e.resume();
  }

  function status(re: number, error: number): void {
    const seg = exec && active() ? exec.segment() : null;
    hw.send(statusFrame({
      state: state,
      error: error,
      re: re,
      step: seg ? seg.index : 0,
      msInStep: exec && seg ? Math.round(exec.msInStep()) : 0,
      planId: plan ? plan.id : 0,
      battery: Math.max(0, Math.min(100, Math.round(hw.battery()))),
    }));
  }

  function log(outcome: number, ms: number): void {
    if (!plan) return;
    const e = { id: 0, planId: plan.id, startedAt: Math.floor(startedAt / 1000), activeS: Math.round(ms / 1000), outcome: outcome };
    if (!addLog(hw, settings, e)) status(0, ERR.STORAGE);
    if (outcome === OUTCOME.DONE) countDone(hw, startedAt);
  }

  /** Starts the loaded plan `delayMs` after `at` (watch clock ms). */
  function start(delayMs: number, at: number): void {
    if (!plan) return;
    const p = plan;
    reminder = null;
    warned = false;
    state = STATE.RUNNING;
    startedAt = at + delayMs;
    const e = createExecutor(hw, p, () => settings.cues, {
      step: () => {
        if (state === STATE.RUNNING) status(0, 0);
      },
      tick: draw,
      done: () => {
        state = STATE.DONE;
        log(OUTCOME.DONE, p.totalMs - e.skipped());
        status(0, 0);
        draw();
      },
    });
    exec = e;
    e.start(delayMs, at);
  }

  function stop(): void {
    askUntil = 0;
    if (!exec || !active()) return;
    const ms = exec.stop();
    state = STATE.LOADED;
    log(OUTCOME.STOPPED, ms);
  }

  /** "Tap to stop": the second half of the deliberate stop (long press or back, then a tap). */
  function ask(): void {
    askUntil = hw.now() + ASK_MS;
    buzz(0x01);
    hw.setTimer(draw, ASK_MS + 10);
  }

  /** Handles a checked message received at `at`; returns the error to report (0 = fine), or -1 when no reply is due. */
  function handle(m: PhoneMessage, at: number): number {
    const t = m.type;
    if (t === MSG.HELLO) {
      hw.send(helloReplyFrame({ protocol: PROTOCOL_VERSION, module: version, maxFrame: MAX_FRAME, firmware: hw.firmware(), clockMs: hw.now() }));
      return -1;
    }
    if (t === MSG.PLAN_BEGIN) {
      if (active()) return ERR.BAD_STATE;
      if (m.total > MAX_PLAN_BYTES) return ERR.BAD_PLAN;
      upload = { buf: new Uint8Array(m.total), got: 0, crc: m.crc };
      return 0;
    }
    if (t === MSG.PLAN_CHUNK) {
      // In order, or a repeat of bytes already received; anything else means the phone lost track.
      if (!upload || m.offset > upload.got || m.offset + m.data.length > upload.buf.length) return ERR.BAD_PLAN;
      upload.buf.set(m.data, m.offset);
      upload.got = Math.max(upload.got, m.offset + m.data.length);
      return -1;
    }
    if (t === MSG.PLAN_COMMIT) {
      if (active()) return ERR.BAD_STATE;
      const u = upload;
      upload = null;
      if (!u || u.got !== u.buf.length) return ERR.BAD_PLAN;
      if (hw.crc32(u.buf) !== u.crc) return ERR.PLAN_CRC;
      if (!decodePlan(u.buf, u.crc)) return ERR.BAD_PLAN;
      // Run from the stored copy, read back and checked: it proves the write, and on the watch
      // the file is memory-mapped flash, so the upload's RAM is freed.
      const kept = hw.writeBytes(PLAN_FILE, u.buf) ? hw.readBytes(PLAN_FILE) : null;
      const p = kept && hw.crc32(kept) === u.crc ? decodePlan(kept, u.crc) : null;
      if (!p) return ERR.STORAGE;
      plan = p;
      exec = null;
      state = STATE.LOADED;
      return 0;
    }
    if (t === MSG.START) {
      if (!plan || plan.id !== m.planId) return ERR.NO_PLAN;
      if (active()) return ERR.BAD_STATE;
      start(m.delayMs, at);
      return 0;
    }
    if (t === MSG.KEEP_PLAN) {
      if (!plan) return ERR.NO_PLAN;
      if (!hw.writeBytes(WRIST_PREFIX + m.slot, plan.bytes)) return ERR.STORAGE;
      readWrist();
      return 0;
    }
    if (t === MSG.DROP_PLANS) {
      for (let i = m.slot; i < WRIST_PLANS; i++) hw.erase(WRIST_PREFIX + i);
      readWrist();
      return 0;
    }
    if (t === MSG.PAUSE || t === MSG.RESUME) {
      if (!exec || state !== (t === MSG.PAUSE ? STATE.RUNNING : STATE.PAUSED)) return ERR.BAD_STATE;
      setPaused(exec, t === MSG.PAUSE);
      return 0;
    }
    if (t === MSG.STOP) {
      stop(); // idempotent: a STOP repeated after a lost reply is still fine
      return 0;
    }
    if (t === MSG.SET_CUES && m.cues) {
      settings.cues = m.cues;
      return saveSettings(hw, settings) ? 0 : ERR.STORAGE;
    }
    if (t === MSG.TEST_CUE) {
      buzz(settings.cues.patterns[m.cue]);
      return 0;
    }
    if (t === MSG.LOG_REQUEST) {
      const e = oldestLog(hw);
      hw.send(e ? logEntryFrame(e) : logNoneFrame());
      return -1;
    }
    if (t === MSG.LOG_ACK) {
      ackLog(hw, m.logId);
      return 0;
    }
    if (t >= MSG.REMINDERS_BEGIN) return hw.reminderSync(m);
    return 0; // STATUS_REQUEST
  }

  function receive(bytes: Uint8Array, at: number): void {
    let type = 0;
    try {
      const m = parsePhoneMessage(bytes);
      type = m.type;
      const err = m.error ? m.error : handle(m, at);
      if (err >= 0) status(type, err);
      if (!m.error) draw(); // a rejected frame changed nothing on the face
    } catch (fault) {
      internal(type, fault);
    }
  }

  /**
   * A fault while handling a message (a bug: nothing changed): reported as INTERNAL. `hw.send`
   * never throws, so this cannot throw in turn. `_fault` is there for a debugger.
   */
  function internal(type: number, _fault: unknown): void {
    status(type, ERR.INTERNAL);
  }

  function press(long: boolean): void {
    if (reminder) reminder = null; // the press that dismisses a reminder does nothing else
    else if (asking()) askUntil = 0; // any press keeps the session going
    else if (long) {
      if (active()) ask();
    } else if (exec && active()) {
      // "Next" in an open-ended hold; otherwise pause or resume.
      if (state === STATE.PAUSED || !exec.next()) setPaused(exec, state === STATE.RUNNING);
    } else if (plan) {
      if (!warned && hw.battery() < LOW_BATTERY) warned = true;
      else start(0, hw.now());
    }
    status(0, 0);
    draw();
  }

  function touch(_x: number, y: number): void {
    if (asking()) stop();
    else if (!active() && y >= ROWS_Y) {
      // A tap on a wrist plan's row chooses it.
      let row = Math.floor((y - ROWS_Y) / ROW_H);
      for (let i = 0; i < wrist.length; i++) {
        const w = wrist[i];
        if (w && row-- === 0) {
          plan = w;
          state = STATE.LOADED;
          warned = false;
        }
      }
    } else return;
    status(0, 0);
    draw();
  }

  hw.onFrame(receive);
  hw.onButton(press);
  hw.onTouch(touch);
  hw.onBack(() => {
    if (active()) {
      ask();
      draw();
    } else hw.leave();
  });
  // Leaving the app mid-session (another app loaded) still logs the session as stopped.
  hw.onExit(stop);
  // A session on the wrist is the routine already: a reminder then must not buzz over its cues.
  hw.onReminder((label, pattern) => {
    if (active()) return;
    reminder = label;
    buzz(pattern);
    draw();
  });
  // Opened by unknot.boot.js for a reminder that just rang on the clock face: show it.
  const rem = loadReminders(hw.readJSON(REMINDERS_FILE));
  const due = rem ? justDue(rem, hw.now() / 1000, 90) : null;
  if (rem && due) reminder = rem.l[due[1]];
  // Opened from the clock info's tap: start the last loaded plan.
  if (hw.readJSON(GO_FILE) && plan) {
    hw.erase(GO_FILE);
    press(false);
  }
  draw();
  return { receive: receive, press: press, state: () => state };
}
