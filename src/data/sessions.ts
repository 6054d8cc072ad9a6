/** The sessions store, the plans it points at, and per-routine statistics from monthly sums. */
import type { IDBPTransaction } from 'idb';
import type { Routine } from '../routine';
import { sessionFlag } from '../safety/session-flag';
import type { SessionAmendment, SessionInput, TimeRange, UnknotData } from './api';
import { NotFoundError, ValidationError } from './errors';
import { canonicalJson, planIdOf } from './plans';
import type { PlanRecord, SessionRecord, UnknotDB } from './schema';
import { addSession, addSums, emptySums, FAR_FUTURE, monthKey, monthOf, nextMonth, refreshMonths, statsFrom } from './summaries';
import { readAllPaged } from './paged';
import { inTx, type Ctx } from './tx';
import { check, sessionAmendmentSchema, sessionInputSchema } from './validate';

export { statsOf } from './summaries';

/** The record with its flag set from its pain scores (src/safety), or removed when none applies. */
export function withFlag(record: SessionRecord): SessionRecord {
  const { flag: _old, ...rest } = record;
  const flag = sessionFlag(record.painBefore, record.painAfter);
  return flag ? { ...rest, flag } : rest;
}

type Checked = Omit<SessionRecord, 'planId' | 'routineId'> & { plan: Routine };
type Tx = IDBPTransaction<UnknotDB, ('sessions' | 'plans' | 'months')[], 'readwrite'>;

/** Validates every input before any write; errors are named `[i].field` when there are several. */
function checked(inputs: SessionInput[]): Checked[] {
  return inputs.map((input, i) => {
    const result = check(sessionInputSchema, input);
    if (!result.ok) {
      const errors = inputs.length > 1 ? result.errors.map((e) => ({ ...e, path: `[${i}]${e.path ? `.${e.path}` : ''}` })) : result.errors;
      throw new ValidationError('The session was not saved', errors);
    }
    return { ...result.value, id: result.value.id ?? crypto.randomUUID() };
  });
}

/** The id under which `plan` is (or will be) stored; a hash collision with other content gets `~n`. */
function placePlan(plan: Routine, plans: Map<string, PlanRecord>, byText: Map<string, string>): { id: string; isNew: boolean } {
  const text = canonicalJson(plan);
  const known = byText.get(text);
  if (known) return { id: known, isNew: false };
  const base = planIdOf(plan);
  let id = base;
  for (let n = 2; plans.has(id); n++) {
    if (canonicalJson(plans.get(id)!.routine) === text) break;
    id = `${base}~${n}`;
  }
  const isNew = !plans.has(id);
  if (isNew) plans.set(id, { id, routineId: plan.id, routine: plan });
  byText.set(text, id);
  return { id, isNew };
}

/**
 * Adds the sessions whose ids are not stored yet, with their new plans, then refreshes the
 * touched months. Requests are issued without waiting for each other: one round trip, not 11,000.
 */
async function addAll(tx: Tx, inputs: Checked[]): Promise<SessionRecord[]> {
  const sessions = tx.objectStore('sessions');
  const taken = inputs.length === 1 ? new Set((await sessions.getKey(inputs[0].id)) ? [inputs[0].id] : []) : new Set(await sessions.getAllKeys());
  const plans = new Map((await tx.objectStore('plans').getAll()).map((p) => [p.id, p]));
  const byText = new Map<string, string>();
  const pending: Promise<unknown>[] = [];
  const added: SessionRecord[] = [];
  for (const { plan, ...rest } of inputs) {
    if (taken.has(rest.id)) continue;
    taken.add(rest.id);
    const place = placePlan(plan, plans, byText);
    if (place.isNew) pending.push(tx.objectStore('plans').add(plans.get(place.id)!));
    const record = withFlag({ ...rest, routineId: plan.id, planId: place.id });
    pending.push(sessions.add(record));
    added.push(record);
  }
  await Promise.all(pending);
  await refreshMonths(tx, added.map(monthKey));
  return added;
}

