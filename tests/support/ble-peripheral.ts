/**
 * An emulated Bangle.js for real Chromium, through Chromium's own Bluetooth emulation over CDP
 * (../shared/notes/web-bluetooth-testing.md). The page runs its real navigator.bluetooth code;
 * this side decides what the peripheral does:
 * - Unknot service: control writes go into the REAL built watch module running under the
 *   Espruino double (tests/watch/espruino-double.ts); what the watch notifies (NRF.updateServices)
 *   is delivered to the page by the held-read technique: an init script keeps one readValue() in
 *   flight on each notifying characteristic and this side answers it when the watch "notifies",
 *   so Chrome fires characteristicvaluechanged through its own stack.
 * - Nordic UART: TX writes go into an Espruino console stand-in; what it prints comes back on RX.
 * - Immediate Alert Service: the alert levels written are recorded.
 */
import type { CDPSession, Page } from 'playwright-core';
import { GATT } from '../../watch/protocol';
import type { EspruinoDouble } from '../watch/espruino-double';
import type { EspruinoConsole } from './espruino-console';

const NUS = {
  service: '6e400001-b5a3-f393-e0a9-e50e24dcca9e',
  tx: '6e400002-b5a3-f393-e0a9-e50e24dcca9e',
  rx: '6e400003-b5a3-f393-e0a9-e50e24dcca9e',
};
const IAS = { service: '00001802-0000-1000-8000-00805f9b34fb', level: '00002a06-0000-1000-8000-00805f9b34fb' };

type Role = 'control' | 'status' | 'tx' | 'rx' | 'alert';

/** The page half of the held-read technique; add before the app's scripts run. */
export async function installHeldReads(page: Page): Promise<void> {
  // A string, not a function: transpilers add helpers (e.g. __name) that do not exist in the page.
  await page.addInitScript(`(() => {
    const uuids = ${JSON.stringify([GATT.status, NUS.rx])};
    const C = globalThis.BluetoothRemoteGATTCharacteristic;
    if (!C) return; // no Web Bluetooth in this browser
    const start = C.prototype.startNotifications;
    C.prototype.startNotifications = async function () {
      const r = await start.call(this);
      if (uuids.includes(this.uuid)) {
        // One read always in flight; the test answers it when the peripheral notifies. A failed
        // read (the link dropped) ends this loop; the reconnect starts a new one.
        const ch = this;
        (function loop() { ch.readValue().then(loop, function () {}); })();
      }
      return r;
    };
    // The drop gate (see EmulatedBangle.disconnect): writes wait while it is held, and the ones
    // in flight are counted, so a simulated drop never crosses a write.
    const gate = { held: false, opened: Promise.resolve(), open: () => {}, inFlight: 0 };
    globalThis.__unknotDropGate = {
      hold: async () => {
        gate.held = true;
        gate.opened = new Promise((r) => (gate.open = r));
        for (let i = 0; i < 2000 && gate.inFlight > 0; i++) await new Promise((r) => setTimeout(r, 1));
      },
      release: () => { gate.held = false; gate.open(); },
    };
    for (const name of ['writeValueWithResponse', 'writeValueWithoutResponse']) {
      const write = C.prototype[name];
      C.prototype[name] = async function (...args) {
        while (gate.held) await gate.opened;
        gate.inFlight++;
        try { return await write.apply(this, args); } finally { gate.inFlight--; }
      };
    }
  })();`);
}

