"""`marsad import DIR`: a Spark run's output into the store (no Spark needed).

Documents are read from documents/ in id order, in batches, and stored with
their figures exactly as `marsad ingest` stores them (`Store.add_documents`:
a known content hash is seen, not stored twice; a known URL with new content
is a new version), so importing twice stores nothing twice and an import into
an empty store equals a local ingest of the same sources. failures/ rows are
recorded as ingest records them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError
from marsad.figure import Figure
from marsad.ingest.source import BATCH
from marsad.store import NewDocument, Store


@dataclass
class ImportSummary:
    new: int = 0
    seen: int = 0
    figures: int = 0
    failures: int = 0

    def line(self) -> str:
        return (f"documents: {self.new} new, {self.seen} seen; figures: {self.figures}; "
                f"failures: {self.failures}")


def import_output(store: Store, directory: str | Path) -> ImportSummary:
    """Store the documents, figures and failures of a `marsad spark` output folder."""
    root = Path(directory)
    if not (root / "documents").is_dir():
        raise MarsadError("E504", f"{root} is not a marsad spark output (no documents/ folder)")
    summary = ImportSummary()
    batch: list[NewDocument] = []
    for row in _rows(root / "documents", "id"):
        batch.append(_document(row))
        if len(batch) >= BATCH:
            _store(store, batch, summary)
            batch = []
    if batch:
        _store(store, batch, summary)
    for row in _rows(root / "failures"):
        store.record_failure(row["source"], row["reason"])
        summary.failures += 1
    return summary


def _store(store: Store, batch: list[NewDocument], summary: ImportSummary) -> None:
    new, seen, figures = store.add_documents(batch)
    summary.new += new
    summary.seen += seen
    summary.figures += figures


def _rows(folder: Path, ordered_by: str | None = None) -> Iterator[dict[str, Any]]:
    """The rows of a Parquet dataset folder, file by file, batch by batch (bounded memory)."""
    import pyarrow.parquet as pq

    last = None
    for path in sorted(folder.glob("*.parquet")):
        for batch in pq.ParquetFile(path).iter_batches(batch_size=BATCH):
            for row in batch.to_pylist():
                if ordered_by is not None:
                    if last is not None and row[ordered_by] <= last:
                        raise MarsadError("E504", f"{folder} is not in {ordered_by} order "
                                                  "(not written by marsad spark)")
                    last = row[ordered_by]
                yield row


def _document(row: dict[str, Any]) -> NewDocument:
    figures = [Figure(**{k: v for k, v in f.items()}) for f in json.loads(row["figures"] or "[]")]
    return NewDocument(row["text"], row["source"], row["url"], row["external_id"], row["title"], row["language"],
                       row["published"], row["encoding"], figures, row["extractor_version"], row["outlet"], row["wire"])
