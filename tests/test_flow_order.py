"""Flow clustering and each cluster's representative do not depend on the order
the figures come in nor on how they are partitioned (the Spark job groups them
by flow key from any number of partitions, in any order)."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.export import cluster_rows
from marsad.flows import FLOW_KEY, build_flow, build_flows, from_row
from marsad.export.to_parquet import parquet_cell
from marsad.spark.tables import flow_export_rows, flow_key, schemas

KEYS = [("arrived", "SY", "TR", "SY"), ("fled", "SD", "TD", None), ("displaced", None, "SD", None)]
DAYS = [None, "2024-03-01", "2024-03-02", "2024-03-12", "2024-03-20"]


@st.composite
def figure_rows(draw: Any) -> list[dict[str, Any]]:
    count = draw(st.integers(1, 40))
    rows = []
    for n in range(1, count + 1):
        value = draw(st.sampled_from([900, 1000, 1050, 1100, 5000, 40000, 39800, 65000]))
        qualifier = draw(st.sampled_from(["exact", "approx", "at_least", "at_most", "range", "vague"]))
        low, high = (value, value * 2) if qualifier == "range" else (value, value)
        movement, origin, destination, nationality = draw(st.sampled_from(KEYS))
        rows.append({
            "id": n, "document_id": draw(st.integers(1, 12)), "outlet": draw(st.sampled_from([None, "a.example",
                                                                                             "b.example"])),
            "wire": draw(st.sampled_from([None, "afp"])), "url": None, "published": "2024-03-20",
            "value": value, "low": low, "high": high, "qualifier": qualifier, "unit": "people",
            "kind": draw(st.sampled_from(["total", "total", "rate"])), "per": None, "movement": movement,
            "origin": origin, "destination": destination, "nationality": nationality, "destination_place": None,
            "period_start": draw(st.sampled_from(DAYS[:2])), "period_end": draw(st.sampled_from(DAYS)),
            "source": draw(st.sampled_from([None, "UNHCR", "IOM"])), "source_type": "un_agency",
            "evidence": f"sentence {n}", "decision": draw(st.sampled_from([None, None, None, "confirmed"])),
            "corrections": None})
    return rows


def reference(rows: list[dict[str, Any]]) -> list[tuple]:
    """What `marsad flows` gives: rows in Store.flow_rows' order (flow key, then id)."""
    ordered = sorted(rows, key=lambda r: (tuple(str(v) for v in flow_key(r)), r["id"]))
    return sorted(map(_tuple, (row for flow in build_flows(ordered) for row in cluster_rows(flow))))


def _tuple(row: dict[str, Any]) -> tuple:
    return tuple(str(parquet_cell(row.get(n), n)) for n in schemas()["flows"].names)


@settings(max_examples=60, deadline=None)
@given(rows=figure_rows(), seed=st.integers(0, 10_000), partitions=st.integers(1, 6))
def test_flows_do_not_depend_on_order_or_partitioning(rows: list[dict[str, Any]], seed: int, partitions: int) -> None:
    shuffled = rows[:]
    random.Random(seed).shuffle(shuffled)
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for part in range(partitions):  # as groupByKey gathers a key's figures from each partition in turn
        for row in shuffled[part::partitions]:
            groups.setdefault(flow_key(row), []).append(row)
    spark_like = sorted(str_row for group in groups.values() for str_row in map(
        lambda t: tuple(str(v) for v in t), flow_export_rows(group)))
    assert spark_like == reference(rows)


@settings(max_examples=60, deadline=None)
@given(rows=figure_rows(), seed=st.integers(0, 10_000))
def test_clusters_and_representatives_do_not_depend_on_order(rows: list[dict[str, Any]], seed: int) -> None:
    def clusters(figures: list[dict[str, Any]]) -> set[tuple]:
        found = set()
        for key in KEYS:
            flow = build_flow(key, [f for f in map(from_row, figures)
                                    if f is not None and tuple(getattr(f, n) for n in FLOW_KEY) == key])
            for series in flow.series:
                found |= {(key, series.kind, frozenset(f.id for f in c.figures), c.representative.id)
                          for c in series.clusters}
        return found

    shuffled = rows[:]
    random.Random(seed).shuffle(shuffled)
    assert clusters(shuffled) == clusters(rows)
