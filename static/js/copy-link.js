// "Copy link" beside each live update: puts the update's own page address on the
// clipboard. Without JavaScript the buttons stay hidden; the update's time is that link.
// A button with data-copy-from copies the value of that field instead (an assessment's
// private edit link, which the reader can also select by hand).
(function () {
  "use strict";

  function showButtons() {
    if (!navigator.clipboard) return;
    document.querySelectorAll("button[data-copy-link][hidden], button[data-copy-from][hidden]").forEach(function (button) {
      button.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest("button[data-copy-link], button[data-copy-from]");
    if (!button) return;
    const source = button.dataset.copyFrom && document.getElementById(button.dataset.copyFrom);
    const address = source
      ? source.value
      : new URL(button.dataset.copyLink, window.location.href).href;
    navigator.clipboard.writeText(address).then(
      function () {
        button.textContent = button.dataset.copied;
      },
      function () {
        window.prompt(button.dataset.prompt, address); // clipboard refused: copy by hand
      }
    );
  });

  document.addEventListener("DOMContentLoaded", showButtons);
  document.addEventListener("htmx:afterSettle", showButtons);
  if (document.readyState !== "loading") showButtons();
})();
