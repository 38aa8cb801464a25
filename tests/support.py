"""Helpers shared by the tests that need a store with articles in it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from marsad.ingest import ingest
from marsad.store import Store


def store_with(folder: Path, articles: list[dict[str, Any]]) -> str:
    """A new SQLite store in `folder` holding `articles` (ingested as JSONL); its path."""
    path = folder / "articles.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in articles), encoding="utf-8")
    db = str(folder / "m.db")
    with Store(db) as store:
        ingest(store, [str(path)], progress=False)
    return db
