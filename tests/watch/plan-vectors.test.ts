/** docs/plan-vectors.json: each routine there, compiled and encoded by the code, gives exactly its plan bytes and id. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILT_INS, compile } from '../../src/routine';
import { crc32, decodePlan, encodePlan } from '../../watch/protocol';
import { VECTORS_FILE, type PlanVector } from '../../watch/plan-vectors';

const vectors = JSON.parse(readFileSync(VECTORS_FILE, 'utf8')) as PlanVector[];

describe('the plan test vectors in docs/', () => {
  it('cover every built-in routine, as it is now', () => {
    for (const b of BUILT_INS) {
      expect(vectors.find((v) => v.open.length === 0 && v.routine.id === b.routine.id)?.routine, b.routine.id).toEqual(b.routine);
    }
    expect(vectors.some((v) => v.open.length > 0)).toBe(true);
  });

  it.each(vectors.map((v) => [v.note, v] as const))('%s: routine → plan hex and id', (_note, v) => {
    const t = compile(v.routine);
    for (const i of v.open) t.segments[i].open = true;
    const plan = encodePlan(t);
    expect(Buffer.from(plan).toString('hex')).toBe(v.plan);
    expect(crc32(plan).toString(16).padStart(8, '0')).toBe(v.planId);
    // And the watch accepts it.
    expect(decodePlan(Uint8Array.from(Buffer.from(v.plan, 'hex')), 0)).not.toBeNull();
  });
});
