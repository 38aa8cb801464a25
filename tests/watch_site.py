"""A news site on loopback for the watch tests and benchmark: feeds, section
pages, sitemaps and articles, with ETag/Last-Modified (304), slow answers,
500s and a robots.txt; every request is logged. Nothing leaves 127.0.0.1."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Route:
    body: bytes
    ctype: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    modified: str | None = None
    delay: float = 0.0
    fail_first: int = 0  # answer 500 this many times first


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None

    # -- content ------------------------------------------------------------------
    def add(self, path: str, body: str | bytes, **kw: Any) -> None:
        self.routes[path] = Route(body.encode("utf-8") if isinstance(body, str) else body, **kw)

    def article(self, path: str, title: str, text: str, published: str) -> None:
        paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n"))
        self.add(path, f"<!doctype html><html><head><title>{title}</title>"
                       f'<meta property="article:published_time" content="{published}"></head><body>'
                       f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paragraphs}"
                       f"<p>The agency said it would publish more figures next week as the situation develops and "
                       f"as more people reach the border areas.</p></article></body></html>")

    def feed(self, path: str, items: list[tuple[str, str, str]], etag: str | None = None,
             modified: str | None = None) -> None:
        """An RSS feed of (link path, title, RFC 822 date) items."""
        base = self.base
        entries = "".join(f"<item><title>{t}</title><link>{base}{p}</link><guid>{base}{p}</guid>"
                          f"<description>{t}</description><pubDate>{d}</pubDate></item>" for p, t, d in items)
        self.add(path, f'<?xml version="1.0"?><rss version="2.0"><channel><title>news</title>{entries}</channel></rss>',
                 ctype="application/rss+xml", etag=etag, modified=modified)

    def hits(self, path: str) -> int:
        with self.lock:
            return sum(1 for p, _ in self.requests if p == path)

    # -- server -------------------------------------------------------------------
    @property
    def base(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> Site:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                with site.lock:
                    site.requests.append((self.path, dict(self.headers)))
                route = site.routes.get(self.path)
                if route is None:
                    return self._answer(404, b"not found", "text/plain")
                if route.delay:
                    time.sleep(route.delay)
                if route.fail_first > 0:
                    route.fail_first -= 1
                    return self._answer(500, b"server error", "text/plain")
                if (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                        route.modified and not route.etag and self.headers.get("If-Modified-Since") == route.modified):
                    return self._answer(304, b"", route.ctype, route)
                return self._answer(route.status, route.body, route.ctype, route)

            def _answer(self, status: int, body: bytes, ctype: str, route: Route | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                if route and route.etag:
                    self.send_header("ETag", route.etag)
                if route and route.modified:
                    self.send_header("Last-Modified", route.modified)
                self.send_header("Content-Length", str(len(body)) if status != 304 else "0")
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a client that hung up (a timeout, a killed watch) is part of the tests

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
