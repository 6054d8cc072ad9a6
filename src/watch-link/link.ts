/**
 * The phone's side of the watch link: pairing, the request/reply exchanges of the protocol
 * (watch/protocol), plan upload, the mirror of the watch's status, and the session-log sync.
 * Every GATT operation goes through one GattQueue; an exchange (write, then the watch's reply)
 * holds the queue until the reply comes, so replies can never be matched to the wrong request.
 */
import {
  ERR, MIN_FRAME, MSG, REMINDER_PATTERN, STATE, WRIST_PLANS, dropPlansFrame, encodePlan, keepPlanFrame, reminderFrames, helloFrame, logAckFrame, logRequestFrame, parseWatchMessage, pauseFrame,
  planFrames, planIdOf, resumeFrame, setCuesFrame, startFrame, statusRequestFrame, stopFrame, testCueFrame,
  type CueSettings, type Hello, type Status, type WatchMessage,
} from '../../watch/protocol/index';
import { BUILT_INS, compile, type Routine } from '../routine/index';
import type { UnknotData } from '../data/api';
import { ALERT_HIGH, ONE_CONNECTION_HINT, REQUEST_OPTIONS } from './ble';
import { WatchConnection, BACKOFF_MS, type Channels, type ConnState } from './connection';
import { watchCues } from './cues';
import { watchErrorReason, watchErrorText } from './errors';
import { memoryPlans, syncEntries, type PlanMemory, type SyncResult } from './log-sync';
import { foreignVersion, frameVerdict, protocolVerdict, stopsExchanges, watchClockMs, type ProtocolVerdict, type WatchLogEntry } from './trust';
import { wipeWatch, type WipeResult } from './wipe';
import { watchWaitsForPress } from './capabilities';
import type { WatchSchedule } from '../reminders/watch-schedule';
import { GattQueue, LinkError } from './queue';

/** The data layer parts the link uses. */
export type LinkData = Pick<UnknotData, 'sessions' | 'settings'> & { routines?: Pick<UnknotData['routines'], 'list'> };

export interface LinkOptions {
  plans?: PlanMemory;
  backoffMs?: readonly number[];
  /** How long to wait for the watch's reply to one message. */
  replyTimeoutMs?: number;
  now?: () => number;
  /**
   * The reminders for the watch from `now` on (src/reminders scheduleForWatch); null when there
   * is nothing to read them from yet. Passed in, so the link's lazily loaded code does not
   * carry the scheduling the app's start-up code already has.
   */
  reminderSchedule?: (now: number) => Promise<WatchSchedule | null>;
  /** Wall clock, ms since the epoch (tests move it). */
  wallClock?: () => number;
}

export interface UploadResult {
  planId: number;
  /** Bytes written, frame overhead included. */
  bytes: number;
  writes: number;
  ms: number;
  /** The watch already had this plan loaded: nothing was sent. */
  skipped: boolean;
}

interface Waiter {
  match(m: WatchMessage): boolean;
  resolve(m: WatchMessage): void;
  reject(e: Error): void;
}

/**
 * @fires change - after any change of the link's public fields
 * @fires status - detail: Status, every status the watch sends
 * @fires synced - detail: { added: number }, after a log sync stored new sessions
 */
export class WatchLink extends EventTarget {
  state: ConnState = 'disconnected';
  kind: Channels['kind'] = 'none';
  deviceName: string | null = null;
  hello: Hello | null = null;
  /**
   * Watch clock − phone clock, ms, measured at HELLO (the reply's clock against the middle of
   * the round trip); null until then, or from a protocol 1 watch, which does not send its clock.
   */
  clockOffsetMs: number | null = null;
  status: Status | null = null;
  /** When `status` arrived (this page's clock), for the countdown between notifications. */
  statusAt = 0;
  reconnectAttempt = 0;
  /** The last problem, in words for the user; null when the last action worked. */
  error: string | null = null;
  /**
   * The watch's protocol against this app's (trust.ts): from its HELLO reply, or from the format
   * byte of any frame it sent. A newer watch or another frame format: nothing is exchanged with it
   * (kind becomes 'none'); an older module keeps working while the install is offered.
   */
  protocol: ProtocolVerdict | null = null;
  /** What the last log sync did: stored, refused as implausible, more left on the watch. */
  lastSync: SyncResult | null = null;
  /** The reminders the watch holds: how many instants, sent when (wall clock); null until sent. */
  reminders: { count: number; sentAt: number } | null = null;
  data: LinkData | undefined;

