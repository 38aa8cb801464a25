// marsad dashboard: a client of the JSON API. Every text from the store is
// put in the page with textContent (never as HTML), so an article that holds
// <script> shows it as text. Labels come from the message catalogue of the
// chosen language (/api/i18n/<code>); Arabic mirrors the layout (dir="rtl").
"use strict";

const main = document.getElementById("main");
const tokenInput = document.getElementById("token");
tokenInput.value = sessionStorage.getItem("marsad-token") || "";
tokenInput.addEventListener("change", () => sessionStorage.setItem("marsad-token", tokenInput.value));

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) node.append(c instanceof Node ? c : document.createTextNode(c ?? ""));
  return node;
}
async function api(path, options) {
  const headers = Object.assign({ "Content-Type": "application/json" }, tokenInput.value ? { Authorization: "Bearer " + tokenInput.value } : {});
  const response = await fetch(path, Object.assign({ headers }, options || {}));
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail ? JSON.stringify(body.detail) : response.statusText);
  return body;
}

// -- language -----------------------------------------------------------------
let L = null, NF = null, DF = null, DAYF = null;
const langSelect = document.getElementById("lang");
async function loadLanguage(code) {
  const response = await fetch(`/api/i18n/${code}`);
  if (!response.ok) return false;
  L = await response.json();
  const locale = `${L.locale}-u-nu-${L.numbering}`;
  NF = new Intl.NumberFormat(locale);
  DF = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  DAYF = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
  document.documentElement.lang = L.locale;
  document.documentElement.dir = L.dir;
  document.title = t("app.title");
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  langSelect.replaceChildren(...Object.entries(L.languages).map(([c, name]) => el("option", { value: c, selected: c === L.locale }, name)));
  return true;
}
async function chooseLanguage() {  // the saved choice, else the browser's languages, else English
  const wanted = [localStorage.getItem("marsad-lang"), ...(navigator.languages || [navigator.language])]
    .filter(Boolean).map((tag) => tag.slice(0, 2).toLowerCase());
  for (const code of [...wanted, "en"]) if (await loadLanguage(code)) return;
}
langSelect.addEventListener("change", async () => { localStorage.setItem("marsad-lang", langSelect.value); await loadLanguage(langSelect.value); route(); });

const t = (key, vars) => String(L.messages[key] ?? key).replace(/\{(\w+)\}/g, (_, k) => (vars && vars[k] !== undefined ? vars[k] : ""));
/** A message that depends on a count: `<key>.<plural form>` (CLDR plural rules of the locale). */
const tn = (key, n) => { const form = new Intl.PluralRules(L.locale).select(n); return t(L.messages[`${key}.${form}`] !== undefined ? `${key}.${form}` : `${key}.other`, { n: fmt(n) }); };
const label = (field, value) => (value === null || value === undefined || value === "" ? t("unknown") : L.messages[`${field}.${value}`] ?? value);
const country = (code) => (!code || code === "-" ? t("unknown") : L.countries[code] || code);
const fmt = (n) => (n === null || n === undefined ? "…" : NF.format(n));
const fmtDate = (d) => { if (!d) return "…"; const date = d instanceof Date ? d : new Date(d + "T00:00:00Z"); return isNaN(date) ? String(d) : DF.format(date); };
const rtl = () => L.dir === "rtl";
const to = () => (rtl() ? " ← " : " → ");  // the arrow points the way the line is read
const unitWord = (f) => (f.unit && f.unit !== "people" ? " " + label("unit", f.unit) : "");
/** A figure's number with its qualifier in words: "about 40,000", "10,000–99,999". */
function number(f) {
  if (!f) return "–";
  const q = f.qualifier || "exact";
  if (q === "at_least") return `${label("qualifier", q)} ${fmt(f.value ?? f.low)}${unitWord(f)}`;
  if (q === "at_most") return `${label("qualifier", q)} ${fmt(f.value ?? f.high)}${unitWord(f)}`;
  const n = (f.value !== null && f.value !== undefined ? fmt(f.value) : `${fmt(f.low)}–${fmt(f.high)}`) + unitWord(f);
  return q === "exact" || q === "range" ? n : `${label("qualifier", q)} ${n}`;
}
const flowName = (f) => `${label("movement", f.movement)}: ${country(f.origin)}${to()}${country(f.destination)}${f.nationality ? " (" + country(f.nationality) + ")" : ""}`;
const params = () => new URLSearchParams(location.hash.split("?")[1] || "");
const flowLink = (f) => `#/flow?movement=${f.movement || "-"}&origin=${f.origin || "-"}&destination=${f.destination || "-"}&nationality=${f.nationality || "-"}`;
const width = () => Math.max(280, main.clientWidth - 40);
const sortedCountries = () => Object.entries(L.countries).sort((a, b) => a[1].localeCompare(b[1], L.locale));

