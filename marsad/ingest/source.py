"""One source in, its documents with their figures out: the unit both engines share.

A source is a file, a folder, a feed, a web archive, an article URL or an
object-store URI (s3://, gs://, via pyarrow). `source_documents` reads it as a
stream and gives every article with its figures extracted, or a `Failure`
naming the file or record and the reason. `marsad ingest` runs it with a
process pool as its mapper; the Spark job (`marsad.spark`) runs it inside
`mapPartitions`, one source after another. Reading, extraction, the limits
(`marsad.ingest.limits`) and the isolation of a bad file, record or article
live here only: both engines get the same behaviour. Text is cleaned where a
reader makes an article (`RawArticle`), so every stage and store sees valid text.

Memory stays bounded: records are read one at a time (a web archive is
decompressed as a stream, with a cap), and at most `BATCH` articles wait for extraction.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import islice
from pathlib import Path
from typing import IO
from urllib.parse import urlparse

from marsad.ingest.fetch import Download
from marsad.ingest.limits import LimitExceeded, Limits, gunzip
from marsad.ingest.readers import (
    READERS,
    Failure,
    Page,
    RawArticle,
    page_article,
    read_html,
    read_warc_stream,
    reader_for,
    within_limits,
)
from marsad.lang import available_languages
from marsad.language import detect_language
from marsad.lexicon import load_lexicon
from marsad.normalize import normalize
from marsad.pipeline import EXTRACTOR_VERSION, extract
from marsad.schema import FieldError, parse_iso_date
from marsad.store import NewDocument
from marsad.store.stories import story_facts

DEFAULT_LIMITS = Limits()
DEFAULT_MAX_BYTES = DEFAULT_LIMITS.max_bytes
BATCH = 200
LARGEST_COUNT = 2**63 - 1  # the store's and Parquet's 64-bit integers; no movement counts more people
OBJECT_STORES = ("s3://", "s3a://", "gs://", "gcs://", "hdfs://", "abfs://")

Item = RawArticle | Failure
Prepared = NewDocument | Failure
Mapper = Callable[[Callable[[RawArticle | Page], Prepared], list[RawArticle | Page]], Iterable[Prepared]]
Keep = Callable[[list[RawArticle]], list[RawArticle]]


def source_documents(source: str, limits: Limits = DEFAULT_LIMITS, mapper: Mapper = map,
                     keep: Keep | None = None) -> Iterator[Prepared]:
    """Every article of `source` with its figures (or a failure), in reading order.

    `mapper` runs the work of a chunk of `BATCH` records (the builtin `map`, or
    a process pool's `imap`): a web archive's pages become articles there too,
    and a chunk is handed to the mapper before the previous chunk's documents
    are given out, so that a pool goes on working while the caller stores them.
    `keep` may drop articles before extraction (ingest drops those already
    stored). A document whose figures went past max_figures carries how many
    were dropped (`dropped_failure` words it)."""
    yield from prepared(_limited(_inputs(source, limits), limits), limits, mapper, keep)


def prepared(items: Iterable[Item | Page], limits: Limits = DEFAULT_LIMITS, mapper: Mapper = map,
             keep: Keep | None = None) -> Iterator[Prepared]:
    """Raw articles, pages (or failures) with their figures, in order, `BATCH` at a time
    (`marsad watch` hands in the articles it fetched itself)."""
    work = partial(prepare_isolated, limits=limits)
    items = iter(items)
    ahead = None
    while chunk := list(islice(items, BATCH)):
        articles = [a for a in chunk if isinstance(a, RawArticle)]
        wanted = {id(a) for a in (keep(articles) if keep else articles)} | {id(p) for p in chunk if isinstance(p, Page)}
        started = (chunk, wanted, iter(mapper(work, [a for a in chunk if id(a) in wanted])))  # type: ignore[arg-type]
        if ahead is not None:
            yield from _given(*ahead)
        ahead = started
    if ahead is not None:
        yield from _given(*ahead)


def _given(chunk: list[Item | Page], wanted: set[int], done: Iterator[Prepared]) -> Iterator[Prepared]:
    for item in chunk:
        if isinstance(item, Failure):
            yield item
        elif id(item) in wanted:
            yield next(done)


def read_source(source: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """Every raw article (or failure) of one source, read as a stream. A reader
    that breaks on one input costs that input only (the articles it gave before
    are kept, the error is one failure); an article over a limit is a failure too."""
    for item in _limited(_inputs(source, limits), limits):
        yield _page_item(item, limits) if isinstance(item, Page) else item


def _limited(items: Iterator[Item | Page], limits: Limits) -> Iterator[Item | Page]:
    for item in items:
        yield within_limits(item, limits) if isinstance(item, RawArticle) else item


def _inputs(source: str, limits: Limits) -> Iterator[Item | Page]:
    if source.startswith(("http://", "https://")):
        yield from _isolated(source, _read_url(source, limits))
        return
    if source.startswith(OBJECT_STORES):
        yield from _isolated(source, _read_object(source, limits))
        return
    path = Path(source.removeprefix("file://"))
    if path.is_dir():
        for p in _files(path):
            if isinstance(p, Failure):
                yield p
            else:
                yield from _isolated(str(p), _read_file(p, limits))
    elif path.is_file():
        yield from _isolated(str(path), _read_file(path, limits))
    elif path.is_symlink():
        yield _link_failure(path)
    else:
        yield Failure(source, "no such file or directory")


def _isolated(name: str, items: Iterator[Item | Page]) -> Iterator[Item | Page]:
    """The items of one input; a reader's error (a bug, a bomb, a disk error) ends that input only."""
    try:
        yield from items
    except Exception as exc:  # one input's error must not end the run
        yield Failure(name, f"could not be read: {exc.__class__.__name__}: {str(exc)[:200]}")


def _files(top: Path) -> Iterator[Path | Failure]:
    """The files under a folder, in order; unreadable sub-folders, broken
    symbolic links and links that loop back are reported, not skipped."""
    seen: set[str] = set()
    problems: list[Failure] = []

    def refused(exc: OSError) -> None:
        problems.append(Failure(str(exc.filename or top), f"cannot read folder: {exc.strerror or exc}"))

    for folder, dirs, names in os.walk(top, onerror=refused, followlinks=True):
        yield from problems
        problems.clear()
        real = os.path.realpath(folder)
        if real in seen:
            yield Failure(folder, f"symbolic link loop: {real} is already being read")
            dirs.clear()
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            if path.is_symlink() and not path.exists():
                yield _link_failure(path)
            elif path.is_file():
                yield path
    yield from problems


def _link_failure(path: Path) -> Failure:
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Failure(str(path), "symbolic link loop")
    return Failure(str(path), f"broken symbolic link (to {os.readlink(path)})")


def _read_file(path: Path, limits: Limits) -> Iterator[Item | Page]:
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield Failure(str(path), f"cannot read file: {exc.strerror or exc}")
        return
    with stream:
        head = stream.read(2048)
        if _is_archive(str(path), head):  # web archives stream: a 1 GB CC-NEWS file is fine
            stream.seek(0)
            yield from read_warc_stream(stream, str(path), limits)
            return
        size = os.fstat(stream.fileno()).st_size
        if size > limits.max_bytes:
            yield Failure(str(path), f"over the size limit ({size} > {limits.max_bytes} bytes, setting max_bytes)")
            return
        data = head + stream.read()
    yield from _read_bytes(str(path), data, None, limits)


def _is_archive(name: str, head: bytes) -> bool:
    """A web archive, read as a stream (a .jsonl.gz or .csv.gz is gzip too, but read whole)."""
    lower = name.lower().split("?")[0]
    return not (lower.endswith(".gz") and not lower.endswith(".warc.gz")) and reader_for(name, head) == "warc"


def _read_bytes(name: str, data: bytes, charset: str | None, limits: Limits) -> Iterator[Item]:
    """The articles of one input held in memory; a .gz other than a web archive is
    decompressed first, to at most max_bytes (and max_unpacked_bytes)."""
    if name.lower().endswith(".gz"):
        try:
            data = gunzip(data, min(limits.max_bytes, limits.max_unpacked_bytes),
                          "max_bytes" if limits.max_bytes <= limits.max_unpacked_bytes else "max_unpacked_bytes")
        except (LimitExceeded, EOFError, OSError, ValueError) as exc:
            yield Failure(name, f"cannot decompress: {exc}")
            return
        name_for_reader = name[:-3]
    else:
        name_for_reader = name
    kind = reader_for(name_for_reader, data)
    if kind == "html" and name.startswith("http"):
        yield from read_html(data, name, charset, limits, name)
    else:
        yield from READERS[kind](data, name, charset, limits)


def read_fetched(url: str, data: bytes, charset: str | None, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """The articles of a body already fetched from `url` (marsad watch has its own HTTP client),
    within the limits like every other input."""
    for item in _isolated(url, _read_bytes(url, data, charset, limits)):
        yield within_limits(item, limits) if isinstance(item, RawArticle) else item


def _read_url(url: str, limits: Limits) -> Iterator[Item | Page]:
    """An article, feed or web archive by URL: max_bytes (per record for an
    archive) and fetch_seconds for the whole download."""
    try:
        download = Download(url, limits)
    except Exception as exc:  # DNS, refused, timeout, HTTP errors: one error line each
        yield Failure(url, f"cannot fetch: {exc.__class__.__name__}: {exc}")
        return
    try:
        if _is_archive(url, b""):
            yield from read_warc_stream(download.response, url, limits)
            if download.late():
                yield Failure(url, str(download.too_late()))
            return
        try:
            data = download.read_all()
        except LimitExceeded as exc:
            yield Failure(url, str(exc))
            return
        except Exception as exc:  # a connection cut while reading
            yield Failure(url, f"cannot fetch: {exc.__class__.__name__}: {exc}")
            return
        charset = download.charset()
    finally:
        download.close()
    yield from _read_bytes(url, data, charset, limits)


def _read_object(uri: str, limits: Limits) -> Iterator[Item | Page]:
    """An object in S3, GCS or HDFS, opened through pyarrow's file systems."""
    from pyarrow import fs

    try:
        filesystem, path = fs.FileSystem.from_uri(uri.replace("s3a://", "s3://", 1))
        stream: IO[bytes] = filesystem.open_input_stream(path)
    except Exception as exc:  # no credentials, no such bucket or key, no driver
        yield Failure(uri, f"cannot open: {exc.__class__.__name__}: {exc}")
        return
    with stream:
        if _is_archive(uri, b""):
            yield from read_warc_stream(stream, uri, limits)
            return
        data = stream.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        yield Failure(uri, f"over the size limit ({limits.max_bytes} bytes, setting max_bytes)")
        return
    yield from _read_bytes(uri, data, None, limits)


def prepare(raw: RawArticle, max_figures: int = DEFAULT_LIMITS.max_figures) -> NewDocument:
    """Language, figures, outlet and wire agency of one article (runs in a worker).
    Figures past `max_figures` are dropped; `NewDocument.dropped` counts them."""
    language = raw.language or detect_language(raw.text)
    supported = language in available_languages()
    published = _published(raw.published)
    found = extract(raw.text, published=published, language=language, url=raw.url) if supported else []
    found = [f for f in found if all(n is None or abs(n) <= LARGEST_COUNT for n in (f.value, f.low, f.high))]
    outlet = raw.outlet or (urlparse(raw.url).hostname if raw.url else None)
    wire = wire_agency(raw.text, language) if supported else None
    doc = NewDocument(raw.text, raw.source, raw.url, raw.external_id, raw.title, language, published,
                      raw.encoding, found[:max_figures], EXTRACTOR_VERSION, outlet, wire)
    doc.dropped = max(len(found) - max_figures, 0)
    doc.story_facts = story_facts(raw.text)  # here, not in the process that stores
    return doc


def _published(raw: str | None) -> str | None:
    """A source's publication date if it is an ISO date: a feed or CSV that writes
    15/04/2024 is kept without a date rather than read as a guess."""
    try:
        return parse_iso_date("published", raw) if raw else None
    except FieldError:
        return None


def prepare_isolated(job: RawArticle | Page, limits: Limits = DEFAULT_LIMITS) -> Prepared:
    """`prepare` (a page made an article first), with an article the reader or
    the extractor cannot take turned into a failure, not a crash."""
    if isinstance(job, Page):
        made = _page_item(job, limits)
        if isinstance(made, Failure):
            return made
        job = made
    try:
        return prepare(job, limits.max_figures)
    except Exception as exc:  # one bad record never ends a run (the reason is kept)
        return Failure(job.source, f"extraction failed: {exc.__class__.__name__}: {str(exc)[:200]}")


def _page_item(page: Page, limits: Limits) -> Item:
    try:
        made = next(iter(page_article(page, limits)), None) or Failure(page.source, "no article text in the page")
    except Exception as exc:  # a page the HTML reader cannot take costs only itself
        return Failure(page.source, f"could not be read: {exc.__class__.__name__}: {str(exc)[:200]}")
    return within_limits(made, limits) if isinstance(made, RawArticle) else made


def dropped_failure(doc: NewDocument, max_figures: int) -> Failure | None:
    """The failures row of a document stored with its first `max_figures` figures only."""
    if not doc.dropped:
        return None
    found = len(doc.figures or []) + doc.dropped
    return Failure(doc.source, f"{found} figures, over the limit: the first {max_figures} kept (setting max_figures)")


def wire_agency(text: str, language: str) -> str | None:
    """The news agency a story credits ("(AFP)", "رويترز", "أ ش أ"): reprints of
    one wire story are one origin, however many outlets carry them."""
    counts = load_lexicon(language).concept_counts(normalize(text), "WIRE")
    return max(counts, key=lambda k: counts[k]).split(".", 1)[1] if counts else None
