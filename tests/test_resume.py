"""Exactly once: ingest killed with SIGKILL at a random moment and run again
gives the same store as an uninterrupted run (a real subprocess is killed)."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from marsad.ingest import ingest
from marsad.store import Store

TEMPLATES = [
    "قالت المفوضية يوم الاثنين إن نحو {n} ألف لاجئ سوري عبروا إلى تركيا منذ مطلع الشهر.",
    "Some {n},000 people fled to Chad last week, UNHCR said. Police arrested {m} protesters.",
    "وارتفع مؤشر البورصة بنسبة {m} بالمئة يوم الثلاثاء.",
]


def _corpus(path: Path, count: int) -> Path:
    rng = random.Random(3)
    with path.open("w", encoding="utf-8") as fh:
        for k in range(count):
            text = " ".join(t.format(n=rng.randint(2, 90), m=rng.randint(2, 90)) for t in rng.sample(TEMPLATES, 2))
            fh.write(json.dumps({"id": f"d{k}", "text": f"{text} ({k})", "published": "2024-03-14"},
                                ensure_ascii=False) + "\n")
    return path


def _snapshot(db: Path) -> tuple[set, set]:
    with sqlite3.connect(db) as conn:
        docs = set(conn.execute("SELECT content_hash, external_id, language FROM documents"))
        figs = set(conn.execute(
            "SELECT d.content_hash, f.start, f.end, f.value, f.low, f.high, f.kind, f.movement, f.destination "
            "FROM figures f JOIN documents d ON d.id = f.document_id WHERE f.active"))
    return docs, figs


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_sigkill_and_resume_gives_the_same_store(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus.jsonl", 3000)
    reference = tmp_path / "reference.db"
    with Store(str(reference)) as store:
        ingest(store, [str(corpus)], progress=False)
    killed = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "marsad.cli", "ingest", str(corpus), "--db", str(killed), "--quiet", "--workers", "2"]
    proc = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _count(killed) < 400 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    was_running = proc.poll() is None
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(killed)
    assert was_running and 0 < partial < 3000, f"the run was not killed mid-way ({partial} documents stored)"
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    assert _snapshot(killed) == _snapshot(reference)
    assert _count(killed) == 3000