/** A latest value as a table cell: the number, then date, qualifier and sources. */
function latestCell(point) {
  if (!point) return el("td", { class: "latest none" }, "–");
  return el("td", { class: "latest" }, el("span", { class: "number" }, number(point)),
    el("span", { class: "muted meta" }, [t("flow.as_of", { date: fmtDate(point.period_end) }), (point.qualifier || "exact") === "exact" ? label("qualifier", "exact") : "",
      tn("flow.point_sources", point.independent_origins)].filter(Boolean).join(" · ")));
}

/** On a narrow screen a table's rows become cards: each cell is labelled with its column's heading. */
function stackable(table) {
  const heads = [...table.querySelectorAll("tr:first-child th")].map((th) => th.textContent);
  table.classList.add("stack");
  for (const tr of [...table.querySelectorAll("tr")].slice(1)) [...tr.children].forEach((td, i) => td.setAttribute("data-label", heads[i] || ""));
  return table;
}

// -- overview -----------------------------------------------------------------
let world = null;
function select(name, values, chosen, field) {
  return el("select", { name }, el("option", { value: "" }, t("any")),
    ...values.map((v) => el("option", { value: v, selected: chosen === v }, field ? label(field, v) : v)));
}
function filterForm(p) {
  const form = el("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); const q = new URLSearchParams(new FormData(form)); for (const [k, v] of [...q]) if (!v) q.delete(k); location.hash = "#/?" + q; } },
    el("label", {}, t("filter.since"), el("input", { name: "since", type: "date", value: p.get("since") || "" })),
    el("label", {}, t("filter.until"), el("input", { name: "until", type: "date", value: p.get("until") || "" })),
    el("label", {}, t("filter.country"), el("select", { name: "country" }, el("option", { value: "" }, t("any")),
      ...sortedCountries().map(([code, name]) => el("option", { value: code, selected: p.get("country") === code }, name)))),
    el("label", {}, t("filter.language"), el("input", { name: "language", value: p.get("language") || "", size: 3, pattern: "[a-z]{2}" })),
    el("label", {}, t("filter.movement"), select("movement", L.enums.movement, p.get("movement"), "movement")),
    el("label", {}, t("filter.status"), select("status", L.enums.status, p.get("status"), "status")),
    el("button", { type: "submit" }, t("filter.submit")));
  return form;
}
async function overview() {
  const p = params(), form = filterForm(p);
  main.replaceChildren(el("section", {}, form), el("p", { class: "muted" }, t("loading")));
  const query = new URLSearchParams([...p].filter(([, v]) => v));
  const [data, map] = await Promise.all([api("/api/overview?" + query), world || fetch("/static/world.geojson").then((r) => r.json())]);
  world = map;
  const drawn = marsadCharts.flowMap(map, data.arrows, data.destinations, { width: width(), rtl: rtl(), fmt, t, country,
    onArrow: (a) => (location.hash = flowLink(a)), arrowTitle: (a) => `${flowName(a)}: ${fmt(a.volume)}` });
  const mapSection = el("section", { class: "map-section" }, el("h2", {}, t("overview.map")),
    drawn.empty ? el("p", { class: "empty" }, t("overview.empty")) : "", drawn.svg, drawn.legend);
  const head = (...names) => el("tr", {}, ...names.map((h) => el("th", {}, t(h))));
  const flows = data.arrows.length ? el("table", { class: "flows" }, head("col.flow", "col.latest_total", "col.latest_daily_rate", "col.latest_stock", "col.sources", "col.conflicts"),
    ...data.arrows.slice(0, 30).map((a) => el("tr", {}, el("td", {}, el("a", { href: flowLink(a), class: "flow-link" }, flowName(a))),
      latestCell(a.latest_total), latestCell(a.latest_daily_rate), latestCell(a.latest_stock), el("td", {}, fmt(a.sources)), el("td", {}, fmt(a.conflicts)))))
    : el("p", { class: "empty" }, t("overview.empty"));
  const dests = data.destinations.length ? el("table", { class: "destinations" }, head("col.destination", "col.movement", "col.latest_total", "col.latest_daily_rate", "col.latest_stock"),
    ...data.destinations.map((d) => el("tr", {}, el("td", {}, country(d.destination)), el("td", {}, label("movement", d.movement)),
      latestCell(d.latest_total), latestCell(d.latest_daily_rate), latestCell(d.latest_stock))))
    : el("p", { class: "empty" }, t("overview.empty"));
  const newest = data.newest.length ? el("table", { class: "newest" }, ...data.newest.map((f) => el("tr", {},
    el("td", { class: "number" }, el("a", { href: `#/document/${f.document_id}` }, number(f))),
    el("td", {}, `${label("movement", f.movement)} · ${country(f.origin)}${to()}${country(f.destination)}`),
    el("td", { class: "evidence", dir: "auto" }, f.evidence))))
    : el("p", { class: "empty" }, t("overview.no_figures"));
  main.replaceChildren(el("section", {}, form), mapSection,
    el("section", {}, el("h2", {}, t("overview.flows")), el("div", { class: "scroll" }, data.arrows.length ? stackable(flows) : flows)),
    el("section", {}, el("h2", {}, t("overview.destinations")), el("div", { class: "scroll" }, data.destinations.length ? stackable(dests) : dests)),
    el("section", {}, el("h2", {}, t("overview.newest")), el("div", { class: "scroll" }, newest)));
}

