// "3분 전" / "3 minutes ago" beside each live update, kept right as time passes. The page
// comes from the shared cache (core.page_cache), the same for every reader and rendered
// at some earlier moment, so the server writes the absolute time and this script turns
// each <time data-relative> into a relative one in the page's language, every 30 s and
// whenever htmx brings new updates in. The absolute time stays in the title.
// Without JavaScript the absolute time is what the reader sees.
(function () {
  "use strict";

  const WEEK_S = 7 * 24 * 3600;
  const UNITS = [
    ["day", 24 * 3600],
    ["hour", 3600],
    ["minute", 60],
  ];

  function format(words, date, now) {
    const seconds = Math.round((date.getTime() - now) / 1000);
    if (Math.abs(seconds) >= WEEK_S) return null; // older: the absolute time says it best
    for (const [unit, size] of UNITS) {
      if (Math.abs(seconds) >= size) return words.format(Math.trunc(seconds / size), unit);
    }
    return words.format(0, "second"); // "지금" / "now"
  }

  function refresh() {
    const lang = document.documentElement.lang || "ko";
    const words = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
    const now = Date.now();
    document.querySelectorAll("time[data-relative]").forEach(function (element) {
      if (!element.dataset.absolute) element.dataset.absolute = element.textContent;
      const date = new Date(element.getAttribute("datetime"));
      if (Number.isNaN(date.getTime())) return;
      const text = format(words, date, now);
      element.textContent = text === null ? element.dataset.absolute : text;
      if (!element.title) element.title = element.dataset.absolute;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    refresh();
    setInterval(refresh, 30000);
  });
  document.addEventListener("htmx:afterSettle", refresh);
})();