export interface PeripheralOptions {
  address?: string;
  name?: string;
  /** The booted watch module: the device offers the Unknot service. */
  watch?: EspruinoDouble;
  /** The device offers Nordic UART (every Bangle.js does). */
  console?: EspruinoConsole;
  /** The device offers the Immediate Alert Service; levels written go here. */
  alerts?: number[];
  /** Rewrites what the watch notifies on its way to the page (a lying or differently versioned watch). */
  transform?: (frame: Uint8Array) => Uint8Array;
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

export class EmulatedBangle {
  readonly address: string;
  readonly name: string;
  /** Connection requests the page made (the first pairing and every reconnect). */
  connects = 0;
  /** Refuse connections (0x3e, "connection failed to be established"), as a watch held by another phone app does. */
  refuseConnections = false;
  /** Every write the page made on the control characteristic, with its write type. */
  readonly controlWrites: { bytes: Uint8Array; writeType: string }[] = [];
  private _roles = new Map<string, Role>();
  private _ids = new Map<Role, string>();
  private _held = new Map<Role, number>();
  private _subscribed = new Set<Role>();
  private _queued = new Map<Role, Uint8Array[]>();
  private _seenNotifications = 0;
  private _prompts = new Set<string>();
  private _chooser: 'select' | 'cancel' = 'select';
  private _replies: Promise<unknown>[] = [];

  constructor(
    private readonly _browser: CDPSession,
    private readonly _page: CDPSession,
    readonly opts: PeripheralOptions,
  ) {
    this.address = opts.address ?? '09:09:09:09:09:09';
    this.name = opts.name ?? 'Bangle.js 1a2b';
  }

  /** Powers the emulated adapter on, adds the peripheral and its services, and answers the chooser. */
  async start(): Promise<void> {
    const b = this._browser;
    await b.send('BluetoothEmulation.enable', { state: 'powered-on', leSupported: true });
    await b.send('BluetoothEmulation.simulatePreconnectedPeripheral', { address: this.address, name: this.name, manufacturerData: [], knownServiceUuids: this._known() });
    await this.addServices();
    b.on('BluetoothEmulation.gattOperationReceived', this._onGatt);
    b.on('BluetoothEmulation.characteristicOperationReceived', this._onChar);
    b.on('BluetoothEmulation.descriptorOperationReceived', this._onDescriptor);
    await this._page.send('DeviceAccess.enable');
    this._page.on('DeviceAccess.deviceRequestPrompted', (e) => {
      // The event can come twice for one prompt; a second answer would crash the browser.
      if (this._prompts.has(e.id)) return;
      this._prompts.add(e.id);
      void (this._chooser === 'cancel'
        ? this._page.send('DeviceAccess.cancelPrompt', { id: e.id })
        : this._page.send('DeviceAccess.selectPrompt', { id: e.id, deviceId: this.address }));
    });
  }

  /**
   * A reload (a new document) takes the emulated adapter away from the page ("Bluetooth adapter
   * not available"): turn the emulation off and on again, with the same peripheral and watch.
   */
  async restart(): Promise<void> {
    await this._browser.send('BluetoothEmulation.disable');
    await this._browser.send('BluetoothEmulation.enable', { state: 'powered-on', leSupported: true });
    await this._browser.send('BluetoothEmulation.simulatePreconnectedPeripheral', {
      address: this.address, name: this.name, manufacturerData: [], knownServiceUuids: this._known(),
    });
    this._held.clear();
    this._queued.clear();
    this._subscribed.clear();
    await this.addServices();
    await this._page.send('DeviceAccess.enable');
  }

  private _known(): string[] {
    return [this.opts.watch && GATT.service, this.opts.console && NUS.service, this.opts.alerts && IAS.service].filter((u): u is string => !!u);
  }

  /** Stops answering (the browser session outlives this peripheral) and turns the emulation off. */
  async stop(): Promise<void> {
    this._browser.off('BluetoothEmulation.gattOperationReceived', this._onGatt);
    this._browser.off('BluetoothEmulation.characteristicOperationReceived', this._onChar);
    this._browser.off('BluetoothEmulation.descriptorOperationReceived', this._onDescriptor);
    // Chromium never answers a reply sent after the page's context closed (a test that closes the
    // page first): wait for the replies a little, not forever (it hung the hook for 60 s, 1 run in 4).
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([Promise.allSettled(this._replies), new Promise((r) => (timer = setTimeout(r, 2000)))]);
    clearTimeout(timer);
    await this._browser.send('BluetoothEmulation.disable').catch(() => undefined);
  }

