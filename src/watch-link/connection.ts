/**
 * One watch's GATT connection: connect, discover what it offers, and, while the page is open,
 * reconnect with backoff after every unplanned drop. It never touches the session on the wrist:
 * the watch keeps the time, the phone only comes back and asks where it is (WatchLink resyncs).
 */
import { GATT } from '../../watch/protocol/index';
import { IMMEDIATE_ALERT, bytesOf } from './ble';
import type { GattQueue } from './queue';

/** Waits between reconnect attempts; the last one repeats for as long as the page is open. */
export const BACKOFF_MS = [250, 500, 1000, 2000, 4000, 8000];

export type ConnState = 'disconnected' | 'connecting' | 'connected' | 'reconnecting';

/** What the connected watch offers: the Unknot service, or only the Immediate Alert Service. */
export interface Channels {
  kind: 'unknot' | 'alert' | 'none';
  control?: BluetoothRemoteGATTCharacteristic;
  alert?: BluetoothRemoteGATTCharacteristic;
}

export interface ConnectionEvents {
  state(state: ConnState, attempt: number): void;
  /** Fresh characteristics after each (re)connect; the link resyncs here. */
  ready(channels: Channels): Promise<void>;
  /** A notification from the status characteristic. */
  frame(bytes: Uint8Array): void;
  /** The link dropped (planned or not). */
  lost(): void;
}

async function optionalService(server: BluetoothRemoteGATTServer, uuid: BluetoothServiceUUID) {
  try {
    return await server.getPrimaryService(uuid);
  } catch {
    return null; // NotFoundError: the watch does not offer it
  }
}

export class WatchConnection {
  private _wanted = false;
  private _busy = false;
  private _attempt = 0;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _status: BluetoothRemoteGATTCharacteristic | undefined;

  constructor(
    readonly device: BluetoothDevice,
    private readonly _queue: GattQueue,
    private readonly _ev: ConnectionEvents,
    private readonly _backoff: readonly number[] = BACKOFF_MS,
  ) {
    device.addEventListener('gattserverdisconnected', this._onDrop);
  }

  get connected(): boolean {
    return !!this.device.gatt?.connected;
  }

  /** Connects now; throws if that fails (the caller shows why). */
  async open(): Promise<void> {
    this._wanted = true;
    this._ev.state('connecting', 0);
    try {
      await this._connect();
    } catch (e) {
      this._wanted = false;
      this._ev.state('disconnected', 0);
      throw e;
    }
  }

  /** The user disconnects: no reconnecting. */
  close(): void {
    this._wanted = false;
    clearTimeout(this._timer);
    this._queue.reset();
    if (this.device.gatt?.connected) this.device.gatt.disconnect();
    this._ev.state('disconnected', 0);
  }

  /**
   * A GATT operation never settled: the link is wedged. Disconnect, so the drop handler (or the
   * connect attempt running now) fails what is queued and reconnects with backoff.
   */
  stalled(): void {
    if (this.device.gatt?.connected) this.device.gatt.disconnect();
  }

  /** Forgets this device entirely (a different watch was paired). */
  dispose(): void {
    this.close();
    this.device.removeEventListener('gattserverdisconnected', this._onDrop);
  }

  private async _connect(): Promise<void> {
    this._busy = true;
    try {
      const gatt = this.device.gatt;
      if (!gatt) throw new Error('This device has no GATT server.');
      // Old characteristic objects are invalid after a reconnect: everything is fetched again.
      const channels = await this._queue.run(async (): Promise<Channels> => {
        const server = await gatt.connect();
        const unknot = await optionalService(server, GATT.service);
        if (unknot) {
          const control = await unknot.getCharacteristic(GATT.control);
          const status = await unknot.getCharacteristic(GATT.status);
          status.addEventListener('characteristicvaluechanged', this._onValue);
          await status.startNotifications();
          this._status = status;
          return { kind: 'unknot', control };
        }
        const ias = await optionalService(server, IMMEDIATE_ALERT.service);
        if (ias) return { kind: 'alert', alert: await ias.getCharacteristic(IMMEDIATE_ALERT.level) };
        return { kind: 'none' };
      });
      this._attempt = 0;
      this._ev.state('connected', 0);
      await this._ev.ready(channels);
    } finally {
      this._busy = false;
    }
    // A drop during the resync was ignored above (busy): report it so the caller retries.
    if (!this.connected) throw new Error('The watch disconnected while connecting.');
  }

  private _onValue = (e: Event): void => {
    const ch = e.target as BluetoothRemoteGATTCharacteristic;
    if (ch !== this._status || !ch.value) return; // a stale object from before a reconnect
    this._ev.frame(bytesOf(ch.value));
  };

  private _onDrop = (): void => {
    this._queue.reset();
    this._status?.removeEventListener('characteristicvaluechanged', this._onValue);
    this._status = undefined;
    this._ev.lost();
    if (!this._wanted) return;
    if (this._busy) {
      // The attempt running now fails (every GATT write has a deadline) and schedules the next one.
      this._ev.state('reconnecting', this._attempt + 1);
      return;
    }
    this._retry();
  };

  private _retry(): void {
    clearTimeout(this._timer);
    const delay = this._backoff[Math.min(this._attempt, this._backoff.length - 1)];
    this._attempt++;
    this._ev.state('reconnecting', this._attempt);
    this._timer = setTimeout(() => {
      if (!this._wanted) return;
      this._connect().catch(() => {
        if (!this._wanted) return;
        if (this.device.gatt?.connected) this.device.gatt.disconnect();
        this._retry();
      });
    }, delay);
  }
}
