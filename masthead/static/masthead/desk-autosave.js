/* Masthead newsroom: no lost work in the article editor.
 *
 * - Every change is copied to this browser's localStorage at once (one key
 *   per article and user), so a lost connection or a closed tab loses
 *   nothing.
 * - Every 10 seconds, when the text changed, and when the page is hidden or
 *   left, the text is also posted to the server as a draft copy; every 30
 *   seconds the page posts anyway, as a sign of life ("who is editing what").
 * - On load, a copy (local or from the server) that differs from the form is
 *   offered: "Restore it" puts it back into the form, including the rich
 *   text editor; "Discard it" forgets it.
 *
 * The texts come translated from the template (data-text-* attributes);
 * "{time}" in them stands for a time.
 */
(function () {
  "use strict";

  var root = document.getElementById("autosave");
  var form = document.querySelector("form.article-form");
  if (!root || !form || !window.fetch || !window.FormData) return;

  var FIELDS = [
    "headline", "slug", "standfirst", "body", "excerpt", "lead_image_alt", "lead_image_caption",
  ];
  var CHECK_EVERY = 10000;
  var ALIVE_EVERY = 30000;
  var status = document.getElementById("autosave-status");
  var notice = document.getElementById("autosave-notice");
  var noticeText = document.getElementById("autosave-notice-text");
  var key = root.getAttribute("data-key");
  var url = root.getAttribute("data-url");
  var articleVersion = parseInt(root.getAttribute("data-version"), 10) || 0;
  var lang = document.documentElement.lang || undefined;
  var timeZone = root.getAttribute("data-time-zone") || undefined;

  var baseline = root.getAttribute("data-bound") ? null : collect();
  var lastSent = null; // the data last posted (null: none this visit)
  var serverHasText = false;
  var lastPost = 0;
  var submitting = false;
  var pending = null; // the copy offered in the notice

  // -- The form ---------------------------------------------------------------

  function field(name) {
    return form.elements.namedItem(name);
  }

  // The rich text editor (Tiptap keeps itself on its element as "editor").
  function proseEditor() {
    var elements = form.querySelectorAll(".ProseMirror");
    for (var i = 0; i < elements.length; i++) {
      if (elements[i].editor && elements[i].editor.commands) return elements[i].editor;
    }
    return null;
  }

  function collect() {
    var data = {};
    FIELDS.forEach(function (name) {
      var element = field(name);
      if (element) data[name] = element.value;
    });
    return data;
  }

  function formVersion() {
    var element = field("version");
    return element ? parseInt(element.value, 10) || 0 : 0;
  }

  // Compare what a reader would notice: the words and the tags, not the
  // attributes, entities or spaces a save may rewrite.
  function normal(name, value) {
    value = String(value || "");
    if (name === "body") {
      var template = document.createElement("template");
      template.innerHTML = value;
      value = template.innerHTML
        .replace(/<(\/?)([a-z0-9]+)[^>]*>/gi, "<$1$2>")
        .replace(/<(p|h[1-6]|li)>\s*<\/\1>/gi, "");
    }
    return value.replace(/[\s\u00a0]+/g, " ").trim();
  }

  function same(a, b) {
    return FIELDS.every(function (name) {
      if (!(name in a) || !(name in b)) return true;
      return normal(name, a[name]) === normal(name, b[name]);
    });
  }

  function hasText(data) {
    return !!data && FIELDS.some(function (name) { return name in data; });
  }

  function edited(data) {
    return baseline === null || !same(data, baseline);
  }

  // -- Texts --------------------------------------------------------------------

  function text(name, time) {
    var value = root.getAttribute("data-text-" + name) || "";
    return time ? value.replace("{time}", time) : value;
  }

  function format(date, withDate) {
    var options = withDate
      ? { dateStyle: "medium", timeStyle: "short", timeZone: timeZone }
      : { hour: "2-digit", minute: "2-digit", timeZone: timeZone };
    try {
      return new Intl.DateTimeFormat(lang, options).format(date);
    } catch (error) {
      return date.toLocaleString();
    }
  }

  function show(state, message) {
    if (!status) return;
    status.setAttribute("data-state", state);
    if (status.textContent !== message) status.textContent = message;
  }

  // -- The copy in this browser ---------------------------------------------

  function readLocal() {
    try {
      var copy = JSON.parse(window.localStorage.getItem(key) || "null");
      return copy && hasText(copy.data) ? copy : null;
    } catch (error) {
      return null;
    }
  }

  function writeLocal(data) {
    try {
      window.localStorage.setItem(key, JSON.stringify({
        data: data, base_version: formVersion(), saved_at: new Date().toISOString(), submitted: false,
      }));
    } catch (error) { /* storage full or disabled: the server copy still works */ }
  }

  function removeLocal() {
    try { window.localStorage.removeItem(key); } catch (error) { /* nothing to remove */ }
  }

  function keepLocal() {
    var data = collect();
    if (edited(data)) writeLocal(data);
    // Back to the saved text: nothing to keep (unless a copy is still offered).
    else if (!pending) removeLocal();
    if (!navigator.onLine) show("offline", text("offline"));
  }

  // -- The copy on the server -------------------------------------------------

  function post(beacon) {
    if (submitting) return;
    var data = collect();
    var body = new FormData();
    body.append("csrfmiddlewaretoken", field("csrfmiddlewaretoken").value);
    body.append("version", String(formVersion()));
    var withText = edited(data);
    if (withText) {
      FIELDS.forEach(function (name) { if (name in data) body.append(name, data[name]); });
    } else if (serverHasText && !pending) {
      body.append("discard", "1"); // back to the saved text: nothing to keep
    }
    var changed = withText && (lastSent === null || !same(data, lastSent) || !serverHasText);
    lastPost = Date.now();
    if (beacon && navigator.sendBeacon) {
      if (navigator.sendBeacon(url, body)) {
        lastSent = data;
        serverHasText = withText;
      }
      return;
    }
    if (!navigator.onLine) {
      show("offline", text("offline"));
      return;
    }
    fetch(url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", Accept: "application/json" },
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (!response.ok || type.indexOf("application/json") !== 0) throw new Error("refused");
      return response.json();
    }).then(function (answer) {
      lastSent = data;
      serverHasText = withText;
      if (answer.version && answer.version > formVersion()) {
        show("moved", text("moved"));
      } else if (changed || status.getAttribute("data-state") !== "saved") {
        if (withText) show("saved", text("saved", format(new Date(answer.saved_at), false)));
        else show("", "");
      }
    }).catch(function (error) {
      if (!navigator.onLine || error instanceof TypeError) show("offline", text("offline"));
      else show("failed", text("failed"));
    });
  }

  function changedSinceSent() {
    var data = collect();
    return lastSent === null ? edited(data) : !same(data, lastSent);
  }

  function tick() {
    if (changedSinceSent() || Date.now() - lastPost >= ALIVE_EVERY - 500) post(false);
  }

  function leaving() {
    if (changedSinceSent()) post(true);
  }

  // -- Offering a copy found on load ----------------------------------------

  function offer(copy) {
    pending = copy;
    noticeText.textContent = text("found", format(new Date(copy.saved_at), true));
    notice.hidden = false;
  }

  function restore() {
    var copy = pending;
    if (!copy) return;
    FIELDS.forEach(function (name) {
      var element = field(name);
      if (!element || !(name in copy.data)) return;
      element.value = copy.data[name];
      if (name === "body") {
        var editor = proseEditor();
        if (editor) editor.commands.setContent(copy.data.body || "");
        element.value = copy.data.body || "";
      }
    });
    // Saved on top of the version it was written on: when a colleague has
    // saved since, the save shows both versions instead of overwriting.
    if (copy.base_version && field("version")) field("version").value = String(copy.base_version);
    pending = null;
    notice.hidden = true;
    show("restored", text("restored"));
    keepLocal();
    post(false);
    var headline = field("headline");
    if (headline) headline.focus();
  }

  function discard() {
    pending = null;
    notice.hidden = true;
    removeLocal();
    show("", "");
    post(false);
  }

  function serverCopy() {
    var element = document.getElementById("autosave-copy");
    if (!element) return null;
    try {
      var data = JSON.parse(element.textContent);
    } catch (error) {
      return null;
    }
    if (!hasText(data)) return null;
    return {
      data: data,
      base_version: parseInt(root.getAttribute("data-server-version"), 10) || 0,
      saved_at: root.getAttribute("data-server-saved"),
    };
  }

  function start() {
    var current = collect();
    var local = readLocal();
    var server = serverCopy();
    serverHasText = !!server;
    // The editor's own save went through: the copy in this browser is done.
    if (local && local.submitted && root.getAttribute("data-just-saved") &&
        articleVersion > (local.base_version || 0)) {
      removeLocal();
      local = null;
    }
    if (local && same(local.data, current)) {
      removeLocal();
      local = null;
    }
    if (server && same(server.data, current)) server = null;
    var copies = [local, server].filter(Boolean).sort(function (a, b) {
      return Date.parse(b.saved_at) - Date.parse(a.saved_at);
    });
    if (copies.length) offer(copies[0]);
    else if (root.getAttribute("data-bound")) keepLocal(); // a refused save: keep what was typed

    form.addEventListener("input", keepLocal);
    form.addEventListener("change", keepLocal);
    form.addEventListener("submit", function () {
      submitting = true;
      var copy = readLocal();
      if (copy) {
        copy.submitted = true;
        try { window.localStorage.setItem(key, JSON.stringify(copy)); } catch (error) { /* ignore */ }
      }
    });
    notice.querySelector("[data-autosave=restore]").addEventListener("click", restore);
    notice.querySelector("[data-autosave=discard]").addEventListener("click", discard);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") leaving();
    });
    window.addEventListener("pagehide", leaving);
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) submitting = false; // back from the next page
    });
    window.addEventListener("offline", function () { show("offline", text("offline")); });
    window.addEventListener("online", function () { post(false); });
    window.setInterval(tick, CHECK_EVERY);
    post(false); // a first sign of life
  }

  start();
})();
