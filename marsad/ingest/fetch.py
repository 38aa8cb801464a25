"""Downloads bounded in time and size: a server that trickles bytes cannot hold a run.

urllib's timeout is per socket read; here the socket is also shut when the
download's whole time (the fetch_seconds setting) is up, however slowly the
server sends its headers or body.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.request
from typing import Any

from marsad.ingest.limits import LimitExceeded, Limits

SOCKET_TIMEOUT = 20  # one read; the whole download is bounded by the fetch_seconds setting
USER_AGENT = "marsad/0.1 (+news figures)"


class Download:
    """An open URL whose socket is shut at `deadline`; `late()` says whether it was."""

    def __init__(self, url: str, limits: Limits) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.fetch_seconds
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        self.timers: list[threading.Timer] = []
        self.response: Any = _opener(self.deadline, self.timers).open(request, timeout=min(SOCKET_TIMEOUT, limits.fetch_seconds))

    def late(self) -> bool:
        return time.monotonic() > self.deadline

    def too_late(self) -> LimitExceeded:
        return LimitExceeded(f"download took over {self.limits.fetch_seconds:g} s (setting fetch_seconds)")

    def charset(self) -> str | None:
        return self.response.headers.get_content_charset()

    def read_all(self) -> bytes:
        """The whole body: at most max_bytes, within fetch_seconds (else LimitExceeded)."""
        chunks, size = [], 0
        while chunk := self.response.read1(65536):
            chunks.append(chunk)
            size += len(chunk)
            if size > self.limits.max_bytes:
                raise LimitExceeded(f"over the size limit ({self.limits.max_bytes} bytes, setting max_bytes)")
            if self.late():
                raise self.too_late()
        if self.late():  # the guard shut the socket: what came is cut short
            raise self.too_late()
        return b"".join(chunks)

    def close(self) -> None:
        self.response.close()
        for timer in self.timers:
            timer.cancel()


def _guarded(base: type[http.client.HTTPConnection], deadline: float,
             timers: list[threading.Timer]) -> type[http.client.HTTPConnection]:
    """A connection class whose socket is shut when the download's time is up."""
    class Guarded(base):  # type: ignore[valid-type,misc]
        def connect(self) -> None:
            super().connect()
            timer = threading.Timer(max(deadline - time.monotonic(), 0), _shut, (self.sock,))
            timer.daemon = True
            timer.start()
            timers.append(timer)
    return Guarded


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _opener(deadline: float, timers: list[threading.Timer]) -> urllib.request.OpenerDirector:
    class Http(urllib.request.HTTPHandler):
        def http_open(self, req):  # type: ignore[no-untyped-def]
            return self.do_open(_guarded(http.client.HTTPConnection, deadline, timers), req)

    class Https(urllib.request.HTTPSHandler):
        def https_open(self, req):  # type: ignore[no-untyped-def]
            return self.do_open(_guarded(http.client.HTTPSConnection, deadline, timers), req, context=self._context)

    return urllib.request.build_opener(Http, Https)
