/**
 * The spoken script of a session: timeline + settings + language → what is said and when.
 * Pure: the voice, the screen's captions and the tests all read the same list.
 *
 * What it says (docs/player.md has the whole table for each built-in):
 * - a get-ready line as the session starts, and "3", "2", "1" in its last seconds;
 * - each movement AS IT STARTS, with its direction, so every hold begins in position; with the
 *   repetition ("Repetition 1 of 5." the first time, then "2 of 5.", "Last one.") and, when all
 *   repetitions of a side come together, the new side by name;
 * - "Hold" at the hold's start (its length on the first hold of an exercise; an open-ended hold
 *   says to tap Next), an optional breathing prompt, "3", "2", "1" before a fixed hold ends;
 * - the way back to the middle when the hold ends; a closing line at the end.
 *
 * Phrases never run into the next one: a phrase is given `speechMs` (a stated model of how long
 * a voice takes to say it) and the longest wording that ends SPEECH_GAP_MS before the next
 * utterance is chosen; when none fits, the shortest is said.
 */
import type { CueType, Segment, Timeline } from '../routine/index';
import { phrasesFor, type PhraseTable, type Wordings } from './phrases';

/** Characters per second a voice says at rate 1 (≈ 170 words a minute), spaces and stops included. */
export const CHARS_PER_SECOND = 15;
/** Silence kept between the end of one phrase and the next. */
export const SPEECH_GAP_MS = 200;
export const RATE_MIN = 0.7;
export const RATE_MAX = 1.3;

/** How long `text` takes to say at `rate` (1 = the voice's normal speed), by the model above. */
export function speechMs(text: string, rate = 1): number {
  return (text.length / (CHARS_PER_SECOND * rate)) * 1000;
}

export interface ScriptSettings {
  /** 0.7–1.3; 1 is the voice's normal speed. */
  speechRate?: number;
  /** A breathing prompt at the start of holds of 5 s or more. */
  breathing?: boolean;
}

/** What an utterance is; 'trainer' is the cue trainer's, never in a session's script. */
export type UtteranceKind = 'get-ready' | 'count' | 'move' | 'hold' | 'hold-end' | 'closing' | 'trainer';

/** One thing said, at one millisecond of the session. */
export interface Utterance {
  atMs: number;
  text: string;
  kind: UtteranceKind;
  /** The segment it belongs to (the one that starts, or for a hold end the hold that ends). */
  segment: number;
  /** The timeline cue it goes with, or null (a movement's start, a count). */
  cue: CueType | null;
  /** 3, 2 or 1 for a count (kind 'count'): the number itself, whatever the language says. */
  count?: number;
}

/** One part of an utterance; parts with a lower `rank` are shortened first. */
interface Part {
  wordings: Wordings;
  rank: number;
}

interface Draft {
  atMs: number;
  kind: UtteranceKind;
  segment: number;
  cue: CueType | null;
  parts: Part[];
  count?: number;
}

/** Shortening order: the breathing prompt goes first, the direction and the side last. */
const RANK = { breathe: 0, rep: 1, hold: 2, getReady: 2, closing: 2, move: 3, side: 4, fixed: 5 } as const;

/** The script of `timeline`, in time order, one utterance per millisecond at most. */
export function scriptOf(timeline: Timeline, settings: ScriptSettings = {}, lang = 'en'): Utterance[] {
  const p = phrasesFor(lang);
  const rate = clampRate(settings.speechRate ?? 1);
  const drafts = new Map<number, Draft>();
  const add: Adder = (atMs, kind, seg, cue, part, count) => {
    const d = drafts.get(atMs);
    if (d) d.parts.push(part);
    else drafts.set(atMs, { atMs, kind, segment: seg.index, cue, parts: [part], count });
  };
  const segs = timeline.segments;
  const heldIn = new Set<number>(); // exercises whose first hold was said
  const lastVisit = new Map<number, Segment>(); // per exercise, the start of the side visited last
  const blocks = blockExercises(timeline);

  for (const seg of segs) {
    const prev = segs[seg.index - 1];
    const end = seg.startMs + seg.durationMs;
    if (seg.kind === 'setup') {
      const ex = seg.exercise;
      add(seg.startMs, 'get-ready', seg, null, { wordings: ex === 0 ? p.getReady(seg.label) : p.nextExercise(seg.label), rank: RANK.getReady });
      countdown(seg, p, add);
    } else if (seg.kind === 'move' || (seg.kind === 'hold' && prev?.kind !== 'move')) {
      const before = lastVisit.get(seg.exercise);
      visitStart(seg, before, blocks.has(seg.exercise), p, add);
      lastVisit.set(seg.exercise, seg);
    }
    if (seg.kind === 'hold') {
      const first = !heldIn.has(seg.exercise);
      heldIn.add(seg.exercise);
      const wordings = seg.open ? p.openHold(first) : p.hold(first ? seg.durationMs / 1000 : undefined);
      add(seg.startMs, 'hold', seg, 'hold-start', { wordings, rank: RANK.hold });
      if (settings.breathing && seg.durationMs >= 5000) add(seg.startMs, 'hold', seg, 'hold-start', { wordings: p.breathe, rank: RANK.breathe });
      if (!seg.open) countdown(seg, p, add);
      const back = segs[seg.index + 1];
      const backLabel = back?.kind === 'back' && back.exercise === seg.exercise ? back.label : undefined;
      add(end, 'hold-end', seg, 'hold-end', { wordings: p.holdEnd(backLabel), rank: RANK.fixed });
    }
  }
  const last = segs[segs.length - 1];
  add(timeline.totalMs, 'closing', last, 'routine-done', { wordings: p.closing, rank: RANK.closing });

  const ordered = [...drafts.values()].sort((a, b) => a.atMs - b.atMs);
  return ordered.map((d, i) => {
    const room = i + 1 < ordered.length ? ordered[i + 1].atMs - d.atMs : Infinity;
    const u: Utterance = { atMs: d.atMs, text: fit(d.parts, room, rate), kind: d.kind, segment: d.segment, cue: d.cue };
    if (d.count !== undefined) u.count = d.count;
    return u;
  });
}

