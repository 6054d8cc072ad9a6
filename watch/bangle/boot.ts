/**
 * unknot.boot.js: runs at every boot/app load, before the boot loader's single
 * NRF.setServices(bleServices). It declares the Unknot GATT service; writes are handed to the
 * app when it runs. On a clock face, a write opens the app, so the phone can wake it; the phone
 * repeats HELLO until it answers. Espruino subset: computed keys are not allowed, hence the
 * assignments.
 */
import { GATT } from '../protocol/gatt';
import { MAX_FRAME } from '../protocol/frame';

declare const bleServices: { [uuid: string]: object };
declare const global: { unknotRx: ((b: Uint8Array) => void) | undefined };
declare const Bangle: { CLOCK: number | undefined };
declare function load(file: string): void;

const chars: { [uuid: string]: object } = {};
chars[GATT.control] = {
  writable: true,
  maxLen: MAX_FRAME,
  onWrite: (e: { data: ArrayBuffer }) => {
    if (global.unknotRx) global.unknotRx(new Uint8Array(e.data));
    else if (Bangle.CLOCK) load('unknot.app.js');
  },
};
chars[GATT.status] = { readable: true, notify: true, value: [0], maxLen: 20 };
bleServices[GATT.service] = chars;
