/** The routines store: validated writes, soft delete with undo, duplicates and built-in resets. */
import { BUILT_INS, validateRoutine, type BuiltIn, type Routine } from '../routine';
import type { UnknotData } from './api';
import { ConflictError, NotFoundError, ValidationError } from './errors';
import { samePlan } from './plans';
import type { RoutineRecord } from './schema';
import { readAllPaged } from './paged';
import { inTx, type Ctx, type Db } from './tx';

const builtIn = (id: string, builtIns: readonly BuiltIn[]) => builtIns.find((b) => b.routine.id === id);

function freshBuiltIn(b: BuiltIn, now: number, createdAt = now): RoutineRecord {
  return { routine: structuredClone(b.routine), origin: 'builtin', builtinVersion: b.version, edited: false, createdAt, updatedAt: now };
}

/**
 * First run: adds the built-ins. Later runs: a built-in the user has not edited is replaced by a
 * newer shipped version (keeping its dates and deleted state); edited ones, duplicates and the
 * user's own routines are never touched. Runs at every open, in one transaction.
 */
export async function seedBuiltIns(db: Db, now: number, builtIns: readonly BuiltIn[] = BUILT_INS): Promise<void> {
  await inTx(db, ['routines'], 'readwrite', async (tx) => {
    for (const b of builtIns) {
      const existing = await tx.objectStore('routines').get(b.routine.id);
      if (!existing) await tx.objectStore('routines').add(freshBuiltIn(b, now));
      else if (existing.origin === 'builtin' && !existing.edited && (existing.builtinVersion ?? 0) < b.version) {
        await tx.objectStore('routines').put({ ...freshBuiltIn(b, now, existing.createdAt), deletedAt: existing.deletedAt });
      }
    }
  });
}

/** `base-copy`, `base-copy-2`, ... not yet used, within the 64-character id limit. */
function copyId(base: string, taken: (id: string) => Promise<boolean>): Promise<string> {
  const stem = base.replace(/-copy(-\d+)?$/, '').slice(0, 52);
  const next = async (n: number): Promise<string> => {
    const candidate = n === 1 ? `${stem}-copy` : `${stem}-copy-${n}`;
    return (await taken(candidate)) ? next(n + 1) : candidate;
  };
  return next(1);
}

/** One collator for every sort: localeCompare builds one per call (≈0.7 s for 10,000 routines). */
const byName = new Intl.Collator();

export function routineStore(ctx: Ctx, builtIns: readonly BuiltIn[] = BUILT_INS): UnknotData['routines'] {
  const { db } = ctx;
  const mustGet = async (get: (id: string) => Promise<RoutineRecord | undefined>, id: string) => {
    const found = await get(id);
    if (!found) throw new NotFoundError(`There is no routine "${id}".`);
    return found;
  };
  const update = (id: string, change: (r: RoutineRecord) => RoutineRecord) =>
    ctx.save(() =>
      inTx(db, ['routines'], 'readwrite', async (tx) => {
        const next = change(await mustGet((k) => tx.objectStore('routines').get(k), id));
        await tx.objectStore('routines').put(next);
        return next;
      }),
    );

  return {
    list: (opts = {}) =>
      ctx.read(async () =>
        (await readAllPaged(db.transaction('routines').store, (r) => r.routine.id))
          .filter((r) => opts.includeDeleted || r.deletedAt === undefined)
          .sort((a, b) => byName.compare(a.routine.name, b.routine.name)),
      ),
    get: (id) => ctx.read(() => db.get('routines', id)),
    async put(input: Routine, opts = {}) {
      const checked = validateRoutine(input);
      if (!checked.ok) throw new ValidationError('The routine was not saved', checked.errors);
      const routine = checked.value;
      return ctx.save(() =>
        inTx(db, ['routines'], 'readwrite', async (tx) => {
          const now = ctx.now();
          const existing = await tx.objectStore('routines').get(routine.id);
          // Checked inside the write transaction: no other tab can slip in between.
          if (opts.baseUpdatedAt !== undefined) {
            if (!existing || existing.deletedAt !== undefined) throw new ConflictError('deleted');
            if (existing.updatedAt !== opts.baseUpdatedAt) throw new ConflictError('changed');
          }
          let record: RoutineRecord;
          if (!existing) record = { routine, origin: 'user', edited: false, createdAt: now, updatedAt: now };
          else {
            const shipped = existing.origin === 'builtin' ? builtIn(routine.id, builtIns) : undefined;
            // Saving a built-in back to exactly its shipped text counts as not edited, so upgrades reach it again.
            const edited = existing.origin === 'builtin' ? !(shipped && samePlan(shipped.routine, routine)) : existing.edited;
            record = { ...existing, routine, edited, updatedAt: now, deletedAt: undefined };
            if (shipped && !edited) record.builtinVersion = shipped.version;
          }
          await tx.objectStore('routines').put(record);
          return record;
        }),
      );
    },
    remove: async (id) => {
      await update(id, (r) => ({ ...r, deletedAt: ctx.now() }));
    },
    restore: (id) => update(id, (r) => ({ ...r, deletedAt: undefined })),
    duplicate: (id) =>
      ctx.save(() =>
        inTx(db, ['routines'], 'readwrite', async (tx) => {
          const original = await mustGet((k) => tx.objectStore('routines').get(k), id);
          const newId = await copyId(id, async (k) => (await tx.objectStore('routines').getKey(k)) !== undefined);
          const now = ctx.now();
          const name = `${original.routine.name.slice(0, 53)} (copy)`;
          const record: RoutineRecord = {
            routine: { ...structuredClone(original.routine), id: newId, name },
            origin: 'user',
            edited: false,
            basedOn: id,
            createdAt: now,
            updatedAt: now,
          };
          await tx.objectStore('routines').add(record);
          return record;
        }),
      ),
    async resetBuiltIn(id) {
      const b = builtIn(id, builtIns);
      if (!b) throw new NotFoundError(`"${id}" is not a built-in routine.`);
      return update(id, (r) => freshBuiltIn(b, ctx.now(), r.createdAt));
    },
  };
}