/** What is said on pause. */
export function pausedPhrase(lang = 'en'): string {
  return phrasesFor(lang).paused;
}

/** What is said on resume: "Resuming." and the step under way, so a listener knows where they are. */
export function resumingPhrase(segment: Segment, lang = 'en'): string {
  const p = phrasesFor(lang);
  const step =
    segment.kind === 'move'
      ? last(p.move(exerciseMoveLabel(segment), segment.side))
      : segment.kind === 'hold'
        ? last(p.hold())
        : segment.kind === 'rest'
          ? p.rest
          : last(p.holdEnd(segment.label));
  return `${p.resuming} ${step}`;
}

export function clampRate(rate: number): number {
  return Math.min(RATE_MAX, Math.max(RATE_MIN, Number.isFinite(rate) ? rate : 1));
}

type Adder = (atMs: number, kind: UtteranceKind, seg: Segment, cue: CueType | null, part: Part, count?: number) => void;

/** "3", "2", "1" in the last seconds of `seg`, only inside it (a 2-second step gets "1"). */
function countdown(seg: Segment, p: PhraseTable, add: Adder): void {
  const end = seg.startMs + seg.durationMs;
  for (let n = 3; n >= 1; n--) {
    const at = end - n * 1000;
    if (at > seg.startMs) add(at, 'count', seg, null, { wordings: [p.count(n)], rank: RANK.fixed }, n);
  }
}

/** A side is visited: the repetition, the side (sides in blocks) and the direction, as the move starts. */
function visitStart(seg: Segment, prevVisit: Segment | undefined, block: boolean, p: PhraseTable, add: Adder): void {
  // In blocks every visit is a repetition, and the count starts again on the second side.
  const newRep = !prevVisit || prevVisit.rep !== seg.rep;
  const cue: CueType | null = seg.cues.some((c) => c.type === 'switch-side') ? 'switch-side' : seg.kind === 'hold' ? 'hold-start' : null;
  const kind: UtteranceKind = seg.kind === 'hold' ? 'hold' : 'move';
  if (block && cue === 'switch-side' && seg.side !== 'none') add(seg.startMs, kind, seg, cue, { wordings: p.nowSide(seg.side), rank: RANK.side });
  if (newRep && seg.reps > 1) {
    const wordings = seg.rep === seg.reps ? p.lastRep(block) : prevVisit ? p.rep(seg.rep, seg.reps) : p.firstRep(seg.reps);
    add(seg.startMs, kind, seg, cue, { wordings, rank: RANK.rep });
  }
  if (seg.kind === 'move') add(seg.startMs, kind, seg, cue, { wordings: p.move(exerciseMoveLabel(seg), seg.side), rank: RANK.move });
  else if (seg.side !== 'none' && !(block && cue === 'switch-side')) add(seg.startMs, kind, seg, cue, { wordings: p.sideOnly(seg.side), rank: RANK.move });
}

/** The exercises that do all repetitions of a side before the next side (their first two holds share a side). */
function blockExercises(timeline: Timeline): Set<number> {
  const firstHold = new Map<number, Segment>();
  const sameSideFirst = new Set<number>();
  const twoSided = new Set<number>();
  for (const s of timeline.segments) {
    if (s.kind !== 'hold') continue;
    const first = firstHold.get(s.exercise);
    if (!first) firstHold.set(s.exercise, s);
    else if (s.side !== first.side) twoSided.add(s.exercise);
    else if (s.rep === 2 && !twoSided.has(s.exercise)) sameSideFirst.add(s.exercise);
  }
  return new Set([...sameSideFirst].filter((e) => twoSided.has(e)));
}

/** The move's own word without the side the compiler appended ("Twist right" → "Twist"). */
function exerciseMoveLabel(seg: Segment): string {
  return seg.side !== 'none' && seg.label.endsWith(` ${seg.side}`) ? seg.label.slice(0, -seg.side.length - 1) : seg.label;
}

const last = <T>(list: readonly T[]): T => list[list.length - 1] as T;

/**
 * The text of `parts` that is said within `room` ms: starts from every part's longest wording
 * and shortens the lowest-ranked part that can still be shortened, until it fits.
 */
function fit(parts: Part[], room: number, rate: number): string {
  const level = parts.map(() => 0);
  const text = () =>
    parts
      .map((part, i) => part.wordings[level[i]])
      .filter((w) => w)
      .join(' ');
  const order = parts.map((_, i) => i).sort((a, b) => parts[a].rank - parts[b].rank || a - b);
  for (;;) {
    if (speechMs(text(), rate) + SPEECH_GAP_MS <= room) return text();
    const i = order.find((k) => level[k] < parts[k].wordings.length - 1);
    if (i === undefined) return text();
    level[i]++;
  }
}
