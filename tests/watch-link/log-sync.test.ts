/**
 * The log sync's defences (src/watch-link/log-sync.ts with trust.ts) against a watch whose log
 * lies, over a scripted log channel and the real data layer on fake-indexeddb: implausible
 * entries are acknowledged and kept out of history, and one sync reads at most 50 entries.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openUnknotDb, type UnknotData } from '../../src/data';
import { BUILT_INS, compile } from '../../src/routine';
import { OUTCOME, type LogEntry } from '../../watch/protocol';
import { memoryPlans, planIdOfRoutine, syncEntries, type LogChannel } from '../../src/watch-link/log-sync';
import { MAX_ENTRIES_PER_SYNC } from '../../src/watch-link/trust';
import { implausibleEntries } from '../support/lying-watch';

const routine = BUILT_INS[0].routine;
const planId = planIdOfRoutine(routine);
const totalMs = compile(routine).totalMs;
const NOW = Date.UTC(2026, 10, 29, 9, 0, 0);
const context = () => ({ nowMs: NOW, clockOffsetMs: 0 });

/** A watch log: `next` hands out the oldest unacknowledged entry, `ack` deletes it. */
function watchLog(entries: LogEntry[]): LogChannel & { left: LogEntry[]; requests: number } {
  const log = {
    left: [...entries],
    requests: 0,
    next: async () => {
      log.requests++;
      return log.left[0] ?? null;
    },
    ack: async (id: number) => {
      log.left = log.left.filter((e) => e.id !== id);
    },
  };
  return log;
}

async function db(): Promise<UnknotData> {
  return openUnknotDb({ factory: new IDBFactory(), storage: null });
}

const real = (id: number, hoursAgo: number): LogEntry => ({
  id, planId, startedAt: Math.floor((NOW - hoursAgo * 3_600_000) / 1000), activeS: Math.round(totalMs / 1000), outcome: OUTCOME.DONE,
});

describe('implausible entries', () => {
  it('each kind is acknowledged, kept out of history and reported; the real ones around them are stored', async () => {
    const data = await db();
    const lies = implausibleEntries(planId, totalMs, NOW, 100);
    const log = watchLog([real(1, 5), ...lies.map((l) => l.entry), real(2, 2)]);
    const refused: string[] = [];
    const r = await syncEntries(log, data, memoryPlans(), { context, onRefused: (why) => refused.push(why) });
    expect(r).toMatchObject({ added: 2, refused: lies.length, unknown: false, more: false, lastReason: 'its outcome is unknown (code 7)' });
    expect(refused).toEqual([
      'it starts in the future',
      'it ends in the future',
      'it started more than 90 days ago',
      'it lasted longer than its routine can',
      'its outcome is unknown (code 7)',
    ]);
    expect(log.left).toEqual([]); // all acknowledged: the watch deletes them
    const stored = await data.sessions.list();
    expect(stored.map((s) => s.id).sort()).toEqual([`watch-1-${real(1, 5).startedAt}`, `watch-2-${real(2, 2).startedAt}`]);
  });

  it('the clock offset measured at HELLO is applied: a watch an hour ahead is not "in the future"', async () => {
    const data = await db();
    const ahead = { ...real(1, 0.5), startedAt: real(1, 0.5).startedAt + 3600 };
    const once = await syncEntries(watchLog([ahead]), data, memoryPlans(), { context });
    expect(once).toMatchObject({ added: 0, refused: 1 });
    const offset = await syncEntries(watchLog([{ ...ahead, id: 2 }]), data, memoryPlans(), { context: () => ({ nowMs: NOW, clockOffsetMs: 3_600_000 }) });
    expect(offset).toMatchObject({ added: 1, refused: 0 });
  });
});

describe('at most 50 entries a sync', () => {
  it('a watch inventing entries adds at most 50 to history per sync; the rest wait on the watch', async () => {
    const data = await db();
    const invented = Array.from({ length: 120 }, (_, i) => real(i + 1, 1 + i / 10));
    const log = watchLog(invented);
    const first = await syncEntries(log, data, memoryPlans(), { context });
    expect(MAX_ENTRIES_PER_SYNC).toBe(50);
    expect(first).toMatchObject({ added: 50, refused: 0, more: true });
    expect(log.requests).toBe(50); // no 51st LOG_REQUEST
    expect(log.left).toHaveLength(70);
    expect(await data.sessions.list()).toHaveLength(50);
    const second = await syncEntries(log, data, memoryPlans(), { context });
    expect(second).toMatchObject({ added: 50, more: true });
    const third = await syncEntries(log, data, memoryPlans(), { context });
    expect(third).toMatchObject({ added: 20, more: false });
    expect(log.left).toEqual([]);
    expect(await data.sessions.list()).toHaveLength(120);
  });

  it('refused entries count towards the 50 too', async () => {
    const data = await db();
    const lies = Array.from({ length: 60 }, (_, i) => ({ ...real(i + 1, 1), outcome: 9 }));
    const log = watchLog(lies);
    const r = await syncEntries(log, data, memoryPlans(), { context });
    expect(r).toMatchObject({ added: 0, refused: 50, more: true });
    expect(log.left).toHaveLength(10);
  });

  it('exactly 50 entries: all read, and the next request finds none', async () => {
    const data = await db();
    const log = watchLog(Array.from({ length: 49 }, (_, i) => real(i + 1, 1)));
    expect(await syncEntries(log, data, memoryPlans(), { context })).toMatchObject({ added: 49, more: false });
    expect(log.requests).toBe(50);
  });
});
