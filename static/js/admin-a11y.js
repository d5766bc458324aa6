// Names for the widgets that Django's admin scripts build without one, so that a screen
// reader (and axe) can tell what each is for:
// - select2 autocompletes (autocomplete_fields): the combobox and its search box take the
//   field's label, or in a table the column's heading;
// - select2's "clear" cross sits in a list of its own item;
// - filter_horizontal's search icon carries an aria-label on a plain span: it becomes an
//   image with that name.
// Widgets added later (a new inline row, an opened dropdown) are named as they appear.
(function () {
  "use strict";

  function labelFor(select) {
    if (!select || !select.id) return "";
    if (select.getAttribute("aria-label")) return select.getAttribute("aria-label");
    const label = document.querySelector('label[for="' + select.id + '"]');
    if (label) return label.textContent.replace(/[:*]\s*$/, "").trim();
    // A tabular inline names its columns once, in the table's heading.
    const cell = select.closest("td");
    const table = select.closest("table");
    if (!cell || !table) return "";
    const column = Array.from(cell.classList).find(function (name) {
      return name.indexOf("field-") === 0;
    });
    const heading = column && table.querySelector("th.column-" + column.slice(6));
    return heading ? heading.textContent.trim() : "";
  }

  function selectOf(element) {
    const container = element.closest(".select2-container");
    if (container && container.previousElementSibling) {
      return container.previousElementSibling.tagName === "SELECT"
        ? container.previousElementSibling
        : null;
    }
    // An open dropdown's search box points at its result list: select2-<id>-results.
    const controls = element.getAttribute("aria-controls") || "";
    const match = controls.match(/^select2-(.+)-results$/);
    return match ? document.getElementById(match[1]) : null;
  }

  function name(element) {
    if (element.hasAttribute("data-named")) return;
    const text = labelFor(selectOf(element));
    if (!text) return;
    element.setAttribute("aria-label", text);
    // aria-labelledby would win over aria-label; it names the shown value, which is
    // empty until something is chosen. The value stays readable as the element's text.
    element.removeAttribute("aria-labelledby");
    element.setAttribute("data-named", "");
  }

  function nameAll() {
    document
      .querySelectorAll(
        ".select2-selection[role=combobox], .select2-selection__rendered[role=textbox]," +
          " .select2-search__field"
      )
      .forEach(name);
    // A list may hold list items only: select2 puts its "clear" cross straight into the
    // list of chosen items; it goes into an item of its own.
    document.querySelectorAll("ul.select2-selection__rendered > .select2-selection__clear")
      .forEach(function (cross) {
        const item = document.createElement("li");
        item.className = "select2-clear-item";
        cross.replaceWith(item);
        item.appendChild(cross);
      });
    document.querySelectorAll("span.help-tooltip[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }

  function start() {
    nameAll();
    new MutationObserver(nameAll).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
