"""One reader per input format, registered by name.

A reader takes the bytes of one input (and where they came from) and yields
raw articles or failures; `reader_for` picks one by extension or content.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO

from marsad.corpus import parse_document
from marsad.ingest.decode import DecodeError, decode, looks_binary


@dataclass
class RawArticle:
    text: str
    source: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    encoding: str | None = None
    external_id: str | None = None
    outlet: str | None = None


@dataclass
class Failure:
    source: str
    reason: str


Item = RawArticle | Failure
Reader = Callable[[bytes, str, str | None], Iterator[Item]]
READERS: dict[str, Reader] = {}
EXTENSIONS: dict[str, str] = {}


def reader(name: str, *extensions: str) -> Callable[[Reader], Reader]:
    def register(fn: Reader) -> Reader:
        READERS[name] = fn
        for ext in extensions:
            EXTENSIONS[ext] = name
        return fn
    return register


def reader_for(name: str, data: bytes) -> str:
    """The reader for an input, by its extension, else by a look at its bytes."""
    lower = name.lower().split("?")[0]
    for ext in sorted(EXTENSIONS, key=len, reverse=True):
        if lower.endswith(ext):
            return EXTENSIONS[ext]
    head = data[:2048].lstrip().lower()
    if data[:2] == b"\x1f\x8b" or head.startswith(b"warc/"):
        return "warc"
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head) or head.startswith((b"<rss", b"<feed")):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    return "text"


def text_reader(fn: Callable[[str, str, str], Iterator[Item]]) -> Reader:
    """A reader of text formats: the bytes are decoded first (or reported)."""
    def read(data: bytes, source: str, declared: str | None = None) -> Iterator[Item]:
        decoded = _text(data, source, declared)
        if isinstance(decoded, Failure):
            yield decoded
            return
        yield from fn(decoded[0], source, decoded[1])
    read.__name__ = fn.__name__
    read.__doc__ = fn.__doc__
    return read


def _text(data: bytes, source: str, declared: str | None = None) -> tuple[str, str] | Failure:
    if not data.strip():
        return Failure(source, "empty")
    if looks_binary(data):
        return Failure(source, "binary file, not text")
    try:
        return decode(data, declared)
    except DecodeError as exc:
        return Failure(source, str(exc))


@reader("text", ".txt", ".md")
@text_reader
def read_text(text: str, source: str, encoding: str) -> Iterator[Item]:
    article = parse_document(text, source)
    if not article.text.strip():
        yield Failure(source, "empty")
        return
    yield RawArticle(article.text, source, article.url, None, article.published, article.language, encoding,
                     article.id if article.id != source else None, article.outlet)


@reader("html", ".html", ".htm")
def read_html(data: bytes, source: str, declared: str | None = None, url: str | None = None) -> Iterator[Item]:
    decoded = _text(data, source, declared)
    if isinstance(decoded, Failure):
        yield decoded
        return
    html, encoding = decoded
    import trafilatura

    found = trafilatura.extract(html, output_format="json", with_metadata=True, favor_recall=True, url=url)
    meta = json.loads(found) if found else {}
    text = (meta.get("text") or "").strip()
    if not text:
        yield Failure(source, "no article text in the page")
        return
    title = meta.get("title")
    body = f"{title}\n{text}" if title and not text.startswith(title) else text
    yield RawArticle(body, source, url or meta.get("source"), title, (meta.get("date") or None), meta.get("language"),
                     encoding)


def _record(row: object, source: str, n: int) -> Item:
    if not isinstance(row, dict):
        return Failure(f"{source}#{n}", "an article must be a JSON object")
    text = row.get("text") or row.get("body") or row.get("content")
    if not isinstance(text, str) or not text.strip():
        return Failure(f"{source}#{n}", "no 'text' field")
    published = row.get("published") or row.get("date")
    return RawArticle(text, f"{source}#{n}", row.get("url"), row.get("title"),
                      str(published)[:10] if published else None, row.get("language"), "utf-8",
                      str(row["id"]) if row.get("id") is not None else None, row.get("outlet"))


@reader("jsonl", ".jsonl", ".ndjson")
@text_reader
def read_jsonl(text: str, source: str, encoding: str) -> Iterator[Item]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield _record(json.loads(line), source, n)
        except json.JSONDecodeError as exc:
            yield Failure(f"{source}#{n}", f"malformed JSON: {exc.msg}")


@reader("json", ".json")
@text_reader
def read_json(text: str, source: str, encoding: str) -> Iterator[Item]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Failure(source, f"malformed JSON: {exc.msg} (line {exc.lineno})")
        return
    rows = doc if isinstance(doc, list) else doc.get("articles", [doc]) if isinstance(doc, dict) else [doc]
    for n, row in enumerate(rows, 1):
        yield _record(row, source, n)


@reader("csv", ".csv", ".tsv")
@text_reader
def read_csv(text: str, source: str, encoding: str) -> Iterator[Item]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel_tab if source.endswith(".tsv") else csv.excel
    rows = csv.DictReader(io.StringIO(text), dialect=dialect)
    if not rows.fieldnames or not {"text", "body", "content"} & {f.strip().lower() for f in rows.fieldnames}:
        yield Failure(source, "a CSV needs a text, body or content column")
        return
    for n, row in enumerate(rows, 1):
        yield _record({k.strip().lower(): v for k, v in row.items() if k}, source, n)


@reader("feed", ".rss", ".atom", ".xml")
def read_feed(data: bytes, source: str, declared: str | None = None) -> Iterator[Item]:
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield Failure(source, f"not a readable feed ({feed.get('bozo_exception', 'malformed')})")
        return
    for n, entry in enumerate(feed.entries, 1):
        html = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        text = _html_to_text(html)
        title = entry.get("title")
        if title:
            text = f"{title}\n{text}"
        if not text.strip():
            yield Failure(f"{source}#{n}", "feed entry without text")
            continue
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        published = f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}" if parsed else None
        yield RawArticle(text, f"{source}#{n}", entry.get("link"), title, published, None, "utf-8",
                         entry.get("id"))


def _html_to_text(html: str) -> str:
    if "<" not in html:
        return html.strip()
    import lxml.html

    try:
        return lxml.html.fromstring(html).text_content().strip()
    except Exception:  # lxml raises several kinds on fragments it cannot read
        return ""


@reader("warc", ".warc", ".warc.gz")
def read_warc(data: bytes, source: str, declared: str | None = None) -> Iterator[Item]:
    if data[:2] == b"\x1f\x8b":
        try:  # a cut download ends mid-member; warcio would stop quietly
            gzip.decompress(data)
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            yield Failure(source, f"truncated or corrupt web archive ({exc.__class__.__name__})")
            return
    yield from read_warc_stream(io.BytesIO(data), source)


def read_warc_stream(stream: IO[bytes], source: str, max_bytes: int | None = None) -> Iterator[Item]:
    """The HTML responses of a web archive, read record by record from a stream
    (a record over `max_bytes` is reported, not read)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if "html" not in ctype.lower():
                continue
            n += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            name = f"{source}#{url or n}"
            body = record.content_stream().read(max_bytes + 1 if max_bytes else -1)
            if max_bytes and len(body) > max_bytes:
                yield Failure(name, f"over the size limit ({max_bytes} bytes)")
                continue
            charset = ctype.split("charset=")[-1].strip() if "charset=" in ctype else None
            yield from read_html(body, name, charset, url)
    except (ArchiveLoadFailed, EOFError, zlib.error, gzip.BadGzipFile, ValueError) as exc:
        yield Failure(source, f"truncated or corrupt web archive ({exc.__class__.__name__})")
        return
    if n == 0:
        yield Failure(source, "no HTML response records in the web archive")
