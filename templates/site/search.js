// {{ marker }}
// The search box of every page. This script only waits: once the box is used (focus, typing,
// a submit, or a ?q= in the address), it loads search-data.js and search-engine.js, which
// show the verdict on a pasted reply and the pages that match. Without scripts, the form
// leads to the index page, which lists every code.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var script = document.currentScript;
  if (!input || !input.form || !script) return;
  var root = script.getAttribute("data-root") || "";
  var loading = false;
  function load() {
    if (loading) return;
    loading = true;
    ["search-data.js", "search-engine.js"].forEach(function (name) {
      var s = document.createElement("script");
      s.src = root + name;
      s.async = false; // in this order: the engine reads the data
      document.head.appendChild(s);
    });
  }
  input.addEventListener("focus", load);
  input.addEventListener("input", load);
  input.form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    load();
  });
  if (/[?&]q=/.test(window.location.search)) load();
})();