// -- flow page ----------------------------------------------------------------
const KIND_ORDER = { total: 0, rate: 1, stock: 2 };
function seriesTitle(s) {
  const head = s.kind === "rate" ? t("series.rate", { per: label("per", s.per) }) : t(`series.${s.kind}`);
  const parts = [label("unit", s.unit), s.window && s.window !== "cumulative" ? t(`series.window.${s.window}`) : "",
    s.since ? t("series.since", { date: fmtDate(s.since) }) : "", s.place ? t("series.place", { place: s.place }) : "",
    s.part ? t("series.part", { part: s.part }) : ""];
  return [head, ...parts.filter(Boolean)].join(" · ");
}
const headline = (s) => !s.place && !s.part && (!s.window || s.window === "cumulative");
function pointLabel(p) {
  return `${number(p)} · ${tn("flow.point_sources", p.independent_origins)}`;
}
async function flowPage() {
  const p = params();
  const q = new URLSearchParams({ detail: "true" });
  for (const k of ["movement", "origin", "destination", "nationality"]) if (p.get(k) && !(k === "movement" && p.get(k) === "-")) q.set(k, p.get(k));
  const data = await api("/api/flows?" + q);
  const flow = data.items[0];
  if (!flow) { main.replaceChildren(el("p", { class: "empty" }, t("flow.none"))); return; }
  const glance = el("table", { class: "glance" }, el("tr", {}, ...["col.latest_total", "col.latest_daily_rate", "col.latest_stock"].map((h) => el("th", {}, t(h)))),
    el("tr", {}, latestCell(flow.latest_total), latestCell(flow.latest_daily_rate), latestCell(flow.latest_stock)));
  const sections = [el("section", {}, el("h2", {}, flowName(flow)), glance,
    el("p", { class: "muted" }, `${t("flow.first_report")} ${fmtDate(flow.first_report)} · ${t("flow.last_report")} ${fmtDate(flow.last_report)} · ${tn("flow.independent_sources", flow.independent_sources)}`))];
  const series = flow.series.slice().sort((a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || headline(b) - headline(a));
  for (const s of series) {
    const chart = marsadCharts.seriesChart(s.points, { width: width(), rtl: rtl(), fmt, fmtDate, fmtDay: (d) => DAYF.format(d), pointLabel, label: seriesTitle(s),
      xLabel: t("chart.date"), title: (pt) => `${fmtDate(pt.period_end)}: ${pointLabel(pt)}`,
      onPoint: (pt) => (location.hash = `#/figure/${pt.figures[0]}`) });
    sections.push(el("section", { class: `series series-${s.kind}` }, el("h2", {}, seriesTitle(s)),
      chart || el("p", { class: "empty" }, t("flow.no_dated_points")),
      el("div", { class: "scroll" }, stackable(el("table", { class: "points" }, el("tr", {}, ...["col.date", "col.number", "col.sources", "col.figures", "col.evidence"].map((h) => el("th", {}, t(h)))),
        ...s.points.map((pt) => el("tr", {}, el("td", {}, fmtDate(pt.period_end)), el("td", { class: "number" }, number(pt)),
          el("td", {}, `${tn("flow.point_sources", pt.independent_origins)}: ${pt.outlets.join(", ")}`),
          el("td", {}, ...pt.figures.map((id) => el("a", { href: `#/figure/${id}` }, `#${id} `))), el("td", { class: "evidence", dir: "auto" }, pt.evidence)))))),
      ...s.conflicts.map(([a, b]) => el("div", { class: "conflict" }, ...[a, b].map((c) => el("div", {}, el("strong", {}, `${t("flow.conflict")}: ${number(c)}`),
        el("p", { class: "muted" }, c.sources.join("; ") || c.outlets.join("; ")), el("p", { class: "evidence", dir: "auto" }, c.evidence)))))));
  }
  main.replaceChildren(...sections);
}

// -- document page ------------------------------------------------------------
const documents = new Map();
async function getDocument(id) {
  if (!documents.has(id)) documents.set(id, await api(`/api/documents/${id}`));
  return documents.get(id);
}
async function documentPage(id) {
  documents.delete(id);
  const doc = await getDocument(id);
  const text = doc.text, figures = doc.figures.slice().sort((a, b) => a.start - b.start);
  const article = el("div", { class: "article", lang: doc.language || "", dir: doc.language === "ar" ? "rtl" : "auto" });
  let pos = 0;
  for (const f of figures) {
    if (f.start < pos) continue;
    article.append(text.slice(pos, f.start));
    const mark = el("mark", { class: "figure", "data-figure": f.id, title: `${label("movement", f.movement)} · ${label("kind", f.kind)}` },
      text.slice(f.start, f.end), el("span", { class: "label" }, `${label("movement", f.movement)} ${number(f)}`));
    mark.addEventListener("click", () => (location.hash = `#/figure/${f.id}`));
    article.append(mark);
    pos = f.end;
  }
  article.append(text.slice(pos));
  main.replaceChildren(el("section", {}, el("h2", { dir: "auto" }, doc.title || doc.url || t("document.title", { id: doc.id })),
    el("p", { class: "muted" }, `${doc.language || "?"} · ${fmtDate(doc.published)} · ${doc.outlet || ""}`), article));
}

// -- review -------------------------------------------------------------------
let queue = [], current = 0, left = 0;
const FIELDS = ["value", "low", "high", "qualifier", "unit", "kind", "per", "movement", "group", "nationality", "origin",
  "origin_place", "destination", "destination_place", "period_start", "period_end", "source", "source_type"];
const NUMBERS = ["value", "low", "high"], COUNTRIES = ["nationality", "origin", "destination"], DATES = ["period_start", "period_end"];
async function reviewPage(single) {
  if (single) { queue = [await api(`/api/figures/${single}`)]; left = queue[0].decision ? 0 : 1; }
  else { const r = await api("/api/review/queue?limit=100"); queue = r.items; left = r.left; }
  current = 0;
  await showReview();
}
/** The evidence sentence with the number under review marked. */
async function highlighted(f) {
  const p = el("p", { class: "evidence", dir: "auto" });
  let doc = null;
  try { doc = await getDocument(f.document_id); } catch (err) { doc = null; }
  const phrase = doc ? doc.text.slice(f.start, f.end) : "";
  const sentenceAt = doc ? doc.text.lastIndexOf(f.evidence, f.start) : -1;
  let at = sentenceAt >= 0 && f.start - sentenceAt <= f.evidence.length ? f.start - sentenceAt : phrase ? f.evidence.indexOf(phrase) : -1;
  if (!phrase || at < 0 || f.evidence.slice(at, at + phrase.length) !== phrase) { p.append(f.evidence); return p; }
  p.append(f.evidence.slice(0, at), el("mark", { class: "under-review", title: t("review.number_under_review") }, phrase), f.evidence.slice(at + phrase.length));
  return p;
}
function fieldInput(name, value) {
  const v = value ?? "";
  if (L.enums[name]) return el("select", { name }, L.required.includes(name) ? "" : el("option", { value: "" }, t("none")), ...L.enums[name].map((x) => el("option", { value: x, selected: v === x }, label(name, x))));
  if (COUNTRIES.includes(name)) return el("select", { name, class: "country" }, el("option", { value: "" }, t("unknown")),
    ...sortedCountries().map(([code, n]) => el("option", { value: code, selected: v === code }, `${n} (${code})`)));
  if (NUMBERS.includes(name)) return el("input", { name, type: "number", min: 0, step: 1, value: v });
  if (DATES.includes(name)) return el("input", { name, type: "date", value: v });
  return el("input", { name, value: v, dir: "auto" });
}
function changes(form, f) {
  const c = {};
  for (const n of FIELDS) {
    const v = form.elements[n].value.trim(), old = f[n] === null || f[n] === undefined ? "" : String(f[n]);
    if (v !== old) c[n] = v === "" ? null : NUMBERS.includes(n) ? Number(v) : v;
  }
  return c;
}
function shown(name, value) {
  if (value === null || value === undefined || value === "") return "–";
  if (NUMBERS.includes(name)) return fmt(value);
  if (COUNTRIES.includes(name)) return `${country(value)} (${value})`;
  if (DATES.includes(name)) return fmtDate(value);
  return L.enums[name] ? label(name, value) : String(value);
}
function preview(f, c, back) {
  const after = Object.assign({}, f, c);
  return el("section", { id: "preview" }, el("h2", {}, t("review.preview_title")),
    el("p", { class: "number big" }, `${number(after)} · ${label("movement", after.movement)} · ${label("kind", after.kind)} · ${country(after.origin)}${to()}${country(after.destination)}`),
    el("table", {}, el("tr", {}, el("th", {}, t("review.field")), el("th", {}, t("review.before")), el("th", {}, t("review.after"))),
      ...Object.keys(c).map((n) => el("tr", { class: "changed" }, el("td", {}, t(`field.${n}`)), el("td", {}, shown(n, f[n])), el("td", {}, shown(n, c[n]))))),
    el("p", {}, el("button", { id: "save", onclick: () => decide("corrected", c) }, t("review.save")), el("button", { id: "back", onclick: back }, t("review.back"))));
}
async function showReview(message) {
  const f = queue[current];
  const note = message ? el("p", { id: "message", class: message.startsWith("!") ? "error" : "muted" }, message.replace(/^!/, "")) : "";
  if (!f) { main.replaceChildren(el("section", {}, el("p", { class: "left" }, t("review.left", { n: fmt(left) })), note || el("p", { id: "message", class: "muted" }, t("review.nothing")))); return; }
  const area = el("div", { id: "correction" });
  const form = el("form", { id: "correct", onsubmit: (e) => {
    e.preventDefault();
    const c = changes(form, f);
    if (!Object.keys(c).length) { area.replaceChildren(form, el("p", { class: "error" }, t("review.no_change"))); return; }
    area.replaceChildren(preview(f, c, () => area.replaceChildren(form)));
  } }, el("table", {}, ...FIELDS.map((n) => el("tr", {}, el("th", {}, el("label", { for: `field-${n}` }, t(`field.${n}`))),
    el("td", {}, Object.assign(fieldInput(n, f[n]), { id: `field-${n}` }))))), el("button", { type: "submit" }, t("review.preview")));
  area.append(form);
  main.replaceChildren(el("section", { class: "review" },
    el("p", { class: "left" }, t("review.left", { n: fmt(left) })),
    el("h2", {}, `${t("review.title", { id: f.id })} · ${number(f)} · ${label("movement", f.movement)} · ${label("kind", f.kind)} · ${t("review.confidence", { n: fmt(f.confidence) })}`),
    await highlighted(f),
    el("p", { class: "muted" }, `${country(f.origin)}${to()}${country(f.destination)} · ${fmtDate(f.period_start)}${to()}${fmtDate(f.period_end)} · ${f.source || "–"} (${label("source_type", f.source_type)}) · ${t("review.decision", { d: f.decision ? label("status", f.decision) : t("none") })}`),
    el("p", {}, el("button", { id: "confirm", onclick: () => decide("confirmed") }, t("review.confirm")), el("button", { id: "reject", onclick: () => decide("rejected") }, t("review.reject")),
      el("a", { href: `#/document/${f.document_id}` }, t("review.open_article"))),
    el("p", { class: "keys muted" }, t("review.keys")), note, area));
}
async function decide(decision, corrections) {
  const f = queue[current];
  try {
    await api(`/api/figures/${f.id}/review`, { method: "POST", body: JSON.stringify({ decision, reviewer: localStorage.getItem("marsad-reviewer") || "analyst", corrections: corrections || null }) });
    queue.splice(current, 1);
    if (!f.decision) left = Math.max(0, left - 1);
    if (current >= queue.length) current = Math.max(0, queue.length - 1);
    await showReview(t("review.saved", { d: label("status", decision) }));
  } catch (err) { await showReview("!" + err.message); }
}
document.addEventListener("keydown", (e) => {
  if (!location.hash.startsWith("#/review") && !location.hash.startsWith("#/figure") || ["INPUT", "TEXTAREA", "SELECT"].includes(e.target.tagName)) return;
  if (e.key === "c") decide("confirmed");
  else if (e.key === "r") decide("rejected");
  else if (e.key === "e") document.querySelector("#correct input, #correct select")?.focus();
  else if (e.key === "j") { current = Math.min(queue.length - 1, current + 1); showReview(); }
  else if (e.key === "k") { current = Math.max(0, current - 1); showReview(); }
});

// -- ingest from the browser --------------------------------------------------
function ingestPage() {
  const text = el("textarea", { name: "text", rows: 12, dir: "auto", placeholder: t("ingest.placeholder") });
  const file = el("input", { type: "file", accept: ".txt,.md,.html,.htm", onchange: async () => { text.value = await file.files[0].text(); } });
  const out = el("div", {});
  const form = el("form", { class: "ingest", onsubmit: async (e) => {
    e.preventDefault(); out.replaceChildren(t("loading"));
    try {
      const r = await api("/api/articles", { method: "POST", body: JSON.stringify({ text: text.value, published: form.elements.published.value || null, language: form.elements.language.value || null }) });
      out.replaceChildren(el("p", {}, t("ingest.result", { n: fmt(r.figures.length), lang: r.language || "?" }) + (r.document ? " · " + t("ingest.stored", { id: r.document }) : "")),
        el("table", {}, ...r.figures.map((f) => el("tr", {}, el("td", { class: "number" }, number(f)), el("td", {}, `${label("movement", f.movement)} · ${label("kind", f.kind)}`),
          el("td", {}, `${country(f.origin)}${to()}${country(f.destination)}`), el("td", { class: "evidence", dir: "auto" }, f.evidence)))));
    } catch (err) { out.replaceChildren(el("p", { class: "error" }, err.message)); }
  } },
    el("p", {}, text), el("p", {}, file), el("p", {}, el("label", {}, t("ingest.published") + " ", el("input", { name: "published", type: "date" })), " ",
      el("label", {}, t("ingest.language") + " ", el("input", { name: "language", size: 3 }))), el("button", { type: "submit" }, t("ingest.submit")));
  main.replaceChildren(el("section", {}, el("h2", {}, t("ingest.title")), form, out));
}

// -- router -------------------------------------------------------------------
async function route() {
  const hash = location.hash || "#/";
  try {
    if (hash.startsWith("#/flow")) await flowPage();
    else if (hash.startsWith("#/document/")) await documentPage(hash.split("/")[2]);
    else if (hash.startsWith("#/figure/")) await reviewPage(hash.split("/")[2]);
    else if (hash.startsWith("#/review")) await reviewPage();
    else if (hash.startsWith("#/ingest")) ingestPage();
    else if (hash.startsWith("#/alerts")) await alertsPage();  // alerts.js
    else await overview();
  } catch (err) { main.replaceChildren(el("p", { class: "error" }, err.message)); }
}
window.addEventListener("hashchange", route);
chooseLanguage().then(route);
