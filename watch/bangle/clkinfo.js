(function () {
  /* Unknot's clock infos, for any clock face that shows clock infos (BangleApps convention):
     "Next: <routine> 13:00" from the reminders the phone sent (unknot.rem), and
     "Today 2 of 3" from the sessions done today, counted on the watch (unknot.day: the log
     itself is emptied once the phone has it). A tap opens Unknot and starts the last loaded
     routine. Plain JavaScript in the subset Espruino runs: this file is not bundled. */
  var S = require("Storage");
  var img = atob("GBgBAAAAAAAAAAAAAAAAAffAB//wD//4H398PPeePPecOOOAOOOAOOOAOOOAPPecPPeeH398D//4B//wAffAAAAAAAAAAAAAAAAA");
  function two(n) { return (n < 10 ? "0" : "") + n; }
  /* Days since the epoch on the local clock, as the app counts them (watch/core/store.ts). */
  function day(ms) { return Math.floor((ms - new Date(ms).getTimezoneOffset() * 60000) / 86400000); }
  function rem() { var s = S.readJSON("unknot.rem", 1); return s && s.l && s.r ? s : { l: [], r: [] }; }
  function next() {
    var s = rem(), now = Date.now() / 1000;
    for (var i = 0; i < s.r.length; i++) if (s.r[i][0] > now) return { at: s.r[i][0], label: s.l[s.r[i][1]] };
    return null;
  }
  function today() {
    var d = day(Date.now()), s = rem(), c = S.readJSON("unknot.day", 1), due = 0;
    for (var i = 0; i < s.r.length; i++) if (day(s.r[i][0] * 1000) === d) due++;
    var done = c && c.d === d ? c.n : 0;
    return "Today " + done + " of " + Math.max(due, done);
  }
  function go() {
    S.writeJSON("unknot.go", 1);
    load("unknot.app.js");
  }
  /* Redraw each minute while shown: the next reminder changes as time passes. */
  function show() { var self = this; self.timer = setInterval(function () { self.emit("redraw"); }, 60000); }
  function hide() { clearInterval(this.timer); this.timer = undefined; }
  return {
    name: "Unknot",
    img: img,
    items: [
      {
        name: "Next",
        get: function () {
          var n = next();
          var d = n && new Date(n.at * 1000);
          return { text: n ? "Next: " + n.label + " " + two(d.getHours()) + ":" + two(d.getMinutes()) : "Next: none", img: img };
        },
        show: show,
        hide: hide,
        run: go
      },
      {
        name: "Today",
        get: function () { return { text: today(), img: img }; },
        show: show,
        hide: hide,
        run: go
      }
    ]
  };
})
