import { describe, expect, it } from 'vitest';
import { WakeLockKeeper, type SentinelLike } from '../../src/player/wake-lock';

function fakeDoc() {
  let fn: (() => void) | null = null;
  const doc = {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: (_t: string, f: () => void) => (fn = f),
    removeEventListener: () => (fn = null),
  };
  const setVisible = async (visible: boolean) => {
    doc.visibilityState = visible ? 'visible' : 'hidden';
    fn?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { doc, setVisible, listening: () => fn !== null };
}

function fakeLock() {
  const sentinels: (SentinelLike & { released: boolean })[] = [];
  return {
    sentinels,
    lock: {
      request: async () => {
        const s = { released: false, release: async () => void (s.released = true) };
        sentinels.push(s);
        return s;
      },
    },
  };
}

describe('WakeLockKeeper', () => {
  it('holds the lock, loses it when hidden, and takes it again on return while wanted', async () => {
    const { doc, setVisible } = fakeDoc();
    const { lock, sentinels } = fakeLock();
    const keeper = new WakeLockKeeper(lock, doc);
    await keeper.acquire();
    expect(keeper.held).toBe(true);
    await setVisible(false);
    sentinels[0].released = true; // the browser releases it when the page hides
    expect(keeper.held).toBe(false);
    await setVisible(true);
    expect(sentinels).toHaveLength(2);
    expect(keeper.held).toBe(true);
    await keeper.release();
    expect(sentinels[1].released).toBe(true);
    await setVisible(false);
    await setVisible(true);
    expect(sentinels).toHaveLength(2); // not wanted any more
  });

  it('reports a refusal or a missing API without throwing', async () => {
    const { doc } = fakeDoc();
    const refused = new WakeLockKeeper({ request: () => Promise.reject(new Error('NotAllowedError')) }, doc);
    await refused.acquire();
    expect(refused.held).toBe(false);
    expect(refused.error).toMatch(/NotAllowedError/);
    const none = new WakeLockKeeper(undefined, doc);
    await none.acquire();
    expect(none.error).toMatch(/cannot keep the screen on/);
  });

  it('stops listening when disposed', async () => {
    const { doc, listening } = fakeDoc();
    const keeper = new WakeLockKeeper(fakeLock().lock, doc);
    expect(listening()).toBe(true);
    await keeper.dispose();
    expect(listening()).toBe(false);
  });
});
