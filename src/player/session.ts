/** What a finished (or stopped) phone session hands to the data layer for history. */
import type { Routine } from '../routine/index';
import type { SessionInput } from '../data/api';
import type { PlayerSnapshot } from './engine';

export interface PainScores {
  before?: number;
  after?: number;
}

/** The history entry for a session that is done; throws if it is not. */
export function sessionInput(
  plan: Routine,
  snapshot: PlayerSnapshot,
  times: { startedAt: number; endedAt: number },
  pain: PainScores = {},
): SessionInput {
  if (snapshot.state !== 'done') throw new Error(`sessionInput: the session is ${snapshot.state}, not done`);
  const input: SessionInput = {
    plan,
    startedAt: times.startedAt,
    endedAt: times.endedAt,
    stepsDone: snapshot.stepsDone,
    totalSteps: snapshot.stepsTotal,
    outcome: snapshot.completed ? 'completed' : 'stopped-early',
    source: 'phone',
  };
  if (pain.before !== undefined) input.painBefore = pain.before;
  if (pain.after !== undefined) input.painAfter = pain.after;
  return input;
}
