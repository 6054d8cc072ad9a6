// Runs the real Bangle.js 2 emulator (Espruino 2v29 compiled to JavaScript, ../shared/espruino-emulator)
// in this Node process and plays a script of steps into its console. One emulator per process: it
// lives in globals. Usage: node emulator-driver.cjs EMU_DIR SCRIPT.json
//   steps: { "js": code }    one console line (\x10 prefix: not echoed)
//          { "raw": text }   bytes as they are (e.g. installer lines, which carry their own \x10)
//          { "wait": ms }    real time passes; the watch's timers run
//          { "shot": path }  the screen's 176×176 pixels, RGBA, written to path
// Prints one line: "EMULATOR " + JSON.stringify(console lines the watch printed).
const FS_ = require('fs');
const [EMU_, SCRIPT_] = process.argv.slice(2);
const STEPS_ = JSON.parse(FS_.readFileSync(SCRIPT_, 'utf8'));
var jsRXCallback, jsUpdateGfx;
const LINES_ = [];
global.onConsoleOutput = (t) => LINES_.push(t);
eval(FS_.readFileSync(EMU_ + '/emulator_banglejs2.js', 'utf8'));
eval(FS_.readFileSync(EMU_ + '/emu_banglejs2.js', 'utf8'));
eval(FS_.readFileSync(EMU_ + '/common.js', 'utf8'));
jsRXCallback = function () {};
jsUpdateGfx = function () {};
function next_(i) {
  if (i >= STEPS_.length) {
    try { jsStopIdle(); } catch (e) { /* already stopped */ }
    process.stdout.write('EMULATOR ' + JSON.stringify(LINES_) + '\n', () => process.exit(0));
    return;
  }
  const s = STEPS_[i];
  if (s.wait !== undefined) return setTimeout(() => next_(i + 1), s.wait);
  if (s.shot !== undefined) {
    const rgba = new Uint8Array(GFX_WIDTH * GFX_HEIGHT * 4);
    jsGetGfxContents(rgba);
    FS_.writeFileSync(s.shot, rgba);
    return setImmediate(() => next_(i + 1));
  }
  jsTransmitString(s.raw !== undefined ? s.raw : '\x10' + s.js + '\n');
  setImmediate(() => next_(i + 1));
}
setTimeout(() => {
  jsInit();
  jsIdle();
  // The emulator's own boot calls load(), which clears timers set before it: wait it out.
  setTimeout(() => next_(0), 1500);
}, 0);
