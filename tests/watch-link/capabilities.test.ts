import { describe, expect, it } from 'vitest';
import { builtInRoutine, compile } from '../../src/routine/index';
import { OPEN_HOLD_PROTOCOL, openHoldWarning, watchWaitsForPress } from '../../src/watch-link/capabilities';
import type { Hello } from '../../watch/protocol/index';

const hello = (protocol: number): Hello => ({ protocol, module: '0.1.0', maxFrame: 64, firmware: '2v29', clockMs: null });
const standing = compile(builtInRoutine('standing-hip-twist')!);
const knees = compile(builtInRoutine('knees-to-chest-twist')!);

describe('what the watch module can do', () => {
  it('waits for a press from OPEN_HOLD_PROTOCOL on', () => {
    expect(OPEN_HOLD_PROTOCOL).toBe(2);
    expect(watchWaitsForPress(hello(1))).toBe(false);
    expect(watchWaitsForPress(hello(2))).toBe(true);
    expect(watchWaitsForPress(null)).toBe(false);
  });

  it('warns before Start only for open-ended holds on an older module, with the maximum it will hold', () => {
    expect(openHoldWarning(standing, hello(1))).toBe(
      'The watch runs an older Unknot module (0.1.0): it cannot wait for a press, so on the watch each open-ended hold lasts its full 60 seconds. Update the watch module to hold only until you press.',
    );
    expect(openHoldWarning(standing, hello(2))).toBeNull();
    expect(openHoldWarning(knees, hello(1))).toBeNull(); // no open-ended hold
    expect(openHoldWarning(standing, null)).toBeNull(); // no watch
  });
});