  readonly queue = new GattQueue();
  private _conn: WatchConnection | null = null;
  private _channels: Channels = { kind: 'none' };
  private _waiter: Waiter | null = null;
  private _syncing: Promise<number> | null = null;
  private readonly _plans: PlanMemory;
  private readonly _backoff: readonly number[];
  private readonly _timeout: number;
  private readonly _now: () => number;
  private readonly _wallClock: () => number;
  private readonly _schedule: LinkOptions['reminderSchedule'];

  constructor(
    private readonly _bluetooth: Bluetooth | undefined,
    opts: LinkOptions = {},
  ) {
    super();
    this._plans = opts.plans ?? memoryPlans();
    this._backoff = opts.backoffMs ?? BACKOFF_MS;
    this._timeout = opts.replyTimeoutMs ?? 3000;
    this._now = opts.now ?? (() => performance.now());
    this._wallClock = opts.wallClock ?? Date.now;
    this._schedule = opts.reminderSchedule;
  }

  get supported(): boolean {
    return !!this._bluetooth;
  }

  get connected(): boolean {
    return this.state === 'connected';
  }

  /** Shows the browser's chooser. Returns false when the user cancelled it. Needs a user gesture. */
  async pair(): Promise<boolean> {
    if (!this._bluetooth) throw new LinkError('Web Bluetooth is not available in this browser.');
    let device: BluetoothDevice;
    try {
      device = await this._bluetooth.requestDevice(REQUEST_OPTIONS);
    } catch (e) {
      const err = e as Error;
      // NotFoundError is both "the user closed the chooser" and "no adapter": only the first is silent.
      if (err.name === 'NotFoundError' && /cancel/i.test(err.message)) return false;
      this._fail(`Could not look for a watch: ${err.message} Is Bluetooth on?`);
      throw e;
    }
    await this.use(device);
    return true;
  }

  /** The watch paired before a reload, where the browser lets the page see it again (getDevices). */
  async rememberedDevice(id: string): Promise<BluetoothDevice | undefined> {
    const bt = this._bluetooth as (Bluetooth & { getDevices?: () => Promise<BluetoothDevice[]> }) | undefined;
    if (!bt?.getDevices) return undefined;
    return (await bt.getDevices()).find((d) => d.id === id);
  }

  /** Connects to `device` (from the chooser or getDevices) and remembers it in the settings. */
  async use(device: BluetoothDevice): Promise<void> {
    this._conn?.dispose();
    this.deviceName = device.name ?? 'Watch';
    this.protocol = null;
    this.clockOffsetMs = null;
    this._conn = new WatchConnection(device, this.queue, {
      state: (s, attempt) => {
        this.state = s;
        this.reconnectAttempt = attempt;
        this._changed();
      },
      ready: (ch) => this._ready(ch),
      frame: (b) => this._onFrame(b),
      lost: () => {
        // The reply cannot come any more: fail now rather than at the timeout, so the resync
        // that was running gives way to the reconnect at once.
        this._waiter?.reject(new LinkError('The watch disconnected.'));
        this._waiter = null;
        this._channels = { kind: 'none' };
      },
    }, this._backoff);
    try {
      await this._conn.open();
    } catch (e) {
      // A Bangle.js takes one connection: one held by Gadgetbridge fails here with no reason given.
      this._fail(`Could not connect to ${this.deviceName}: ${(e as Error).message} ${ONE_CONNECTION_HINT}`);
      throw e;
    }
    await this.data?.settings.update({ watch: { id: device.id, name: this.deviceName.slice(0, 60) } }).catch(() => undefined);
  }

