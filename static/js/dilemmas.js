// The dilemma form on item pages. Those pages may be cached for every reader, so they
// hold no form and no token: the form comes from an uncached URL when the reader asks.
(function () {
  "use strict";
  var SHOWN = { 400: true, 422: true, 429: true };
  var KEY = "playbook.own-dilemmas:";
  var quiet = false; // the automatic load on arrival must not move the focus

  function remembered(about) {
    try { return window.localStorage.getItem(KEY + about) === "1"; } catch (e) { return false; }
  }
  function remember(about, waiting) {
    try {
      if (waiting) { window.localStorage.setItem(KEY + about, "1"); }
      else { window.localStorage.removeItem(KEY + about); }
    } catch (e) { /* storage refused: the reader can still open the form */ }
  }

  // A refused submission (400 bad input, 422 a field to fix, 429 too many) answers with
  // the form and its message: show it instead of dropping it.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (target && target.closest && target.closest(".dilemma-form-box") && SHOWN[event.detail.xhr.status]) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // After a swap has settled (htmx gives elements that keep their id their new attributes
  // only then): move the focus to the message (or the first field to fix, or the text
  // when the form was just opened), and remember whether this browser has dilemmas waiting
  // about this item, so that the next visit shows them.
  document.addEventListener("htmx:afterSettle", function () {
    var box = document.getElementById("dilemma-form-box");
    if (!box) { return; }
    if (box.dataset.about) { remember(box.dataset.about, box.dataset.ownPending === "1"); }
    var focus = box.querySelector("[data-focus-after-swap]") || box.querySelector("[aria-invalid='true']") ||
      box.querySelector("textarea");
    if (focus && !quiet) { focus.focus(); }
    quiet = false;
  });

  function showOwn() {
    var box = document.getElementById("dilemma-form-box");
    if (box && box.dataset.about && remembered(box.dataset.about) && window.htmx) {
      quiet = true;
      window.htmx.ajax("GET", box.dataset.formUrl, { target: box, swap: "outerHTML" });
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", showOwn); }
  else { showOwn(); }
})();
