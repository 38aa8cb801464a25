"""One source in, its documents with their figures out: the unit both engines share.

A source is a file, a folder, a feed, a web archive, an article URL or an
object-store URI (s3://, gs://, via pyarrow). `source_documents` reads it as a
stream and gives every article with its figures extracted, or a `Failure`
naming the file or record and the reason. `marsad ingest` runs it with a
process pool as its mapper; the Spark job (`marsad.spark`) runs it inside
`mapPartitions`, one source after another. Reading, extraction and the
isolation of a bad record live here only: both engines get the same behaviour.

Memory stays bounded: records are read one at a time (a web archive is
decompressed as a stream), and at most `BATCH` articles wait for extraction.
"""

from __future__ import annotations

import gzip
import urllib.request
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from itertools import islice
from pathlib import Path
from typing import IO
from urllib.parse import urlparse

from marsad.ingest.readers import READERS, Failure, RawArticle, read_html, read_warc_stream, reader_for
from marsad.lang import available_languages
from marsad.language import detect_language
from marsad.lexicon import load_lexicon
from marsad.normalize import normalize
from marsad.pipeline import EXTRACTOR_VERSION, extract
from marsad.schema import FieldError, parse_iso_date
from marsad.store import NewDocument

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
BATCH = 200
FETCH_TIMEOUT = 20
LARGEST_COUNT = 2**63 - 1  # the store's and Parquet's 64-bit integers; no movement counts more people
OBJECT_STORES = ("s3://", "s3a://", "gs://", "gcs://", "hdfs://", "abfs://")

Prepared = "NewDocument | Failure"
Mapper = Callable[[Callable[[RawArticle], Prepared], list[RawArticle]], Iterable[Prepared]]
Keep = Callable[[list[RawArticle]], list[RawArticle]]


def source_documents(source: str, max_bytes: int = DEFAULT_MAX_BYTES, mapper: Mapper = map,
                     keep: Keep | None = None) -> Iterator[NewDocument | Failure]:
    """Every article of `source` with its figures (or a failure), in reading order.

    `mapper` runs the extraction over a batch (the builtin `map`, or a process
    pool's `imap`); `keep` may drop articles before extraction (ingest drops
    those already stored)."""
    yield from prepared(read_source(source, max_bytes), mapper, keep)


def prepared(items: Iterable[RawArticle | Failure], mapper: Mapper = map,
             keep: Keep | None = None) -> Iterator[NewDocument | Failure]:
    """Raw articles (or failures) with their figures, in order, `BATCH` at a time
    (`marsad watch` hands in the articles it fetched itself)."""
    items = iter(items)
    while chunk := list(islice(items, BATCH)):
        articles = [a for a in chunk if isinstance(a, RawArticle)]
        wanted = {id(a) for a in (keep(articles) if keep else articles)}
        done = iter(mapper(prepare_isolated, [a for a in articles if id(a) in wanted]))
        for item in chunk:
            if isinstance(item, Failure):
                yield item
            elif id(item) in wanted:
                yield next(done)


def read_source(source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawArticle | Failure]:
    """Every raw article (or failure) of one source, read as a stream."""
    if source.startswith(("http://", "https://")):
        yield from _read_url(source, max_bytes)
        return
    if source.startswith(OBJECT_STORES):
        yield from _read_object(source, max_bytes)
        return
    path = Path(source.removeprefix("file://"))
    if path.is_dir():
        for p in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
            yield from _read_file(p, max_bytes)
    elif path.is_file():
        yield from _read_file(path, max_bytes)
    else:
        yield Failure(source, "no such file or directory")


def _read_file(path: Path, max_bytes: int) -> Iterator[RawArticle | Failure]:
    with path.open("rb") as stream:
        head = stream.read(2048)
        if reader_for(str(path), head) == "warc":  # web archives stream: a 1 GB CC-NEWS file is fine
            stream.seek(0)
            yield from _read_archive(stream, str(path), max_bytes)
            return
    size = path.stat().st_size
    if size > max_bytes:
        yield Failure(str(path), f"over the size limit ({size} > {max_bytes} bytes)")
        return
    yield from _read_bytes(str(path), path.read_bytes(), None)


def _read_archive(stream: IO[bytes], name: str, max_bytes: int) -> Iterator[RawArticle | Failure]:
    head = stream.read(2)
    stream.seek(0)
    if head != b"\x1f\x8b":
        yield from read_warc_stream(stream, name, max_bytes)
        return
    # gzip's own reader notices a cut member, where warcio would stop quietly
    plain = _Guarded(gzip.GzipFile(fileobj=stream))
    for item in read_warc_stream(plain, name, max_bytes):
        if not (plain.error and isinstance(item, Failure) and item.source == name):
            yield item
    if plain.error:
        yield Failure(name, f"truncated or corrupt web archive ({plain.error})")


