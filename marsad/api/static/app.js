// marsad dashboard: a client of the JSON API. Every text from the store is
// put in the page with textContent (never as HTML), so an article that holds
// <script> shows it as text.
"use strict";

const main = document.getElementById("main");
const tokenInput = document.getElementById("token");
tokenInput.value = sessionStorage.getItem("marsad-token") || "";
tokenInput.addEventListener("change", () => sessionStorage.setItem("marsad-token", tokenInput.value));

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined) node.setAttribute(k, v);
  }
  for (const c of children.flat()) node.append(c instanceof Node ? c : document.createTextNode(c ?? ""));
  return node;
}
const svgEl = (tag, attrs) => {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
};
async function api(path, options) {
  const headers = Object.assign({ "Content-Type": "application/json" }, tokenInput.value ? { Authorization: "Bearer " + tokenInput.value } : {});
  const response = await fetch(path, Object.assign({ headers }, options || {}));
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail ? JSON.stringify(body.detail) : response.statusText);
  return body;
}
const fmt = (n) => (n === null || n === undefined ? "…" : Number(n).toLocaleString("en"));
function number(f) {
  if (!f) return "–";
  const n = f.value !== null && f.value !== undefined ? fmt(f.value) : `${fmt(f.low)}–${fmt(f.high)}`;
  return f.qualifier && !["exact", "range"].includes(f.qualifier) ? `${n} (${f.qualifier})` : n;
}
const params = () => new URLSearchParams(location.hash.split("?")[1] || "");
const flowLink = (f) => `#/flow?movement=${f.movement || "-"}&origin=${f.origin || "-"}&destination=${f.destination || "-"}&nationality=${f.nationality || "-"}`;

