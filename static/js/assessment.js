// An assessment answers itself as the reader goes: each answer is sent when it changes
// (a choice at once, typed text after a pause), with a visible state per item: not saved
// yet, saving, saved, or why not. htmx sends the form (data-hx-trigger="autosave") and
// swaps in only small out-of-band parts, so nothing the reader types is replaced under
// the cursor. Leaving with an answer not saved asks first. Without JavaScript (or htmx)
// none of this runs: each form keeps its Save button and posts as a plain form.
(function () {
  "use strict";

  const TYPING_PAUSE_MS = 700;

  function setUp() {
    const root = document.querySelector("[data-autosave]");
    if (!root || !window.htmx) return;
    root.classList.add("autosaves"); // hides the Save buttons (site.css)
    const forms = new Map(); // form -> {edits, sentEdits, dirty, inFlight, timer}

    function stateOf(form) {
      if (!forms.has(form)) {
        forms.set(form, { edits: 0, sentEdits: 0, dirty: false, inFlight: false, timer: 0 });
      }
      return forms.get(form);
    }

    function say(form, text, kind) {
      const out = form.querySelector(".save-state");
      if (!out) return;
      out.textContent = text;
      out.dataset.kind = kind; // site.css colours the states
    }

    function send(form) {
      const state = stateOf(form);
      clearTimeout(state.timer);
      state.timer = 0;
      htmx.trigger(form, "autosave");
    }

    function changed(form, now) {
      const state = stateOf(form);
      state.edits += 1;
      state.dirty = true;
      say(form, root.dataset.stateUnsaved, "unsaved");
      clearTimeout(state.timer);
      if (now) send(form);
      else state.timer = setTimeout(send, TYPING_PAUSE_MS, form);
    }

    function answerForm(target) {
      return target && target.closest ? target.closest("form[data-answer-form]") : null;
    }

    root.addEventListener("input", function (event) {
      const form = answerForm(event.target);
      if (form && event.target.type !== "radio") changed(form, false);
    });
    root.addEventListener("change", function (event) {
      const form = answerForm(event.target);
      if (!form) return;
      // A choice is sent at once; leaving a text field sends what was typed without waiting.
      if (event.target.type === "radio" || stateOf(form).timer) changed(form, true);
    });

    // No answer chosen yet, or "not applicable" without its reason: wait for them
    // instead of showing an error at once.
    root.addEventListener("htmx:confirm", function (event) {
      const form = answerForm(event.target);
      if (!form || event.detail.triggeringEvent.type !== "autosave") return;
      const chosen = form.querySelector("input[name=status]:checked");
      const reason = form.querySelector("textarea[name=justification]");
      if (!chosen) {
        event.preventDefault(); // a note before the answer: kept, sent with the choice
        say(form, root.dataset.stateChoose, "unsaved");
      } else if (chosen.value === "na" && reason && !reason.value.trim()) {
        event.preventDefault();
        say(form, root.dataset.stateNa, "unsaved");
      }
    });

    root.addEventListener("htmx:beforeRequest", function (event) {
      const form = answerForm(event.target);
      if (!form) return;
      const state = stateOf(form);
      state.inFlight = true;
      state.sentEdits = state.edits;
      say(form, root.dataset.stateSaving, "saving");
    });

    function markInvalid(form) {
      form.querySelectorAll("[aria-invalid]").forEach(function (input) {
        input.removeAttribute("aria-invalid");
      });
      form.querySelectorAll(".row-problems [data-field]").forEach(function (message) {
        form.querySelectorAll('[name="' + message.dataset.field + '"]').forEach(function (input) {
          input.setAttribute("aria-invalid", "true");
          input.setAttribute("aria-describedby", message.id);
        });
      });
    }

    root.addEventListener("htmx:afterRequest", function (event) {
      const form = answerForm(event.target);
      if (!form) return;
      const state = stateOf(form);
      const status = event.detail.xhr ? event.detail.xhr.status : 0;
      state.inFlight = false;
      markInvalid(form);
      const item = form.closest(".assessment-item");
      if (status === 200) {
        item.classList.remove("has-errors");
        const chosen = form.querySelector("input[name=status]:checked");
        item.className = item.className.replace(/\bstatus-\S+/, "status-" + chosen.value);
        if (state.edits === state.sentEdits) {
          state.dirty = false;
          say(form, form.querySelector(".save-state").textContent, "saved");
        } else {
          say(form, root.dataset.stateUnsaved, "unsaved"); // typed on while it was sent
        }
      } else if (status === 409 || status === 422) {
        item.classList.add("has-errors"); // the server's message is in the problems box
        say(form, form.querySelector(".save-state").textContent, "error");
      } else {
        item.classList.add("has-errors");
        say(form, status ? root.dataset.stateFailed : root.dataset.stateOffline, "error");
      }
    });

    window.addEventListener("beforeunload", function (event) {
      const unsaved = Array.from(forms.values()).some(function (state) {
        return state.dirty || state.inFlight;
      });
      if (unsaved) {
        event.preventDefault();
        event.returnValue = ""; // older browsers need it set to show their question
      }
    });
  }

  // Deferred scripts run in order, before DOMContentLoaded: htmx (later in <head>) is
  // there by then.
  if (document.readyState === "complete") setUp();
  else document.addEventListener("DOMContentLoaded", setUp);
})();
