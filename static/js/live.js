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

    function replaceOrDrop(fresh) {
      const current = fresh.id && shown(fresh);
      if (!current) return fresh.remove();
      if (fresh.hasAttribute("data-live-remove")) {
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

    function showIncoming() {
      // Oldest first, so that the newest ends on top.
      Array.from(incoming.children).reverse().forEach(insertAtTop);
      const empty = document.getElementById("no-updates");
      if (empty && list.children.length > 1) empty.remove();
      bar.hidden = true;
    }

    function readerHasScrolledPast() {
      return list.getBoundingClientRect().top < 0;
    }

    function foldIn() {
      Array.from(changed.children).forEach(replaceOrDrop);
      if (!incoming.children.length) return;
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
      if (revision) since = revision;
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
      const empty = document.getElementById("no-updates");
      if (empty && list.children.length > 1) empty.remove();
    });

    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") schedule(0);
    });

    schedule();
  }

  document.addEventListener("DOMContentLoaded", setUp);
})();
