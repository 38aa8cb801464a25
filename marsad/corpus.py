"""Read articles: corpus documents (header, `---`, text), JSONL, plain text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import InputError


@dataclass
class Article:
    id: str
    text: str
    published: str | None = None
    language: str | None = None
    url: str | None = None
    outlet: str | None = None


def parse_document(raw: str, fallback_id: str) -> Article:
    """A corpus document: `key: value` header lines, a line `---`, the text."""
    head, sep, body = raw.partition("\n---\n")
    if not sep:
        return Article(fallback_id, raw)
    meta = {}
    for line in head.splitlines():
        key, colon, value = line.partition(":")
        if colon:
            meta[key.strip()] = value.split("#", 1)[0].strip() if key.strip() == "published" else value.strip()
    published = meta.get("published")
    url = meta.get("url")
    return Article(meta.get("id", fallback_id), body, None if published in (None, "", "unknown") else published,
                   meta.get("language") or None, None if url in (None, "", "unknown") else url,
                   meta.get("outlet") or None)


def _jsonl(path: Path, raw: str) -> Iterator[Article]:
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError("E102", f"{path}:{n}: not JSON ({exc.msg})") from exc
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise InputError("E103", f"{path}:{n}: an article needs a string field 'text'")
        yield Article(str(row.get("id", f"{path.stem}-{n}")), row["text"], row.get("published"),
                      row.get("language"), row.get("url"))


def read_articles(path: str, published: str | None = None, language: str | None = None,
                  stdin_text: str | None = None) -> Iterator[Article]:
    """Articles in one input: a .jsonl file, a corpus document or plain text."""
    if path == "-":
        raw, p = stdin_text or "", Path("stdin")
    else:
        p = Path(path)
        if not p.is_file():
            raise InputError("E101", f"{path}: no such file")
        try:
            raw = p.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError("E104", f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    if p.suffix == ".jsonl" or (path == "-" and raw.lstrip().startswith("{")):
        yield from _jsonl(p, raw)
        return
    article = parse_document(raw, p.stem)
    article.published = published or article.published
    article.language = language or article.language
    yield article
