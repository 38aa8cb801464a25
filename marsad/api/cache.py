"""Answers kept ready for many readers: the store's state is read at most
every `cache_seconds` (this app's own writes show at once), and each view's
serialised bytes are kept per parameter set until the state changes, so a busy
overview or figures page costs a dictionary look-up, not a query."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from marsad.store import Store


class StoreState:
    """`store.state()`, read again only when `ttl` seconds have passed or after `expire()`."""

    def __init__(self, store: Store, ttl: float) -> None:
        self.store, self.ttl = store, ttl
        self.value: tuple | None = None
        self.read_at = float("-inf")
        self.lock = threading.Lock()

    def fresh(self) -> tuple | None:
        """The state if it was read within `ttl` (no query), else None."""
        return self.value if time.monotonic() - self.read_at < self.ttl else None

    def get(self) -> tuple:
        with self.lock:
            if self.fresh() is None:
                self.value, self.read_at = self.store.state(), time.monotonic()
            return self.value  # type: ignore[return-value]

    def expire(self) -> None:
        self.read_at = float("-inf")


class Views:
    """Serialised answers per key, all dropped when the store's state changes; bounded."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.state: tuple | None = None
        self.items: OrderedDict[tuple, bytes] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, state: tuple, key: tuple) -> bytes | None:
        with self.lock:
            if state != self.state:
                self.state, self.items = state, OrderedDict()
                return None
            return self.items.get(key)

    def put(self, state: tuple, key: tuple, body: bytes) -> None:
        with self.lock:
            if state != self.state:
                return  # the store moved on while this was built
            self.items[key] = body
            if len(self.items) > self.size:
                self.items.popitem(last=False)

    def answer(self, state: StoreState, key: tuple, build: Callable[[tuple], bytes]) -> bytes:
        """The kept answer for `key`, or `build(state)`'s, kept (runs in a worker thread)."""
        current = state.get()
        body = self.get(current, key)
        if body is None:
            body = build(current)
            self.put(current, key, body)
        return body

    def ready(self, state: StoreState, key: tuple) -> bytes | None:
        """The kept answer without touching the store, if the state is fresh (event loop, no thread)."""
        current = state.fresh()
        return None if current is None else self.get(current, key)


def key_of(name: str, params: dict[str, Any]) -> tuple:
    return (name, *sorted((k, v) for k, v in params.items() if v is not None))
