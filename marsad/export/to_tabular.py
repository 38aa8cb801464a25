"""CSV and JSON Lines."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, BinaryIO

from marsad.export import ExportRun, exporter, neutralised
from marsad.export.columns import COLUMNS


def columns(what: str) -> tuple[str, ...]:
    return COLUMNS[what]


def text_stream(out: BinaryIO, run: ExportRun) -> io.TextIOWrapper:
    """UTF-8 text over `out`, with a byte-order mark when asked (Excel then reads Arabic right)."""
    return io.TextIOWrapper(out, encoding="utf-8-sig" if run.bom else "utf-8", newline="", write_through=True)


@exporter("csv")
def write_csv(rows: list[dict[str, Any]], run: ExportRun, out: BinaryIO) -> None:
    text = text_stream(out, run)
    writer = csv.DictWriter(text, fieldnames=list(columns(run.what)), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(neutralised(row) for row in rows)
    text.detach()


@exporter("jsonl")
def write_jsonl(rows: list[dict[str, Any]], run: ExportRun, out: BinaryIO) -> None:
    for row in rows:
        out.write((json.dumps(row, ensure_ascii=False, default=str) + "\n").encode("utf-8"))
