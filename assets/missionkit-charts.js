/* Draw the course's Vega-Lite charts with the vega files vendored in the book
   (_static/vendor/vega). Loads them only on pages that have charts. No CDN. */
(function () {
  "use strict";
  function draw() {
    var charts = document.querySelectorAll("div.missionkit-chart");
    if (!charts.length) return;
    var root = document.documentElement.dataset.content_root || "";
    var base = root + "_static/vendor/vega/";
    var files = ["vega.min.js", "vega-lite.min.js", "vega-embed.min.js"];
    function load(i) {
      if (i === files.length) return Promise.resolve();
      return new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = base + files[i];
        s.onload = resolve;
        s.onerror = function () { reject(new Error("could not load " + s.src)); };
        document.head.appendChild(s);
      }).then(function () { return load(i + 1); });
    }
    var ready = window.vegaEmbed ? Promise.resolve() : load(0);
    ready.then(function () {
      charts.forEach(function (el) {
        var spec = JSON.parse(el.querySelector("script.missionkit-chart-spec").textContent);
        var target = document.createElement("div");
        el.appendChild(target);
        window.vegaEmbed(target, spec, { actions: false, renderer: "svg" }).then(function () {
          // every part vega marks as an image or symbol gets the chart's description as its name
          var label = el.getAttribute("aria-label") || "Chart";
          var named = '[role="img"], [role="graphics-symbol"], [role="graphics-document"]';
          el.querySelectorAll(named).forEach(function (n) {
            if (!n.getAttribute("aria-label") && !n.getAttribute("aria-labelledby")) n.setAttribute("aria-label", label);
          });
          el.setAttribute("data-drawn", "true");
        }).catch(function (err) {
          el.setAttribute("data-drawn", "error");
          target.textContent = "This chart could not be drawn: " + err.message;
        });
      });
    }).catch(function (err) {
      charts.forEach(function (el) {
        el.setAttribute("data-drawn", "error");
        el.appendChild(document.createTextNode("Charts could not be drawn: " + err.message));
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
