import { describe, expect, test } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { UpdatePromptController, type UpdateSource } from '../../src/pwa/update-prompt-controller';
import { SESSION_STATE_EVENT, announceSessionState } from '../../src/pwa/session-signal';

/** A stand-in for the service worker: the seam the real ServiceWorkerUpdates fills in the browser. */
class FakeUpdates extends EventTarget implements UpdateSource {
  updateReady = false;
  started = 0;
  applied = 0;
  start(): void {
    this.started++;
  }
  async applyUpdate(): Promise<void> {
    this.applied++;
  }
  newVersionWaiting(): void {
    this.updateReady = true;
    this.dispatchEvent(new Event('change'));
  }
}

function setup() {
  const updates = new FakeUpdates();
  const session = new EventTarget();
  const controllers: ReactiveController[] = [];
  let updatesRequested = 0;
  const host: ReactiveControllerHost = {
    addController: (c) => void controllers.push(c),
    removeController: () => undefined,
    requestUpdate: () => void updatesRequested++,
    updateComplete: Promise.resolve(true),
  };
  const prompt = new UpdatePromptController(host, updates, session);
  controllers.forEach((c) => c.hostConnected?.());
  return { updates, session, prompt, controllers, requests: () => updatesRequested };
}

describe('UpdatePromptController', () => {
  test('stays hidden until a new version waits, then shows and asks the host to render', () => {
    const { updates, prompt, requests } = setup();
    expect(updates.started).toBe(1);
    expect(prompt.visible).toBe(false);
    updates.newVersionWaiting();
    expect(prompt.visible).toBe(true);
    expect(requests()).toBeGreaterThan(0);
  });

  test('a running session hides the prompt and refuses Reload; the end of the session shows it', async () => {
    const { updates, session, prompt } = setup();
    announceSessionState(true, session);
    updates.newVersionWaiting();
    expect(prompt.visible).toBe(false);
    expect(await prompt.reload()).toBe(false);
    expect(updates.applied).toBe(0);

    announceSessionState(false, session);
    expect(prompt.visible).toBe(true);
    expect(await prompt.reload()).toBe(true);
    expect(updates.applied).toBe(1);
  });

  test('a session starting while the prompt shows hides it again', () => {
    const { updates, session, prompt } = setup();
    updates.newVersionWaiting();
    announceSessionState(true, session);
    expect(prompt.visible).toBe(false);
  });

  test('malformed session events change nothing', () => {
    const { updates, session, prompt } = setup();
    announceSessionState(true, session);
    session.dispatchEvent(new CustomEvent(SESSION_STATE_EVENT, { detail: { running: 'no' } }));
    session.dispatchEvent(new CustomEvent(SESSION_STATE_EVENT));
    updates.newVersionWaiting();
    expect(prompt.sessionRunning).toBe(true);
    expect(prompt.visible).toBe(false);
  });

  test('Later hides this version until another one arrives', () => {
    const { updates, prompt } = setup();
    updates.newVersionWaiting();
    prompt.dismiss();
    expect(prompt.visible).toBe(false);
    updates.newVersionWaiting();
    expect(prompt.visible).toBe(true);
  });

  test('after the host disconnects, session events are no longer heard', () => {
    const { session, prompt, controllers } = setup();
    controllers.forEach((c) => c.hostDisconnected?.());
    announceSessionState(true, session);
    expect(prompt.sessionRunning).toBe(false);
  });
});
