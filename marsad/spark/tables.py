"""The four Parquet datasets a Spark run writes, and how their rows are made.

`figures/` and `flows/` have exactly the columns of `marsad export --format
parquet` (taken from the exporter, not copied); `documents/` has the store's
document columns plus `figures`, the JSON list of the document's figures with
offsets, rules and confidence (what `marsad import` needs to store them);
`failures/` has the source and the reason.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from marsad.export import cluster_rows, figure_row
from marsad.export.to_parquet import arrow_schema, parquet_cell
from marsad.flows import FLOW_KEY, build_flows
from marsad.store import NewDocument
from marsad.store.schema import documents

DOCUMENT_COLUMNS = tuple(c.name for c in documents.columns if c.name != "ingested_at") + ("figures",)
FAILURE_COLUMNS = ("source", "reason")
DATASETS = ("documents", "figures", "flows", "failures")
# what flows need of a figure's document, beside the figure (as Store.flow_rows joins them)
DOCUMENT_FACTS = ("url", "language", "published", "outlet", "wire", "external_id", "story")


@lru_cache(maxsize=1)
def schemas() -> dict[str, Any]:
    """The Arrow schema of each dataset."""
    import pyarrow as pa

    integer_columns = {c.name for c in documents.columns if c.type.python_type is int}
    return {
        "documents": pa.schema([pa.field(n, pa.int64() if n in integer_columns else pa.string())
                                for n in DOCUMENT_COLUMNS]),
        "figures": arrow_schema("figures"),
        "flows": arrow_schema("flows"),
        "failures": pa.schema([pa.field(n, pa.string()) for n in FAILURE_COLUMNS]),
    }


def document_record(doc: NewDocument) -> dict[str, Any]:
    """A document as it travels through the job (no id yet)."""
    return {"content_hash": doc.hash, "url": doc.url, "source": doc.source, "external_id": doc.external_id,
            "title": doc.title, "language": doc.language, "published": doc.published, "encoding": doc.encoding,
            "text": doc.text, "extractor_version": doc.extractor_version, "outlet": doc.outlet, "wire": doc.wire,
            "figures": [f.to_dict() for f in doc.figures or []], "story_facts": doc.story_facts}


def document_row(record: dict[str, Any]) -> tuple:
    """The documents/ row of a numbered, versioned document record."""
    return tuple(json.dumps(record["figures"], ensure_ascii=False) if n == "figures" else record.get(n)
                 for n in DOCUMENT_COLUMNS)


def stored_figure(figure: dict[str, Any], figure_id: int, record: dict[str, Any],
                  whole_id: int | None = None) -> dict[str, Any]:
    """A figure as `Store.flow_rows` gives it: its fields, ids (its own, its document's, the
    whole it is a part of), its document's facts, no review."""
    row = {k: v for k, v in figure.items() if k != "doc"}
    row.update(id=figure_id, document_id=record["id"], part_of=whole_id, extractor_version=record["extractor_version"],
               active=True, decision=None, corrections=None, **{k: record[k] for k in DOCUMENT_FACTS})
    return row


def figure_export_row(stored: dict[str, Any]) -> tuple:
    row = figure_row(stored) or {}
    return tuple(parquet_cell(row.get(n), n) for n in schemas()["figures"].names)


def flow_key(stored: dict[str, Any]) -> tuple:
    return tuple(stored.get(n) for n in FLOW_KEY)


def flow_export_rows(stored: list[dict[str, Any]]) -> list[tuple]:
    """The flows/ rows of the figures of one flow key, built by `marsad flows`' own code."""
    names = schemas()["flows"].names  # any order: flows sort a key's figures themselves (tests/test_flow_order.py)
    return [tuple(parquet_cell(row.get(n), n) for n in names)
            for flow in build_flows(stored) for row in cluster_rows(flow)]
