// marsad dashboard: the Alerts page — what marsad watch raised (/api/alerts)
// and how each watched source is doing (/api/watch). It uses the helpers of
// app.js (el, api, t, fmt, fmtDate, flowName, label); every text from the store
// is put in the page as text. Alert sentences are written from the alert's
// fields in the chosen language, not from its stored English message.
"use strict";

const fmtTime = (iso) => (iso ? new Intl.DateTimeFormat(`${L.locale}-u-nu-${L.numbering}`, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)) : t("alerts.never"));

function alertSentence(a) {
  const d = a.details || {};
  const ratio = a.value && a.previous ? new Intl.NumberFormat(`${L.locale}-u-nu-${L.numbering}`, { maximumFractionDigits: 1 }).format(a.value / a.previous) : "";
  return t(`alerts.text.${a.kind}`, { flow: flowName(a), value: fmt(a.value), previous: fmt(a.previous), day: fmtDate(d.day),
    before: fmtDate(d.before_day), above: fmt(d.above), ratio });
}

function alertRow(a) {
  const sent = a.deliveries.map((d) => el("div", { class: `delivery ${d.status}`, title: d.last_error || "" },
    `${t("alerts.channel." + d.channel)}: ${t("alerts.delivery." + d.status)}`));
  return el("tr", { class: `alert ${a.kind}` },
    el("td", { class: "number" }, fmtTime(a.created_at)),
    el("td", {}, el("strong", {}, t("alerts.kind." + a.kind)), el("div", { class: "rule", dir: "auto" }, a.rule)),
    el("td", {}, el("a", { href: flowLink(a) }, alertSentence(a))),
    el("td", {}, ...a.figures.slice(0, 12).map((id) => el("a", { href: `#/figure/${id}` }, `#${id} `))),
    el("td", {}, ...(sent.length ? sent : [t("alerts.not_sent")])));
}

function sourceRow(s) {
  const answer = s.last_status === "304" ? t("sources.unchanged") : s.last_status === "error" ? t("sources.error") : s.last_status || "";
  return el("tr", { class: s.errors ? "failing" : "" },
    el("td", { dir: "auto" }, s.name),
    el("td", { class: "number" }, fmtTime(s.last_poll_at), el("div", {}, answer)),
    el("td", { class: "number" }, fmtTime(s.last_new_at)),
    el("td", {}, fmt(s.errors), s.last_error ? el("div", { class: "error", dir: "ltr" }, s.last_error) : ""),
    el("td", { class: "number" }, fmt(s.figures_week), el("div", {}, tn("sources.articles", s.new_week))),
    el("td", { class: "number" }, fmtTime(s.next_poll_at)));
}

async function alertsPage() {
  const [alerts, sources] = await Promise.all([api("/api/alerts?limit=200"), api("/api/watch")]);
  const head = (...keys) => el("thead", {}, el("tr", {}, ...keys.map((k) => el("th", {}, t(k)))));
  main.replaceChildren(
    el("section", {}, el("h2", {}, t("alerts.title")),
      alerts.items.length ? stackable(el("table", { class: "alerts" }, head("alerts.col.when", "alerts.col.rule", "alerts.col.alert", "alerts.col.figures", "alerts.col.delivery"),
        el("tbody", {}, ...alerts.items.map(alertRow)))) : el("p", { class: "empty" }, t("alerts.empty"))),
    el("section", {}, el("h2", {}, t("sources.title")),
      sources.items.length ? stackable(el("table", { class: "sources" }, head("sources.col.source", "sources.col.last_poll", "sources.col.last_new", "sources.col.errors", "sources.col.figures_week", "sources.col.next_poll"),
        el("tbody", {}, ...sources.items.map(sourceRow)))) : el("p", { class: "empty" }, t("sources.empty"))));
}
