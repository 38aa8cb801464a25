// marsad's charts: time series with Observable Plot, the flow map with d3-geo
// (both vendored under /static/vendor). Everything is drawn with SVG
// attributes — no inline style — and labels come from the caller's locale.
"use strict";

window.marsadCharts = (() => {
  const DAY = 864e5;

  // Plot adds a <style> element to each chart; the page's stylesheet has the
  // same rules, and a strict Content-Security-Policy refuses inline styles.
  const withoutStyle = (node) => { node.querySelectorAll("style").forEach((s) => s.remove()); return node; };

  // A round number near `v` (two significant digits) for legends.
  const round = (v) => { const p = 10 ** Math.max(0, Math.floor(Math.log10(v)) - 1); return Math.max(1, Math.round(v / p) * p); };

  const central = (p) => p.value ?? (p.low != null && p.high != null ? (p.low + p.high) / 2 : p.low ?? p.high);

  /** A time series of points (period_end, value or bounds): dated x axis,
   * value axis with the locale's separators, every point labelled. `o` holds
   * width, rtl, fmt (number), fmtDate, fmtDay (no year, narrow screens), pointLabel, title, xLabel, onPoint. */
  function seriesChart(points, o) {
    const data = points.filter((p) => p.period_end && central(p) != null)
      .map((p) => ({ date: new Date(p.period_end + "T00:00:00Z"), value: central(p), low: p.low ?? p.value, high: p.high ?? p.value, p }));
    if (!data.length) return null;
    let [t0, t1] = d3.extent(data, (d) => d.date);
    const pad = Math.max(7 * DAY, (t1 - t0) * 0.1);  // room for the first and last points' labels
    [t0, t1] = [new Date(+t0 - pad), new Date(+t1 + pad)];
    const top = d3.max(data, (d) => Math.max(d.value, d.high ?? 0)) * 1.2 || 1;
    const side = o.rtl ? "right" : "left";
    const chart = Plot.plot({
      width: o.width, height: 280, marginTop: 34, marginBottom: 42,
      marginLeft: o.rtl ? 24 : 78, marginRight: o.rtl ? 78 : 24, ariaLabel: o.label,
      x: { type: "utc", domain: [t0, t1], reverse: !!o.rtl, label: o.xLabel, labelAnchor: "center",
           tickFormat: o.width < 600 ? o.fmtDay : o.fmtDate, ticks: Math.max(2, Math.floor(o.width / 190)) },
      y: { domain: [0, top], nice: true, grid: true, axis: side, label: null, tickFormat: o.fmt },  // the panel title names the unit
      marks: [
        Plot.ruleY([0]),
        Plot.ruleX(data.filter((d) => d.low != null && d.high != null && d.low !== d.high),
          { x: "date", y1: "low", y2: "high", stroke: "#c0392b", strokeWidth: 4, strokeOpacity: 0.3 }),
        Plot.line(data, { x: "date", y: "value", stroke: "#17324d", strokeWidth: 1.5 }),
        Plot.dot(data, { x: "date", y: "value", r: 5, fill: "#c0392b", className: "point", title: (d) => o.title(d.p) }),
        Plot.text(data, { x: "date", y: "value", text: (d) => o.pointLabel(d.p), dy: -13, className: "point-label",
                          stroke: "white", strokeWidth: 3, fill: "#1d2730" }),
      ],
    });
    withoutStyle(chart).classList.add("chart");
    chart.querySelectorAll("g.point circle").forEach((c) => {
      c.addEventListener("click", () => o.onPoint(data[c.__data__].p));
    });
    return chart;
  }

  /** The map's projection: fitted to the flows shown (with a margin), or the whole world. */
  function projection(points, W, H) {
    const proj = d3.geoNaturalEarth1();
    if (!points.length) return proj.fitExtent([[8, 8], [W - 8, H - 8]], { type: "Sphere" });
    let [x0, x1] = d3.extent(points, (p) => p[0]), [y0, y1] = d3.extent(points, (p) => p[1]);
    const padX = Math.max(8, (30 - (x1 - x0)) / 2), padY = Math.max(6, (20 - (y1 - y0)) / 2);
    [x0, x1, y0, y1] = [Math.max(-180, x0 - padX), Math.min(180, x1 + padX), Math.max(-85, y0 - padY), Math.min(85, y1 + padY)];
    const corners = { type: "MultiPoint", coordinates: [[x0, y0], [x1, y1], [x0, y1], [x1, y0], [(x0 + x1) / 2, y0], [(x0 + x1) / 2, y1]] };
    return proj.fitExtent([[16, 16], [W - 16, H - 16]], corners);
  }

  /** The flow map: countries, arrows sized by volume (capital to capital, or
   * from a country's centre, drawn as a hollow ring), destination circles on
   * their own scale, country labels. Returns {svg, legend, empty}. `o` holds
   * width, rtl, fmt, country (code -> name), t (messages), onArrow. */
  function flowMap(world, arrows, dests, o) {
    const W = Math.max(300, Math.round(o.width)), H = Math.max(240, Math.round(W * 0.5));
    const circles = circleData(dests);
    const points = [...arrows.flatMap((a) => [a.from, a.to]), ...circles.map((c) => c.point)];
    const proj = projection(points, W, H), path = d3.geoPath(proj);
    const svg = d3.create("svg").attr("class", "map").attr("viewBox", `0 0 ${W} ${H}`).attr("width", W).attr("height", H)
      .attr("role", "img").attr("aria-label", o.t("map.label"));
    svg.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
    svg.append("g").selectAll("path").data(world.features).join("path").attr("class", "country").attr("d", path)
      .append("title").text((f) => o.country(f.properties.iso) || f.properties.name);
    const width = d3.scaleSqrt().domain([0, d3.max(arrows, (a) => a.volume) || 1]).range([1.2, 7]);
    const radius = d3.scaleSqrt().domain([0, d3.max(circles, (c) => c.value) || 1]).range([0, 20]);
    svg.append("g").selectAll("circle").data(circles).join("circle").attr("class", "dest")
      .attr("cx", (c) => proj(c.point)[0]).attr("cy", (c) => proj(c.point)[1]).attr("r", (c) => radius(c.value))
      .append("title").text((c) => `${o.country(c.destination)}: ${o.fmt(c.value)}`);
    const g = svg.append("g").selectAll("g").data(arrows).join("g").attr("class", "flow");
    const defs = svg.append("defs");  // one head per arrow, sized to its width
    arrows.forEach((a, i) => { const size = 7 + 1.6 * width(a.volume);
      defs.append("marker").attr("id", `head-${i}`).attr("viewBox", "0 0 10 10").attr("refX", 8).attr("refY", 5)
        .attr("markerUnits", "userSpaceOnUse").attr("markerWidth", size).attr("markerHeight", size).attr("orient", "auto")
        .append("path").attr("d", "M0,0 L10,5 L0,10 z").attr("class", "head"); });
    g.append("path").attr("class", "arrow").attr("d", (a) => curve(proj(a.from), proj(a.to)))
      .attr("stroke-width", (a) => width(a.volume).toFixed(1)).attr("marker-end", (_, i) => `url(#head-${i})`)
      .on("click", (_, a) => o.onArrow(a)).append("title").text((a) => o.arrowTitle(a));
    g.append("circle").attr("class", (a) => `start ${a.from_kind}`).attr("r", 3.5)
      .attr("cx", (a) => proj(a.from)[0]).attr("cy", (a) => proj(a.from)[1]);
    labels(svg, arrows, circles, proj, o);
    return { svg: svg.node(), legend: legend(width, radius, arrows, circles, o), empty: !arrows.length && !circles.length };
  }

  // One circle per destination: its largest latest stock or total.
  function circleData(dests) {
    const best = new Map();
    for (const d of dests) {
      const point = [d.latest_stock, d.latest_total].find((p) => p && (p.unit || "people") === "people");
      const value = point ? central(point) : null;
      if (!d.point || !value) continue;
      const seen = best.get(d.destination);
      if (!seen || seen.value < value) best.set(d.destination, { destination: d.destination, point: d.point, value });
    }
    return [...best.values()].sort((a, b) => b.value - a.value);
  }

  function curve([x1, y1], [x2, y2]) {
    const mx = (x1 + x2) / 2 - (y2 - y1) * 0.2, my = (y1 + y2) / 2 + (x2 - x1) * 0.2;
    return `M${x1.toFixed(1)},${y1.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`;
  }

  function labels(svg, arrows, circles, proj, o) {
    const at = new Map();
    for (const a of arrows) { at.set(a.origin, a.from); at.set(a.destination, a.to); }
    for (const c of circles) if (!at.has(c.destination)) at.set(c.destination, c.point);
    svg.append("g").selectAll("text").data([...at].slice(0, 40)).join("text").attr("class", "label")
      .attr("x", ([, p]) => proj(p)[0]).attr("y", ([, p]) => proj(p)[1] - 7).attr("text-anchor", "middle")
      .text(([code]) => o.country(code));
  }

  // The legend in HTML beside the map, with samples drawn at the map's scale.
  function legend(width, radius, arrows, circles, o) {
    const box = document.createElement("div");
    box.className = "legend";
    const sample = (w, h, draw) => { const s = d3.create("svg").attr("width", w).attr("height", h); draw(s); return s.node(); };
    const item = (svg, text) => { const span = document.createElement("span"); span.className = "item"; span.append(svg, text); return span; };
    const group = (title, items) => {
      const p = document.createElement("p"); const b = document.createElement("strong"); b.textContent = title;
      p.append(b, ...items); box.append(p);
    };
    if (arrows.length) {
      const max = d3.max(arrows, (a) => a.volume);
      group(o.t("map.arrow_width"), [...new Set([max, max / 4, max / 16].map(round))].filter((v) => v <= max).map((v) =>
        item(sample(46, 16, (s) => s.append("line").attr("class", "arrow").attr("x1", 3).attr("x2", 43).attr("y1", 8).attr("y2", 8)
          .attr("stroke-width", width(v).toFixed(1))), o.fmt(v))));
      group("", [item(sample(14, 14, (s) => s.append("circle").attr("class", "start capital").attr("cx", 7).attr("cy", 7).attr("r", 3.5)), o.t("map.from_capital")),
        item(sample(14, 14, (s) => s.append("circle").attr("class", "start centroid").attr("cx", 7).attr("cy", 7).attr("r", 3.5)), o.t("map.from_centroid"))]);
    }
    if (circles.length) {
      const max = d3.max(circles, (c) => c.value);
      group(o.t("map.circle_size"), [...new Set([max, max / 4, max / 16].map(round))].filter((v) => v <= max).map((v) => {
        const r = Math.max(1, radius(v));
        return item(sample(2 * r + 4, 2 * r + 4, (s) => s.append("circle").attr("class", "dest").attr("cx", r + 2).attr("cy", r + 2).attr("r", r)), o.fmt(v));
      }));
    }
    return box;
  }

  return { seriesChart, flowMap };
})();
