"""Exports of stored figures and flows, one writer per format, registered by name.

Three tables: `figures` (one row per active figure, with its article id and
URL), `flows` (one row per point of each flow's series) and `latest` (one row
per flow: its latest total, daily rate and stock with their dates and
sources — the table to sum by destination). Country codes come with their
English names. A writer takes the rows (dicts with the columns of
`columns.COLUMNS[what]`), the run's facts and a binary stream.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, BinaryIO

from marsad.export.columns import COLUMNS, FIGURE_COLUMNS, FLOW_COLUMNS, LATEST, LATEST_COLUMNS
from marsad.flows import Flow, build_flows
from marsad.schema import reviewed
from marsad.store import Store

__all__ = ["BINARY", "COLUMNS", "EXPORTERS", "FIGURE_COLUMNS", "FLOW_COLUMNS", "LATEST_COLUMNS", "ExportRun",
           "export", "exporter"]
log = logging.getLogger("marsad.export")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP CSV injection: what a spreadsheet may run


def neutralise(value: Any) -> Any:
    """A text cell a spreadsheet would read as a formula (`=cmd|' /c calc'!A1`,
    `=HYPERLINK(…)`) gets a leading apostrophe, as OWASP recommends; numbers
    and other text are kept as they are."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def neutralised(row: dict[str, Any]) -> dict[str, Any]:
    return {k: neutralise(v) for k, v in row.items()}


@dataclass
class ExportRun:
    """What is exported, and the facts a file should carry about the run."""

    what: str = "figures"
    bom: bool = False  # CSV and HXL: a UTF-8 byte-order mark, for Excel
    facts: dict[str, str] = field(default_factory=dict)


Writer = Callable[[list[dict[str, Any]], ExportRun, BinaryIO], None]
EXPORTERS: dict[str, Writer] = {}
BINARY = {"parquet", "xlsx"}  # formats that need a file, not a terminal


def exporter(name: str) -> Callable[[Writer], Writer]:
    def register(fn: Writer) -> Writer:
        EXPORTERS[name] = fn
        return fn
    return register


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    from marsad.places import country_names

    return country_names("en")


def _names(row: dict[str, Any]) -> dict[str, Any]:
    """Country names beside the codes of a row."""
    names = _english_names()
    for part in ("nationality", "origin", "destination"):
        row[f"{part}_name"] = names.get(row.get(part) or "")
    return row


def figure_rows(store: Store) -> list[dict[str, Any]]:
    """Active figures as analysts should see them: corrections applied, rejected left out."""
    return [r for r in map(figure_row, store.flow_rows()) if r is not None]


def figure_row(row: dict[str, Any]) -> dict[str, Any] | None:
    """One stored figure row (Store.flow_rows) as exported: its review applied; None when rejected."""
    data, problem = reviewed(row)
    if problem:
        log.warning(problem)
    if data is None:
        return None
    data["review"] = "invalid" if problem else row.get("decision") or "unreviewed"
    data["article"] = row.get("external_id")
    return _names({c: data.get(c) for c in FIGURE_COLUMNS if not c.endswith("_name")})


def _flow_key(flow: Flow) -> dict[str, Any]:
    return _names({"movement": flow.movement, "origin": flow.origin, "destination": flow.destination,
                   "nationality": flow.nationality})


def flow_rows(store: Store) -> list[dict[str, Any]]:
    """One row per cluster of each flow's series: the flow's facts, once each."""
    return [row for flow in build_flows(store.flow_rows()) for row in cluster_rows(flow)]


def cluster_rows(flow: Flow) -> list[dict[str, Any]]:
    """The export rows of one flow: one per cluster of each of its series (the Spark job uses it too)."""
    key = _flow_key(flow)
    rows = []
    for series in flow.series:
        in_conflict = {id(c) for pair in series.conflicts for c in pair}
        for cluster in series.clusters:
            d = cluster.as_dict()
            rows.append({
                **key, "kind": series.kind, "unit": series.unit, "per": series.per,
                "window": series.window, "since": series.since, "place": series.place, "part": series.part,
                "value": d["value"], "low": d["low"], "high": d["high"], "qualifier": d["qualifier"],
                "period_start": d["period_start"], "period_end": d["period_end"],
                "independent_origins": d["independent_origins"], "outlets": "; ".join(d["outlets"]),
                "sources": "; ".join(d["sources"]), "figures": " ".join(map(str, d["figures"])),
                "conflict": id(cluster) in in_conflict, "evidence": d["evidence"]})
    return rows


def latest_rows(store: Store) -> list[dict[str, Any]]:
    """One row per flow: its latest total, daily rate and stock (people), each
    with bounds, qualifier, date, sources and figures; summing `total` by
    destination counts each flow once."""
    rows = []
    for flow in build_flows(store.flow_rows()):
        s = flow.summary()
        row = _flow_key(flow)
        for part, _ in LATEST:
            point = s[{"total": "latest_total", "daily_rate": "latest_daily_rate", "stock": "latest_stock"}[part]]
            row.update(_latest(part, point))
        row.update(first_report=s["first_report"], last_report=s["last_report"],
                   independent_sources=s["independent_sources"], conflicts=s["conflicts"],
                   figures=" ".join(str(f.id) for f in flow.figures()))
        rows.append(row)
    return rows


def _latest(part: str, point: dict[str, Any] | None) -> dict[str, Any]:
    if not point:
        return dict.fromkeys((f"{part}{s}" for s in ("", "_low", "_high", "_qualifier", "_unit", "_date",
                                                      "_sources", "_figures")), None)
    number = next((point[k] for k in ("value", "low", "high") if point[k] is not None), None)
    return {part: number, f"{part}_low": point["low"], f"{part}_high": point["high"],
            f"{part}_qualifier": point["qualifier"], f"{part}_unit": point.get("unit"),
            f"{part}_date": point["period_end"],
            f"{part}_sources": point["independent_origins"],
            f"{part}_figures": " ".join(map(str, point["figures"]))}


ROWS = {"figures": figure_rows, "flows": flow_rows, "latest": latest_rows}


def export(store: Store, what: str, fmt: str, out: BinaryIO, bom: bool = False) -> int:
    """Write figures, flows or latest values in a registered format; returns the row count."""
    from marsad.export import to_geojson, to_hxl, to_parquet, to_tabular, to_xlsx  # noqa: F401  (registration)
    from sqlalchemy import make_url

    from marsad.pipeline import EXTRACTOR_VERSION

    rows = ROWS[what](store)
    facts = {"what": what, "rows": str(len(rows)), "exported": datetime.now(UTC).isoformat(timespec="seconds"),
             "extractor": EXTRACTOR_VERSION, "store": make_url(store.url).render_as_string(hide_password=True),
             "filters": "none: every active figure; rejected figures left out, corrections applied"}
    EXPORTERS[fmt](rows, ExportRun(what, bom, facts), out)
    return len(rows)
