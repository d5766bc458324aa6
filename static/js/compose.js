// The editor's compose box on a live section: an unsent draft survives a reload (kept in
// this browser only, per section), and Ctrl+Enter (Cmd+Enter on a Mac) posts it.
(function () {
  "use strict";

  function setUp() {
    const form = document.getElementById("post-form");
    if (!form) return;
    const key = "playbook-draft:" + form.getAttribute("action");
    const box = () => document.getElementById("id_post_body");

    function restore() {
      const field = box();
      if (!field || field.value) return;
      try {
        field.value = window.localStorage.getItem(key) || "";
      } catch (error) {
        // Storage can be refused (private windows, quotas): drafts are then not kept.
      }
    }

    function remember(text) {
      try {
        if (text) window.localStorage.setItem(key, text);
        else window.localStorage.removeItem(key);
      } catch (error) {
        // see restore()
      }
    }

    document.addEventListener("input", function (event) {
      if (event.target === box()) remember(event.target.value);
    });

    document.addEventListener("keydown", function (event) {
      if (event.target !== box() || event.key !== "Enter") return;
      if (!(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      event.target.form.requestSubmit();
    });

    // The server answers a successful post with a fresh, empty form: the draft is sent.
    // (beforeSwap fires on the swap's target, still in the page; the form that sent the
    // post is replaced before afterRequest, whose event would no longer reach the body.)
    document.body.addEventListener("htmx:beforeSwap", function (event) {
      const config = event.detail.requestConfig;
      const sentFrom = config && config.elt;
      const status = event.detail.xhr ? event.detail.xhr.status : 0;
      if (sentFrom && sentFrom.id === "post-form" && status >= 200 && status < 300) remember("");
    });

    restore();
  }

  document.addEventListener("DOMContentLoaded", setUp);
})();
