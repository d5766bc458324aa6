// Refreshes the Markdown preview next to an admin textarea while the editor types.
// The server renders and sanitises; this file only moves text back and forth.
(function () {
  "use strict";
  const DELAY_MS = 400;

  function csrfToken(form) {
    const input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function attach(preview) {
    const textarea = document.getElementById(preview.dataset.previewFor);
    if (!textarea) return;
    let timer = null;
    let latest = 0;
    textarea.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(async function () {
        const ticket = ++latest;
        const body = new URLSearchParams({ source: textarea.value });
        try {
          const response = await fetch(preview.dataset.previewUrl, {
            method: "POST",
            body: body,
            headers: { "X-CSRFToken": csrfToken(textarea.form) },
            credentials: "same-origin",
          });
          // An older answer arriving late must not replace a newer one.
          if (ticket !== latest) return;
          if (response.ok) {
            preview.innerHTML = await response.text();
            preview.classList.remove("markdown-preview--error");
          } else {
            preview.classList.add("markdown-preview--error");
          }
        } catch (error) {
          preview.classList.add("markdown-preview--error");
        }
      }, DELAY_MS);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-preview-for]").forEach(attach);
  });
})();
