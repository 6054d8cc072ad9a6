/** The phone's side of a test: writes frames into the double and reads what the watch notified. */
import { expect } from 'vitest';
import { MSG, crc16, parseWatchMessage, type LogEntry, type Status, type WatchMessage } from '../../watch/protocol';
import type { EspruinoDouble } from './espruino-double';

export class TestPhone {
  private _seen = 0;
  constructor(readonly watch: EspruinoDouble) {}

  /** Writes frames and returns the messages the watch notified in reply. */
  send(...frames: Uint8Array[]): WatchMessage[] {
    for (const f of frames) this.watch.write(f);
    return this.received();
  }

  /** Messages notified since the last call. */
  received(): WatchMessage[] {
    const fresh = this.watch.notifications.slice(this._seen).map((b) => parseWatchMessage(b));
    this._seen = this.watch.notifications.length;
    for (const m of fresh) expect(m.error, 'the watch sent a malformed frame').toBe(0);
    return fresh;
  }

  /** Sends one frame and returns the single status it answers with. */
  status(frame: Uint8Array): Status {
    const replies = this.send(frame).filter((m) => m.status && m.status.re === frame[1]);
    expect(replies, `one status answering type 0x${frame[1].toString(16)}`).toHaveLength(1);
    return replies[0].status!;
  }

  log(request: Uint8Array): LogEntry | null {
    const m = this.send(request).at(-1)!;
    expect([MSG.LOG_ENTRY, MSG.LOG_NONE]).toContain(m.type);
    return m.log;
  }
}

/** A copy of `frame` with its CRC recomputed: a test edited the payload and wants only the value to be wrong. */
export function reframe(frame: Uint8Array): Uint8Array {
  const out = frame.slice();
  const crc = crc16(out, 0, out.length - 2);
  out[out.length - 2] = crc & 0xff;
  out[out.length - 1] = crc >> 8;
  return out;
}
