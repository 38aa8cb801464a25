"""marsad watch over many sources served on loopback: polls per second, the
cost of an idle poll (the source answers 304), and memory.

A child process serves N RSS feeds (each listing `--per-feed` articles: HTML
pages of the realistic mix of extract_speed.py, 80% without movement
figures) and a robots.txt, with ETags; the parent runs the watch into a new
SQLite store: a first round (every feed and every article fetched, extracted
and stored), then idle rounds (every feed answers 304). Nothing leaves
127.0.0.1. One host serves every feed, so `host_delay` is 0 here; a real
sources file has many hosts and keeps its delay per host.

    python benchmarks/watch_polls.py [--sources 500] [--per-feed 2] [--idle-rounds 3]
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(ROOT / "tests"))
from extract_speed import build_corpus  # noqa: E402
from watch_site import Site  # noqa: E402  (the loopback site of the watch tests)

from marsad.store import Store  # noqa: E402
from marsad.watch import Watcher  # noqa: E402
from marsad.watch.config import SourceSpec, WatchConfig  # noqa: E402
from marsad.watch.fetch import Fetcher  # noqa: E402

DATE = "Thu, 14 Mar 2024 10:00:00 GMT"


def serve(sources: int, per_feed: int, ready: multiprocessing.Queue, stop: multiprocessing.Event) -> None:
    site = Site().start()
    site.add("/robots.txt", "User-agent: *\nAllow: /\n", ctype="text/plain")
    corpus = iter(build_corpus(sources * per_feed, 0.2, seed=7))
    for n in range(sources):
        items = []
        for k in range(per_feed):
            _, text = next(corpus)
            path = f"/s{n}/a{k}.html"
            site.article(path, f"Story {n}-{k}", f"{text} [{n}-{k}]", "2024-03-14")
            items.append((path, f"Story {n}-{k}", DATE))
        site.feed(f"/s{n}/feed.xml", items, etag=f'"s{n}-v1"')
    ready.put(site.base)
    stop.wait()
    site.stop()


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sources", type=int, default=500)
    ap.add_argument("--per-feed", type=int, default=2)
    ap.add_argument("--idle-rounds", type=int, default=3)
    args = ap.parse_args()
    ready: multiprocessing.Queue = multiprocessing.Queue()
    stop = multiprocessing.Event()
    server = multiprocessing.Process(target=serve, args=(args.sources, args.per_feed, ready, stop), daemon=True)
    server.start()
    base = ready.get(timeout=600)
    config = WatchConfig(tuple(SourceSpec(f"s{n}", f"{base}/s{n}/feed.xml", "feed", None, 900.0)
                               for n in range(args.sources)), host_delay=0.0, timeout=20.0, retries=1)
    with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "watch.db")) as store:
        watcher = Watcher(config, store, Fetcher(timeout=20.0, retries=1, host_delay=0.0))
        start_rss = rss_mb()
        t0 = time.perf_counter()
        first = watcher.round()
        cold = time.perf_counter() - t0
        new = sum(p.new for p in first.polls)
        figures = sum(p.figures for p in first.polls)
        print(f"first round: {args.sources} sources, {new} articles stored, {figures} figures in {cold:.1f} s: "
              f"{args.sources / cold:.1f} polls/s, {new / cold:.1f} articles/s; requests {watcher.fetcher.requests}")
        idle = []
        for _ in range(args.idle_rounds):
            before = watcher.fetcher.requests
            t0 = time.perf_counter()
            done = watcher.round()
            idle.append(time.perf_counter() - t0)
            unchanged = sum(p.status == "304" for p in done.polls)
            assert unchanged == args.sources and sum(p.new for p in done.polls) == 0, done.line()
            assert watcher.fetcher.requests - before == args.sources
        best = min(idle)
        print(f"idle rounds (every source 304): {args.sources / best:.1f} polls/s at best, "
              f"{1000 * best / args.sources:.2f} ms per idle poll (median round "
              f"{sorted(idle)[len(idle) // 2]:.2f} s for {args.sources} sources)")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"memory: RSS {start_rss:.0f} MB before the first round, {rss_mb():.0f} MB after, peak {peak:.0f} MB")
        watcher.close()
    stop.set()
    server.join(timeout=10)


if __name__ == "__main__":
    main()