export function sessionStore(ctx: Ctx): UnknotData['sessions'] {
  const { db } = ctx;
  const write = <T>(fn: (tx: Tx) => Promise<T>) => ctx.save(() => inTx(db, ['sessions', 'plans', 'months'], 'readwrite', fn));
  const byRoutine = async (routineId: string, from: number, to: number) =>
    from >= to ? [] : db.getAllFromIndex('sessions', 'byRoutine', IDBKeyRange.bound([routineId, from], [routineId, to], false, true));
  return {
    async add(input: SessionInput) {
      const [one] = checked([input]);
      return write(async (tx) => {
        // addAll skips an id already stored (a resend): only then is the stored record read.
        const [record] = await addAll(tx, [one]);
        return record ? { record, added: true } : { record: (await tx.objectStore('sessions').get(one.id))!, added: false };
      });
    },
    async save(input) {
      if (!input.id) throw new ValidationError('The session was not saved', [{ path: 'id', message: 'is required to save a session as it happens' }]);
      const [one] = checked([input]);
      return write(async (tx) => {
        const sessions = tx.objectStore('sessions');
        const [old, stored] = await Promise.all([sessions.get(one.id), tx.objectStore('plans').getAll()]);
        const plans = new Map(stored.map((p) => [p.id, p]));
        const { plan, ...rest } = one;
        const place = placePlan(plan, plans, new Map());
        // The player's saves carry no note or feeling (those are amended after the end): keep them.
        const kept = old ? { ...(old.note !== undefined && { note: old.note }), ...(old.felt !== undefined && { felt: old.felt }) } : {};
        const record = withFlag({ ...kept, ...rest, routineId: plan.id, planId: place.id });
        await Promise.all([place.isNew ? tx.objectStore('plans').add(plans.get(place.id)!) : undefined, sessions.put(record)]);
        await refreshMonths(tx, [monthKey(record), ...(old ? [monthKey(old)] : [])]);
        return record;
      });
    },
    async addMany(inputs: SessionInput[]) {
      const all = checked(inputs);
      return write(async (tx) => {
        const added = (await addAll(tx, all)).length;
        return { added, skipped: all.length - added };
      });
    },
    list: ({ from = 0, to = FAR_FUTURE }: TimeRange = {}) =>
      ctx.read(async () => (from >= to ? [] : readAllPaged(db.transaction('sessions').store.index('byStartedAt'), (s) => s.startedAt, { from, to }))),
    get: (id) => ctx.read(() => db.get('sessions', id)),
    plan: (planId) => ctx.read(async () => (await db.get('plans', planId))?.routine),
    remove: (id) =>
      write(async (tx) => {
        const old = await tx.objectStore('sessions').get(id);
        if (!old) return;
        await tx.objectStore('sessions').delete(id);
        await refreshMonths(tx, [monthKey(old)]);
      }),
    async setPainAfter(id, painAfter) {
      if (painAfter !== undefined && !(Number.isInteger(painAfter) && painAfter >= 0 && painAfter <= 10)) {
        const errors = [{ path: 'painAfter', message: `must be 0–10, got ${String(painAfter)}` }];
        throw new ValidationError('The pain score was not saved', errors);
      }
      return write(async (tx) => {
        const old = await tx.objectStore('sessions').get(id);
        if (!old) throw new NotFoundError(`No session ${id} to add a pain score to.`);
        const { painAfter: _old, ...rest } = old;
        const updated = withFlag(painAfter === undefined ? rest : { ...rest, painAfter });
        await tx.objectStore('sessions').put(updated);
        await refreshMonths(tx, [monthKey(updated)]); // the monthly pain sums change with it
        return updated;
      });
    },
    async amend(id: string, patch: SessionAmendment) {
      const result = check(sessionAmendmentSchema, patch);
      if (!result.ok) throw new ValidationError('The correction was not saved', result.errors);
      return write(async (tx) => {
        const old = await tx.objectStore('sessions').get(id);
        if (!old) throw new NotFoundError(`No session ${id} to correct.`);
        const merged: Record<string, unknown> = { ...old };
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined || value === '') delete merged[key];
          else merged[key] = value;
        }
        const updated = withFlag(merged as unknown as SessionRecord);
        await tx.objectStore('sessions').put(updated);
        await refreshMonths(tx, [monthKey(updated)]); // pain sums may change
        return updated;
      });
    },
    // Whole months inside the range come from their summaries; the cut months at either end from their sessions.
    stats: (routineId, range: TimeRange = {}) =>
      ctx.read(async () => {
        const from = range.from ?? 0;
        const to = range.to ?? FAR_FUTURE;
        const firstFull = monthOf(from) === from ? from : nextMonth(monthOf(from));
        const endFull = monthOf(to);
        const sums = emptySums();
        if (firstFull >= endFull) {
          for (const s of await byRoutine(routineId, from, to)) addSession(sums, s);
        } else {
          const [head, months, tail] = await Promise.all([
            byRoutine(routineId, from, firstFull),
            db.getAll('months', IDBKeyRange.bound([routineId, firstFull], [routineId, endFull], false, true)),
            byRoutine(routineId, endFull, to),
          ]);
          for (const s of [...head, ...tail]) addSession(sums, s);
          for (const m of months) addSums(sums, m);
        }
        return statsFrom(routineId, sums);
      }),
  };
}
