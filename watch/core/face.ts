/** What the face shows in each state (the screen, behind the seam, decides how). Espruino subset. */
import type { Face } from './hardware';
import type { Executor } from './executor';
import type { Plan } from '../protocol/plan';
import { STATE } from '../protocol/messages';

/** Where the wrist plans' rows start on the idle face, and their height (px). */
export const ROWS_Y = 100;
export const ROW_H = 25;

function two(n: number): string {
  return n < 10 ? '0' + n : '' + n;
}

/** "m:ss" of a duration, rounded up: a countdown shows 0:01 until the last ms is gone. */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return Math.floor(s / 60) + ':' + two(s % 60);
}

export function faceOf(state: number, plan: Plan | null, exec: Executor | null, nowMs: number): Face {
  const d = new Date(nowMs);
  const face: Face = {
    clock: two(d.getHours()) + ':' + two(d.getMinutes()), title: 'Unknot', label: 'Load from phone', big: '', side: 0, rep: '', state: state,
    note: '', rows: [], sel: -1,
  };
  if (!plan) return face;
  face.title = plan.name;
  if (exec && (state === STATE.RUNNING || state === STATE.PAUSED)) {
    const seg = exec.segment();
    const t = exec.elapsed();
    if (t < 0) {
      face.label = 'Get ready';
      face.big = countdown(-t);
    } else {
      face.label = state === STATE.PAUSED ? 'Paused' : seg.label;
      face.big = countdown(seg.durationMs - exec.msInStep());
      face.side = seg.side;
      face.rep = seg.rep + '/' + seg.reps;
    }
    return face;
  }
  face.label = state === STATE.DONE ? 'Done. Again?' : 'Press to start';
  face.big = countdown(plan.totalMs);
  return face;
}

/** The face while a reminder is on show: which routine is due; a press dismisses it. */
export function reminderFace(face: Face, label: string): Face {
  face.title = 'Time for';
  face.label = label;
  face.big = '';
  face.side = 0;
  face.rep = '';
  return face;
}
