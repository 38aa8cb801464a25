"""The limits every reader holds, from the settings of the same names.

Each limit protects a run from one kind of hostile or broken input; hitting
one turns that input (or record) into a `failures` row with a message that
names the setting, and the run goes on.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass, fields
from typing import IO, Any

CHUNK = 64 * 1024
MAX_LINE = 1024 * 1024  # a header line in a web archive; longer is not a WARC


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50 * 1024 * 1024
    max_unpacked_bytes: int = 16 * 1024**3  # a 1 GB CC-NEWS archive unpacks to a few GB
    fetch_seconds: float = 60.0
    max_depth: int = 64
    max_text_chars: int = 2_000_000
    max_field_chars: int = 2000
    max_figures: int = 1000

    @classmethod
    def from_settings(cls, settings: Any) -> Limits:
        return cls(**{f.name: getattr(settings, f.name) for f in fields(cls)})


class LimitExceeded(ValueError):
    """An input or record went past a limit; the message names the setting."""


class Truncated(EOFError):
    """A compressed input ends in the middle of a member."""


class _Stream(io.RawIOBase):
    """A forward-only byte stream (a file, a socket, an object store) with the
    bytes already peeked at in front. A read that fails ends the stream (EOF)
    and is kept in `failure`: raising would lose the bytes a buffered reader
    holds, the records before it."""

    def __init__(self, source: IO[bytes], head: bytes = b"") -> None:
        self.source, self.head = source, head
        self.pending = b""
        self.failure: Exception | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self.pending:
            if self.failure is not None:
                return 0
            try:
                chunk = self._next()
            except Exception as exc:  # a cut connection, a truncation, a limit: each ends the stream here
                self.failure = exc
                return 0
            if chunk is None:
                return 0
            self.pending = chunk
        n = min(len(buffer), len(self.pending))
        buffer[:n] = self.pending[:n]
        self.pending = self.pending[n:]
        return n

    def _piece(self) -> bytes:
        if self.head:
            piece, self.head = self.head, b""
            return piece
        return self.source.read(CHUNK) or b""

    def _next(self) -> bytes | None:
        return self._piece() or None


class CappedGunzip(_Stream):
    """The decompressed bytes of a gzip stream (every member), produced a chunk
    at a time and never more than `cap` in all: a small bomb cannot fill memory."""

    def __init__(self, source: IO[bytes], cap: int, head: bytes = b"", setting: str = "max_unpacked_bytes") -> None:
        super().__init__(source, head)
        self.cap, self.produced, self.fed, self.setting = cap, 0, False, setting
        self.inflater = zlib.decompressobj(wbits=31)

    def _next(self) -> bytes | None:
        if self.inflater.unconsumed_tail:
            out = self.inflater.decompress(self.inflater.unconsumed_tail, CHUNK)
        elif self.inflater.eof and self.inflater.unused_data.strip(b"\0"):
            rest = self.inflater.unused_data
            self.inflater = zlib.decompressobj(wbits=31)  # the next gzip member
            out = self.inflater.decompress(rest, CHUNK)
        elif piece := self._piece():
            if self.inflater.eof:
                self.inflater = zlib.decompressobj(wbits=31)
            self.fed = True
            out = self.inflater.decompress(piece, CHUNK)
        elif self.fed and not self.inflater.eof:
            raise Truncated("the compressed input ends mid-stream (truncated)")
        else:
            return None
        self.produced += len(out)
        if self.produced > self.cap:
            raise LimitExceeded(f"decompresses to over {self.cap} bytes (setting {self.setting})")
        return out


def unpacked(source: IO[bytes], cap: int) -> _Stream:
    """The bytes of a stream, gunzipped (at most `cap` bytes) when it starts with gzip's magic."""
    head = source.read(2) or b""
    return CappedGunzip(source, cap, head) if head[:2] == b"\x1f\x8b" else _Stream(source, head)


class LineCappedReader(io.BufferedReader):
    """A buffered reader whose lines stop at MAX_LINE bytes (warcio reads
    headers by line: a stream of zeros would otherwise become one huge line)."""

    def readline(self, size: int | None = -1) -> bytes:
        limit = MAX_LINE if size is None or size < 0 else min(size, MAX_LINE)
        line = super().readline(limit)
        if len(line) == MAX_LINE and not line.endswith(b"\n"):
            raise LimitExceeded(f"a line over {MAX_LINE} bytes: not a web archive")
        return line


def gunzip(data: bytes, cap: int, setting: str = "max_unpacked_bytes") -> bytes:
    """All of a gzip input, at most `cap` bytes (else LimitExceeded or Truncated)."""
    out = bytearray()
    stream = CappedGunzip(io.BytesIO(data), cap, setting=setting)
    buffer = bytearray(CHUNK)
    while n := stream.readinto(buffer):
        out += buffer[:n]
    if stream.failure is not None:
        raise stream.failure
    return bytes(out)


def json_depth(value: Any) -> int:
    """How deeply lists and objects nest in a parsed JSON value (iteratively)."""
    deepest, todo = 0, [(value, 1)]
    while todo:
        item, depth = todo.pop()
        if isinstance(item, (list, dict)):
            deepest = max(deepest, depth)
            todo.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest
