/**
 * The watch's status → what the phone's player display shows. The watch is the clock: between
 * its notifications (one per step) the phone only counts down from the last one it got, and the
 * next notification sets it right again.
 */
import { STATE, type Status } from '../../watch/protocol/index';
import type { Timeline } from '../routine/index';
import type { PlayerSnapshot, PlayerState } from '../player/index';

const STATES: Record<number, PlayerState> = {
  [STATE.IDLE]: 'idle',
  [STATE.LOADED]: 'idle',
  [STATE.RUNNING]: 'running',
  [STATE.PAUSED]: 'paused',
  [STATE.DONE]: 'done',
};

/** `receivedAt` and `now` are on the same (phone) clock; only their difference is used. */
export function mirrorSnapshot(timeline: Timeline, status: Status, receivedAt: number, now: number): PlayerSnapshot {
  const state = STATES[status.state] ?? 'idle';
  const last = timeline.segments.length - 1;
  const seg = timeline.segments[Math.min(Math.max(0, status.step), last)];
  const done = state === 'done';
  const since = state === 'running' ? Math.max(0, now - receivedAt) : 0;
  const inStep = done ? seg.durationMs : Math.min(seg.durationMs, status.msInStep + since);
  const positionMs = Math.min(timeline.totalMs, seg.startMs + inStep);
  return {
    state,
    positionMs,
    totalMs: timeline.totalMs,
    progress: timeline.totalMs ? positionMs / timeline.totalMs : 0,
    segment: seg,
    segmentRemainingMs: seg.durationMs - inStep,
    rep: seg.rep,
    reps: seg.reps,
    side: seg.side,
    stepsDone: done ? timeline.segments.length : seg.index,
    stepsTotal: timeline.segments.length,
    completed: done,
    droppedMoments: 0,
    // "Next" on a watch session is the watch's button; the phone does not offer it here.
    waitingForNext: false,
  };
}
