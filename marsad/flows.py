"""Figures -> clusters -> flows and their time series.

A flow is keyed by (movement, origin, destination, nationality); an unknown
part stays unknown. Within a flow, totals, rates and stocks (and units) stay
apart. Figures that state the same thing — compatible bounds, overlapping
period — form one cluster, whatever language or outlet they come from; a
cluster keeps every supporting figure, counts independent origins (a wire
story reprinted by many outlets is one origin) and picks a representative by
specificity, then attestation. Two clusters of the same period whose bounds
cannot both be true are a conflict; clusters of different periods are the
flow's series. Reviewed figures override extracted ones; rejected ones drop out.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import groupby
from typing import Any

from marsad.schema import reviewed

log = logging.getLogger("marsad.flows")

FLOW_KEY = ("movement", "origin", "destination", "nationality")
SPECIFICITY = {"exact": 0, "approx": 1, "at_least": 2, "at_most": 2, "range": 3, "vague": 4}
PERIOD_SLACK = timedelta(days=1)


@dataclass
class FlowFigure:
    """One figure as flows see it: review applied, with where it came from."""

    id: int
    document_id: int
    origin_key: str  # independent origin: the wire agency, else the outlet, else the document
    outlet: str | None
    url: str | None
    published: str | None
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    unit: str
    kind: str
    per: str | None
    movement: str | None
    origin: str | None
    destination: str | None
    nationality: str | None
    destination_place: str | None
    period_start: str | None
    period_end: str | None
    source: str | None
    source_type: str | None
    evidence: str
    decision: str | None

    @property
    def interval(self) -> tuple[float, float]:
        low = self.low if self.low is not None else self.value
        high = self.high if self.high is not None else self.value
        lo = float("-inf") if low is None else float(low)
        hi = float("inf") if high is None else float(high)
        if self.qualifier == "approx":
            lo, hi = lo * 0.9, hi * 1.1
        return lo, hi

    @property
    def period(self) -> tuple[date | None, date | None]:
        end = date.fromisoformat(self.period_end) if self.period_end else None
        start = date.fromisoformat(self.period_start) if self.period_start else end
        return start, end


def from_row(row: dict[str, Any]) -> FlowFigure | None:
    """A stored figure with its latest review applied; None when rejected.
    A correction the schema does not allow (an old store) is skipped with a warning."""
    data, problem = reviewed(row)
    if problem:
        log.warning(problem)
    if data is None:
        return None
    origin_key = (f"wire:{data['wire']}" if data.get("wire") else
                  f"outlet:{data['outlet']}" if data.get("outlet") else f"document:{data['document_id']}")
    return FlowFigure(
        data["id"], data["document_id"], origin_key, data.get("outlet"), data.get("url"), data.get("published"),
        data.get("value"), data.get("low"), data.get("high"), data.get("qualifier") or "exact",
        data.get("unit") or "people", data.get("kind") or "total", data.get("per"), data.get("movement"),
        data.get("origin"), data.get("destination"), data.get("nationality"), data.get("destination_place"),
        data.get("period_start"), data.get("period_end"), data.get("source"), data.get("source_type"),
        data.get("evidence") or "", data.get("decision"))


def compatible(a: FlowFigure, b: FlowFigure) -> bool:
    """Bounds that can both be true (ANNOTATION.md's overlap, approx ±10%)."""
    x, y = a.interval, b.interval
    return x[0] <= y[1] and y[0] <= x[1]


def same_period(a: FlowFigure, b: FlowFigure) -> bool:
    """The same "as of" day (a day apart at most) and no different start: a
    total since March 1 by the 12th and one by the 20th are a trend."""
    if a.period_end is None or b.period_end is None:
        return a.period_end is None and b.period_end is None
    (s1, e1), (s2, e2) = a.period, b.period
    if abs(e1 - e2) > PERIOD_SLACK:  # type: ignore[operator]
        return False
    if a.period_start and b.period_start:
        return abs(s1 - s2) <= PERIOD_SLACK  # type: ignore[operator]
    return True


@dataclass
class Cluster:
    figures: list[FlowFigure] = field(default_factory=list)
    # the bounds every member allows (their intersection), kept as members join
    lo: float = float("-inf")
    hi: float = float("inf")
    _rep: FlowFigure | None = None

    def add(self, fig: FlowFigure) -> None:
        lo, hi = fig.interval
        self.lo, self.hi = max(self.lo, lo), min(self.hi, hi)
        self.figures.append(fig)
        self._rep = None

    @property
    def origins(self) -> set[str]:
        return {f.origin_key for f in self.figures}

    @property
    def representative(self) -> FlowFigure:
        """A reviewed figure first, then the most specific (exact before
        approx before bounds before vague), the narrowest, the best attested."""
        if self._rep is None:
            origins: dict[tuple, set[str]] = {}
            for f in self.figures:
                origins.setdefault((f.value, f.low, f.high), set()).add(f.origin_key)

            def key(f: FlowFigure) -> tuple:
                lo, hi = f.interval
                width = (hi - lo) if hi != float("inf") and lo != float("-inf") else float("inf")
                return (f.decision is None, SPECIFICITY.get(f.qualifier, 5), width,
                        -len(origins[(f.value, f.low, f.high)]), -f.id)
            self._rep = min(self.figures, key=key)
        return self._rep

    def accepts(self, fig: FlowFigure) -> bool:
        lo, hi = fig.interval
        return same_period(self.figures[0], fig) and lo <= self.hi and self.lo <= hi

    def as_dict(self) -> dict[str, Any]:
        rep = self.representative
        return {"value": rep.value, "low": rep.low, "high": rep.high, "qualifier": rep.qualifier,
                "period_start": rep.period_start, "period_end": rep.period_end, "independent_origins": len(self.origins),
                "outlets": sorted({f.outlet or f"document {f.document_id}" for f in self.figures}),
                "figures": [f.id for f in self.figures], "sources": sorted({f.source for f in self.figures if f.source}),
                "evidence": rep.evidence, "reviewed": any(f.decision for f in self.figures)}


@dataclass
class Series:
    """The clusters of one flow with the same kind, unit and rate period."""

    kind: str
    unit: str
    per: str | None
    clusters: list[Cluster] = field(default_factory=list)
    conflicts: list[tuple[Cluster, Cluster]] = field(default_factory=list)

    @property
    def latest(self) -> Cluster | None:
        dated = [c for c in self.clusters if c.representative.period_end]
        return max(dated, key=lambda c: (c.representative.period_end, len(c.origins))) if dated else None


@dataclass
class Flow:
    movement: str | None
    origin: str | None
    destination: str | None
    nationality: str | None
    series: list[Series] = field(default_factory=list)

    def figures(self) -> Iterator[FlowFigure]:
        for s in self.series:
            for c in s.clusters:
                yield from c.figures

    def summary(self) -> dict[str, Any]:
        """Latest total and daily rate, first and last report, sources, conflicts."""
        def latest(kind: str, per: str | None = None) -> dict[str, Any] | None:
            found = [s.latest for s in self.series if s.kind == kind and s.unit == "people" and (per is None or s.per == per)]
            found = [c for c in found if c is not None]
            if not found:
                return None
            best = max(found, key=lambda c: c.representative.period_end or "")
            return best.as_dict()
        reported = sorted(filter(None, (f.published or f.period_end for f in self.figures())))
        return {
            "movement": self.movement, "origin": self.origin, "destination": self.destination,
            "nationality": self.nationality, "latest_total": latest("total"), "latest_daily_rate": latest("rate", "day"),
            "latest_stock": latest("stock"), "first_report": reported[0] if reported else None,
            "last_report": reported[-1] if reported else None,
            "independent_sources": len({f.origin_key for f in self.figures()}),
            "figures": sum(1 for _ in self.figures()),
            "conflicts": sum(len(s.conflicts) for s in self.series),
        }


def _build_series(figs: list[FlowFigure], kind: str, unit: str, per: str | None) -> Series:
    series = Series(kind, unit, per)
    for fig in sorted(figs, key=lambda f: (f.period_end or "9999", SPECIFICITY.get(f.qualifier, 5), f.id)):
        home = next((c for c in reversed(series.clusters[-50:]) if c.accepts(fig)), None)
        if home is None:
            home = Cluster()
            series.clusters.append(home)
        home.add(fig)
    for k, a in enumerate(series.clusters):
        for b in series.clusters[k + 1:k + 50]:
            ra, rb = a.representative, b.representative
            if same_period(ra, rb) and ra.period_end and not compatible(ra, rb):
                series.conflicts.append((a, b))
    return series


def build_flow(key: tuple, figs: list[FlowFigure]) -> Flow:
    flow = Flow(*key)
    part = lambda f: (f.kind, f.unit, f.per or "")  # noqa: E731
    for (kind, unit, per), group in groupby(sorted(figs, key=part), key=part):
        flow.series.append(_build_series(list(group), kind, unit, per or None))
    return flow


def build_flows(rows: Iterable[dict[str, Any]], key: tuple[str, ...] = FLOW_KEY) -> Iterator[Flow]:
    """Flows from stored figure rows ordered by `key` (Store.flow_rows)."""
    current: tuple | None = None
    bucket: list[FlowFigure] = []
    for row in rows:
        fig = from_row(row)
        if fig is None:
            continue
        k = tuple(getattr(fig, name) for name in key)
        if k != current and bucket:
            yield build_flow(_full_key(current, key), bucket)  # type: ignore[arg-type]
            bucket = []
        current = k
        bucket.append(fig)
    if bucket:
        yield build_flow(_full_key(current, key), bucket)  # type: ignore[arg-type]


def _full_key(k: tuple, key: tuple[str, ...]) -> tuple:
    values = dict(zip(key, k))
    return tuple(values.get(name) for name in FLOW_KEY)


def by_destination(rows: Iterable[dict[str, Any]]) -> list[Flow]:
    """The same summaries per destination (and movement), whatever the origin."""
    figs = [f for f in map(from_row, rows) if f is not None]
    figs.sort(key=lambda f: (f.destination or "", f.movement or ""))
    out = []
    for (dest, movement), group in groupby(figs, key=lambda f: (f.destination or "", f.movement or "")):
        out.append(build_flow((movement or None, None, dest or None, None), list(group)))
    return out
