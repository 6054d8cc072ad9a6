/**
 * Routine engine: how long validating and compiling take, for the built-ins and for the largest
 * routine the validator allows (20 exercises × 50 repetitions × 2 sides = 2,000 holds).
 * Baseline, measured in the same run: JSON.stringify of the same routine, a lower bound for any
 * pass that visits every field once.
 */
import { BUILT_INS, compile, validateRoutine, type Routine } from '../../src/routine/index';
import { median, timeRuns } from './stats';

const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

function largest(): Routine {
  const r = structuredClone(BUILT_INS[0].routine);
  const ex = { ...r.exercises[0], repetitions: 50, setup: 60, move: 60, hold: 120, back: 60, rest: 60 };
  r.exercises = Array.from({ length: 20 }, (_, i) => ({ ...structuredClone(ex), id: `ex-${i}` }));
  return r;
}

export default async function bench(): Promise<void> {
  const cases: [string, Routine][] = [
    ...BUILT_INS.map((b): [string, Routine] => [b.routine.id, b.routine]),
    ['largest allowed (2,000 holds)', largest()],
  ];
  for (const [name, routine] of cases) {
    // Each run repeats the operation `batch` times so one run is well above the timer's resolution.
    const batch = name.startsWith('largest') ? 10 : 1000;
    const per = async (fn: () => unknown) => median(await timeRuns(21, () => { for (let i = 0; i < batch; i++) fn(); })) / batch;
    const base = await per(() => JSON.stringify(routine));
    const validate = await per(() => validateRoutine(routine));
    const comp = await per(() => compile(routine));
    const segments = compile(routine).segments.length;
    console.log(
      `${name}: ${segments} segments · compile median ${us(comp)} (${(comp / base).toFixed(1)}× baseline)` +
        ` · validate median ${us(validate)} (${(validate / base).toFixed(1)}×) · baseline JSON.stringify ${us(base)}`,
    );
  }
}