class _Guarded:
    """A stream that ends where decompression fails, remembering why."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw, self.error = raw, ""

    def read(self, n: int = -1) -> bytes:
        try:  # read1: what one member gives, so a cut at the end keeps the whole records before it
            return self.raw.read1(n) if hasattr(self.raw, "read1") else self.raw.read(n)
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            self.error = exc.__class__.__name__
            return b""


def _read_bytes(name: str, data: bytes, charset: str | None) -> Iterator[RawArticle | Failure]:
    kind = reader_for(name, data)
    if kind == "html" and name.startswith("http"):
        yield from read_html(data, name, charset, name)
    else:
        yield from READERS[kind](data, name, charset)


def read_fetched(url: str, data: bytes, charset: str | None) -> Iterator[RawArticle | Failure]:
    """The articles of a body already fetched from `url` (marsad watch has its own HTTP client)."""
    yield from _read_bytes(url, data, charset)


def _read_url(url: str, max_bytes: int) -> Iterator[RawArticle | Failure]:
    request = urllib.request.Request(url, headers={"User-Agent": "marsad/0.1 (+news figures)"})
    try:
        response = urllib.request.urlopen(request, timeout=FETCH_TIMEOUT)
    except Exception as exc:  # DNS, refused, timeout, HTTP errors: one error line each
        yield Failure(url, f"cannot fetch: {exc.__class__.__name__}: {exc}")
        return
    with closing(response):
        if reader_for(url, b"") == "warc":
            yield from _read_archive(_Seekless(response), url, max_bytes)
            return
        try:
            data = response.read(max_bytes + 1)
        except Exception as exc:  # a connection cut while reading
            yield Failure(url, f"cannot fetch: {exc.__class__.__name__}: {exc}")
            return
        charset = response.headers.get_content_charset()
    if len(data) > max_bytes:
        yield Failure(url, f"over the size limit ({max_bytes} bytes)")
        return
    yield from _read_bytes(url, data, charset)


def _read_object(uri: str, max_bytes: int) -> Iterator[RawArticle | Failure]:
    """An object in S3, GCS or HDFS, opened through pyarrow's file systems."""
    from pyarrow import fs

    try:
        filesystem, path = fs.FileSystem.from_uri(uri.replace("s3a://", "s3://", 1))
        stream = filesystem.open_input_stream(path)
    except Exception as exc:  # no credentials, no such bucket or key, no driver
        yield Failure(uri, f"cannot open: {exc.__class__.__name__}: {exc}")
        return
    with stream:
        if reader_for(uri, b"") == "warc":
            yield from _read_archive(_Seekless(stream), uri, max_bytes)
            return
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Failure(uri, f"over the size limit ({max_bytes} bytes)")
        return
    yield from _read_bytes(uri, data, None)


class _Seekless:
    """A forward-only stream that can go back to its start once (to peek at the magic bytes)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw, self.head, self.pos = raw, b"", 0

    def read(self, n: int = -1) -> bytes:
        if self.pos < len(self.head):
            out = self.head[self.pos:] if n < 0 else self.head[self.pos:self.pos + n]
            self.pos += len(out)
            return out
        data = self.raw.read() if n < 0 else self.raw.read(n)
        if not self.head and self.pos == 0:
            self.head = data
        self.pos += len(data)
        return data

    def seek(self, offset: int, whence: int = 0) -> int:
        if offset != 0 or whence != 0 or self.pos > len(self.head):
            raise OSError("a remote stream can only go back to the bytes it peeked at")
        self.pos = 0
        return 0


def prepare(raw: RawArticle) -> NewDocument:
    """Language, figures, outlet and wire agency of one article (runs in a worker)."""
    language = raw.language or detect_language(raw.text)
    supported = language in available_languages()
    published = _published(raw.published)
    found = extract(raw.text, published=published, language=language, url=raw.url) if supported else []
    found = [f for f in found if all(n is None or abs(n) <= LARGEST_COUNT for n in (f.value, f.low, f.high))]
    outlet = raw.outlet or (urlparse(raw.url).hostname if raw.url else None)
    wire = wire_agency(raw.text, language) if supported else None
    return NewDocument(raw.text, raw.source, raw.url, raw.external_id, raw.title, language, published,
                       raw.encoding, found, EXTRACTOR_VERSION, outlet, wire)


def _published(raw: str | None) -> str | None:
    """A source's publication date if it is an ISO date: a feed or CSV that writes
    15/04/2024 is kept without a date rather than read as a guess."""
    try:
        return parse_iso_date("published", raw) if raw else None
    except FieldError:
        return None


def prepare_isolated(raw: RawArticle) -> NewDocument | Failure:
    """`prepare`, with an article the extractor cannot take turned into a failure, not a crash."""
    try:
        return prepare(raw)
    except Exception as exc:  # one bad record never ends a run (the reason is kept)
        return Failure(raw.source, f"extraction failed: {exc.__class__.__name__}: {exc}")


def wire_agency(text: str, language: str) -> str | None:
    """The news agency a story credits ("(AFP)", "رويترز", "أ ش أ"): reprints of
    one wire story are one origin, however many outlets carry them."""
    counts = load_lexicon(language).concept_counts(normalize(text), "WIRE")
    return max(counts, key=lambda k: counts[k]).split(".", 1)[1] if counts else None
