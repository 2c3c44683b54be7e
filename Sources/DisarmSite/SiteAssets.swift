/// The site's stylesheet and script, written by the site itself: no CDN, no external font or script, no tracking.
/// A light and a dark scheme (the reader's system setting), a print stylesheet, and a layout that reads on a phone.
enum SiteAssets {
  static let css = """
    :root { --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --accent: #0b5cad; --head: #f3f5f7;
      --new: #1a7f37; --changed: #9a6700; --retired: #b42318; }
    @media (prefers-color-scheme: dark) {
      :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9da7b3; --line: #30363d; --accent: #6cb6ff; --head: #161b22;
        --new: #56d364; --changed: #e3b341; --retired: #ff7b72; }
    }
    * { box-sizing: border-box; }
    body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.5;
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    a { color: var(--accent); }
    a:focus, button:focus, input:focus, select:focus, summary:focus, .scroll:focus { outline: 3px solid var(--accent);
      outline-offset: 2px; }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .5rem; z-index: 10; }
    header.site { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; padding: .75rem 1rem;
      border-bottom: 1px solid var(--line); background: var(--head); }
    header.site .brand { font-weight: 700; text-decoration: none; color: var(--fg); }
    header.site nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; margin: 0; padding: 0; }
    form.search { margin-left: auto; display: flex; gap: .25rem; }
    input[type=search] { font: inherit; padding: .3rem .5rem; border: 1px solid var(--line); border-radius: 4px;
      background: var(--bg); color: var(--fg); min-width: 12rem; }
    button, select { font: inherit; color: var(--fg); background: var(--head); border: 1px solid var(--line);
      border-radius: 4px; padding: .25rem .6rem; }
    main { padding: 1rem; max-width: 90rem; margin: 0 auto; }
    footer.site { padding: 1rem; color: var(--muted); border-top: 1px solid var(--line); font-size: .9rem; }
    .lead { color: var(--muted); max-width: 60rem; }
    .id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .92em; }
    .kind { color: var(--muted); font-weight: 400; }
    .count { color: var(--muted); font-weight: 400; font-size: .8em; }
    .badge { font-size: .7rem; font-weight: 700; text-transform: uppercase; padding: .05rem .35rem; border-radius: 3px;
      border: 1px solid currentColor; vertical-align: middle; }
    .badge.new { color: var(--new); } .badge.changed { color: var(--changed); } .badge.retired { color: var(--retired); }
    .badge.local { color: var(--muted); }
    table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
    th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
    thead th { background: var(--head); }
    th button { border: 0; background: none; padding: 0; font-weight: 700; cursor: pointer; color: var(--fg); }
    .scroll { overflow-x: auto; }
    table.matrix { min-width: 60rem; font-size: .88rem; }
    table.matrix ul { list-style: none; margin: 0; padding: 0; }
    table.matrix li { margin: 0 0 .4rem; }
    table.matrix details ul { margin-left: .75rem; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
    dl.facts dt { font-weight: 700; } dl.facts dd { margin: 0; }
    aside.notes { border-left: 4px solid var(--changed); padding: .25rem 1rem; background: var(--head); }
    #search-results li { margin-bottom: .75rem; }
    #search-results .snippet { display: block; color: var(--muted); font-size: .9rem; }
    @media (max-width: 40rem) {
      form.search { margin-left: 0; width: 100%; } input[type=search] { flex: 1; min-width: 0; }
      main { padding: .75rem; } th, td { padding: .3rem; }
    }
    @media print {
      header.site, footer.site, form, .skip, .filter { display: none; }
      body { background: #fff; color: #000; } a { color: #000; text-decoration: none; }
      .scroll { overflow: visible; } table.matrix { min-width: 0; }
      details > ul { display: block; }
    }

    """

