/** unknot.app.js: the watch app. Espruino subset. */
import { createApp } from '../core/app';
import { bangleHardware } from './hardware';

declare const __UNKNOT_VERSION__: string;
declare const Bangle: { setUI(o: object): void };

// Custom UI: the firmware leaves the button to us (our setWatch) and adds no launcher gesture.
Bangle.setUI({ mode: 'custom' });
createApp(bangleHardware(), __UNKNOT_VERSION__);
