"""The Spark engine against the local one on the same generated WARC corpus.

Writes N articles (the mixed Arabic/English corpus of extract_speed.py, 20%
with figures, each an HTML page) into WARC.gz files of 1,000 records, then:

- local: `marsad ingest` with a pool of W workers into a new SQLite store;
- Spark: the `marsad spark` job on `--master` (default local[W]) into Parquet.

For each engine it prints start-up time (local: a one-article ingest, pool
and lexicons included; Spark: the session, JVM included, plus a one-article
job that starts the Python workers and compiles their lexicons), articles/s
of the full run after start-up, and peak memory: the largest RSS of the
driver (this process; for Spark also its JVM, which in local mode is the
executor too) and the largest summed RSS of the worker processes (the pool's
workers; Spark's Python workers), sampled from /proc every 0.2 s.

    python benchmarks/spark_vs_local.py [--articles 20000] [--workers 2] [--master local[2]]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from extract_speed import build_corpus  # noqa: E402

from marsad.ingest import ingest  # noqa: E402
from marsad.store import Store  # noqa: E402

PER_FILE = 1000
PAGE = "<!doctype html><html><head><title>Report {n}</title></head><body><article><p>{text}</p></article></body></html>"


def write_corpus(folder: Path, count: int) -> list[str]:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    files = []
    for start in range(0, count, PER_FILE):
        path = folder / f"news-{start // PER_FILE:04d}.warc.gz"
        with path.open("wb") as out:
            writer = WARCWriter(out, gzip=True)
            for k, (_, text) in enumerate(build_corpus(min(PER_FILE, count - start), 0.2, seed=start)):
                body = PAGE.format(n=start + k, text=f"{text} [{start + k}]").encode()
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                           protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(
                    f"https://news.example/{start + k}", "response", payload=io.BytesIO(body), length=len(body),
                    http_headers=headers))
        files.append(str(path))
    return files


class Peaks:
    """Peak RSS of this process (and its JVM) and of its worker processes, sampled from /proc."""

    def __init__(self) -> None:
        self.driver = self.workers = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "Peaks":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            driver, workers = _sample(os.getpid())
            self.driver, self.workers = max(self.driver, driver), max(self.workers, workers)


def _sample(root: int) -> tuple[int, int]:
    """(driver RSS: this process and any java child, summed RSS of the other descendants), bytes.
    Descendants are found through /proc/PID/task/TID/children: reading every process of a
    busy machine five times a second would take the GIL from the engine being measured."""
    descendants, frontier = set(), [root]
    while frontier:
        pid = frontier.pop()
        for child in _children(pid):
            if child not in descendants:
                descendants.add(child)
                frontier.append(child)
    rss = {p: _rss(p) for p in descendants | {root}}
    jvm = {p for p in descendants if _name(p) == "java"}
    driver = rss[root] + sum(rss[p] for p in jvm)
    return driver, sum(rss[p] for p in descendants - jvm)


def _children(pid: int) -> list[int]:
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    found = []
    for tid in tasks:
        try:
            found += [int(c) for c in Path(f"/proc/{pid}/task/{tid}/children").read_text().split()]
        except OSError:
            continue
    return found


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def _name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def run_local(files: list[str], tiny: list[str], workers: int, tmp: Path) -> dict[str, float]:
    start = time.perf_counter()
    with Store(str(tmp / "warm.db")) as store:
        ingest(store, tiny, workers=workers, progress=False)
    startup = time.perf_counter() - start
    with Peaks() as peaks, Store(str(tmp / "local.db")) as store:
        start = time.perf_counter()
        summary = ingest(store, files, workers=workers, progress=False)
        elapsed = time.perf_counter() - start
    return {"startup": startup, "elapsed": elapsed, "documents": summary.new, "figures": summary.figures,
            "driver": peaks.driver, "workers": peaks.workers}


def run_spark(files: list[str], tiny: list[str], master: str, partitions: int, tmp: Path) -> dict[str, float]:
    from marsad.spark.job import run, session

    start = time.perf_counter()
    spark = session(master, partitions, app="marsad-benchmark")
    run(spark, tiny, str(tmp / "warm-out"), partitions=1)
    startup = time.perf_counter() - start
    try:
        with Peaks() as peaks:
            start = time.perf_counter()
            totals = run(spark, files, str(tmp / "spark-out"), partitions=partitions)
            elapsed = time.perf_counter() - start
    finally:
        spark.stop()
    return {"startup": startup, "elapsed": elapsed, "documents": totals["documents"], "figures": totals["figures"],
            "driver": peaks.driver, "workers": peaks.workers}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--master", help="default local[WORKERS]")
    parser.add_argument("--partitions", type=int, help="default: the number of WARC files")
    parser.add_argument("--only", choices=["local", "spark"], help="run one engine")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        (tmp / "corpus").mkdir()
        (tmp / "tiny").mkdir()
        files = write_corpus(tmp / "corpus", args.articles)
        tiny = write_corpus(tmp / "tiny", 1)
        print(f"corpus: {args.articles} articles in {len(files)} WARC.gz files "
              f"({sum(Path(f).stat().st_size for f in files) / 1e6:.1f} MB); "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        results = {}
        if args.only in (None, "local"):
            results["local"] = run_local(files, tiny, args.workers, tmp)
        if args.only in (None, "spark"):
            results["spark"] = run_spark(files, tiny, args.master or f"local[{args.workers}]",
                                         args.partitions or len(files), tmp)
    for engine, r in results.items():
        print(f"{engine:6s} start-up {r['startup']:6.1f} s · {args.articles / r['elapsed']:6.1f} articles/s "
              f"({r['elapsed']:.0f} s; {r['documents']} documents, {r['figures']} figures) · peak memory: "
              f"driver {r['driver'] / 2**20:.0f} MB, workers {r['workers'] / 2**20:.0f} MB")
    if len(results) == 2:
        ratio = results["local"]["elapsed"] / results["spark"]["elapsed"]
        print(f"spark / local throughput: {ratio:.2f} (load average now {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
