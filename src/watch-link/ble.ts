/** The GATT names the link uses, and feature detection for Web Bluetooth. */
import { GATT } from '../../watch/protocol/index';

/** Standard Immediate Alert Service and its Alert Level characteristic (other watches, e.g. PineTime). */
export const IMMEDIATE_ALERT = { service: 0x1802, level: 0x2a06 } as const;
/** Alert Level values (Bluetooth SIG): 0 none, 1 mild, 2 high. */
export const ALERT_HIGH = 2;

/** Nordic UART: the Espruino console, which the App Loader installs apps through. */
export const NORDIC_UART = {
  service: '6e400001-b5a3-f393-e0a9-e50e24dcca9e',
  tx: '6e400002-b5a3-f393-e0a9-e50e24dcca9e',
  rx: '6e400003-b5a3-f393-e0a9-e50e24dcca9e',
} as const;

export const UNSUPPORTED_MESSAGE =
  'This browser cannot talk to a watch: Web Bluetooth works in Chrome or Edge on Android or desktop. ' +
  'Safari, iPhone and iPad browsers and Firefox do not have it. The phone-only player works everywhere.';

/**
 * Why a Bangle.js may be missing from the chooser, or fail to connect with no reason given: it
 * takes one connection at a time, and while Gadgetbridge (or another app) holds it, it does not
 * even advertise.
 */
export const ONE_CONNECTION_HINT =
  'A Bangle.js takes one connection at a time: while it is connected to Gadgetbridge or another phone app it does not show up here and cannot connect. ' +
  'Disconnect it in Gadgetbridge first (or close that app), then try again.';

/** The browser's Bluetooth, or undefined where there is none (Safari, Firefox, iOS, insecure pages). */
export function bluetoothOf(nav: Navigator | undefined = globalThis.navigator): Bluetooth | undefined {
  return nav && 'bluetooth' in nav && nav.bluetooth ? nav.bluetooth : undefined;
}

/**
 * The chooser lists a watch running the Unknot module, a Bangle.js without it yet (so the module
 * can be installed), or any watch with the Immediate Alert Service (the phone-driven fallback).
 */
export const REQUEST_OPTIONS: RequestDeviceOptions = {
  filters: [{ services: [GATT.service] }, { namePrefix: 'Bangle.js' }, { services: [IMMEDIATE_ALERT.service] }],
  optionalServices: [GATT.service, IMMEDIATE_ALERT.service, NORDIC_UART.service],
};

/** Bytes of a characteristic value (a copy: Chrome may reuse the buffer). */
export function bytesOf(view: DataView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice();
}
