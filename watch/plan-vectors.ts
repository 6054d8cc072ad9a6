/**
 * `npx tsx watch/plan-vectors.ts`: writes docs/plan-vectors.json, the protocol's test vectors:
 * each built-in routine as JSON and the plan bytes (hex) and plan id it must give
 * (docs/protocol.md §6), plus one with an open-ended hold. tests/watch/plan-vectors.test.ts
 * checks the file against the code, so a second implementation can check itself against it.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILT_INS, compile, type Routine } from '../src/routine';
import { crc32 } from './protocol/crc';
import { encodePlan } from './protocol/plan-encode';

export interface PlanVector {
  /** What the vector shows. */
  note: string;
  routine: Routine;
  /** Segment indexes whose hold is open-ended (Segment.open), if any. */
  open: number[];
  /** The plan, lowercase hex. */
  plan: string;
  /** CRC-32 of the plan, 8 hex digits. */
  planId: string;
}

export const VECTORS_FILE = resolve(import.meta.dirname, '../docs/plan-vectors.json');

export function planVectors(): PlanVector[] {
  const one = (note: string, routine: Routine, open: number[]): PlanVector => {
    const t = compile(routine);
    for (const i of open) t.segments[i].open = true;
    const plan = encodePlan(t);
    return { note, routine, open, plan: Buffer.from(plan).toString('hex'), planId: crc32(plan).toString(16).padStart(8, '0') };
  };
  const out = BUILT_INS.map((b) => one(`built-in "${b.routine.name}"`, b.routine, []));
  const first = BUILT_INS[0].routine;
  const hold = compile(first).segments.findIndex((s) => s.kind === 'hold');
  out.push(one(`built-in "${first.name}" with segment ${hold} (its first hold) open-ended`, first, [hold]));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(VECTORS_FILE, JSON.stringify(planVectors(), null, 2) + '\n');
  console.log(`wrote ${join('docs', 'plan-vectors.json')}`);
}
