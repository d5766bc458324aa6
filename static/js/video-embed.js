// Loads a YouTube player only when the reader asks for it, so that opening a page sends
// nothing to a third party. A page may hold several players (a talk's, or videos in live
// updates, which can arrive later): each [data-embed-src] box has its own button. On a
// talk page, timestamp links start the talk's player at their moment; without JavaScript
// they stay plain links to the video at that time, and each box links to its video.
(function () {
  "use strict";

  function play(box, seconds) {
    const slot = box.querySelector(".video-slot");
    const src = new URL(box.dataset.embedSrc);
    src.searchParams.set("autoplay", "1");
    if (seconds > 0) src.searchParams.set("start", String(seconds));
    let frame = slot.querySelector("iframe");
    if (!frame) {
      frame = document.createElement("iframe");
      frame.className = "video-frame";
      frame.title = box.dataset.embedTitle;
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      // The site sends no Referer to other origins, and YouTube's player refuses to play
      // without one: this frame alone tells YouTube our origin (never the page path).
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      slot.replaceChildren(frame);
    }
    frame.src = src.href;
    box.scrollIntoView({ block: "nearest" });
    frame.focus();
  }

  // The buttons are hidden in the HTML (they need this script) and shown here, also for
  // boxes that htmx brings in later.
  function showButtons() {
    document.querySelectorAll("[data-embed-src] .video-play[hidden]").forEach(function (button) {
      button.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest(".video-play");
    if (button && button.closest("[data-embed-src]")) {
      play(button.closest("[data-embed-src]"), 0);
      return;
    }
    const link = event.target.closest("a[data-video-start]");
    // A modified click (new tab, new window) keeps the link's own meaning.
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const talk = document.querySelector("#video[data-embed-src]");
    if (!talk) return;
    event.preventDefault();
    play(talk, Number(link.dataset.videoStart));
  });

  document.addEventListener("DOMContentLoaded", showButtons);
  document.addEventListener("htmx:afterSettle", showButtons);
  if (document.readyState !== "loading") showButtons();
})();
