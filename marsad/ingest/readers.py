"""One reader per input format, registered by name.

A reader takes the bytes of one input (where they came from, a declared
charset and the limits) and yields raw articles or failures; `reader_for`
picks one by extension or content. A bad record is a failure and the reader
goes on; every text field of an article is cleaned where it is made
(`clean_text`: no lone surrogates, no NUL), so the store and every stage see
valid text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from typing import IO, Any

from marsad.corpus import parse_document
from marsad.ingest.decode import DecodeError, decode, looks_binary
from marsad.ingest.limits import LimitExceeded, Limits, LineCappedReader, Truncated, json_depth, unpacked
from marsad.normalize import clean_text

DEFAULT_LIMITS = Limits()
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


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

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str):
                setattr(self, f.name, clean_text(value))


@dataclass
class Failure:
    source: str
    reason: str

    def __post_init__(self) -> None:
        self.source, self.reason = clean_text(self.source), clean_text(self.reason)


@dataclass
class Page:
    """An HTML page of a web archive, read but not yet made an article: that
    (trafilatura, the costly part of reading) runs where figures are extracted."""
    html: bytes
    source: str
    charset: str | None
    url: str | None


Item = RawArticle | Failure
Reader = Callable[..., Iterator[Item]]  # (data, source, declared charset, limits) -> articles and failures
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


def text_reader(fn: Callable[[str, str, str, Limits], Iterator[Item]]) -> Reader:
    """A reader of text formats: the bytes are decoded first (or reported)."""
    def read(data: bytes, source: str, declared: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
        decoded = _text(data, source, declared)
        if isinstance(decoded, Failure):
            yield decoded
            return
        yield from fn(decoded[0], source, decoded[1], limits)
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
def read_text(text: str, source: str, encoding: str, limits: Limits) -> Iterator[Item]:
    article = parse_document(text, source)
    if not article.text.strip():
        yield Failure(source, "empty")
        return
    yield RawArticle(article.text, source, article.url, None, article.published, article.language, encoding,
                     article.id if article.id != source else None, article.outlet)


@reader("html", ".html", ".htm")
def read_html(data: bytes, source: str, declared: str | None = None, limits: Limits = DEFAULT_LIMITS,
              url: str | None = None) -> Iterator[Item]:
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


SHORT_FIELDS = ("url", "title", "outlet", "id", "language", "published", "date")


def _record(row: object, source: str, n: int, limits: Limits = DEFAULT_LIMITS) -> Item:
    """One article of a JSON, JSONL or CSV input, or the reason it is not one."""
    where = f"{source}#{n}"
    if not isinstance(row, dict):
        return Failure(where, "an article must be a JSON object")
    text = row.get("text") or row.get("body") or row.get("content")
    if not isinstance(text, str) or not text.strip():
        return Failure(where, "no 'text' field")
    for name in SHORT_FIELDS:
        value = row.get(name)
        if value is None or value == "":
            continue
        if isinstance(value, bool) or not isinstance(value, str if name != "id" else (str, int)):
            return Failure(where, f"field {name!r} must be a string, not {type(value).__name__}")
        if len(str(value)) > limits.max_field_chars:  # checked before the id is made a string
            return Failure(where, f"field {name!r} is over {limits.max_field_chars} characters "
                                  f"(setting max_field_chars)")
    language = row.get("language") or None
    if language is not None and not LANGUAGE_CODE.match(language):
        return Failure(where, f"field 'language' must be a language code such as 'ar', not {language[:20]!r}")
    published = row.get("published") or row.get("date")
    return RawArticle(text, where, row.get("url") or None, row.get("title") or None,
                      published[:10] if published else None, language, "utf-8",
                      str(row["id"]) if row.get("id") not in (None, "") else None, row.get("outlet") or None)


def within_limits(article: RawArticle, limits: Limits) -> Item:
    """The article, or a failure when its text or a short field is over its limit."""
    if len(article.text) > limits.max_text_chars:
        return Failure(article.source, f"text of {len(article.text)} characters, over the limit (setting "
                                       f"max_text_chars = {limits.max_text_chars})")
    for name in ("url", "title", "outlet", "external_id", "published", "language"):
        value = getattr(article, name)
        if value is not None and len(value) > limits.max_field_chars:
            return Failure(article.source, f"{name} of {len(value)} characters, over the limit (setting "
                                           f"max_field_chars = {limits.max_field_chars})")
    return article


def _parse_json(text: str, limits: Limits) -> object:
    """JSON nested at most `max_depth` deep (a line of 200,000 '[' is refused, not a crash)."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise LimitExceeded(f"nested deeper than {limits.max_depth} levels (setting max_depth)") from None
    except ValueError as exc:
        if isinstance(exc, json.JSONDecodeError):
            raise
        raise LimitExceeded(str(exc)) from None  # a number of more than 4300 digits
    if json_depth(value) > limits.max_depth:
        raise LimitExceeded(f"nested deeper than {limits.max_depth} levels (setting max_depth)")
    return value


@reader("jsonl", ".jsonl", ".ndjson")
@text_reader
def read_jsonl(text: str, source: str, encoding: str, limits: Limits) -> Iterator[Item]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield _record(_parse_json(line, limits), source, n, limits)
        except json.JSONDecodeError as exc:
            yield Failure(f"{source}#{n}", f"malformed JSON on line {n}: {exc.msg}")
        except LimitExceeded as exc:
            yield Failure(f"{source}#{n}", f"line {n}: {exc}")


