"""Two `marsad ingest` processes at once (issue 12), on a new and on an
existing SQLite store and on PostgreSQL: both exit 0 and the store is the one
a single run makes (each document once, versions of a URL numbered 1, 2, 3)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from marsad.cli import main
from marsad.store import Store
from marsad.store.schema import documents, figures

TEXTS = ["Some {n},200 refugees a day arrived in Chad last week, UNHCR said on Monday ({k}).",
         "قالت المفوضية إن نحو {n} ألف لاجئ سوري عبروا إلى تركيا منذ مطلع الشهر ({k}).",
         "Officials said {n}00 families fled to Poland on Sunday, the agency said ({k})."]


def _corpus(folder: Path, n: int = 250) -> list[str]:
    """Three JSONL files: `n` documents in all, some repeated across files, and
    one URL in three versions."""
    folder.mkdir()
    rows = [{"id": str(k), "text": TEXTS[k % 3].format(n=k % 40 + 1, k=k)} for k in range(n)]
    for v in range(3):
        update = f"{TEXTS[0].format(n=v + 5, k='update')} v{v}"
        rows.insert(80 * (v + 1), {"id": f"u{v}", "url": "https://example.org/story", "text": update})
    paths = []
    for part in range(3):
        path = folder / f"part{part}.jsonl"
        chosen = rows[part * len(rows) // 3:(part + 1) * len(rows) // 3] + rows[:20]  # 20 repeated in every file
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in chosen), encoding="utf-8")
        paths.append(str(path))
    return paths


def _state(db: str) -> tuple[set, int]:  # type: ignore[type-arg]
    with Store(db) as store, store.engine.connect() as conn:
        docs = {(r.content_hash, r.url, r.version) for r in conn.execute(
            select(documents.c.content_hash, documents.c.url, documents.c.version))}
        count = len(conn.execute(select(figures.c.id)).all())
    return docs, count


def _two_at_once(db: str, paths: list[str]) -> list[subprocess.CompletedProcess[str]]:
    cmd = [sys.executable, "-m", "marsad.cli", "ingest", *paths, "--db", db, "--quiet"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=600)
        out.append(subprocess.CompletedProcess(cmd, p.returncode, stdout, stderr))
    return out


@pytest.fixture(scope="module")
def single_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], tuple[set, int]]:  # type: ignore[type-arg]
    folder = tmp_path_factory.mktemp("single")
    paths = _corpus(folder / "in")
    db = str(folder / "one.db")
    assert main(["ingest", *paths, "--db", db, "--quiet"]) == 0
    return paths, _state(db)


@pytest.mark.parametrize("existing", [False, True], ids=["new store", "existing store"])
def test_two_ingests_make_the_store_of_one(single_run, db_url: str, existing: bool) -> None:  # type: ignore[no-untyped-def]
    paths, expected = single_run
    if existing:
        Store(db_url).close()  # migrated, empty
    results = _two_at_once(db_url, paths)
    assert [r.returncode for r in results] == [0, 0], [r.stderr[-2000:] for r in results]
    docs, count = _state(db_url)
    assert docs == expected[0] and count == expected[1]
    assert sorted(v for _, url, v in docs if url) == [1, 2, 3]
