"""Figures -> clusters -> flows and their time series.

A flow is keyed by (movement, origin, destination, nationality); an unknown
part stays unknown. Within a flow a series holds like with like: one kind,
unit and rate period; for totals, counts over one day apart from counts over
periods that start together (a cumulative total since 21 September is one
series, "7,000 in the past 24 hours" another); a place inside a country
(origin_place, destination_place) is a sub-flow with its own series; a figure
the extractor marked as part of another ("8,933 evacuated, among them 859
children") sits in a series of parts, never beside its whole. Figures that
state the same thing — bounds that can both be true, the same "as of" day —
form one cluster, whatever language or outlet they come from; a cluster keeps
every supporting figure, counts independent origins (a wire story reprinted by
many outlets, or the same story saved twice, is one origin) and picks a
representative by specificity, then attestation. Two clusters of one series
and one day whose bounds cannot both be true, stated by different documents,
are a conflict; clusters of different days are the series. Reviewed figures
override extracted ones; rejected ones drop out.
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
SHORT_WINDOW = timedelta(days=7)  # "in the past week" and shorter: a window count, not a cumulative total
INF = float("inf")


@dataclass
class FlowFigure:
    """One figure as flows see it: review applied, with where it came from."""

    id: int
    document_id: int
    origin_key: str  # who reports it: the wire agency, else the outlet, else the story (or the document)
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
    origin_place: str | None = None
    group: str | None = None
    part_of: int | None = None  # the figure this one is a subgroup of ("among them 859 children")
    story: int | None = None  # near-duplicate articles share a story id (set at ingest)
    interval: tuple[float, float] = field(init=False, repr=False, compare=False)
    period: tuple[date | None, date | None] = field(init=False, repr=False, compare=False)
    window: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:  # computed once: flows read them many times per figure
        self.interval = self._interval()
        self.period = self._period()
        self.window = self._window()

    def _interval(self) -> tuple[float, float]:
        """The values the statement allows: "more than X" is [X, inf), "up to X" [0, X],
        "about X" X ±10%, a range or vague amount its bounds."""
        low = self.low if self.low is not None else self.value
        high = self.high if self.high is not None else self.value
        if self.qualifier == "at_least":
            high = None if self.high is None or self.high == low else self.high
        elif self.qualifier == "at_most":
            low = None if self.low is None or self.low == high else self.low
        lo = 0.0 if low is None else float(low)
        hi = INF if high is None else float(high)
        if self.qualifier == "approx":
            lo, hi = lo * 0.9, hi * 1.1
        return lo, hi

    def _period(self) -> tuple[date | None, date | None]:
        end = date.fromisoformat(self.period_end) if self.period_end else None
        start = date.fromisoformat(self.period_start) if self.period_start else end
        return start, end

    def _window(self) -> str:
        """For a total: "day" (one day), "short" (a week or less), else "cumulative"."""
        if self.kind != "total" or not (self.period_start and self.period_end):
            return "cumulative" if self.kind == "total" else self.kind
        start, end = self._period()
        span = end - start  # type: ignore[operator]
        return "day" if span <= timedelta(0) else "short" if span <= SHORT_WINDOW else "cumulative"

    @property
    def origin_labels(self) -> tuple[str, str]:
        """Who reports it, and which story: documents sharing either are one origin."""
        return self.origin_key, f"story:{self.story or self.document_id}"


def from_row(row: dict[str, Any]) -> FlowFigure | None:
    """A stored figure with its latest review applied; None when rejected.
    A correction the schema does not allow (an old store) is skipped with a warning."""
    data, problem = reviewed(row)
    if problem:
        log.warning(problem)
    if data is None:
        return None
    story = data.get("story") or data["document_id"]
    origin_key = (f"wire:{data['wire']}" if data.get("wire") else
                  f"outlet:{data['outlet']}" if data.get("outlet") else f"story:{story}")
    return FlowFigure(
        data["id"], data["document_id"], origin_key, data.get("outlet"), data.get("url"), data.get("published"),
        data.get("value"), data.get("low"), data.get("high"), data.get("qualifier") or "exact",
        data.get("unit") or "people", data.get("kind") or "total", data.get("per"), data.get("movement"),
        data.get("origin"), data.get("destination"), data.get("nationality"), data.get("destination_place"),
        data.get("period_start"), data.get("period_end"), data.get("source"), data.get("source_type"),
        data.get("evidence") or "", data.get("decision"), data.get("origin_place"), data.get("group"),
        data.get("part_of"), story)


def compatible(a: FlowFigure, b: FlowFigure) -> bool:
    """Bounds that can both be true (approx ±10%; "more than X" allows anything from X up)."""
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


def count_origins(figures: Iterable[FlowFigure]) -> dict[str, set[int]]:
    """Independent origins: figures whose reporter (wire, outlet) or story is
    shared are one origin. Each origin is named by its first reporter label and
    maps to the ids of its figures."""
    figures = list(figures)
    if len(figures) == 1:
        return {figures[0].origin_key: {figures[0].id}}
    parent: dict[str, str] = {}

    def root(label: str) -> str:
        while parent.setdefault(label, label) != label:
            parent[label] = parent[parent[label]]
            label = parent[label]
        return label

    figs = sorted(figures, key=lambda f: (f.origin_key, f.id))
    for f in figs:
        a, b = (root(x) for x in f.origin_labels)
        if a != b:
            parent[max(a, b)] = min(a, b)
    named: dict[str, str] = {}
    out: dict[str, set[int]] = {}
    for f in figs:
        name = named.setdefault(root(f.origin_key), f.origin_key)
        out.setdefault(name, set()).add(f.id)
    return out


@dataclass
class Cluster:
    figures: list[FlowFigure] = field(default_factory=list)
    # the bounds every member allows (their intersection), kept as members join
    lo: float = 0.0
    hi: float = INF
    _rep: FlowFigure | None = None
    _origins: set[str] | None = None

    def add(self, fig: FlowFigure) -> None:
        lo, hi = fig.interval
        self.lo, self.hi = max(self.lo, lo), min(self.hi, hi)
        self.figures.append(fig)
        self._rep = self._origins = None

    @property
    def origins(self) -> set[str]:
        if self._origins is None:
            self._origins = set(count_origins(self.figures))
        return self._origins

    @property
    def documents(self) -> set[int]:
        return {f.story or f.document_id for f in self.figures}

    @property
    def wholes(self) -> set[int]:
        return {f.part_of for f in self.figures if f.part_of is not None}

    @property
    def representative(self) -> FlowFigure:
        """A reviewed figure first, then the most specific (exact before
        approx before bounds before vague), the narrowest, the best attested."""
        if self._rep is None and len(self.figures) == 1:
            self._rep = self.figures[0]
        if self._rep is None:
            attested: dict[tuple, list[FlowFigure]] = {}
            for f in self.figures:
                attested.setdefault((f.value, f.low, f.high), []).append(f)
            support = {k: len(count_origins(v)) for k, v in attested.items()}
            self._rep = min(self.figures, key=lambda f: _rank(f, support[(f.value, f.low, f.high)]))
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


def _rank(f: FlowFigure, support: int) -> tuple:
    lo, hi = f.interval
    return (f.decision is None, SPECIFICITY.get(f.qualifier, 5), hi - lo, -support, lo, f.id)


@dataclass
class Series:
    """The clusters of one flow that state like with like: kind, unit and rate
    period; for totals the window ("day", "short", "cumulative") and the day the
    count starts from; the place inside the country (a sub-flow); parts apart."""

    kind: str
    unit: str
    per: str | None
    window: str | None = None
    since: str | None = None
    place: str | None = None
    part: str | None = None  # the group of a series of parts ("children"), None for wholes
    clusters: list[Cluster] = field(default_factory=list)
    conflicts: list[tuple[Cluster, Cluster]] = field(default_factory=list)

    @property
    def latest(self) -> Cluster | None:
        dated = [c for c in self.clusters if c.representative.period_end]
        return max(dated, key=lambda c: (c.representative.period_end, len(c.origins))) if dated else None

    @property
    def headline(self) -> bool:
        """A series of the whole country, whole groups and (for totals) cumulative counts."""
        return self.place is None and self.part is None and self.window in (None, "cumulative")

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "unit": self.unit, "per": self.per, "window": self.window, "since": self.since,
                "place": self.place, "part": self.part,
                "points": [c.as_dict() for c in sorted(self.clusters, key=lambda c: c.representative.period_end or "")],
                "conflicts": [[a.as_dict(), b.as_dict()] for a, b in self.conflicts]}


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
        """Latest total, daily rate and stock, first and last report, sources, conflicts."""
        def latest(kind: str, per: str | None = None) -> dict[str, Any] | None:
            """The headline series (country-wide, whole, cumulative), people first; a flow
            counted only in households or vehicles (cars waiting at a border) shows that
            count, with its unit."""
            series = [s for s in self.series if s.kind == kind and s.headline and (per is None or s.per == per)]
            people = [s for s in series if s.unit == "people"]
            found = [(s.latest, s.unit) for s in people or series if s.latest is not None]
            if not found:
                return None
            # the newest; on one day, the count over the longest period (the earliest start)
            best, unit = max(found, key=lambda cu: (cu[0].representative.period_end or "",
                                                    -date.fromisoformat(cu[0].representative.period_start).toordinal()
                                                    if cu[0].representative.period_start else -INF,
                                                    len(cu[0].origins)))
            return {**best.as_dict(), "unit": unit}
        reported = sorted(filter(None, (f.published or f.period_end for f in self.figures())))
        return {
            "movement": self.movement, "origin": self.origin, "destination": self.destination,
            "nationality": self.nationality, "latest_total": latest("total"), "latest_daily_rate": latest("rate", "day"),
            "latest_stock": latest("stock"), "first_report": reported[0] if reported else None,
            "last_report": reported[-1] if reported else None,
            "independent_sources": len(count_origins(self.figures())),
            "figures": sum(1 for _ in self.figures()),
            "conflicts": sum(len(s.conflicts) for s in self.series),
        }


def series_key(f: FlowFigure) -> tuple[str, str, str, str, str, str, str]:
    """Which series a figure belongs to (see Series)."""
    total = f.kind == "total"
    window = f.window if total else ""
    since = (f.period_start or "") if total and window != "day" else ""
    place = f.destination_place or f.origin_place or ""
    part = (f.group or "people") if f.part_of is not None else ""
    return f.kind, f.unit, f.per or "", window, since, place, part


def _build_series(figs: list[FlowFigure], key: tuple[str, ...]) -> Series:
    kind, unit, per, window, since, place, part = key
    series = Series(kind, unit, per or None, window or None, since or None, place or None, part or None)
    for fig in sorted(figs, key=lambda f: (f.period_end or "9999", _rank(f, 0))):
        home = next((c for c in reversed(series.clusters[-50:]) if c.accepts(fig)), None)
        if home is None:
            home = Cluster()
            series.clusters.append(home)
        home.add(fig)
    for k, a in enumerate(series.clusters):
        for b in series.clusters[k + 1:k + 50]:
            if in_conflict(a, b):
                series.conflicts.append((a, b))
    return series


def in_conflict(a: Cluster, b: Cluster) -> bool:
    """Two clusters of one series and one day whose statements cannot both be true,
    from different documents (one article that gives two numbers for a day names two
    things the extractor could not tell apart, not a contradiction) and not parts of
    one whole (children and the elderly among the evacuated)."""
    ra, rb = a.representative, b.representative
    if not (ra.period_end and same_period(ra, rb)) or a.documents & b.documents or a.wholes & b.wholes:
        return False
    return not compatible(ra, rb)


def build_flow(key: tuple, figs: list[FlowFigure]) -> Flow:
    flow = Flow(*key)
    for skey, group in groupby(sorted(figs, key=series_key), key=series_key):
        flow.series.append(_build_series(list(group), skey))
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
