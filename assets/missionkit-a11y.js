/* Accessibility fixes for the book theme (axe-core: label-content-name-mismatch, summary-name).
   - A control whose aria-label does not contain its visible text gets its visible text as its name.
   - A <summary> with no text (the sidebar's expand arrows) gets a spoken name. */
(function () {
  "use strict";
  function fix() {
    document.querySelectorAll("button[aria-label], a[aria-label], summary[aria-label]").forEach(function (el) {
      var titles = Array.prototype.map.call(el.querySelectorAll("svg title"), function (t) { return t.textContent; });
      var visible = ((el.innerText || "").trim() || titles.join(" ")).replace(/\s+/g, " ").trim();
      var label = el.getAttribute("aria-label") || "";
      if (visible && label.toLowerCase().indexOf(visible.toLowerCase()) === -1) {
        el.setAttribute("aria-label", visible);
      }
    });
    document.querySelectorAll("summary").forEach(function (s) {
      if (!(s.innerText || "").trim() && !s.getAttribute("aria-label")) {
        s.setAttribute("aria-label", "Show or hide this section");
      }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fix);
  else fix();
  window.addEventListener("load", function () {
    fix();
    // the theme adds some controls after load (toggle buttons, the colour-mode icon): fix those too
    var observer = new MutationObserver(fix);
    observer.observe(document.body, { childList: true, subtree: true });
    setTimeout(function () { observer.disconnect(); }, 5000);
  });
})();