// -- overview ---------------------------------------------------------------
let world = null;
async function overview() {
  const p = params();
  const form = el("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); const q = new URLSearchParams(new FormData(form)); for (const [k, v] of [...q]) if (!v) q.delete(k); location.hash = "#/?" + q; } },
    ...[["since", "date"], ["until", "date"], ["country", "text"], ["language", "text"]].map(([n, t]) => el("label", {}, n, el("input", { name: n, type: t, value: p.get(n) || "", size: 8 }))),
    el("label", {}, "movement", el("select", { name: "movement" }, el("option", { value: "" }, "any"), ...["fled", "displaced", "evacuated", "arrived", "departed", "returned", "waiting", "asylum", "hosted"].map((m) => el("option", { value: m, ...(p.get("movement") === m ? { selected: "" } : {}) }, m)))),
    el("label", {}, "review", el("select", { name: "status" }, el("option", { value: "" }, "any"), ...["unreviewed", "confirmed", "corrected", "rejected"].map((m) => el("option", { value: m, ...(p.get("status") === m ? { selected: "" } : {}) }, m)))),
    el("button", { type: "submit" }, "Filter"));
  main.replaceChildren(el("section", {}, form), el("p", { class: "muted" }, "loading…"));
  const query = new URLSearchParams([...p].filter(([, v]) => v));
  const [data, map] = await Promise.all([api("/api/overview?" + query), world || fetch("/static/world.geojson").then((r) => r.json())]);
  world = map;
  const svg = drawMap(map, data.arrows, data.destinations);
  const dests = el("table", {}, el("tr", {}, ...["destination", "movement", "latest total", "latest daily rate", "sources"].map((h) => el("th", {}, h))),
    ...data.destinations.map((d) => el("tr", {}, el("td", {}, d.destination), el("td", {}, d.movement || "?"), el("td", {}, number(d.latest_total || d.latest_stock)), el("td", {}, number(d.latest_daily_rate)), el("td", {}, String(d.sources)))));
  const newest = el("table", {}, ...data.newest.map((f) => el("tr", {}, el("td", {}, el("a", { href: `#/document/${f.document_id}` }, number(f))), el("td", {}, `${f.movement} ${f.origin || "?"}→${f.destination || "?"}`), el("td", { class: "evidence", dir: "auto" }, f.evidence))));
  const arrows = el("table", {}, el("tr", {}, ...["flow", "latest", "sources", "conflicts"].map((h) => el("th", {}, h))),
    ...data.arrows.slice(0, 30).map((a) => el("tr", {}, el("td", {}, el("a", { href: flowLink(a), class: "flow-link" }, `${a.movement} ${a.origin}→${a.destination}${a.nationality ? " (" + a.nationality + ")" : ""}`)), el("td", {}, fmt(a.volume)), el("td", {}, String(a.sources)), el("td", {}, String(a.conflicts)))));
  main.replaceChildren(el("section", {}, form), el("section", {}, el("h2", {}, "Where people are going"), svg),
    el("div", { class: "grid" }, el("section", {}, el("h2", {}, "Flows"), arrows), el("section", {}, el("h2", {}, "Per destination"), dests)),
    el("section", {}, el("h2", {}, "Newest figures"), newest));
}
function drawMap(map, arrows, dests) {
  const W = 1000, H = 500, x = (lon) => ((lon + 180) / 360) * W, y = (lat) => ((90 - lat) / 180) * H;
  const svg = svgEl("svg", { class: "map", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "flow map" });
  const ring = (r) => r.map(([lon, lat], i) => `${i ? "L" : "M"}${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join("") + "Z";
  for (const f of map.features) {
    const g = f.geometry, polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    const path = svgEl("path", { class: "country", d: polys.map((p) => p.map(ring).join("")).join("") });
    path.append(svgEl("title")); path.firstChild.textContent = f.properties.name;
    svg.append(path);
  }
  const max = Math.max(1, ...arrows.map((a) => a.volume || 0));
  for (const a of arrows) {
    const [x1, y1, x2, y2] = [x(a.from[0]), y(a.from[1]), x(a.to[0]), y(a.to[1])];
    const mx = (x1 + x2) / 2 - (y2 - y1) * 0.2, my = (y1 + y2) / 2 + (x2 - x1) * 0.2;
    const path = svgEl("path", { class: "arrow", d: `M${x1},${y1} Q${mx},${my} ${x2},${y2}`, "stroke-width": (1 + 7 * Math.sqrt((a.volume || 0) / max)).toFixed(1), "marker-end": "url(#head)" });
    const title = svgEl("title"); title.textContent = `${a.movement} ${a.origin}→${a.destination}: ${fmt(a.volume)}`; path.append(title);
    path.addEventListener("click", () => (location.hash = flowLink(a)));
    svg.append(path);
  }
  for (const d of dests) if (d.point && (d.latest_total || d.latest_stock)) {
    const v = (d.latest_total || d.latest_stock).value || 0;
    const c = svgEl("circle", { class: "dest", cx: x(d.point[0]), cy: y(d.point[1]), r: (2 + 10 * Math.sqrt(v / max)).toFixed(1) });
    const t = svgEl("title"); t.textContent = `${d.destination}: ${fmt(v)}`; c.append(t); svg.append(c);
  }
  const defs = svgEl("defs"), marker = svgEl("marker", { id: "head", viewBox: "0 0 10 10", refX: 8, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" });
  marker.append(svgEl("path", { d: "M0,0 L10,5 L0,10 z", fill: "#c0392b" })); defs.append(marker); svg.prepend(defs);
  return svg;
}

// -- flow page --------------------------------------------------------------
async function flowPage() {
  const p = params();
  const q = new URLSearchParams({ detail: "true" });
  for (const k of ["movement", "origin", "destination", "nationality"]) if (p.get(k) && !(k === "movement" && p.get(k) === "-")) q.set(k, p.get(k));
  const data = await api("/api/flows?" + q);
  const flow = data.items[0];
  if (!flow) { main.replaceChildren(el("p", {}, "No such flow.")); return; }
  const sections = [el("section", {}, el("h2", {}, `${flow.movement} ${flow.origin || "?"} → ${flow.destination || "?"}${flow.nationality ? " (" + flow.nationality + ")" : ""}`),
    el("p", {}, `latest total ${number(flow.latest_total)} · latest daily rate ${number(flow.latest_daily_rate)} · latest stock ${number(flow.latest_stock)} · first report ${flow.first_report || "?"} · last ${flow.last_report || "?"} · ${flow.independent_sources} independent sources`))];
  for (const s of flow.series) {
    sections.push(el("section", {}, el("h2", {}, `${s.kind}${s.per ? " per " + s.per : ""} (${s.unit})`), chart(s.points),
      el("table", { class: "points" }, ...s.points.map((pt) => el("tr", {}, el("td", {}, pt.period_end || "?"), el("td", {}, number(pt)), el("td", {}, `${pt.independent_origins} origins: ${pt.outlets.join(", ")}`), el("td", {}, ...pt.figures.map((id) => el("a", { href: `#/figure/${id}` }, `#${id} `))), el("td", { class: "evidence", dir: "auto" }, pt.evidence)))),
      ...s.conflicts.map(([a, b]) => el("div", { class: "conflict" }, ...[a, b].map((c) => el("div", {}, el("strong", {}, "Conflict: " + number(c)), el("p", { class: "muted" }, c.sources.join("; ") || c.outlets.join("; ")), el("p", { class: "evidence", dir: "auto" }, c.evidence)))))));
  }
  main.replaceChildren(...sections);
}
function chart(points) {
  const dated = points.filter((p) => p.period_end);
  const svg = svgEl("svg", { class: "chart", viewBox: "0 0 600 240" });
  if (!dated.length) return svg;
  const t = dated.map((p) => Date.parse(p.period_end)), v = dated.map((p) => p.value ?? p.high ?? p.low ?? 0);
  const [t0, t1, v1] = [Math.min(...t), Math.max(...t) || 1, Math.max(...v) || 1];
  const X = (d) => 40 + (t1 > t0 ? ((d - t0) / (t1 - t0)) * 540 : 270), Y = (n) => 220 - (n / v1) * 200;
  svg.append(svgEl("path", { d: dated.map((p, i) => `${i ? "L" : "M"}${X(t[i])},${Y(v[i])}`).join(""), fill: "none", stroke: "#17324d" }));
  dated.forEach((p, i) => { const c = svgEl("circle", { cx: X(t[i]), cy: Y(v[i]), r: 5, fill: "#c0392b", class: "point" }); const tt = svgEl("title"); tt.textContent = `${p.period_end}: ${number(p)}`; c.append(tt); c.addEventListener("click", () => (location.hash = `#/figure/${p.figures[0]}`)); svg.append(c); });
  return svg;
}