  get device(): BluetoothDevice | undefined {
    return this._conn?.device;
  }

  disconnect(): void {
    this._conn?.close();
  }

  // ---- Unknot commands --------------------------------------------------------------------

  /** Loads a routine onto the watch (skipped when the watch already holds the same plan). */
  async uploadPlan(routine: Routine, opts: { withResponse?: boolean; force?: boolean } = {}): Promise<UploadResult> {
    // A protocol 1 watch refuses the open-ended flag: it gets those holds as fixed ones of their maximum.
    const plan = encodePlan(compile(routine), { waitForPress: watchWaitsForPress(this.hello) });
    const planId = planIdOf(plan);
    this._plans.put(planId, routine);
    const t0 = this._now();
    const s = this.status;
    if (!opts.force && s && s.planId === planId && s.state !== STATE.RUNNING && s.state !== STATE.PAUSED) {
      return { planId, bytes: 0, writes: 0, ms: 0, skipped: true };
    }
    const frames = planFrames(plan, MIN_FRAME);
    const bytes = frames.reduce((n, f) => n + f.length, 0);
    const send = (withResponse: boolean) => this._transfer(frames, withResponse);
    try {
      await send(opts.withResponse ?? false);
    } catch (e) {
      // Writes without response can be dropped by a busy radio: the watch then refuses the
      // commit (BAD_PLAN / PLAN_CRC). Once more, every write acknowledged.
      const code = (e as LinkError).code;
      if (opts.withResponse || (code !== ERR.BAD_PLAN && code !== ERR.PLAN_CRC)) throw this._failed(e);
      await send(true).catch((e2: unknown) => {
        throw this._failed(e2);
      });
    }
    this.error = null;
    this._changed();
    return { planId, bytes, writes: frames.length, ms: this._now() - t0, skipped: false };
  }

  /**
   * Sends the next 14 days of reminders (an empty schedule clears the watch's); the watch rings
   * them on its own clock, with the phone away. Sent on every connect, as the window moves on,
   * and when the reminders change. Returns how many instants the watch now holds.
   */
  async syncReminders(): Promise<number> {
    if (!this._schedule || this._channels.kind !== 'unknot') return 0;
    const now = this._wallClock();
    const schedule = await this._schedule(now);
    if (!schedule) return 0;
    return this._sendSchedule(schedule, now);
  }

  /**
   * Deletes what the watch keeps of the user (wipe.ts): its reminders, its wrist plans, and its
   * session log, whose entries are acknowledged WITHOUT being stored in history. Only for "Delete
   * all my data", after the user confirmed it. No log sync runs meanwhile (one waits for the wipe),
   * so no entry it offers can reach history on the way.
   */
  async wipe(): Promise<WipeResult> {
    if (this._channels.kind !== 'unknot') throw this._failed(new LinkError('No watch with the Unknot module is connected.'));
    // Checked again after each wait: a sync may have started while this one waited.
    while (this._syncing) await this._syncing.catch(() => 0);
    const run = wipeWatch({
      clearReminders: async () => void (await this._sendSchedule({ labels: [], instants: [] }, this._wallClock())),
      // A protocol 1 watch keeps no wrist plans and would refuse DROP_PLANS as unknown.
      dropPlans: watchWaitsForPress(this.hello) ? async () => void (await this.command(dropPlansFrame(0))) : undefined,
      replaceLoaded: async () => {
        const s = this.status;
        // A session on the wrist keeps its plan: the watch would refuse a new one mid-session.
        if (s && (s.state === STATE.RUNNING || s.state === STATE.PAUSED)) return false;
        await this.uploadPlan(BUILT_INS[0].routine, { force: true });
        return true;
      },
      next: () => this._nextLog(),
      ack: async (id) => void (await this.command(logAckFrame(id))),
    });
    this._syncing = run.then(() => 0, () => 0).finally(() => (this._syncing = null));
    try {
      return await run;
    } catch (e) {
      throw this._failed(e);
    }
  }

