"""Load on the HTTP API over loopback: requests/s and p50/p99 latency of the
overview and the figures endpoint, with 100,000 stored figures.

Starts `marsad serve` on 127.0.0.1 in a subprocess, warms it (the overview's
flows are computed once and cached until the store changes; the cold time is
printed too), then sends a bounded number of requests from a few client
threads with keep-alive connections. Only loopback is ever contacted.

    python benchmarks/api_load.py [--figures 100000] [--requests 2000] [--clients 8]
"""

from __future__ import annotations

import argparse
import http.client
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from flows_speed import fill  # noqa: E402

from marsad.store import Store  # noqa: E402


def _get(port: int, path: str, local: threading.local, timeout: float = 60) -> float:
    conn = getattr(local, "conn", None)
    if conn is None:
        conn = local.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    start = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"{path}: HTTP {response.status}")
    return time.perf_counter() - start


def measure(port: int, path: str, requests: int, clients: int) -> tuple[float, float, float]:
    local = threading.local()
    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        latencies = list(pool.map(lambda _: _get(port, path, local), range(requests)))
    elapsed = time.perf_counter() - start
    latencies.sort()
    return requests / elapsed, statistics.median(latencies) * 1000, latencies[int(len(latencies) * 0.99) - 1] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "api.db")
        with Store(db) as store:
            fill(store, args.figures)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "marsad.cli", "serve", "--db", db, "--port", str(port),
                                   "--workers", str(args.workers)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(1200):  # up to two minutes: the machine may be shared and loaded
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            # the first overview builds every flow: minutes on a loaded machine, so a long timeout
            cold = max(_get(port, "/api/overview", threading.local(), timeout=900) for _ in range(args.workers * 2))
            print(f"figures stored: {args.figures:,}; overview cold (flows computed, per worker): {cold * 1000:.0f} ms; "
                  f"server workers: {args.workers}")
            for path in ("/api/overview", "/api/figures?limit=100", "/api/figures?country=SY&movement=fled&limit=50"):
                rate, p50, p99 = measure(port, path, args.requests, args.clients)
                print(f"{path}: {rate:.0f} requests/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms "
                      f"({args.requests} requests, {args.clients} clients)")
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=30)


if __name__ == "__main__":
    main()
