"""Flows over a million stored figures: time and peak memory.

Fills a new SQLite store with generated documents and figures (flows between
40 countries, nine movements, totals, daily rates and stocks over two years,
numbers repeated by several outlets and wire copies, some contradicting),
then builds every flow from the store, streaming, and summarises it.

    python benchmarks/flows_speed.py [--figures 1000000]
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import insert

from marsad.flows import build_flows
from marsad.store import Store
from marsad.store.schema import documents, figures

COUNTRIES = ["SY", "TR", "LB", "JO", "IQ", "SD", "TD", "EG", "SS", "UA", "PL", "MD", "RO", "DE", "RU", "GE", "KZ",
             "AM", "AZ", "AF", "IR", "PK", "MM", "BD", "VE", "CO", "PE", "ET", "SO", "KE", "YE", "PS", "IL", "LY",
             "IT", "ES", "GR", "CD", "RW", "UG"]
MOVES = ["fled", "displaced", "evacuated", "arrived", "departed", "returned", "waiting", "asylum", "hosted"]


def fill(store: Store, count: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    now = datetime.now(timezone.utc)
    per_doc = 10
    docs = count // per_doc
    start = date(2023, 1, 1)
    with store.engine.begin() as conn:
        for base in range(0, docs, 10_000):
            n = min(10_000, docs - base)
            conn.execute(insert(documents), [
                {"id": base + k + 1, "content_hash": f"{base + k:064d}", "source": "bench", "text": "", "version": 1,
                 "language": "en", "published": str(start + timedelta(days=rng.randrange(730))),
                 "outlet": f"outlet{rng.randrange(300)}.example", "wire": rng.choice([None, None, None, "afp", "reuters"]),
                 "ingested_at": now} for k in range(n)])
    with store.engine.begin() as conn:
        batch = []
        for k in range(count):
            movement = rng.choice(MOVES)
            kind = "stock" if movement in ("hosted", "waiting") else rng.choice(["total", "total", "rate"])
            end = start + timedelta(days=rng.randrange(730))
            value = rng.choice([1, 2, 5, 10, 20, 50, 100]) * 1000 + (rng.randrange(3) * 37 if rng.random() < .1 else 0)
            batch.append({
                "document_id": k // per_doc + 1, "extractor_version": "1", "active": True, "start": 0, "end": 5,
                "evidence": "generated", "value": value, "low": value, "high": value,
                "qualifier": rng.choice(["exact", "approx", "approx"]), "unit": "people", "kind": kind,
                "per": "day" if kind == "rate" else None, "movement": movement,
                "origin": rng.choice(COUNTRIES), "destination": rng.choice(COUNTRIES),
                "nationality": rng.choice([None, rng.choice(COUNTRIES)]), "period_start": None,
                "period_end": str(end), "source": "bench", "source_type": "government", "rule": ["bench"],
                "confidence": 0.5, "created_at": now})
            if len(batch) == 20_000:
                conn.execute(insert(figures), batch)
                batch = []
        if batch:
            conn.execute(insert(figures), batch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "flows.db")) as store:
        t0 = time.perf_counter()
        fill(store, args.figures)
        filled = time.perf_counter() - t0
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t1 = time.perf_counter()
        flows = clusters = conflicts = 0
        for flow in build_flows(store.flow_rows()):
            summary = flow.summary()
            flows += 1
            clusters += sum(len(s.clusters) for s in flow.series)
            conflicts += summary["conflicts"]
        elapsed = time.perf_counter() - t1
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"figures: {args.figures:,} (stored in {filled:.0f} s)")
    print(f"flows: {flows:,}, clusters: {clusters:,}, conflicts: {conflicts:,}")
    print(f"flows built in {elapsed:.1f} s ({args.figures / elapsed:,.0f} figures/s)")
    print(f"peak memory (RSS): {peak:.0f} MB (before building flows: {rss_before:.0f} MB)")


if __name__ == "__main__":
    main()
