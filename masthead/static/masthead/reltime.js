// Keeps "vor 20 Stunden" / "20 hours ago" current on cached pages.
// The server renders every relative time with Babel (CLDR); this script
// recomputes it from the <time datetime> with the browser's CLDR data,
// using Babel's rules (threshold 0.85, round half to even), so the text
// only changes when time has passed. For its first 51 minutes a time reads
// as the clock time it happened ("12:03", the server's text, which stays
// true on a cached page); from then on as how long ago. Without
// JavaScript the server's text stays (lib/dates.py, reader_time).
(function () {
  "use strict";
  var UNITS = [
    ["year", 31536000], ["month", 2592000], ["week", 604800],
    ["day", 86400], ["hour", 3600], ["minute", 60], ["second", 1]
  ];
  var CLOCK_BELOW = 0.85 * 3600;
  function roundHalfEven(x) {
    var r = Math.round(x);
    return (Math.abs(x % 1) === 0.5 && r % 2 !== 0) ? r - 1 : r;
  }
  function format(rtf, seconds) {
    seconds = Math.min(seconds, -1);
    for (var i = 0; i < UNITS.length; i++) {
      var value = Math.abs(seconds) / UNITS[i][1];
      if (value >= 0.85 || UNITS[i][0] === "second") {
        value = Math.max(1, roundHalfEven(value));
        return rtf.format(-value, UNITS[i][0]);
      }
    }
  }
  function refresh() {
    var nodes = document.querySelectorAll("time[data-reltime]");
    if (!nodes.length || !window.Intl || !Intl.RelativeTimeFormat) return;
    var rtf = new Intl.RelativeTimeFormat(document.documentElement.lang, {numeric: "always"});
    for (var i = 0; i < nodes.length; i++) {
      var then = Date.parse(nodes[i].getAttribute("datetime"));
      var seconds = (then - Date.now()) / 1000;
      if (!isNaN(then) && seconds <= -CLOCK_BELOW) nodes[i].textContent = format(rtf, seconds);
    }
  }
  // After the page has loaded, not before its first paint: the server's
  // text is right when the page is fresh, and the first Intl formatter
  // costs tens of milliseconds of a phone's main thread (Lighthouse counted
  // them into the article's Largest Contentful Paint).
  function start() {
    refresh();
    setInterval(refresh, 60000);
  }
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
