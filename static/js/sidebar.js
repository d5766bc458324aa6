// The sections sidebar (templates/playbook/_section_nav.html) is a <details>: closed in the
// HTML, so a phone shows it as a drawer above the page. On a wide screen it is opened here,
// and follows the width when the window is resized (unless the reader toggled it).
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 64rem)");
  function place() {
    document.querySelectorAll("details[data-sidebar]").forEach(function (sidebar) {
      if (sidebar.dataset.toggled !== "reader") sidebar.open = wide.matches;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    place();
    document.querySelectorAll("details[data-sidebar] > summary").forEach(function (summary) {
      summary.addEventListener("click", function () {
        summary.parentElement.dataset.toggled = "reader";
      });
    });
  });
  wide.addEventListener("change", place);
})();