@reader("json", ".json")
@text_reader
def read_json(text: str, source: str, encoding: str, limits: Limits) -> Iterator[Item]:
    try:
        doc = _parse_json(text, limits)
    except json.JSONDecodeError as exc:
        yield Failure(source, f"malformed JSON: {exc.msg} (line {exc.lineno})")
        return
    except LimitExceeded as exc:
        yield Failure(source, str(exc))
        return
    rows = doc if isinstance(doc, list) else doc.get("articles", [doc]) if isinstance(doc, dict) else [doc]
    if not isinstance(rows, list):
        rows = [rows]
    for n, row in enumerate(rows, 1):
        yield _record(row, source, n, limits)


@reader("csv", ".csv", ".tsv")
@text_reader
def read_csv(text: str, source: str, encoding: str, limits: Limits) -> Iterator[Item]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel_tab if source.endswith(".tsv") else csv.excel
    # the csv module's cell limit is process-wide; a long real article is one cell
    csv.field_size_limit(max(limits.max_text_chars, limits.max_field_chars) + 1)
    rows = csv.reader(io.StringIO(text), dialect=dialect)
    header = next(rows, None)
    names = [h.strip().lower() for h in header or []]
    if not {"text", "body", "content"} & set(names):
        yield Failure(source, "a CSV needs a text, body or content column")
        return
    n = 0
    while True:
        n += 1
        try:
            cells = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Failure(f"{source}#{n}", f"record {n} (line {rows.line_num}): {exc}")
            continue
        yield _record({k: v for k, v in zip(names, cells) if k}, source, n, limits)


@reader("feed", ".rss", ".atom", ".xml")
def read_feed(data: bytes, source: str, declared: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield Failure(source, f"not a readable feed ({feed.get('bozo_exception', 'malformed')})")
        return
    for n, entry in enumerate(feed.entries, 1):
        try:
            yield _feed_entry(entry, f"{source}#{n}")
        except Exception as exc:  # one odd entry costs only itself
            yield Failure(f"{source}#{n}", f"feed entry {n} cannot be read: {exc.__class__.__name__}: {exc}")


def _feed_entry(entry: Any, where: str) -> Item:
    html = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
    text = _html_to_text(html)
    title = entry.get("title")
    if title:
        text = f"{title}\n{text}"
    if not text.strip():
        return Failure(where, "feed entry without text")
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    published = f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}" if parsed else None
    return RawArticle(text, where, entry.get("link"), title, published, None, "utf-8", entry.get("id"))


def _html_to_text(html: str) -> str:
    if "<" not in html:
        return html.strip()
    import lxml.html

    try:
        return lxml.html.fromstring(html).text_content().strip()
    except Exception:  # lxml raises several kinds on fragments it cannot read
        return ""


@reader("warc", ".warc", ".warc.gz")
def read_warc(data: bytes, source: str, declared: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """A web archive held in memory (see `read_warc_stream`)."""
    for item in read_warc_stream(io.BytesIO(data), source, limits):
        yield from page_article(item, limits) if isinstance(item, Page) else (item,)


def page_article(page: Page, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """The article of a web archive's page (or why there is none)."""
    return read_html(page.html, page.source, page.charset, limits, page.url)


def read_warc_stream(stream: IO[bytes], source: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item | Page]:
    """The HTML responses of a web archive (.warc or .warc.gz), read record by
    record from a forward-only stream, as `Page`s: decompression is capped
    (max_unpacked_bytes), a record over max_bytes is reported and skipped
    without being held, and the records before a truncation or a limit are
    kept, the failure naming where it stopped."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    raw = unpacked(stream, limits.max_unpacked_bytes)
    n, cut = 0, None
    try:
        for record in ArchiveIterator(LineCappedReader(raw, 1 << 16)):
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if "html" not in ctype.lower():
                continue
            n += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            declared_too_long = (record.length or 0) > limits.max_bytes  # skipped as a stream, never held
            body = b"" if declared_too_long else _read_capped(record, limits.max_bytes + 1)
            if declared_too_long or len(body) > limits.max_bytes:
                yield Failure(f"{source}#{url or n}", f"record {n} is over the size limit ({limits.max_bytes} bytes, "
                                                      f"setting max_bytes)")
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:
                n, cut = n - 1, Truncated("the archive ends inside a record")  # reported below
                break
            charset = ctype.split("charset=")[-1].strip() if "charset=" in ctype else None
            yield Page(body, f"{source}#{url or n}", charset, url)
    except (ArchiveLoadFailed, Truncated, LimitExceeded, EOFError, OSError, ValueError) as exc:
        yield _warc_failure(source, n, exc)
        return
    failure = raw.failure or cut
    if failure is not None:
        yield _warc_failure(source, n, failure)
    elif n == 0:
        yield Failure(source, "no HTML response records in the web archive")


def _read_capped(record: Any, cap: int) -> bytes:
    """A record's content, at most `cap` bytes, read a megabyte at a time (no copies of a large body)."""
    stream, out = record.content_stream(), bytearray()
    while len(out) < cap and (chunk := stream.read(min(1 << 20, cap - len(out)))):
        out += chunk
    return bytes(out)


def _warc_failure(source: str, n: int, exc: Exception) -> Failure:
    if isinstance(exc, LimitExceeded):
        return Failure(source, f"web archive stopped after {n} HTML records: {exc}")
    return Failure(source, f"truncated or corrupt web archive after {n} HTML records ({exc.__class__.__name__})")
