/** The sessions store (plus the plans it points at) and per-routine statistics. */
import type { RoutineStats, SessionInput, TimeRange, UnknotData } from './api';
import { ValidationError } from './errors';
import { planIdOf, samePlan } from './plans';
import type { SessionRecord } from './schema';
import { inTx, type Ctx } from './tx';
import { check, sessionInputSchema } from './validate';
import { formatErrors } from '../routine';

const FAR_FUTURE = 8.64e15;

/** Figures for one routine from its sessions; pure, so the benchmark can time the baseline with it too. */
export function statsOf(routineId: string, sessions: Iterable<SessionRecord>): RoutineStats {
  let n = 0;
  let completed = 0;
  let ms = 0;
  let withPain = 0;
  let painDrop = 0;
  let lastAt: number | null = null;
  for (const s of sessions) {
    n++;
    if (s.outcome === 'completed') completed++;
    ms += s.endedAt - s.startedAt;
    if (s.painBefore !== undefined && s.painAfter !== undefined) {
      withPain++;
      painDrop += s.painBefore - s.painAfter;
    }
    if (lastAt === null || s.startedAt > lastAt) lastAt = s.startedAt;
  }
  return {
    routineId,
    sessions: n,
    completed,
    completionRate: n ? completed / n : 0,
    minutes: ms / 60_000,
    meanPainDrop: withPain ? painDrop / withPain : null,
    withPain,
    lastAt,
  };
}

export function sessionStore(ctx: Ctx): UnknotData['sessions'] {
  const { db } = ctx;
  return {
    async add(input: SessionInput) {
      const checked = check(sessionInputSchema, input);
      if (!checked.ok) throw new ValidationError(`The session was not saved:\n${formatErrors(checked.errors).join('\n')}`, checked.errors);
      const { plan, id = crypto.randomUUID(), ...rest } = checked.value;
      return ctx.save(() =>
        inTx(db, ['sessions', 'plans'], 'readwrite', async (tx) => {
          const sessions = tx.objectStore('sessions');
          const existing = await sessions.get(id);
          if (existing) return { record: existing, added: false };
          const plans = tx.objectStore('plans');
          let planId = planIdOf(plan);
          for (let n = 2; ; n++) {
            const stored = await plans.get(planId);
            if (!stored) {
              await plans.add({ id: planId, routineId: plan.id, routine: plan });
              break;
            }
            if (samePlan(stored.routine, plan)) break;
            planId = `${planIdOf(plan)}~${n}`; // a hash collision: keep both routines
          }
          const record: SessionRecord = { id, routineId: plan.id, planId, ...rest };
          await sessions.add(record);
          return { record, added: true };
        }),
      );
    },
    list: (range: TimeRange = {}) =>
      ctx.read(() => db.getAllFromIndex('sessions', 'byStartedAt', IDBKeyRange.bound(range.from ?? 0, range.to ?? FAR_FUTURE, false, true))),
    get: (id) => ctx.read(() => db.get('sessions', id)),
    plan: (planId) => ctx.read(async () => (await db.get('plans', planId))?.routine),
    remove: (id) => ctx.save(() => db.delete('sessions', id)),
    // One request over the [routineId, startedAt] index reads only this routine's sessions in range.
    stats: (routineId, range: TimeRange = {}) =>
      ctx.read(async () =>
        statsOf(
          routineId,
          await db.getAllFromIndex(
            'sessions',
            'byRoutine',
            IDBKeyRange.bound([routineId, range.from ?? 0], [routineId, range.to ?? FAR_FUTURE], false, true),
          ),
        ),
      ),
  };
}
