import { describe, expect, it } from 'vitest';
import { compile } from '../../src/routine/index';
import { PlayerEngine } from '../../src/player/engine';
import { sessionInput } from '../../src/player/session';
import { FakeTime } from './fake-time';
import { fixedStanding } from './fixtures';

const routine = fixedStanding();
const timeline = compile(routine);

function engine() {
  const time = new FakeTime();
  const e = new PlayerEngine(timeline, { clock: time, scheduler: time });
  return { time, e };
}

describe('sessionInput', () => {
  it('records a completed session with every step and both pain scores', () => {
    const { time, e } = engine();
    e.start();
    time.advance(timeline.totalMs);
    expect(sessionInput(routine, e.snapshot(), { startedAt: 5, endedAt: 80_005 }, { before: 7, after: 4 })).toEqual({
      plan: routine,
      startedAt: 5,
      endedAt: 80_005,
      stepsDone: 21,
      totalSteps: 21,
      outcome: 'completed',
      source: 'phone',
      painBefore: 7,
      painAfter: 4,
    });
  });

  it('records a stopped session as stopped early with the steps done, pain left out', () => {
    const { time, e } = engine();
    e.start();
    time.advance(20_000);
    e.stop();
    const input = sessionInput(routine, e.snapshot(), { startedAt: 0, endedAt: 20_000 });
    expect(input).toMatchObject({ outcome: 'stopped-early', stepsDone: 5, totalSteps: 21 });
    expect('painBefore' in input).toBe(false);
  });

  it('refuses a session that is still running', () => {
    const { e } = engine();
    e.start();
    expect(() => sessionInput(routine, e.snapshot(), { startedAt: 0, endedAt: 1 })).toThrow(/running, not done/);
  });
});
