"""HTTP for `marsad watch`: a polite client (httpx).

A user agent that names marsad, timeouts, conditional GET (ETag /
Last-Modified), retries with exponential backoff on connection errors,
timeouts, 429 and 5xx, a delay between two requests to one host, robots.txt
respected (urllib.robotparser; read once a day per host), and a body limit.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

USER_AGENT = "marsad/0.1 (+news figures watch; marsad watch)"
ROBOTS_AGENT = "marsad"
ROBOTS_TTL = 86400.0  # seconds a host's robots.txt is kept
ROBOTS_RETRY = 600.0  # seconds before a robots.txt that could not be read is asked again
RETRIED = {429, 500, 502, 503, 504}


class FetchError(Exception):
    """A request that failed after its retries (the reason is the message)."""


@dataclass
class Answer:
    url: str
    status: int
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    charset: str | None = None


class Fetcher:
    """One HTTP client for a watch run: connections are kept alive per host."""

    def __init__(self, timeout: float = 20.0, retries: int = 2, host_delay: float = 1.0, backoff: float = 1.0,
                 max_bytes: int = 50 * 1024 * 1024, user_agent: str = USER_AGENT,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.retries, self.host_delay, self.backoff, self.max_bytes = retries, host_delay, backoff, max_bytes
        self.sleep = sleep
        self.client = httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=True,
                                   headers={"User-Agent": user_agent},
                                   limits=httpx.Limits(max_connections=64, max_keepalive_connections=32))
        self.requests = 0  # every request sent, retries and robots.txt included
        self._last: dict[str, float] = {}
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser]] = {}
        self._why: dict[str, str] = {}  # host -> why nothing may be fetched there now
        self._lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, etag: str | None = None, modified: str | None = None) -> Answer:
        """The answer to a (conditional) GET; 304 and 4xx are answers, FetchError when every try failed."""
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", modified)) if v}
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                answer = self._once(url, headers)
            except httpx.HTTPError as exc:  # refused, reset, timed out, bad answer
                reason = f"{exc.__class__.__name__}: {exc}" if str(exc) else exc.__class__.__name__
                continue
            except FetchError:  # over the body limit: no use asking again
                raise
            if answer.status not in RETRIED:
                return answer
            reason = f"HTTP {answer.status}"
        raise FetchError(f"{reason} (after {self.retries + 1} tries)")

    def _once(self, url: str, headers: dict[str, str]) -> Answer:
        self._wait_for_host(urlsplit(url).netloc)
        self.requests += 1
        with self.client.stream("GET", url, headers=headers) as response:
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(f"over the size limit ({self.max_bytes} bytes)")
                chunks.append(chunk)
            return Answer(str(response.url), response.status_code, b"".join(chunks), response.headers.get("etag"),
                          response.headers.get("last-modified"), response.charset_encoding)

    def _wait_for_host(self, host: str) -> None:
        """At most one request per `host_delay` seconds to one host."""
        with self._lock:
            now = time.monotonic()
            wait = self._last.get(host, -1e9) + self.host_delay - now
            self._last[host] = now + max(wait, 0.0)
        if wait > 0:
            self.sleep(wait)

    def refusal(self, url: str) -> str:
        """Why `allowed` said no."""
        parts = urlsplit(url)
        return self._why.get(f"{parts.scheme}://{parts.netloc}", "robots.txt forbids marsad this URL")

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets marsad fetch `url` (FetchError when the host does not answer)."""
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        kept = self._robots.get(root)
        if kept is None or kept[0] < time.monotonic():
            kept = self._read_robots(root)
            self._robots[root] = kept
        return kept[1].can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, root: str) -> tuple[float, urllib.robotparser.RobotFileParser]:
        """RFC 9309: 4xx means no rules; a server error or no answer means nothing may be fetched, for now."""
        parser = urllib.robotparser.RobotFileParser(f"{root}/robots.txt")
        try:
            answer = self.get(f"{root}/robots.txt")
        except FetchError as exc:  # the host does not answer: that is the poll's error
            raise FetchError(f"robots.txt: {exc}") from None
        if answer.status >= 500:
            parser.disallow_all = True
            self._why[root] = f"robots.txt answered HTTP {answer.status}: nothing is fetched from the host for now"
            return time.monotonic() + ROBOTS_RETRY, parser
        self._why.pop(root, None)
        if answer.status >= 400:
            parser.allow_all = True
        else:
            parser.parse(answer.body.decode("utf-8", "replace").splitlines())
        return time.monotonic() + ROBOTS_TTL, parser