  /** Sends a reminder schedule (an empty one clears the watch's); returns how many instants it holds. */
  private async _sendSchedule(schedule: WatchSchedule, now: number): Promise<number> {
    const frames = reminderFrames(schedule, Math.floor(now / 1000), REMINDER_PATTERN);
    try {
      // As the plan: the parts between BEGIN and COMMIT without response (≈45 acknowledged writes
      // took 0.5–0.8 s in emulation on a busy machine). A dropped part makes the watch refuse the
      // commit (BAD_SCHEDULE) and keep its old schedule: then once more, every write acknowledged.
      await this._transfer(frames, false).catch((e: unknown) => {
        if ((e as LinkError).code !== ERR.BAD_SCHEDULE) throw e;
        return this._transfer(frames, true);
      });
    } catch (e) {
      throw this._failed(e);
    }
    this.reminders = { count: schedule.instants.length, sentAt: now };
    this._changed();
    return schedule.instants.length;
  }

  /**
   * The routines the watch keeps for the wrist (up to WRIST_PLANS, in the order of its menu):
   * each is loaded and kept in its slot, and the slots after them are emptied. The watch's
   * loaded plan is the last one afterwards. Needs a protocol 2 watch.
   */
  async keepOnWrist(routines: Routine[]): Promise<void> {
    if (routines.length > WRIST_PLANS) throw new LinkError(`The watch keeps ${WRIST_PLANS} routines at most.`);
    if (!watchWaitsForPress(this.hello)) throw this._failed(new LinkError('This watch module is too old to keep routines; install the new one first.'));
    for (let i = 0; i < routines.length; i++) {
      await this.uploadPlan(routines[i], { force: true });
      await this.command(keepPlanFrame(i));
    }
    await this.command(dropPlansFrame(routines.length));
  }

  /** Starts the loaded plan on the watch; the watch is the clock from here on. */
  start(planId: number, delayMs = 0): Promise<Status> {
    return this.command(startFrame(planId, delayMs));
  }

  pause = (): Promise<Status> => this.command(pauseFrame());
  resume = (): Promise<Status> => this.command(resumeFrame());
  stop = (): Promise<Status> => this.command(stopFrame());
  requestStatus = (): Promise<Status> => this.command(statusRequestFrame());
  testCue = (cue: number): Promise<Status> => this.command(testCueFrame(cue));
  setCues = (cues: CueSettings): Promise<Status> => this.command(setCuesFrame(cues));

  /** Sends one message and returns the watch's status reply; throws LinkError when it refuses. */
  async command(frame: Uint8Array): Promise<Status> {
    try {
      const m = await this.queue.run(() => this._exchange(frame));
      this._check(m);
      if (this.error) {
        this.error = null;
        this._changed();
      }
      return m.status!;
    } catch (e) {
      throw this._failed(e);
    }
  }

  /** The phone-driven fallback: one alert on a watch with only the Immediate Alert Service. */
  async alert(level = ALERT_HIGH): Promise<void> {
    const ch = this._channels.alert;
    if (!ch) throw new LinkError('No watch with alerts is connected.');
    await this.queue.run(() => ch.writeValueWithoutResponse(new Uint8Array([level])));
  }

  /**
   * Fetches the watch's session log: each entry is committed to history (idempotent by id)
   * BEFORE it is acknowledged, so a drop at any point loses nothing and duplicates nothing.
   */
  syncLog(): Promise<number> {
    this._syncing ??= this._sync().finally(() => (this._syncing = null));
    return this._syncing;
  }

