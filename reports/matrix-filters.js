// The filters of the matrix page; reports/report.py inlines this file into
// matrix.html.  The page is whole without it (every row and column is in the
// HTML and shown): this only hides rows and columns, and keeps the choice in
// the address (#rows=differ&q=munmap/&arch=aarch64) so that a view can be
// linked.  Plain ES5 and the DOM: the page loads nothing.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var grids = Array.prototype.slice.call(document.querySelectorAll("table.grid"));
  if (!form || !grids.length) {
    return;
  }
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var DIMS = ["ran", "arch", "kernel", "libc", "fs"];

  // The systems, from the column-number row: what the filters select by.
  var columns = Array.prototype.map.call(
    grids[0].querySelectorAll("tr.num th[data-arch]"), function (th) {
      var c = { notRun: th.classList.contains("x") };
      DIMS.forEach(function (d) { c[d] = th.getAttribute("data-" + d); });
      return c;
    });

  // Per grid: the group headers with the columns they span, and each row's
  // name and cell texts (a PASS is empty) read once.
  var tables = grids.map(function (table) {
    var groups = Array.prototype.map.call(table.querySelectorAll("th[data-c]"), function (th) {
      return { th: th, first: +th.getAttribute("data-c"), span: th.colSpan };
    });
    var rows = Array.prototype.map.call(table.tBodies[0].rows, function (tr) {
      var texts = [];
      for (var i = 1; i < tr.cells.length; i++) {
        texts.push(tr.cells[i].textContent);
      }
      return { tr: tr, name: tr.cells[0].firstChild.nodeValue.toLowerCase(), texts: texts };
    });
    return { groups: groups, rows: rows, verdicts: table.classList.contains("v") };
  });
  var systems = document.querySelectorAll("#systems tbody tr");

  var selects = {};
  DIMS.forEach(function (d) {
    var select = form.elements[d], seen = {};
    columns.forEach(function (c) {
      if (c[d] !== null && !seen[c[d]]) {
        seen[c[d]] = true;
        select.add(new Option(c[d], c[d]));
      }
    });
    selects[d] = select;
  });
  var mode = form.elements.rows, text = form.elements.q;
  var hiddenColumns = document.getElementById("hidden-columns");
  var shown = document.getElementById("shown");

  // A row is kept by "differ" when its visible cells (not-run columns left
  // out) are not all the same, by "red" when one of them is not a PASS.
  function keeps(table, row, visible, how) {
    var first = null;
    for (var i = 0; i < row.texts.length; i++) {
      if (!visible[i] || columns[i].notRun) {
        continue;
      }
      var t = row.texts[i];
      if (how === "red" && table.verdicts && t !== "") {
        return true;
      }
      if (how === "differ") {
        if (first === null) {
          first = t;
        } else if (t !== first) {
          return true;
        }
      }
    }
    return how === "red" && !table.verdicts;
  }

  function apply() {
    var visible = columns.map(function (c) {
      return DIMS.every(function (d) { return !selects[d].value || c[d] === selects[d].value; });
    });
    var rules = [], nColumns = 0;
    visible.forEach(function (v, i) {
      if (v) {
        nColumns++;
      } else {
        rules.push(".grid tbody td:nth-child(" + (i + 2) + "),.grid tr.pc>:nth-child(" +
                   (i + 2) + ")");
      }
      if (systems[i]) {
        systems[i].hidden = !v;
      }
    });
    hiddenColumns.textContent = rules.length ? rules.join(",") + "{display:none}" : "";
    var how = mode.value || "all", q = text.value.trim().toLowerCase(), nRows = 0, total = 0;
    tables.forEach(function (table) {
      table.groups.forEach(function (g) {
        var n = 0;
        for (var i = g.first; i < g.first + g.span; i++) {
          n += visible[i] ? 1 : 0;
        }
        g.th.hidden = n === 0;
        g.th.colSpan = Math.max(n, 1);
      });
      table.rows.forEach(function (row) {
        var show = row.name.indexOf(q) >= 0 && (how === "all" || keeps(table, row, visible, how));
        row.tr.hidden = !show;
        if (table.verdicts) {
          total++;
          nRows += show ? 1 : 0;
        }
      });
    });
    shown.textContent = nRows + " of " + total + " cases, " + nColumns + " of " +
      columns.length + " systems shown";
    // Where the group names stick when the columns scroll: past the first column.
    grids.forEach(function (table) {
      table.style.setProperty("--first", table.tHead.rows[0].cells[0].offsetWidth + "px");
    });
  }

  function remember() {
    var p = [];
    if (mode.value && mode.value !== "all") {
      p.push("rows=" + mode.value);
    }
    if (text.value.trim()) {
      p.push("q=" + encodeURIComponent(text.value.trim()));
    }
    DIMS.forEach(function (d) {
      if (selects[d].value) {
        p.push(d + "=" + encodeURIComponent(selects[d].value));
      }
    });
    try {
      history.replaceState(null, "", p.length ? "#" + p.join("&")
                                              : location.pathname + location.search);
    } catch (err) {
      // A browser that refuses it for file:// pages: the view still applies.
    }
  }

  // A cell's title: its verdict, message and a known deviation's evidence,
  // from the tables that hold each once.
  var why = {}, said = {};
  each(document.querySelectorAll("#evidence-table tbody tr[id]"), function (tr) {
    why[tr.id] = tr.cells[1].textContent;
  });
  each(document.querySelectorAll("#messages tbody tr[id]"), function (tr) {
    var msg = tr.cells[2].querySelector(".msg"), ev = tr.cells[2].querySelector(".ev a");
    said[tr.id] = tr.cells[1].textContent + ": " + (msg ? msg.textContent : "") +
      (ev ? "\nknown deviation: " + (why[ev.getAttribute("href").slice(1)] || "") : "");
  });
  each(document.querySelectorAll("table.v tbody a"), function (a) {
    a.parentNode.title = said[a.getAttribute("href").slice(1)] || "";
  });

  // The view the address names (a message's #m12 is no view).
  var hash = location.hash.slice(1), named = hash.indexOf("=") >= 0;
  if (named) {
    hash.split("&").forEach(function (pair) {
      var at = pair.indexOf("="), key = pair.slice(0, at), value;
      try {
        value = decodeURIComponent(pair.slice(at + 1));
      } catch (err) {
        return;
      }
      if (key === "rows") {
        mode.value = value;
      } else if (key === "q") {
        text.value = value;
      } else if (selects[key]) {
        selects[key].value = value;
      }
    });
  }
  var changed = function () { apply(); remember(); };
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(changed, 0); });
  form.hidden = false;
  apply();
  document.body.setAttribute("data-filters", "on");
})();
