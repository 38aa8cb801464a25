"""CSV and JSON Lines."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, BinaryIO

from marsad.export import FIGURE_COLUMNS, FLOW_COLUMNS, exporter, neutralised


def columns(what: str) -> tuple[str, ...]:
    return FIGURE_COLUMNS if what == "figures" else FLOW_COLUMNS


@exporter("csv")
def write_csv(rows: list[dict[str, Any]], what: str, out: BinaryIO) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=list(columns(what)), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(neutralised(row) for row in rows)
    text.detach()


@exporter("jsonl")
def write_jsonl(rows: list[dict[str, Any]], what: str, out: BinaryIO) -> None:
    for row in rows:
        out.write((json.dumps(row, ensure_ascii=False, default=str) + "\n").encode("utf-8"))
