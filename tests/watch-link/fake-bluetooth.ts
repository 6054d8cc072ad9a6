/**
 * A minimal Web Bluetooth device in Node whose Unknot service is the REAL built watch module
 * running under the Espruino double: control writes go to the watch's onWrite, the watch's
 * NRF.updateServices notifications come back as characteristicvaluechanged events. Used by the
 * unit tests; the same paths run in real Chromium in tests/e2e/watch-link.e2e.ts.
 */
import { GATT } from '../../watch/protocol';
import { IMMEDIATE_ALERT } from '../../src/watch-link';
import type { EspruinoDouble } from '../watch/espruino-double';

class FakeChar extends EventTarget {
  value: DataView | undefined;
  notifying = false;
  readonly writes: { bytes: Uint8Array; withResponse: boolean }[] = [];
  inFlight = 0;
  maxInFlight = 0;
  constructor(
    readonly uuid: string,
    private readonly _dev: FakeDevice,
    private readonly _onWrite: (b: Uint8Array) => void = () => undefined,
  ) {
    super();
  }
  private async _write(b: BufferSource, withResponse: boolean) {
    if (!this._dev.gatt.connected) throw new DOMException('GATT Server is disconnected.', 'NetworkError');
    if (this._dev.hangWrites > 0) {
      this._dev.hangWrites--;
      return new Promise<void>(() => undefined); // never settles, as a write that crossed a drop in Chromium's emulation
    }
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this._dev.inFlight());
    await Promise.resolve();
    this.inFlight--;
    const bytes = new Uint8Array(b as ArrayBuffer).slice();
    this.writes.push({ bytes, withResponse });
    if (!withResponse && this._dev.loseUnacknowledged > 0) {
      this._dev.loseUnacknowledged--; // a busy radio dropped it: the watch never sees it
      return;
    }
    this._onWrite(bytes);
  }
  writeValueWithResponse = (b: BufferSource) => this._write(b, true);
  writeValueWithoutResponse = (b: BufferSource) => this._write(b, false);
  async startNotifications() {
    this.notifying = true;
    return this;
  }
  notify(bytes: Uint8Array) {
    if (!this.notifying || !this._dev.gatt.connected) return;
    this.value = new DataView(bytes.slice().buffer);
    this.dispatchEvent(new Event('characteristicvaluechanged'));
  }
}

export class FakeDevice extends EventTarget {
  readonly id = 'fake-bangle';
  chars: FakeChar[] = [];
  status: FakeChar | undefined;
  /** Rewrites what the watch notifies on its way to the phone (a lying or differently versioned watch). */
  transform: (b: Uint8Array) => Uint8Array = (b) => b;
  /** How many of the next writes never settle (the watch never sees them). */
  hangWrites = 0;
  /** How many of the next writes without response the radio drops. */
  loseUnacknowledged = 0;
  private _seen = 0;
  readonly gatt = {
    connected: false,
    connect: async () => {
      this.gatt.connected = true;
      if (this.watch) this.watch.connected = true;
      return this.gatt;
    },
    disconnect: () => this.drop(),
    getPrimaryService: async (uuid: string | number) => {
      if (uuid === GATT.service && this.watch) return this._unknot();
      if (uuid === IMMEDIATE_ALERT.service && this.alerts) return this._ias();
      throw new DOMException('No Services matching UUID found in Device.', 'NotFoundError');
    },
  };

  constructor(
    readonly name: string,
    readonly watch: EspruinoDouble | null,
    readonly alerts: number[] | null = null,
  ) {
    super();
  }

  inFlight(): number {
    return this.chars.reduce((n, c) => n + c.inFlight, 0);
  }

  /** Delivers what the watch notified since the last call (a macrotask later, like a radio). */
  flush(): void {
    if (!this.watch) return;
    const fresh = this.watch.notifications.slice(this._seen);
    this._seen = this.watch.notifications.length;
    setTimeout(() => fresh.forEach((b) => this.status?.notify(this.transform(b))), 0);
  }

  /** The radio link drops (out of range); the watch's notifications fail meanwhile. */
  drop(): void {
    if (!this.gatt.connected) return;
    this.gatt.connected = false;
    if (this.watch) {
      this.watch.connected = false;
      this._seen = this.watch.notifications.length;
    }
    this.dispatchEvent(new Event('gattserverdisconnected'));
  }

  private _unknot() {
    const control = new FakeChar(GATT.control, this, (b) => {
      this.watch!.write(b);
      this.flush();
    });
    this.status = new FakeChar(GATT.status, this);
    this.chars = [control, this.status];
    return { getCharacteristic: async (u: string) => (u === GATT.control ? control : this.status!) };
  }

  private _ias() {
    const level = new FakeChar(String(IMMEDIATE_ALERT.level), this, (b) => this.alerts!.push(b[0]));
    this.chars = [level];
    return { getCharacteristic: async () => level };
  }
}

/** navigator.bluetooth whose chooser returns `device`, or rejects as a cancelled chooser. */
export function fakeBluetooth(device: FakeDevice | null, adapterOff = false): Bluetooth {
  return {
    requestDevice: async () => {
      if (!device) throw new DOMException(adapterOff ? 'Bluetooth adapter not available.' : 'User cancelled the requestDevice() chooser.', 'NotFoundError');
      return device;
    },
  } as unknown as Bluetooth;
}
