"""Exports of stored figures and flows, one writer per format, registered by name.

A writer takes the rows (dicts with the columns of FIGURE_COLUMNS or
FLOW_COLUMNS) and writes them to a binary stream.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, BinaryIO

from marsad.flows import build_flows
from marsad.schema import reviewed
from marsad.store import Store

FIGURE_COLUMNS = ("id", "document_id", "url", "outlet", "language", "published", "value", "low", "high", "qualifier",
                  "unit", "kind", "per", "movement", "group", "nationality", "origin", "origin_place", "destination",
                  "destination_place", "period_start", "period_end", "source", "source_type", "review", "evidence")
FLOW_COLUMNS = ("movement", "origin", "destination", "nationality", "kind", "unit", "per", "window", "since", "place",
                "part", "value", "low", "high",
                "qualifier", "period_start", "period_end", "independent_origins", "outlets", "sources", "figures",
                "conflict", "evidence")

log = logging.getLogger("marsad.export")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP CSV injection: what a spreadsheet may run


def neutralise(value: Any) -> Any:
    """A text cell a spreadsheet would read as a formula (`=cmd|' /c calc'!A1`,
    `=HYPERLINK(…)`) gets a leading apostrophe, as OWASP recommends; numbers
    and other text are kept as they are."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def neutralised(row: dict[str, Any]) -> dict[str, Any]:
    return {k: neutralise(v) for k, v in row.items()}


Writer = Callable[[list[dict[str, Any]], str, BinaryIO], None]
EXPORTERS: dict[str, Writer] = {}
BINARY = {"parquet", "xlsx"}  # formats that need a file, not a terminal


def exporter(name: str) -> Callable[[Writer], Writer]:
    def register(fn: Writer) -> Writer:
        EXPORTERS[name] = fn
        return fn
    return register


def figure_rows(store: Store) -> list[dict[str, Any]]:
    """Active figures as analysts should see them: corrections applied, rejected left out."""
    rows = []
    for row in store.flow_rows():
        data, problem = reviewed(row)
        if problem:
            log.warning(problem)
        if data is None:
            continue
        data["review"] = "invalid" if problem else row.get("decision") or "unreviewed"
        rows.append({c: data.get(c) for c in FIGURE_COLUMNS})
    return rows


def flow_rows(store: Store) -> list[dict[str, Any]]:
    """One row per cluster of each flow's series: the flow's facts, once each."""
    rows = []
    for flow in build_flows(store.flow_rows()):
        for series in flow.series:
            in_conflict = {id(c) for pair in series.conflicts for c in pair}
            for cluster in series.clusters:
                d = cluster.as_dict()
                rows.append({
                    "movement": flow.movement, "origin": flow.origin, "destination": flow.destination,
                    "nationality": flow.nationality, "kind": series.kind, "unit": series.unit, "per": series.per,
                    "window": series.window, "since": series.since, "place": series.place, "part": series.part,
                    "value": d["value"], "low": d["low"], "high": d["high"], "qualifier": d["qualifier"],
                    "period_start": d["period_start"], "period_end": d["period_end"],
                    "independent_origins": d["independent_origins"], "outlets": "; ".join(d["outlets"]),
                    "sources": "; ".join(d["sources"]), "figures": " ".join(map(str, d["figures"])),
                    "conflict": id(cluster) in in_conflict, "evidence": d["evidence"]})
    return rows


def export(store: Store, what: str, fmt: str, out: BinaryIO) -> int:
    """Write figures or flows in a registered format; returns the row count."""
    from marsad.export import to_geojson, to_hxl, to_parquet, to_tabular, to_xlsx  # noqa: F401  (registration)

    rows = figure_rows(store) if what == "figures" else flow_rows(store)
    EXPORTERS[fmt](rows, what, out)
    return len(rows)