  /** What the next chooser does. */
  chooser(answer: 'select' | 'cancel'): void {
    this._chooser = answer;
  }

  /** (Re)creates the services: a simulated disconnection wipes them, with new ids each time. */
  async addServices(): Promise<void> {
    this._roles.clear();
    this._ids.clear();
    const all = { read: true, write: true, writeWithoutResponse: true, notify: true };
    const add = async (service: string, chars: [Role, string, object][]) => {
      const { serviceId } = await this._browser.send('BluetoothEmulation.addService', { address: this.address, serviceUuid: service });
      for (const [role, uuid, properties] of chars) {
        const { characteristicId } = await this._browser.send('BluetoothEmulation.addCharacteristic', { serviceId, characteristicUuid: uuid, properties });
        this._roles.set(characteristicId, role);
        this._ids.set(role, characteristicId);
        if (role === 'status' || role === 'rx') {
          // Client Characteristic Configuration: where the page's startNotifications() writes.
          await this._browser.send('BluetoothEmulation.addDescriptor', { characteristicId, descriptorUuid: '00002902-0000-1000-8000-00805f9b34fb' });
        }
      }
    };
    if (this.opts.watch) {
      await add(GATT.service, [
        ['control', GATT.control, { write: true, writeWithoutResponse: true }],
        ['status', GATT.status, all],
      ]);
    }
    if (this.opts.console) await add(NUS.service, [['tx', NUS.tx, { write: true, writeWithoutResponse: true }], ['rx', NUS.rx, all]]);
    if (this.opts.alerts) await add(IAS.service, [['alert', IAS.level, all]]);
  }

  /** Delivers whatever the watch notified since the last call. */
  flush(): void {
    const w = this.opts.watch;
    if (!w) return;
    const transform = this.opts.transform ?? ((b: Uint8Array) => b);
    for (const n of w.notifications.slice(this._seenNotifications)) this.notify('status', transform(n));
    this._seenNotifications = w.notifications.length;
  }

  /** Runs the watch clock on by `ms`, then delivers its notifications. */
  advance(ms: number): void {
    this.opts.watch!.advance(ms);
    this.flush();
  }

  /** A notification on `role` (the next held read answers with it). */
  notify(role: Role, bytes: Uint8Array): void {
    const q = this._queued.get(role) ?? [];
    q.push(bytes);
    this._queued.set(role, q);
    this._pump(role);
  }

  /**
   * The radio drops. Held reads are failed first (or the disconnect never reaches the page),
   * the watch's notifications fail meanwhile, and the services are added again for the reconnect.
   */
  async disconnect(): Promise<void> {
    // Chromium's emulation never settles a GATT operation whose CDP event crosses the simulated
    // disconnection (our answer to it is refused: the device is gone), and that pending operation
    // then blocks every later connect to the device: the page waits forever ("timed out waiting
    // for reconnect N" in the watch-link benchmark). A real stack fails such an operation. So the
    // radio drops BETWEEN writes: the page's writes are held (installHeldReads' gate) and the
    // ones in flight answered before the drop; the held ones then fail as on a dropped link.
    await this._pageEval('globalThis.__unknotDropGate?.hold()');
    try {
      await this._drop();
    } finally {
      await this._pageEval('globalThis.__unknotDropGate?.release()');
    }
  }

  private async _pageEval(expression: string): Promise<void> {
    await this._page.send('Runtime.evaluate', { expression, awaitPromise: true });
  }

