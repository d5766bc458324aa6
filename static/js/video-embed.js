// Loads the talk's YouTube player only when the reader asks for it, so that opening a talk
// page sends nothing to a third party. Timestamp links then start it at their moment;
// without JavaScript they stay plain links to the video at that time.
(function () {
  "use strict";
  const box = document.querySelector("[data-embed-src]");
  if (!box) return;
  const slot = box.querySelector(".video-slot");
  const button = box.querySelector(".video-play");

  function play(seconds) {
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

  button.hidden = false;
  button.addEventListener("click", function () {
    play(0);
  });
  document.addEventListener("click", function (event) {
    const link = event.target.closest("a[data-video-start]");
    // A modified click (new tab, new window) keeps the link's own meaning.
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    play(Number(link.dataset.videoStart));
  });
})();
