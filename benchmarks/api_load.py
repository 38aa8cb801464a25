"""Load on the HTTP API over loopback: requests/s and p50/p99 latency of the
overview and the figures endpoint, with 100,000 stored figures.

Starts `marsad serve` on 127.0.0.1 in a subprocess, warms it (the overview's
flows are computed once and cached until the store changes; the cold time is
printed too), then sends a bounded number of requests from `--clients`
concurrent keep-alive connections (asyncio, so that 200 clients cost the
client little CPU), counting errors (refused, reset, timed out, not 200).
Only loopback is ever contacted.

    python benchmarks/api_load.py [--figures 100000] [--requests 4000] [--clients 200] [--workers 1]
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
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


async def _client(port: int, path: str, todo: list[int], latencies: list[float], errors: list[str]) -> None:
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip\r\n\r\n".encode()  # as browsers
    reader = writer = None
    while todo:
        todo.pop()
        start = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(request)
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 60)
            length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
            await reader.readexactly(length)
            if not head.startswith(b"HTTP/1.1 200"):
                errors.append(head.split(b"\r\n")[0].decode())
        except (TimeoutError, OSError, asyncio.IncompleteReadError, IndexError, ValueError) as exc:
            errors.append(exc.__class__.__name__)
            writer = None
            continue
        latencies.append(time.perf_counter() - start)
    if writer is not None:
        writer.close()


async def _load(port: int, path: str, requests: int, clients: int) -> tuple[list[float], list[str], float]:
    todo, latencies, errors = list(range(requests)), [], []
    start = time.perf_counter()
    await asyncio.gather(*(_client(port, path, todo, latencies, errors) for _ in range(clients)))
    return latencies, errors, time.perf_counter() - start


def measure(port: int, path: str, requests: int, clients: int) -> tuple[float, float, float, int]:
    latencies, errors, elapsed = asyncio.run(_load(port, path, requests, clients))
    latencies.sort()
    p99 = latencies[max(int(len(latencies) * 0.99) - 1, 0)] if latencies else float("nan")
    return (len(latencies) / elapsed, statistics.median(latencies) * 1000 if latencies else float("nan"), p99 * 1000,
            len(errors))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
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
            print(f"figures stored: {args.figures:,}; overview cold (flows computed, per worker): "
                  f"{cold * 1000:.0f} ms; "
                  f"server workers: {args.workers}")
            for path in ("/api/overview", "/api/figures?limit=100", "/api/figures?country=SY&movement=fled&limit=50"):
                warm = _get(port, path, threading.local(), timeout=900)  # the first answer is built, then kept
                rate, p50, p99, errors = measure(port, path, args.requests, args.clients)
                print(f"{path}: {rate:.0f} requests/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms, {errors} errors "
                      f"({args.requests} requests, {args.clients} clients; first answer {warm * 1000:.0f} ms)")
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=30)


if __name__ == "__main__":
    main()
