"""Ingest speed and memory: generated articles of realistic size and mix
(the corpus of extract_speed.py: 80% without movement figures, Arabic and
English, ~2 KB) written as JSONL files, ingested into a new SQLite store with
N worker processes. Peak memory is the largest RSS of the main process and of
any worker; run with 10,000 and 100,000 articles to see that it stays flat.

    python benchmarks/ingest_speed.py [--articles 100000] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from extract_speed import build_corpus  # noqa: E402

from marsad.ingest import ingest  # noqa: E402
from marsad.store import Store  # noqa: E402

PER_FILE = 5000


def write_corpus(folder: Path, count: int) -> int:
    size = 0
    for start in range(0, count, PER_FILE):
        n = min(PER_FILE, count - start)
        with (folder / f"part-{start // PER_FILE:04d}.jsonl").open("w", encoding="utf-8") as fh:
            for k, (lang, text) in enumerate(build_corpus(n, 0.2, seed=start)):
                line = json.dumps({"id": f"a{start + k}", "text": f"{text} [{start + k}]", "language": lang,
                                   "published": "2024-03-14"}, ensure_ascii=False)
                size += len(line)
                fh.write(line + "\n")
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        size = write_corpus(folder, args.articles)
        with Store(str(Path(tmp) / "bench.db")) as store:
            start = time.perf_counter()
            summary = ingest(store, [str(folder)], workers=args.workers, progress=False)
            elapsed = time.perf_counter() - start
            counts = store.counts()
    main_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"articles: {args.articles} ({size / args.articles:.0f} bytes each as JSONL), workers: {args.workers}")
    print(f"stored: {counts['documents']} documents, {counts['figures']} figures ({summary.line()})")
    print(f"time: {elapsed:.1f} s, {args.articles / elapsed:.0f} articles/s")
    print(f"peak memory (RSS): main {main_mb:.0f} MB, largest worker {child_mb:.0f} MB")


if __name__ == "__main__":
    main()
