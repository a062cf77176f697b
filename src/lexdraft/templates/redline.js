/* lexdraft redline: views, change navigation, filters, search. No network, no eval, no innerHTML. */
(function () {
  "use strict";
  var body = document.body;
  var VIEWS = ["table", "inline", "side", "clean"];
  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var srWords = $$("ins > .sr, del > .sr").slice(0, 2).map(function (e) { return e.textContent; });
  var textCache = new WeakMap();
  buildSideBySide();
  var tableRows = $$("#view-table tr.row");
  var listItems = $$("ol.changes li");
  var textBlocks = $$("#view-text .blk");
  var sideBlocks = $$("#view-side .blk");
  var contHeads = $$("#view-text h2.cont");
  var counter = $("#counter");
  var shown = $("#shown");
  var fKind = $("#f-kind"), fChapter = $("#f-chapter"), fChanged = $("#f-changed"), fSearch = $("#f-search");
  var current = 0; // row number (1-based), 0 = none

  function plainText(el) {
    var t = textCache.get(el);
    if (t === undefined) {
      t = el.textContent;
      srWords.forEach(function (w) { if (w) { t = t.split(w).join(""); } });
      t = t.toLowerCase();
      textCache.set(el, t);
    }
    return t;
  }

  /* The side-by-side view, built from the inline view: each line twice, the old side without its insertions,
     the new side without its deletions; a quote-style-only difference (span.cos) shows each side's own form. */
  function sideLine(ln, old) {
    var c = ln.cloneNode(true);
    c.removeAttribute("id");
    c.removeAttribute("data-row");
    $$(old ? "ins" : "del", c).concat($$("a.pl", c)).forEach(function (e) { e.remove(); });
    $$("span.cos", c).forEach(function (e) {
      e.replaceWith(document.createTextNode(old ? e.getAttribute("data-o") || "" : e.textContent));
    });
    c.classList.toggle("chg", !!$(old ? "del" : "ins", c));
    return c;
  }

  function buildSideBySide() {
    var side = $("#view-side[data-build]");
    if (!side) { return; }
    var frag = document.createDocumentFragment();
    $$("#view-text > article.blk").forEach(function (art) {
      var blk = document.createElement("div");
      blk.className = "sbs blk" + (art.classList.contains("changed") ? " changed" : "");
      ["data-kinds", "data-chapter", "data-changed", "data-anchor"].forEach(function (a) {
        blk.setAttribute(a, art.getAttribute(a) || "");
      });
      $$(".txt > .ln", art).forEach(function (ln) {
        var pair = document.createElement("div");
        pair.className = "pair" + (ln.classList.contains("chg") ? " chg" : "");
        if (ln.hasAttribute("data-row")) { pair.setAttribute("data-row", ln.getAttribute("data-row")); }
        [true, false].forEach(function (old) {
          var cell = document.createElement("div");
          cell.className = old ? "o" : "n";
          var line = sideLine(ln, old);
          if (plainText(line).trim() !== "") { cell.appendChild(line); }  // the screen-reader words aside
          pair.appendChild(cell);
        });
        blk.appendChild(pair);
      });
      frag.appendChild(blk);
    });
    side.appendChild(frag);
  }

  function fmt(template, k, n) { return template.replace("{k}", String(k)).replace("{n}", String(n)); }

  function matches(el, kind, chapter, query, changedOnly) {
    if (kind && (" " + (el.getAttribute("data-kinds") || "") + " ").indexOf(" " + kind + " ") < 0) { return false; }
    if (chapter && el.getAttribute("data-chapter") !== chapter) { return false; }
    if (changedOnly && el.getAttribute("data-changed") === "0") { return false; }
    if (query && plainText(el).indexOf(query) < 0) { return false; }
    return true;
  }

  function visibleRows() {
    return tableRows.filter(function (r) { return !r.classList.contains("hidden"); });
  }

  function applyFilters() {
    var kind = fKind ? fKind.value : "";
    var chapter = fChapter ? fChapter.value : "";
    var changedOnly = fChanged ? fChanged.checked : false;
    var query = fSearch ? fSearch.value.trim().toLowerCase() : "";
    var nRows = 0;
    tableRows.forEach(function (r, i) {
      var ok = matches(r, kind, chapter, query, false);
      r.classList.toggle("hidden", !ok);
      if (listItems[i]) { listItems[i].classList.toggle("hidden", !ok); }
      if (ok) { nRows += 1; }
    });
    var nText = 0;
    textBlocks.forEach(function (b) {
      var ok = matches(b, kind, chapter, query, changedOnly);
      b.classList.toggle("hidden", !ok);
      if (ok) { nText += 1; }
    });
    sideBlocks.forEach(function (b) { b.classList.toggle("hidden", !matches(b, kind, chapter, query, changedOnly)); });
    var open = {};  // container headings with at least one visible provision under them
    textBlocks.forEach(function (b) {
      if (!b.classList.contains("hidden")) {
        (b.getAttribute("data-conts") || "").split(" ").forEach(function (a) { open[a] = true; });
      }
    });
    contHeads.forEach(function (h) { h.classList.toggle("hidden", !open[h.id]); });
    highlight(query);
    if (shown) {
      var view = body.getAttribute("data-view");
      var total = view === "table" ? tableRows.length : textBlocks.length;
      var k = view === "table" ? nRows : nText;
      shown.textContent = (kind || chapter || query || changedOnly) ? fmt(shown.getAttribute("data-fmt"), k, total) : "";
    }
    var cur = current ? $("#row-" + current) : null;
    if (!cur || cur.classList.contains("hidden")) { current = 0; }
    updateCounter();
  }

  // Search hits are wrapped in <mark> built with DOM calls (text nodes only, never HTML strings).
  var MAX_HITS = 400;
  function unhighlight() {
    $$("mark.hit").forEach(function (m) {
      var parent = m.parentNode;
      parent.replaceChild(document.createTextNode(m.textContent), m);
      parent.normalize();
    });
  }
  function highlight(query) {
    unhighlight();
    if (!query || query.length < 2) { return; }
    var view = body.getAttribute("data-view");
    var root = $(view === "table" ? "#view-table" : view === "side" ? "#view-side" : "#view-text");
    if (!root) { return; }
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        var p = n.parentElement;
        if (!p || p.closest(".hidden, .sr, .fold, button")) { return NodeFilter.FILTER_REJECT; }
        return n.nodeValue.toLowerCase().indexOf(query) >= 0 ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      }
    });
    var nodes = [];
    while (walker.nextNode() && nodes.length < MAX_HITS) { nodes.push(walker.currentNode); }
    nodes.forEach(function (node) {
      var at = node.nodeValue.toLowerCase().indexOf(query);
      while (node && at >= 0) {
        var hit = node.splitText(at);
        var rest = hit.splitText(query.length);
        var mark = document.createElement("mark");
        mark.className = "hit";
        hit.parentNode.replaceChild(mark, hit);
        mark.appendChild(hit);
        node = rest;
        at = node.nodeValue.toLowerCase().indexOf(query);
      }
    });
  }

  function updateCounter() {
    if (!counter) { return; }
    var vis = visibleRows();
    var pos = -1;
    for (var i = 0; i < vis.length; i++) { if (Number(vis[i].getAttribute("data-row")) === current) { pos = i; } }
    counter.textContent = pos >= 0 ? fmt(counter.getAttribute("data-fmt"), pos + 1, vis.length)
      : fmt(counter.getAttribute("data-none"), 0, vis.length);
  }

  function targetOf(k, view) {
    if (view === "table") { return $("#row-" + k); }
    if (view === "side") { return $('#view-side [data-row="' + k + '"]'); }
    return $('#view-text [data-row="' + k + '"]');
  }

  function unhide(el) {
    for (var e = el; e && e !== body; e = e.parentElement) {
      if (e.classList.contains("hidden")) { resetFilters(); return; }
    }
  }

  function goto(k) {
    var view = body.getAttribute("data-view");
    $$(".cur").forEach(function (e) { e.classList.remove("cur"); });
    current = k;
    var row = $("#row-" + k);
    var li = listItems[k - 1];
    if (li) {
      li.classList.add("cur");
      var side = li.closest("aside");
      if (side) { side.scrollTop = Math.max(0, li.offsetTop - side.clientHeight / 2); }
    }
    if (row) { row.classList.add("cur"); }
    var el = targetOf(k, view);
    if (el) {
      unhide(el);
      el.classList.add("cur");
      if (!el.hasAttribute("tabindex")) { el.setAttribute("tabindex", "-1"); }
      el.focus({ preventScroll: true });
      // A change taller than half the window is shown from its top (below the sticky bars), not centred.
      var tall = el.getBoundingClientRect().height > window.innerHeight / 2;
      el.scrollIntoView({ block: tall ? "start" : "center" });
    }
    updateCounter();
  }

  function step(delta) {
    var vis = visibleRows().map(function (r) { return Number(r.getAttribute("data-row")); });
    if (!vis.length) { return; }
    var pos = vis.indexOf(current);
    var next;
    if (pos < 0) {
      next = delta > 0 ? vis.find(function (n) { return n > current; }) : vis.slice().reverse().find(function (n) { return n < current || !current; });
      if (next === undefined) { next = delta > 0 ? vis[0] : vis[vis.length - 1]; }
    } else {
      next = vis[Math.min(vis.length - 1, Math.max(0, pos + delta))];
    }
    goto(next);
  }

  function setView(v) {
    if (VIEWS.indexOf(v) < 0) { return; }
    body.setAttribute("data-view", v);
    $$(".views button").forEach(function (b) { b.setAttribute("aria-pressed", b.getAttribute("data-view") === v ? "true" : "false"); });
    applyFilters();
    if (current) { goto(current); }
  }

  function resetFilters() {
    if (fKind) { fKind.value = ""; }
    if (fChapter) { fChapter.value = ""; }
    if (fChanged) { fChanged.checked = false; }
    if (fSearch) { fSearch.value = ""; }
    applyFilters();
  }

  function followHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) { return; }
    var el = document.getElementById(id);
    if (!el) { return; }
    var inTable = !!el.closest("#view-table");
    var view = body.getAttribute("data-view");
    if (inTable && view !== "table") { setView("table"); }
    if (!inTable && el.closest("#view-text") && view !== "inline" && view !== "clean") { setView("inline"); }
    unhide(el);
    var k = Number(el.getAttribute("data-row") || 0);
    if (k) { goto(k); return; }
    el.scrollIntoView({ block: "start" });
  }

  $$(".views button").forEach(function (b) {
    b.addEventListener("click", function () { setView(b.getAttribute("data-view")); });
  });
  var prev = $("#prev"), next = $("#next");
  if (prev) { prev.addEventListener("click", function () { step(-1); }); }
  if (next) { next.addEventListener("click", function () { step(1); }); }
  listItems.forEach(function (li) {
    var a = li.querySelector("a");
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      goto(Number(li.getAttribute("data-row")));
    });
  });
  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (t && t.classList && t.classList.contains("more")) {
      var cell = t.closest("td");
      if (cell) { cell.classList.add("open"); }
    }
  });
  [fKind, fChapter, fChanged].forEach(function (el) { if (el) { el.addEventListener("change", applyFilters); } });
  var pending = 0;
  if (fSearch) {
    fSearch.addEventListener("input", function () {
      clearTimeout(pending);
      pending = setTimeout(applyFilters, 120);
    });
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var tag = (ev.target && ev.target.tagName) || "";
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") {
      if (ev.key === "Escape") { ev.target.blur(); }
      return;
    }
    if (ev.key === "n" || ev.key === "j") { step(1); ev.preventDefault(); }
    else if (ev.key === "p" || ev.key === "k") { step(-1); ev.preventDefault(); }
    else if (ev.key >= "1" && ev.key <= "4") { setView(VIEWS[Number(ev.key) - 1]); ev.preventDefault(); }
    else if (ev.key === "/" && fSearch) { fSearch.focus(); ev.preventDefault(); }
  });
  function measureBar() {
    var bar = $("nav.toolbar");
    if (bar) { document.documentElement.style.setProperty("--bar", bar.offsetHeight + "px"); }
  }
  window.addEventListener("resize", measureBar);
  measureBar();
  window.addEventListener("hashchange", followHash);
  applyFilters();
  followHash();
})();