// -- document page ----------------------------------------------------------
async function documentPage(id) {
  const doc = await api(`/api/documents/${id}`);
  const text = doc.text, figures = doc.figures.slice().sort((a, b) => a.start - b.start);
  const article = el("div", { class: "article", lang: doc.language || "", dir: doc.language === "ar" ? "rtl" : "auto" });
  let pos = 0;
  for (const f of figures) {
    if (f.start < pos) continue;
    article.append(text.slice(pos, f.start));
    const mark = el("mark", { class: "figure", "data-figure": f.id, title: `${f.movement} ${f.kind}` }, text.slice(f.start, f.end), el("span", { class: "label", dir: "ltr" }, `${f.movement} ${number(f)}`));
    mark.addEventListener("click", () => (location.hash = `#/figure/${f.id}`));
    article.append(mark);
    pos = f.end;
  }
  article.append(text.slice(pos));
  main.replaceChildren(el("section", {}, el("h2", { dir: "auto" }, doc.title || doc.url || `document ${doc.id}`), el("p", { class: "muted" }, `${doc.language || "?"} · ${doc.published || "?"} · ${doc.outlet || ""}`), article));
}

// -- review -----------------------------------------------------------------
let queue = [], current = 0;
const FIELDS = ["value", "low", "high", "qualifier", "unit", "kind", "per", "movement", "origin", "destination", "period_start", "period_end", "source"];
async function reviewPage(single) {
  queue = single ? [await api(`/api/figures/${single}`)] : (await api("/api/review/queue?limit=100")).items;
  current = 0;
  showReview();
}
function showReview(message) {
  const f = queue[current];
  if (!f) { main.replaceChildren(el("section", {}, el("p", { id: "message", class: message && message.startsWith("!") ? "error" : "muted" }, (message || "Nothing to review.").replace(/^!/, "")))); return; }
  const form = el("form", { id: "correct", onsubmit: (e) => { e.preventDefault(); const c = {}; for (const n of FIELDS) { const v = form.elements[n].value.trim(); const old = f[n] === null || f[n] === undefined ? "" : String(f[n]); if (v !== old) c[n] = v === "" ? null : (["value", "low", "high"].includes(n) ? Number(v) : v); } decide("corrected", c); } },
    el("table", {}, ...FIELDS.map((n) => el("tr", {}, el("th", {}, n), el("td", {}, el("input", { name: n, value: f[n] ?? "" }))))), el("button", { type: "submit" }, "Save correction"));
  main.replaceChildren(el("section", {},
    el("h2", {}, `Figure #${f.id} · ${number(f)} · ${f.movement} ${f.kind} · confidence ${f.confidence}`),
    el("p", { class: "evidence", dir: "auto" }, f.evidence),
    el("p", { class: "muted" }, `${f.origin || "?"} → ${f.destination || "?"} · ${f.period_start || "…"} → ${f.period_end || "…"} · ${f.source || "no source"} (${f.source_type}) · review: ${f.decision || "none"}`),
    el("p", {}, el("button", { id: "confirm", onclick: () => decide("confirmed") }, "Confirm (c)"), el("button", { id: "reject", onclick: () => decide("rejected") }, "Reject (r)"), el("a", { href: `#/document/${f.document_id}` }, "open article")),
    el("p", { class: "keys muted" }, el("kbd", {}, "c"), " confirm ", el("kbd", {}, "r"), " reject ", el("kbd", {}, "e"), " correct ", el("kbd", {}, "j"), "/", el("kbd", {}, "k"), " next/previous"),
    message ? el("p", { class: message.startsWith("!") ? "error" : "muted", id: "message" }, message.replace(/^!/, "")) : "",
    form));
}
async function decide(decision, corrections) {
  const f = queue[current];
  try {
    await api(`/api/figures/${f.id}/review`, { method: "POST", body: JSON.stringify({ decision, reviewer: localStorage.getItem("marsad-reviewer") || "analyst", corrections: corrections || null }) });
    queue.splice(current, 1);
    if (current >= queue.length) current = Math.max(0, queue.length - 1);
    showReview(`saved: ${decision}`);
  } catch (err) { showReview("!" + err.message); }
}
document.addEventListener("keydown", (e) => {
  if (!location.hash.startsWith("#/review") && !location.hash.startsWith("#/figure") || e.target.tagName === "INPUT" || e.target.tagName === "TEXTAREA") return;
  if (e.key === "c") decide("confirmed");
  else if (e.key === "r") decide("rejected");
  else if (e.key === "e") document.querySelector("#correct input")?.focus();
  else if (e.key === "j") { current = Math.min(queue.length - 1, current + 1); showReview(); }
  else if (e.key === "k") { current = Math.max(0, current - 1); showReview(); }
});