  static let javaScript = """
    "use strict";
    // disarm site: search, sortable and filterable lists. No network access; works from file://.
    (function () {
      var SITE_PAGE = /^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\\.html$/;
      function terms(text) {
        return text.toLowerCase().split(/[^\\p{L}\\p{N}]+/u).filter(function (t) { return t.length >= 2; });
      }
      function occurrences(text, term) {
        var count = 0, at = text.indexOf(term);
        while (at !== -1) { count++; at = text.indexOf(term, at + term.length); }
        return count;
      }
      // The ranking of `disarm search`: weighted occurrences (at most five per field), three times the weight for
      // the whole phrase, every term required, an exact name first, then identifier order.
      function search(query) {
        var wanted = terms(query), phrase = query.toLowerCase().trim(), hits = [];
        if (!wanted.length || !window.DISARM_SEARCH) { return hits; }
        window.DISARM_SEARCH.forEach(function (entry) {
          var score = 0, matched = {}, best = null;
          entry[4].forEach(function (field, index) {
            var lower = field[0].toLowerCase(), fieldScore = 0;
            wanted.forEach(function (term) {
              var n = occurrences(lower, term);
              if (n > 0) { matched[term] = true; fieldScore += field[1] * Math.min(n, 5); }
            });
            if (lower.indexOf(phrase) !== -1) { fieldScore += field[1] * 3; }
            if (fieldScore > 0 && index > 0 && (best === null || field[1] > best[1])) { best = field; }
            score += fieldScore;
          });
          if (Object.keys(matched).length !== wanted.length) { return; }
          if (entry[2].toLowerCase() === phrase) { score += 1000; }
          hits.push({ entry: entry, score: score, shown: best || entry[4][1] || entry[4][0] });
        });
        hits.sort(function (a, b) { return b.score - a.score || (a.entry[0] < b.entry[0] ? -1 : 1); });
        return hits.slice(0, 50);
      }
      function snippet(text, query) {
        var lower = text.toLowerCase(), first = terms(query)[0] || "", at = Math.max(0, lower.indexOf(first));
        var start = Math.max(0, at - 60);
        return (start > 0 ? "…" : "") + text.slice(start, start + 180) + (start + 180 < text.length ? "…" : "");
      }
      function showResults(input) {
        var list = document.getElementById("search-results"), status = document.getElementById("search-status");
        if (!list) { return; }
        var hits = search(input.value);
        list.textContent = "";
        hits.forEach(function (hit) {
          var item = document.createElement("li"), link = document.createElement("a"), code = document.createElement("span");
          code.className = "id"; code.textContent = hit.entry[0];
          // Only a page of the site: a relative path of plain segments ending in .html (never a scheme).
          if (SITE_PAGE.test(hit.entry[3])) { link.setAttribute("href", hit.entry[3]); }
          link.appendChild(code);
          link.appendChild(document.createTextNode(" " + hit.entry[2]));
          var kind = document.createElement("span"); kind.className = "kind"; kind.textContent = " " + hit.entry[1];
          var text = document.createElement("span"); text.className = "snippet";
          text.textContent = snippet(hit.shown[0], input.value);
          item.appendChild(link); item.appendChild(kind); item.appendChild(text); list.appendChild(item);
        });
        if (status) {
          status.textContent = input.value.trim() ? hits.length + (hits.length === 1 ? " result" : " results") : "";
        }
      }
      function setUpSearch() {
        var input = document.getElementById("search-input");
        if (!input) { return; }
        var query = new URLSearchParams(window.location.search).get("q");
        if (query) { input.value = query; }
        input.addEventListener("input", function () { showResults(input); });
        input.form.addEventListener("submit", function (event) {
          var first = document.querySelector("#search-results a");
          event.preventDefault();
          if (first && first.getAttribute("href")) { window.location.href = first.getAttribute("href"); }
        });
        showResults(input);
      }
      function setUpTables() {
        document.querySelectorAll("table.sortable").forEach(function (table) {
          var body = table.tBodies[0];
          table.querySelectorAll("th button[data-sort]").forEach(function (button) {
            button.addEventListener("click", function () {
              var column = Number(button.getAttribute("data-sort")), descending = button.getAttribute("aria-sort") === "ascending";
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = a.cells[column].getAttribute("data-value") || a.cells[column].textContent;
                var y = b.cells[column].getAttribute("data-value") || b.cells[column].textContent;
                return (x < y ? -1 : x > y ? 1 : 0) * (descending ? -1 : 1);
              });
              rows.forEach(function (row) { body.appendChild(row); });
              table.querySelectorAll("th button").forEach(function (b) { b.removeAttribute("aria-sort"); });
              button.setAttribute("aria-sort", descending ? "descending" : "ascending");
            });
          });
        });
        var filter = document.getElementById("tactic-filter");
        if (filter) {
          filter.addEventListener("change", function () {
            var column = Number(filter.getAttribute("data-filter-column"));
            document.querySelectorAll("table.sortable tbody tr").forEach(function (row) {
              var value = row.cells[column] ? row.cells[column].getAttribute("data-value") : "";
              row.hidden = filter.value !== "" && value !== filter.value;
            });
          });
        }
      }
      document.addEventListener("keydown", function (event) {
        var target = event.target;
        if (event.key === "/" && !(target instanceof HTMLInputElement) && !(target instanceof HTMLSelectElement)) {
          var box = document.getElementById("search-input") || document.getElementById("q");
          if (box) { event.preventDefault(); box.focus(); }
        }
      });
      document.addEventListener("DOMContentLoaded", function () { setUpSearch(); setUpTables(); });
    })();

    """
}
