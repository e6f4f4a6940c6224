// Two-click embeds (masthead/articles/body.py): nothing is requested from a
// provider until the reader clicks "Load content from …"; then the
// provider's frame takes the placeholder's place, in a box of the same size.
// Without this script the placeholder's link to the address stays.
(function () {
  "use strict";

  function load(figure) {
    var box = figure.querySelector(".embed__box");
    var frame = document.createElement("iframe");
    var src = figure.getAttribute("data-embed-src");
    // The reader's click asked for the video: a player that can starts at once.
    var autoplay = figure.getAttribute("data-embed-autoplay");
    if (autoplay) src += (src.indexOf("?") < 0 ? "?" : "&") + autoplay;
    frame.src = src;
    frame.title = figure.getAttribute("data-embed-title");
    frame.loading = "lazy";
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    frame.allowFullscreen = true;
    if (figure.hasAttribute("data-embed-allow")) frame.allow = figure.getAttribute("data-embed-allow");
    if (figure.hasAttribute("data-embed-sandbox")) {
      frame.setAttribute("sandbox", figure.getAttribute("data-embed-sandbox"));
    }
    // A post or chart of a fixed height keeps the placeholder's height
    // (embed__box--h400 and so on) until the provider reports its own.
    var shape = /embed__box--h(\d+)/.exec(box.className);
    if (shape) frame.style.height = shape[1] + "px";
    // Mastodon's frame reports its height when asked (its own embed.js asks so).
    if (figure.classList.contains("embed--mastodon")) {
      frame.addEventListener("load", function () {
        frame.contentWindow.postMessage({type: "setHeight", id: 1}, new URL(frame.src).origin);
      });
    }
    box.textContent = "";
    box.appendChild(frame);
    figure.classList.add("embed--loaded");
    frame.focus();
  }

  // The height a provider's frame reports, in the form that provider uses;
  // only messages from a frame on this page count.
  function reportedHeight(data) {
    if (typeof data === "string") {
      try { data = JSON.parse(data); } catch (e) { return null; }
    }
    if (!data || typeof data !== "object") return null;
    if (data["datawrapper-height"]) {
      for (var chart in data["datawrapper-height"]) return data["datawrapper-height"][chart];
    }
    var embed = data["twttr.embed"];  // X
    if (embed && embed.method === "twttr.private.resize" && embed.params && embed.params[0]) {
      return embed.params[0].height;
    }
    if (data.type === "MEASURE" && data.details) return data.details.height;  // Instagram
    if (data.type === "setHeight" || typeof data.height === "number") return data.height;  // Mastodon, Bluesky
    return null;
  }

  window.addEventListener("message", function (event) {
    var frames = document.querySelectorAll("figure[data-embed-resizes] iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow !== event.source) continue;
      var height = Number(reportedHeight(event.data));
      if (height > 50 && height < 5000) frames[i].style.height = Math.ceil(height) + "px";
    }
  });

  var figures = document.querySelectorAll("figure.embed[data-embed-src]");
  for (var i = 0; i < figures.length; i++) {
    var figure = figures[i];
    var button = figure.querySelector(".embed__load");
    if (!button) continue;
    button.addEventListener("click", load.bind(null, figure));
    figure.classList.add("embed--ready");
  }
})();