  private async _sync(): Promise<number> {
    const data = this.data;
    if (!data || this._channels.kind !== 'unknot') return 0;
    const refused: string[] = [];
    let result: SyncResult;
    try {
      result = await syncEntries(
        {
          next: () => this._nextLog(),
          ack: async (id) => void (await this.command(logAckFrame(id))),
        },
        data,
        this._plans,
        { context: () => ({ nowMs: this._wallClock(), clockOffsetMs: this.clockOffsetMs }), onRefused: (r) => refused.push(r) },
      );
    } finally {
      // Counted even when the sync broke off later: those entries are gone from the watch.
      if (refused.length) await this._countRefused(refused);
    }
    const { added, unknown } = result;
    this.lastSync = result;
    if (unknown) this._fail('The watch has a session of a routine this phone does not know; it stays on the watch.');
    if (added || result.refused || result.more) this._changed();
    if (added) this.dispatchEvent(new CustomEvent('synced', { detail: { added } }));
    return added;
  }

  /** The oldest entry the watch has not had acknowledged, or null (LOG_NONE). */
  private async _nextLog(): Promise<WatchLogEntry | null> {
    const m = await this.queue.run(() => this._exchange(logRequestFrame()));
    this._check(m);
    return m.log;
  }

  /** Adds refused entries to the count kept in the settings (shown on the Settings screen). */
  private async _countRefused(reasons: string[]): Promise<void> {
    const settings = this.data?.settings;
    if (!settings) return;
    try {
      const before = (await settings.get()).watchRefused?.count ?? 0;
      await settings.update({ watchRefused: { count: before + reasons.length, last: reasons[reasons.length - 1] } });
    } catch {
      // Only the count is lost; the entries were kept out of history either way.
    }
  }

  // ---- internals ----------------------------------------------------------------------------

  private async _ready(ch: Channels): Promise<void> {
    this._channels = ch;
    this.kind = ch.kind;
    this.protocol = null; // asked again: the module may have been reinstalled meanwhile
    this._changed();
    if (ch.kind !== 'unknot') return;
    try {
      // The first write may only wake the app from the clock face (unknot.boot.js): ask again.
      let hello: WatchMessage | null = null;
      let sentAt = 0;
      for (let i = 0; i < 3 && !hello; i++) {
        sentAt = this._wallClock();
        hello = await this.queue.run(() => this._exchange(helloFrame(), 1000)).catch((e: unknown) => {
          if (!this._conn?.connected || this._mismatch()) throw e;
          return null;
        });
      }
      if (!hello?.hello) throw new LinkError('The watch did not answer. Is the Unknot module installed and open?');
      this.hello = hello.hello;
      const clock = watchClockMs(hello.hello);
      this.clockOffsetMs = clock === null ? null : Math.round(clock - (sentAt + this._wallClock()) / 2);
      this._setProtocol(protocolVerdict(hello.hello.protocol));
      if (this._mismatch()) throw new LinkError(this._mismatch()!);
      const settings = await this.data?.settings.get();
      if (settings) await this.setCues(watchCues(settings));
      await this.requestStatus();
      await this.syncLog();
      await this.syncReminders();
    } catch (e) {
      if (this._conn?.connected) this._fail(this._mismatch() ?? (e as Error).message);
    }
    this._changed();
  }

  /**
   * Records how the watch's protocol compares with ours. A newer watch, or frames of another
   * format, stop every exchange with it; an older module (same frames, fewer messages) keeps
   * working — its open-ended holds become fixed ones — while the panel offers the install.
   */
  private _setProtocol(verdict: ProtocolVerdict): void {
    this.protocol = verdict;
    if (!stopsExchanges(verdict)) return;
    this._channels = { kind: 'none' };
    this.kind = 'none';
    this._changed();
  }

  /** The message for a watch that speaks another protocol version, or null. */
  private _mismatch(): string | null {
    const p = this.protocol;
    return p && p.kind !== 'ok' && stopsExchanges(p) ? p.message : null;
  }

  /** A BEGIN … COMMIT transfer: both ends answered, the parts between written in order. */
  private _transfer(frames: Uint8Array[], withResponse: boolean): Promise<void> {
    return this.queue.run(async () => {
      this._check(await this._exchange(frames[0]));
      for (const f of frames.slice(1, -1)) await this._write(f, withResponse);
      this._check(await this._exchange(frames[frames.length - 1]));
    });
  }

  /**
   * One GATT write, with a deadline. A write the radio never settles (seen in Chromium's emulation
   * when the write crosses a disconnect; Android stacks can wedge too) would otherwise hold the
   * queue, the resync and so every later reconnect forever: past the deadline the connection is
   * dropped, which fails what is queued and starts a fresh reconnect.
   */
  private async _write(frame: Uint8Array, withResponse: boolean): Promise<void> {
    const ch = this._channels.control;
    const conn = this._conn;
    if (!ch || !conn?.connected) throw new LinkError('The watch is not connected.');
    const op = withResponse ? ch.writeValueWithResponse(frame as Uint8Array<ArrayBuffer>) : ch.writeValueWithoutResponse(frame as Uint8Array<ArrayBuffer>);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new LinkError('The watch link stalled (a write never completed); reconnecting.')), this._timeout);
    });
    try {
      await Promise.race([op, late]);
    } catch (e) {
      if (e instanceof LinkError) conn.stalled();
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Writes `frame` and waits for the reply to it. Runs inside the queue. */
  private async _exchange(frame: Uint8Array, timeoutMs = this._timeout): Promise<WatchMessage> {
    const type = frame[1];
    const match =
      type === MSG.HELLO
        ? (m: WatchMessage) => m.type === MSG.HELLO_REPLY || (!!m.status && m.status.re === type)
        : type === MSG.LOG_REQUEST
          ? (m: WatchMessage) => m.type === MSG.LOG_ENTRY || m.type === MSG.LOG_NONE || (!!m.status && m.status.re === type)
          : (m: WatchMessage) => !!m.status && m.status.re === type;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reply = new Promise<WatchMessage>((resolve, reject) => {
      this._waiter = { match, resolve, reject };
      timer = setTimeout(() => reject(new LinkError('The watch did not answer in time.')), timeoutMs);
    });
    try {
      // The reply's deadline (or a drop) also ends the wait for the write itself.
      await Promise.race([this._write(frame, true), reply]);
      return await reply;
    } finally {
      clearTimeout(timer);
      this._waiter = null;
    }
  }

  private _onFrame(bytes: Uint8Array): void {
    const m = parseWatchMessage(bytes);
    const foreign = m.error === ERR.WRONG_VERSION ? foreignVersion(bytes) : null;
    if (foreign !== null) {
      // Byte 0 is the frame format in every protocol version: the watch frames another way.
      this._setProtocol(frameVerdict(foreign));
      this._waiter?.reject(new LinkError(this._mismatch()!));
      this._fail(this._mismatch()!);
      return;
    }
    if (m.error) {
      // A damaged notification is dropped; the next status corrects the mirror.
      this._fail(`Ignored a damaged message from the watch (${watchErrorReason(m.error)}).`);
      return;
    }
    if (m.status) {
      this.status = m.status;
      this.statusAt = this._now();
      this.dispatchEvent(new CustomEvent<Status>('status', { detail: m.status }));
      // The watch reports a fault it noticed on its own (e.g. storage full when logging).
      if (m.status.re === 0 && m.status.error) this._fail(watchErrorText(m.status.error));
      this._changed();
    }
    if (this._waiter?.match(m)) this._waiter.resolve(m);
  }

  private _check(m: WatchMessage): void {
    if (m.status && m.status.error) throw new LinkError(watchErrorText(m.status.error), m.status.error);
  }

  private _failed(e: unknown): Error {
    this._fail((e as Error).message);
    return e as Error;
  }

  private _fail(message: string): void {
    this.error = message;
    this._changed();
  }

  private _changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
