"use strict";
(function () {
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const colour = {};
  data.tables.forEach(t => { colour[t.name] = t.colour; });
  const $ = id => document.getElementById(id);
  const esc = s => String(s).replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
  const state = { region: "", tables: new Set() };
  const ITEM_PAGE = 400;
  let itemLimit = ITEM_PAGE;

  function readFilters() {
    state.region = $("f-region").value;
    state.tables = new Set([...document.querySelectorAll(".f-table")].filter(b => b.checked).map(b => b.value));
  }

  function regionMatches(el) {
    if (!state.region) return true;
    if (el.dataset.region !== undefined) return el.dataset.region === state.region;
    return el.dataset.regions.split("|").includes(state.region);
  }

  function applyFilters() {
    readFilters();
    document.querySelectorAll("main [data-region], main [data-regions]").forEach(el => {
      el.classList.toggle("hidden-by-filter", !regionMatches(el));
    });
    document.querySelectorAll("main [data-table]").forEach(el => {
      el.classList.toggle("hidden-by-filter", !state.tables.has(el.dataset.table));
    });
    document.querySelectorAll("main table.rows > tbody").forEach(body => {
      if (body.parentElement.id === "items-table") return;
      let empty = body.querySelector("tr.empty-row");
      const rows = [...body.rows].filter(r => r !== empty);
      const none = rows.length > 0 && rows.every(r => r.classList.contains("hidden-by-filter"));
      if (none && !empty) {
        empty = body.insertRow();
        empty.className = "empty-row";
        empty.innerHTML = '<td colspan="' + body.parentElement.tHead.rows[0].cells.length + '">nothing for this filter</td>';
      }
      if (empty) empty.hidden = !none;
    });
    const counts = {};
    data.items.forEach(it => { if (!state.region || it.region === state.region) counts[it.t] = (counts[it.t] || 0) + 1; });
    document.querySelectorAll("[data-count]").forEach(b => { b.textContent = counts[b.dataset.count] || 0; });
    itemLimit = ITEM_PAGE;
    renderItems();
    if (!$("docview").hidden) route();
  }

  function docHref(it, i) {
    return "#doc=" + it.d + "&item=" + i;
  }

  function renderItems() {
    const rows = [];
    const shown = [];
    data.items.forEach((it, i) => {
      if (state.tables.has(it.t) && (!state.region || it.region === state.region)) shown.push(i);
    });
    shown.slice(0, itemLimit).forEach(i => {
      const it = data.items[i];
      const doc = data.documents[it.d].doc;
      rows.push('<tr data-href="' + docHref(it, i) + '" class="t-' + it.t + '"><td>' + it.t + '</td><td class="item t-' + it.t + '"><mark>' + esc(it.label) +
        '</mark></td><td>' + esc(it.region) + "</td><td>" + esc(it.unit) + '</td><td><a class="doclink" href="' + docHref(it, i) + '">' + esc(doc) +
        '</a></td><td class="num">' + (it.line ?? "") + "</td><td>" + esc(it.ctx) + "</td></tr>");
    });
    $("items-table").tBodies[0].innerHTML = rows.join("");
    $("more-items").hidden = shown.length <= itemLimit;
    $("f-count").textContent = shown.length + " of " + data.items.length + " items shown";
  }

  function parseHash() {
    const out = {};
    location.hash.replace(/^#/, "").split("&").forEach(part => {
      const k = part.indexOf("=");
      if (k > 0) out[part.slice(0, k)] = decodeURIComponent(part.slice(k + 1).replace(/\+/g, " "));
    });
    return out;
  }

  function markedText(text, ids) {
    const starts = new Map();
    const bounds = new Set([0, text.length]);
    ids.forEach(i => {
      const it = data.items[i];
      bounds.add(it.s); bounds.add(it.e);
      if (!starts.has(it.s)) starts.set(it.s, []);
      starts.get(it.s).push(i);
    });
    const cuts = [...bounds].filter(b => b >= 0 && b <= text.length).sort((a, b) => a - b);
    let active = [];
    const out = [];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const a = cuts[k], b = cuts[k + 1];
      if (starts.has(a)) active = active.concat(starts.get(a));
      active = active.filter(i => data.items[i].e > a);
      const piece = esc(text.slice(a, b));
      if (!active.length) { out.push(piece); continue; }
      const byLength = active.slice().sort((x, y) => (data.items[x].e - data.items[x].s) - (data.items[y].e - data.items[y].s));
      const top = data.items[byLength[0]];
      const other = byLength.length > 1 ? data.items[byLength[1]] : null;
      const style = other ? ' style="--c2:' + colour[other.t] + '"' : "";
      out.push('<mark class="hl t-' + top.t + (other ? " nested" : "") + '" data-i="' + byLength.join(" ") + '"' + style +
        ' title="' + esc(byLength.map(i => data.items[i].t + ": " + data.items[i].label).join("\n")) + '">' + piece + "</mark>");
    }
    return out.join("");
  }

  function contextsOnly(ids) {
    return ids.map(i => {
      const it = data.items[i];
      const ctx = esc(it.ctx || it.label);
      const label = esc(it.label);
      const at = label ? ctx.indexOf(label) : -1;
      const body = at < 0 ? ctx : ctx.slice(0, at) + '<mark class="hl t-' + it.t + '" data-i="' + i + '">' + label + "</mark>" + ctx.slice(at + label.length);
      return '<p data-item="' + i + '"><small>' + it.t + " · line " + (it.line ?? "?") + "</small> " + body + "</p>";
    }).join("");
  }

  function focusItem(i) {
    document.querySelectorAll(".focus").forEach(el => el.classList.remove("focus"));
    const mark = document.querySelector('#doc-text mark[data-i~="' + i + '"]');
    const li = document.querySelector('#doc-items li[data-item="' + i + '"]');
    if (mark) { mark.classList.add("focus"); mark.scrollIntoView({ block: "center" }); }
    if (li) { li.classList.add("focus"); li.scrollIntoView({ block: "nearest" }); }
  }

  function showDoc(n, params) {
    const doc = data.documents[n];
    if (!doc) { $("doc-title").textContent = "no such document"; return; }
    document.body.classList.add("doc-open");
    $("docview").hidden = false;
    $("docbar").hidden = false;
    $("doc-title").textContent = doc.title || doc.doc;
    $("doc-meta").textContent = [doc.doc, doc.date, doc.regions.join(", "), doc.format].filter(Boolean).join(" · ");
    $("doc-note").hidden = !doc.note;
    $("doc-note").textContent = doc.note || "";
    const all = [];
    data.items.forEach((it, i) => { if (it.d === n) all.push(i); });
    const ids = all.filter(i => state.tables.has(data.items[i].t));
    const counts = {};
    all.forEach(i => { counts[data.items[i].t] = (counts[data.items[i].t] || 0) + 1; });
    $("doc-legend").innerHTML = data.tables.filter(t => counts[t.name]).map(t =>
      '<span class="legend t-' + t.name + '"><mark>' + t.name + "</mark> " + counts[t.name] + (state.tables.has(t.name) ? "" : " (hidden)") + "</span>").join("");
    const placed = ids.filter(i => data.items[i].s !== null);
    $("doc-text").innerHTML = doc.text !== null ? markedText(doc.text, placed) : contextsOnly(ids);
    $("doc-items").innerHTML = ids.slice().sort((x, y) => (data.items[x].s ?? 0) - (data.items[y].s ?? 0)).map(i => {
      const it = data.items[i];
      return '<li class="t-' + it.t + '" data-item="' + i + '"><b>' + esc(it.label) + "</b> <small>" + it.t +
        (it.unit ? " · " + esc(it.unit) : "") + " · " + esc(it.region) + (it.line ? " · line " + it.line : "") + "</small></li>";
    }).join("");
    let target = params.item !== undefined ? Number(params.item) : null;
    if (target === null && params.q) {
      target = ids.find(i => data.items[i].label === params.q && (!params.t || data.items[i].t === params.t));
      if (target === undefined) target = ids.find(i => data.items[i].label.includes(params.q));
    }
    if (target !== null && target !== undefined) focusItem(target); else window.scrollTo(0, 0);
  }

  function route() {
    const params = parseHash();
    if (params.doc !== undefined) { showDoc(Number(params.doc), params); return; }
    document.body.classList.remove("doc-open");
    $("docview").hidden = true;
    $("docbar").hidden = true;
    const id = location.hash.replace(/^#/, "");
    const el = id && document.getElementById(id);
    if (el) el.scrollIntoView();
  }

  $("f-region").addEventListener("change", applyFilters);
  document.querySelectorAll(".f-table").forEach(b => b.addEventListener("change", applyFilters));
  $("more-items").addEventListener("click", () => { itemLimit += ITEM_PAGE; renderItems(); });
  $("items-table").addEventListener("click", e => {
    const tr = e.target.closest("tr[data-href]");
    if (tr && !e.target.closest("a")) location.hash = tr.dataset.href;
  });
  $("doc-items").addEventListener("click", e => {
    const li = e.target.closest("li[data-item]");
    if (li) focusItem(li.dataset.item);
  });
  $("doc-text").addEventListener("click", e => {
    const mark = e.target.closest("mark[data-i]");
    if (mark) focusItem(mark.dataset.i.split(" ")[0]);
  });
  $("back").addEventListener("click", e => { e.preventDefault(); history.pushState("", "", location.pathname + "#overview"); route(); });
  window.addEventListener("hashchange", route);
  document.addEventListener("keydown", e => { if (e.key === "Escape" && !$("docview").hidden) $("back").click(); });
  applyFilters();
  route();
  document.body.dataset.ready = "1";
})();