  private async _drop(): Promise<void> {
    for (const role of ['status', 'rx'] as Role[]) {
      const id = this._ids.get(role);
      // The page re-issues its read right after each answer; one still on its way would be left
      // pending in Chrome and hold the disconnect back, so wait until it has arrived.
      for (let i = 0; i < 100 && this._subscribed.has(role) && !(this._held.get(role) ?? 0); i++) await new Promise((r) => setTimeout(r, 5));
      this._subscribed.delete(role);
      for (let n = this._held.get(role) ?? 0; n > 0; n--) {
        await this._browser.send('BluetoothEmulation.simulateCharacteristicOperationResponse', { characteristicId: id!, type: 'read', code: 0x0e });
      }
      this._held.set(role, 0);
      this._queued.set(role, []);
    }
    if (this.opts.watch) {
      this.opts.watch.connected = false;
      this._seenNotifications = this.opts.watch.notifications.length;
    }
    await this._browser.send('BluetoothEmulation.simulateGATTDisconnection', { address: this.address });
    await this.addServices();
  }

  private _onDescriptor = (e: { descriptorId: string; type: string }): void => {
    // The Client Characteristic Configuration descriptor: subscribing writes it.
    const data = e.type === 'read' ? { data: 'AAA=' } : {};
    this._reply(this._browser.send('BluetoothEmulation.simulateDescriptorOperationResponse', { descriptorId: e.descriptorId, type: e.type as 'read', code: 0, ...data }));
  };

  private _onGatt = (e: { address: string; type: string }): void => {
    if (e.address !== this.address) return;
    if (e.type === 'connection') {
      this.connects++;
      if (this.refuseConnections) {
        this._reply(this._browser.send('BluetoothEmulation.simulateGATTOperationResponse', { address: this.address, type: 'connection', code: 0x3e }));
        return;
      }
      if (this.opts.watch) this.opts.watch.connected = true;
    }
    this._reply(this._browser.send('BluetoothEmulation.simulateGATTOperationResponse', { address: this.address, type: e.type as 'connection', code: 0 }));
  };

  private _onChar = (e: { characteristicId: string; type: string; data?: string; writeType?: string }): void => {
    const role = this._roles.get(e.characteristicId);
    if (!role) return;
    const respond = (extra: object = {}) =>
      this._reply(
        this._browser.send('BluetoothEmulation.simulateCharacteristicOperationResponse', { characteristicId: e.characteristicId, type: e.type as 'write', code: 0, ...extra }),
      );
    if (e.type === 'read') {
      this._held.set(role, (this._held.get(role) ?? 0) + 1);
      this._pump(role);
      return;
    }
    if (e.type === 'subscribe-to-notifications') this._subscribed.add(role);
    if (e.type !== 'write') return respond(); // (un)subscribe
    const bytes = Uint8Array.from(Buffer.from(e.data ?? '', 'base64'));
    // Answer first: the page's write promise resolves as on a real radio, before the reply notifies.
    if (e.writeType !== 'write-without-response') respond();
    if (role === 'control') {
      this.controlWrites.push({ bytes, writeType: e.writeType ?? '' });
      this.opts.watch!.write(bytes);
      this.flush();
    } else if (role === 'tx') {
      const con = this.opts.console!;
      con.receive(bytes);
      const out = Buffer.from(con.take(), 'latin1');
      for (let o = 0; o < out.length; o += 20) this.notify('rx', out.subarray(o, o + 20));
    } else if (role === 'alert') {
      this.opts.alerts!.push(bytes[0]);
    }
  };

  private _pump(role: Role): void {
    const q = this._queued.get(role) ?? [];
    const held = this._held.get(role) ?? 0;
    const id = this._ids.get(role);
    if (!q.length || !held || !id) return;
    this._held.set(role, held - 1);
    const bytes = q.shift()!;
    this._reply(this._browser.send('BluetoothEmulation.simulateCharacteristicOperationResponse', { characteristicId: id, type: 'read', code: 0, data: b64(bytes) }));
  }

  private _reply(p: Promise<unknown>): void {
    // A reply racing a disconnect can be refused; the page sees the disconnect either way.
    this._replies.push(p.catch(() => undefined));
  }
}
