/**
 * A phone session's record through its life cycle, written to a real (fake-indexeddb) database
 * after each event, as the player does: created at Start, each step, paused, completed, stopped,
 * interrupted and continued, ended by "End it".
 */
import { describe, expect, it } from 'vitest';
import { BUILT_INS, compile } from '../../src/routine/index';
import { CONTINUE_WINDOW_MS, SessionLog, continueOffer, endInterrupted } from '../../src/player/session-log';
import { HiddenCueTally, hiddenCuesMessage, LATE_CUE_MS } from '../../src/player/hidden-cues';
import { IDBFactory } from 'fake-indexeddb';
import { exerciseMs, openUnknotDb, SessionJournal, JOURNAL_KEY } from '../../src/data';
import { freshDb, T0 } from '../data/support';

const routine = BUILT_INS[2].routine;
const steps = compile(routine).segments.length;
const begin = (painBefore?: number) => SessionLog.begin({ id: 's-1', plan: routine, totalSteps: steps, painBefore }, T0);

describe('session record life cycle', () => {
  it('is created at Start as stopped early and in progress, then follows each step to completion', async () => {
    const { data } = await freshDb();
    const log = begin(6);
    await data.sessions.save(log.input);
    expect(await data.sessions.get('s-1')).toMatchObject({ outcome: 'stopped-early', inProgress: true, stepsDone: 0, totalSteps: steps, painBefore: 6, startedAt: T0, endedAt: T0 });
    for (let i = 1; i <= 3; i++) await data.sessions.save(log.progress(i, T0 + i * 4000)!);
    expect(log.progress(3, T0 + 13_000)).toBeNull(); // no step completed: nothing to write
    expect(await data.sessions.get('s-1')).toMatchObject({ stepsDone: 3, endedAt: T0 + 12_000, inProgress: true });
    const done = log.finish({ stepsDone: steps, completed: true }, T0 + 75_000);
    await data.sessions.save(done);
    const record = (await data.sessions.get('s-1'))!;
    expect(record).toMatchObject({ outcome: 'completed', stepsDone: steps, endedAt: T0 + 75_000 });
    expect(record.inProgress).toBeUndefined();
    // The pain score given afterwards updates that same record; still one session.
    await data.sessions.setPainAfter('s-1', 2);
    expect(await data.sessions.list()).toEqual([{ ...record, painAfter: 2 }]);
    expect((await data.sessions.stats(routine.id)).completed).toBe(1);
  });

  it('counts a pause as paused time, not exercise time, and a stop ends the record on purpose', async () => {
    const { data } = await freshDb();
    const log = begin();
    await data.sessions.save(log.input);
    await data.sessions.save(log.paused(T0 + 10_000)!);
    expect(log.paused(T0 + 11_000)).toBeNull();
    await data.sessions.save(log.resumed(T0 + 70_000)!);
    await data.sessions.save(log.progress(4, T0 + 75_000)!);
    await data.sessions.save(log.finish({ stepsDone: 4, completed: false }, T0 + 80_000));
    const record = (await data.sessions.get('s-1'))!;
    expect(record).toMatchObject({ outcome: 'stopped-early', stepsDone: 4, pausedMs: 60_000, endedAt: T0 + 80_000 });
    expect(record.inProgress).toBeUndefined();
    expect(exerciseMs(record)).toBe(20_000);
    expect((await data.sessions.stats(routine.id)).minutes).toBeCloseTo(20_000 / 60_000);
    // Nothing more is written once it ended.
    expect(log.progress(9, T0 + 90_000)).toBeNull();
  });

  it('an interrupted record is offered for 10 minutes; continuing finishes the SAME record, the gap a pause', async () => {
    const { data } = await freshDb();
    const log = begin(5);
    await data.sessions.save(log.input);
    await data.sessions.save(log.progress(7, T0 + 30_000)!); // then the tab is closed
    const stored = await data.sessions.list();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ outcome: 'stopped-early', stepsDone: 7, inProgress: true });

    expect(continueOffer(stored, routine.id, T0 + 30_000 + CONTINUE_WINDOW_MS)).toEqual({ record: stored[0], stepIndex: 7 });
    expect(continueOffer(stored, routine.id, T0 + 30_001 + CONTINUE_WINDOW_MS)).toBeNull();
    expect(continueOffer(stored, 'another-routine', T0 + 60_000)).toBeNull();
    expect(continueOffer(stored, routine.id, T0 + 60_000, 's-1')).toBeNull(); // this page's own session
    const offer = continueOffer(stored, routine.id, T0 + 150_000)!;

    const again = SessionLog.continue(offer.record, routine, T0 + 150_000); // two minutes later
    await data.sessions.save(again.input);
    await data.sessions.save(again.progress(8, T0 + 155_000)!);
    await data.sessions.save(again.finish({ stepsDone: steps, completed: true }, T0 + 200_000));
    const [record, ...more] = await data.sessions.list();
    expect(more).toEqual([]);
    expect(record).toMatchObject({ id: 's-1', outcome: 'completed', stepsDone: steps, painBefore: 5, startedAt: T0, endedAt: T0 + 200_000, pausedMs: 120_000 });
    expect(exerciseMs(record)).toBe(80_000);
    expect(continueOffer([record], routine.id, T0 + 201_000)).toBeNull(); // completed: never offered
  });

  it('"End it" keeps the steps done as stopped early and stops offering it', async () => {
    const { data } = await freshDb();
    const log = begin();
    await data.sessions.save(log.input);
    await data.sessions.save(log.progress(3, T0 + 12_000)!);
    const [interrupted] = await data.sessions.list();
    await data.sessions.save(endInterrupted(interrupted, routine));
    const [record] = await data.sessions.list();
    expect(record).toMatchObject({ outcome: 'stopped-early', stepsDone: 3, endedAt: T0 + 12_000 });
    expect(record.inProgress).toBeUndefined();
    expect(continueOffer([record], routine.id, T0 + 13_000)).toBeNull();
  });

  it('notes what a hidden page cost the cues on the record', async () => {
    const { data } = await freshDb();
    const log = begin();
    await data.sessions.save(log.input);
    const tally = new HiddenCueTally();
    tally.cue(900); // visible: a late cue is not a hidden page's doing
    tally.hide(T0 + 5000, 0);
    tally.cue(LATE_CUE_MS - 1);
    tally.cue(LATE_CUE_MS);
    const spell = tally.show(T0 + 95_000, 4)!;
    expect(spell).toEqual({ hiddenMs: 90_000, late: 1, missed: 4 });
    await data.sessions.save(log.noteHidden(spell, T0 + 95_000)!);
    expect((await data.sessions.get('s-1'))?.hiddenCues).toEqual(spell);
    // A spell where every cue came on time is not worth a word.
    tally.hide(T0 + 100_000, 4);
    expect(tally.show(T0 + 160_000, 4)).toBeNull();
    expect(hiddenCuesMessage(spell)).toMatch(/^The screen was off or the page asleep for 1 min 30 s: 4 cues were missed and 1 cue came late\./);
  });

  it('refuses a save without an id, or with more pause than time', async () => {
    const { data } = await freshDb();
    const { id: _id, ...noId } = begin().input;
    await expect(data.sessions.save(noId as never)).rejects.toThrow(/id: is required/);
    await expect(data.sessions.save({ ...begin().input, endedAt: T0 + 1000, pausedMs: 2000 })).rejects.toThrow(/pausedMs: must be at most endedAt − startedAt \(1000\), got 2000/);
    expect(await data.sessions.list()).toEqual([]);
  });

  it('a save the closing page could not finish is kept in the journal and written at the next open', async () => {
    const store = new Map<string, string>();
    const journal = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    const factory = new IDBFactory();
    const first = await openUnknotDb({ factory, storage: null, journal });
    const log = begin(4);
    const pages = new SessionJournal(journal);
    await first.sessions.save(log.input);
    pages.done(pages.hold(log.input)); // committed: nothing kept
    expect(store.size).toBe(0);
    log.finish({ stepsDone: steps, completed: true }, T0 + 75_000);
    pages.hold(log.painAfter(1)); // the page closes before this reaches IndexedDB
    first.close();
    expect((await (await openUnknotDb({ factory, storage: null, journal: null })).sessions.get('s-1'))?.outcome).toBe('stopped-early');
    const second = await openUnknotDb({ factory, storage: null, journal });
    expect(await second.sessions.get('s-1')).toMatchObject({ outcome: 'completed', painAfter: 1, painBefore: 4 });
    expect(store.has(JOURNAL_KEY)).toBe(false);
  });
});
