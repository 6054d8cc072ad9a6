/** unknot.app.js: the watch app. Espruino subset. */
import { createApp } from '../core/app';
import { bangleHardware } from './hardware';

declare const __UNKNOT_VERSION__: string;
declare const Bangle: { loadWidgets(): void; drawWidgets(): void };

// The hardware sets the UI up first (Bangle.setUI): the back widget is then drawn with the others.
const hw = bangleHardware();
Bangle.loadWidgets();
Bangle.drawWidgets();
createApp(hw, __UNKNOT_VERSION__);
