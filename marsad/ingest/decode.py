"""Bytes to text: BOMs, declared charsets, then detection (charset-normalizer)."""

from __future__ import annotations

import codecs
import re

_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.I)


class DecodeError(ValueError):
    """The bytes are not text in any encoding marsad can tell."""


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the head of a file that has no UTF-16 BOM: not text."""
    head = data[:8192]
    return b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def declared_charset(data: bytes) -> str | None:
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding) of `data`; raises DecodeError when nothing fits."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for name in filter(None, (declared, declared_charset(data))):
        try:
            return data.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("cannot tell the text encoding")
    return str(best), best.encoding
