/**
 * One GATT operation at a time. Chrome rejects a second operation on a characteristic while one
 * is in flight ("GATT operation already in progress"), and an exchange (write, then wait for the
 * watch's reply) must not interleave with another. Every write and read of the link goes
 * through `run`.
 */
export class LinkError extends Error {
  constructor(
    message: string,
    /** The protocol error code the watch answered with (ERR.*), or 0 for a link failure. */
    readonly code = 0,
  ) {
    super(message);
    this.name = 'LinkError';
  }
}

export class GattQueue {
  private _tail: Promise<unknown> = Promise.resolve();
  private _generation = 0;

  /** Runs `op` after every operation queued before it has settled. */
  run<T>(op: () => Promise<T>): Promise<T> {
    const generation = this._generation;
    const result = this._tail.then(() => {
      // Queued before a disconnect: its characteristic objects are dead, so it must not run.
      if (generation !== this._generation) throw new LinkError('The watch disconnected before this could be sent.');
      return op();
    });
    this._tail = result.catch(() => undefined);
    return result;
  }

  /** Fails everything queued (not the operation running now): called when the link drops. */
  reset(): void {
    this._generation++;
  }
}