// -- ingest from the browser ------------------------------------------------
function ingestPage() {
  const text = el("textarea", { name: "text", rows: 12, cols: 90, dir: "auto", placeholder: "Paste an article" });
  const file = el("input", { type: "file", accept: ".txt,.md,.html,.htm", onchange: async () => { text.value = await file.files[0].text(); } });
  const out = el("div", {});
  const form = el("form", { onsubmit: async (e) => { e.preventDefault(); out.replaceChildren("…"); try { const r = await api("/api/articles", { method: "POST", body: JSON.stringify({ text: text.value, published: form.elements.published.value || null, language: form.elements.language.value || null }) }); out.replaceChildren(el("p", {}, `${r.figures.length} figures (${r.language || "?"})${r.document ? " · stored as document " + r.document : ""}`), el("table", {}, ...r.figures.map((f) => el("tr", {}, el("td", {}, number(f)), el("td", {}, `${f.movement} ${f.kind}`), el("td", {}, `${f.origin || "?"}→${f.destination || "?"}`), el("td", { class: "evidence", dir: "auto" }, f.evidence))))); } catch (err) { out.replaceChildren(el("p", { class: "error" }, err.message)); } } },
    el("p", {}, text), el("p", {}, file), el("p", {}, el("label", {}, "published ", el("input", { name: "published", type: "date" })), " ", el("label", {}, "language ", el("input", { name: "language", size: 3 }))), el("button", { type: "submit" }, "Extract"));
  main.replaceChildren(el("section", {}, el("h2", {}, "Add an article"), form, out));
}

// -- router -----------------------------------------------------------------
async function route() {
  const hash = location.hash || "#/";
  try {
    if (hash.startsWith("#/flow")) await flowPage();
    else if (hash.startsWith("#/document/")) await documentPage(hash.split("/")[2]);
    else if (hash.startsWith("#/figure/")) await reviewPage(hash.split("/")[2]);
    else if (hash.startsWith("#/review")) await reviewPage();
    else if (hash.startsWith("#/ingest")) ingestPage();
    else await overview();
  } catch (err) { main.replaceChildren(el("p", { class: "error" }, err.message)); }
}
window.addEventListener("hashchange", route);
route();
