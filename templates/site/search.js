// {{ marker }}
// The index page's search: filters the code tables as you type. Without this script the
// page shows every table in full. The query is also read from ?q= so a link can carry it.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-search]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-group]"));
  if (!input || !rows.length) return;

  // Codes in the query: enhanced codes (5.7.26, X.7.26) become their class-independent key,
  // then three-digit reply codes; what is left is matched as words.
  var ENHANCED = /(^|[^0-9.])([245xX])\.([0-9]{1,3})\.([0-9]{1,3})(?![0-9]|\.[0-9])/g;
  var REPLY = /(^|[^0-9.])([1-5][0-9][0-9])(?![0-9]|\.[0-9])/g;

  function parse(query) {
    var codes = [];
    var rest = query.replace(ENHANCED, function (m, pre, cls, subject, detail) {
      codes.push("X." + Number(subject) + "." + Number(detail));
      return pre + " ";
    });
    rest = rest.replace(REPLY, function (m, pre, code) {
      codes.push(code);
      return pre + " ";
    });
    var words = rest.toLowerCase().split(/[\s,;:()<>"'\[\]]+/).filter(function (w) {
      return w.length > 1;
    });
    return { codes: codes, words: words };
  }

  function apply(query) {
    var q = parse(query.trim());
    var shown = 0;
    var exact = [];
    rows.forEach(function (row) {
      var match;
      if (q.codes.length) {
        match = q.codes.indexOf(row.getAttribute("data-code")) !== -1;
      } else {
        var text = row.getAttribute("data-search");
        match = q.words.every(function (w) { return text.indexOf(w) !== -1; });
      }
      row.hidden = !match;
      if (match) {
        shown += 1;
        if (q.codes.length) {
          var a = row.querySelector("a");
          if (a) exact.push(a);
        }
      }
    });
    groups.forEach(function (g) {
      g.hidden = !g.querySelector("tr[data-search]:not([hidden])");
    });
    if (!query.trim()) {
      status.textContent = "";
      return;
    }
    status.textContent = "";
    if (!shown) {
      status.textContent = q.codes.length
        ? "No registered code matches " + q.codes.join(", ") + ". Try the subject (the middle number) or words from the reply."
        : "No code matches these words.";
      return;
    }
    status.appendChild(document.createTextNode(shown + (shown === 1 ? " code matches" : " codes match") + (exact.length ? ": " : ".")));
    exact.forEach(function (a, i) {
      if (i) status.appendChild(document.createTextNode(", "));
      var link = document.createElement("a");
      link.href = a.getAttribute("href");
      link.textContent = a.textContent;
      status.appendChild(link);
    });
  }

  var initial = "";
  try {
    initial = new URLSearchParams(window.location.search).get("q") || "";
  } catch (e) { initial = ""; }
  if (initial) input.value = initial;
  apply(input.value);

  input.addEventListener("input", function () {
    apply(input.value);
    try {
      var url = input.value ? "?q=" + encodeURIComponent(input.value) : window.location.pathname;
      window.history.replaceState(null, "", url);
    } catch (e) { /* file:// pages may refuse; the filter works anyway */ }
  });
  input.form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    apply(input.value);
  });
})();
