"""Answers kept ready for many readers: the store's state is read at most
every `cache_seconds` (this app's own writes show at once), and each view's
serialised bytes are kept per parameter set until the state changes, so a busy
overview or figures page costs a dictionary look-up, not a query."""

from __future__ import annotations

import gzip
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from marsad.store import Store

GZIP_FROM = 1400  # bytes: smaller answers go as they are


@dataclass(frozen=True)
class Body:
    """A serialised answer, and the same gzipped once (an overview of 270 kB is
    about 30 kB): the bytes sent to each of many readers cost nothing to make."""

    raw: bytes
    gz: bytes | None

    @classmethod
    def of(cls, raw: bytes) -> Body:
        return cls(raw, gzip.compress(raw, 6) if len(raw) >= GZIP_FROM else None)

    def response(self, request: Request, media_type: str) -> Response:
        if self.gz is not None and "gzip" in request.headers.get("accept-encoding", ""):
            return Response(self.gz, media_type=media_type,
                            headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
        return Response(self.raw, media_type=media_type, headers={"Vary": "Accept-Encoding"})


class StoreState:
    """`store.state()`, kept: readers get the kept value at once; once it is
    `ttl` seconds old one background thread reads it again (no herd of readers
    waits on the store), and `expire()` (after this app's own writes) makes the
    next reader wait for a fresh one."""

    def __init__(self, store: Store, ttl: float) -> None:
        self.store, self.ttl = store, ttl
        self.value: tuple | None = None
        self.read_at = float("-inf")
        self.lock = threading.Lock()
        self.refreshing = False

    def fresh(self) -> tuple | None:
        """The kept state, None when there is none (no query; may start a background read)."""
        if self.value is not None and time.monotonic() - self.read_at >= self.ttl and not self.refreshing:
            self.refreshing = True
            threading.Thread(target=self._refresh, daemon=True).start()
        return self.value

    def _refresh(self) -> None:
        try:
            value = self.store.state()
            with self.lock:
                self.value, self.read_at = value, time.monotonic()
        finally:
            self.refreshing = False

    def get(self) -> tuple:
        with self.lock:
            if self.value is None:
                self.value, self.read_at = self.store.state(), time.monotonic()
            return self.value

    def expire(self) -> None:
        with self.lock:
            self.value = None


class Views:
    """Serialised answers per key, all dropped when the store's state changes; bounded."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.state: tuple | None = None
        self.items: OrderedDict[tuple, Body] = OrderedDict()
        self.lock = threading.Lock()
        self.building = threading.Lock()  # one build at a time: a herd of readers waits for it, not beside it

    def get(self, state: tuple, key: tuple) -> Body | None:
        with self.lock:
            if state != self.state:
                self.state, self.items = state, OrderedDict()
                return None
            return self.items.get(key)

    def put(self, state: tuple, key: tuple, body: Body) -> None:
        with self.lock:
            if state != self.state:
                return  # the store moved on while this was built
            self.items[key] = body
            if len(self.items) > self.size:
                self.items.popitem(last=False)

    def answer(self, state: StoreState, key: tuple, build: Callable[[tuple], bytes]) -> Body:
        """The kept answer for `key`, or `build(state)`'s, kept (runs in a worker thread)."""
        current = state.get()
        body = self.get(current, key)
        if body is None:
            with self.building:
                body = self.get(current, key)
                if body is None:
                    body = Body.of(build(current))
                    self.put(current, key, body)
        return body

    def ready(self, state: StoreState, key: tuple) -> Body | None:
        """The kept answer without touching the store (event loop, no thread), or None."""
        current = state.fresh()
        return None if current is None else self.get(current, key)


def key_of(name: str, params: dict[str, Any]) -> tuple:
    return (name, *sorted((k, v) for k, v in params.items() if v is not None))
