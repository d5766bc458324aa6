// Live section: ask the server for changes while the tab is visible, and fold them in
// without moving what the reader is looking at. The server sends new updates into
// #live-incoming and changed ones into #live-changed (htmx out-of-band swaps); this file
// decides where they go.
(function () {
  "use strict";

  function setUp() {
    const root = document.querySelector("[data-live-poll]");
    if (!root || !window.htmx) return;
    const list = document.getElementById("live-updates");
    const incoming = document.getElementById("live-incoming");
    const changed = document.getElementById("live-changed");
    const bar = root.querySelector("[data-new-updates-bar]");
    const barButton = bar.querySelector("button");
    // The reader's view (from the URL): where new updates go, and which are shown at all.
    const oldestFirst = root.hasAttribute("data-oldest-first");
    const keyOnly = root.hasAttribute("data-key-only");
    let since = root.dataset.revision;
    let intervalMs = Number(root.dataset.interval || 10) * 1000;
    let timer = null;
    let inFlight = false;

    // Once the coverage has ended, the page never asks again (the server says so in the
    // X-Live-Ended header of its last answer, or the page was rendered after the end).
    let ended = root.hasAttribute("data-live-ended");

    function schedule(delay) {
      clearTimeout(timer);
      if (ended) return;
      timer = setTimeout(poll, delay === undefined ? intervalMs : delay);
    }

    function poll() {
      if (document.visibilityState !== "visible" || inFlight) return schedule();
      inFlight = true;
      htmx.ajax("GET", root.dataset.livePoll + "?since=" + encodeURIComponent(since), {
        source: root,
        swap: "none",
      });
    }

    // The element already on the page with the same id, outside the holding areas.
    function shown(fresh) {
      return Array.from(document.querySelectorAll('[id="' + fresh.id + '"]')).find(function (el) {
        return !incoming.contains(el) && !changed.contains(el);
      });
    }

    function wanted(fresh) {
      return !keyOnly || fresh.classList.contains("update--key");
    }

    function replaceOrDrop(fresh) {
      const current = fresh.id && shown(fresh);
      if (!current) return fresh.remove();
      if (fresh.hasAttribute("data-live-remove") || !wanted(fresh)) {
        current.remove();
        fresh.remove();
      } else {
        current.replaceWith(fresh);
        htmx.process(fresh);
      }
    }

    function insertAtTop(fresh) {
      const existing = shown(fresh);
      if (existing) {
        existing.replaceWith(fresh);
      } else {
        list.prepend(fresh);
      }
      htmx.process(fresh);
    }

    // Oldest first, a new update belongs at the end, after the last page: it is added
    // only once that page is shown (no "Later updates" link left), and moves nothing.
    function appendAtEnd(fresh) {
      const existing = shown(fresh);
      if (existing) existing.replaceWith(fresh);
      else if (!document.querySelector("[data-more-updates]")) list.append(fresh);
      else return fresh.remove();
      htmx.process(fresh);
    }

    // What is left in #live-incoming is new to this page, once each: an update the page
    // already shows (sent again by a server behind the page) replaces it in place, a
    // repeat in the holding area replaces the earlier copy, and unwanted ones go.
    function sortIncoming() {
      const held = {};
      Array.from(incoming.children).forEach(function (fresh) {
        if (!wanted(fresh)) return fresh.remove();
        if (held[fresh.id]) held[fresh.id].remove();
        held[fresh.id] = fresh;
        const current = shown(fresh);
        if (current) {
          current.replaceWith(fresh);
          htmx.process(fresh);
        }
      });
    }

    function showIncoming() {
      // Oldest first, so that the newest ends on top.
      Array.from(incoming.children).reverse().forEach(insertAtTop);
      removeEmptyNote();
      bar.hidden = true;
    }

    function removeEmptyNote() {
      const empty = document.getElementById("no-updates");
      if (empty && list.children.length > 1) empty.remove();
    }

    function readerHasScrolledPast() {
      return list.getBoundingClientRect().top < 0;
    }

    function foldIn() {
      Array.from(changed.children).forEach(replaceOrDrop);
      sortIncoming();
      if (!incoming.children.length) return;
      if (oldestFirst) {
        Array.from(incoming.children).reverse().forEach(appendAtEnd);
        removeEmptyNote();
        return;
      }
      if (readerHasScrolledPast()) {
        const count = incoming.children.length;
        const template = count === 1 ? bar.dataset.one : bar.dataset.many;
        barButton.textContent = template.replace("__N__", String(count));
        bar.hidden = false;
      } else {
        showIncoming();
      }
    }

    root.addEventListener("htmx:afterRequest", function (event) {
      if (event.target !== root) return; // an editor's form inside the section
      inFlight = false;
      const xhr = event.detail.xhr;
      const revision = xhr && xhr.getResponseHeader("X-Live-Revision");
      const interval = xhr && Number(xhr.getResponseHeader("X-Poll-Interval"));
      // Never step back: a server whose cached revision lags would send old news again.
      if (revision && Number(revision) > Number(since)) since = revision;
      if (xhr && xhr.getResponseHeader("X-Live-Ended")) ended = true;
      if (interval > 0) intervalMs = interval * 1000;
      if (event.detail.successful) foldIn();
      // After a failure, wait twice as long before asking again.
      schedule(event.detail.successful ? intervalMs : intervalMs * 2);
    });

    barButton.addEventListener("click", function () {
      showIncoming();
      list.scrollIntoView({ behavior: "smooth", block: "start" });
    });

    // "Older updates" answers with a <template>; its items go to the end of the list.
    document.body.addEventListener("htmx:afterSwap", function () {
      document.querySelectorAll("template[data-older-updates]").forEach(function (template) {
        list.append(template.content);
        template.remove();
      });
      removeEmptyNote();
    });

    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") schedule(0);
    });

    schedule();
  }

  document.addEventListener("DOMContentLoaded", setUp);
})();
