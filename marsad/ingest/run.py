"""`marsad ingest`: read sources, extract figures in worker processes, store.

Documents are written in batches, each batch one transaction with the
figures of its documents; a document already stored (same content hash) is
counted as seen and not extracted again. Killing the process loses at most
the batch in flight, which the next run writes: the store ends the same.
"""

from __future__ import annotations

import http.client
import os
import socket
import sys
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from urllib.parse import urlparse

from sqlalchemy.exc import SQLAlchemyError

from marsad.ingest.limits import LimitExceeded, Limits, gunzip
from marsad.ingest.readers import READERS, Failure, RawArticle, read_html, reader_for, within_limits
from marsad.lang import available_languages, unread_line
from marsad.language import detect_language
from marsad.lexicon import load_lexicon
from marsad.normalize import normalize
from marsad.pipeline import EXTRACTOR_VERSION, extract
from marsad.schema import FieldError, parse_iso_date
from marsad.store import NewDocument, Store

DEFAULT_MAX_BYTES = Limits.max_bytes
BATCH = 200
SOCKET_TIMEOUT = 20  # one read; the whole download is bounded by the fetch_seconds setting


@dataclass
class Summary:
    new: int = 0
    seen: int = 0
    failed: int = 0
    figures: int = 0
    failures: list[Failure] = field(default_factory=list)
    unread: Counter[str] = field(default_factory=Counter)  # language -> documents stored without figures

    def line(self) -> str:
        line = f"documents: {self.new} new, {self.seen} seen, {self.failed} failed; figures: {self.figures}"
        return line + (f"; {unread_line(self.unread)}" if self.unread else "")


def _guarded(base: type[http.client.HTTPConnection], deadline: float) -> type[http.client.HTTPConnection]:
    """A connection class whose socket is shut when the download's time is up,
    however slowly the server trickles its headers or body."""
    class Guarded(base):  # type: ignore[valid-type,misc]
        def connect(self) -> None:
            super().connect()
            sock = self.sock
            timer = threading.Timer(max(deadline - time.monotonic(), 0), _shut, (sock,))
            timer.daemon = True
            timer.start()
    return Guarded


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _opener(deadline: float) -> urllib.request.OpenerDirector:
    class Http(urllib.request.HTTPHandler):
        def http_open(self, req):  # type: ignore[no-untyped-def]
            return self.do_open(_guarded(http.client.HTTPConnection, deadline), req)

    class Https(urllib.request.HTTPSHandler):
        def https_open(self, req):  # type: ignore[no-untyped-def]
            return self.do_open(_guarded(http.client.HTTPSConnection, deadline), req, context=self._context)

    return urllib.request.build_opener(Http, Https)


def _fetch(url: str, limits: Limits) -> tuple[bytes, str | None]:
    """The body of `url`: at most max_bytes, within fetch_seconds in all."""
    deadline = time.monotonic() + limits.fetch_seconds
    request = urllib.request.Request(url, headers={"User-Agent": "marsad/0.1 (+news figures)"})
    chunks, size = [], 0
    with _opener(deadline).open(request, timeout=min(SOCKET_TIMEOUT, limits.fetch_seconds)) as response:
        charset = response.headers.get_content_charset()
        while chunk := response.read1(65536):
            chunks.append(chunk)
            size += len(chunk)
            if size > limits.max_bytes:
                raise LimitExceeded(f"over the size limit ({limits.max_bytes} bytes, setting max_bytes)")
            if time.monotonic() > deadline:
                raise LimitExceeded(f"download took over {limits.fetch_seconds:g} s (setting fetch_seconds)")
    if time.monotonic() > deadline:  # the guard shut the socket: what came is cut short
        raise LimitExceeded(f"download took over {limits.fetch_seconds:g} s (setting fetch_seconds)")
    return b"".join(chunks), charset


def _files(top: Path) -> Iterator[Path | Failure]:
    """The files under a folder, in order; unreadable sub-folders, broken
    symbolic links and links that loop back are reported, not skipped."""
    seen: set[str] = set()

    def refused(exc: OSError) -> None:
        problems.append(Failure(str(exc.filename or top), f"cannot read folder: {exc.strerror or exc}"))

    problems: list[Failure] = []
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
        if exc.errno == 40:  # ELOOP
            return Failure(str(path), "symbolic link loop")
    return Failure(str(path), f"broken symbolic link (to {os.readlink(path)})")


def _inputs(sources: list[str], limits: Limits) -> Iterator[tuple[str, bytes, str | None] | Failure]:
    for src in sources:
        if src.startswith(("http://", "https://")):
            try:
                data, charset = _fetch(src, limits)
            except LimitExceeded as exc:
                yield Failure(src, str(exc))
                continue
            except Exception as exc:  # DNS, refused, timeout, HTTP errors: one error line each
                yield Failure(src, f"cannot fetch: {exc.__class__.__name__}: {exc}")
                continue
            yield src, data, charset
            continue
        path = Path(src)
        if path.is_dir():
            files: Iterator[Path | Failure] = _files(path)
        elif path.is_file():
            files = iter([path])
        elif path.is_symlink():
            files = iter([_link_failure(path)])
        else:
            yield Failure(src, "no such file or directory")
            continue
        for p in files:
            yield p if isinstance(p, Failure) else _read_file(p, limits)


def _read_file(path: Path, limits: Limits) -> tuple[str, bytes, str | None] | Failure:
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            return Failure(str(path), f"over the size limit ({size} > {limits.max_bytes} bytes, setting max_bytes)")
        return str(path), path.read_bytes(), None
    except OSError as exc:
        return Failure(str(path), f"cannot read file: {exc.strerror or exc}")


def read_sources(sources: list[str], max_bytes: int | None = None,
                 limits: Limits | None = None) -> Iterator[RawArticle | Failure]:
    """Every article (or failure) in the given files, folders, feeds and URLs.
    A reader that breaks on one input costs that input only: the articles it
    gave before are kept and the error is one failure."""
    limits = limits or Limits()
    if max_bytes is not None:
        limits = replace(limits, max_bytes=max_bytes)
    for item in _inputs(sources, limits):
        if isinstance(item, Failure):
            yield item
            continue
        try:
            for found in _read_one(*item, limits):
                yield within_limits(found, limits) if isinstance(found, RawArticle) else found
        except Exception as exc:  # one input's bug or bomb must not end the run
            yield Failure(item[0], f"could not be read: {exc.__class__.__name__}: {str(exc)[:200]}")


def _read_one(name: str, data: bytes, charset: str | None, limits: Limits) -> Iterator[RawArticle | Failure]:
    if name.lower().endswith(".gz") and not name.lower().endswith(".warc.gz"):
        try:
            data = gunzip(data, min(limits.max_bytes, limits.max_unpacked_bytes))
        except (LimitExceeded, EOFError, OSError, ValueError) as exc:
            yield Failure(name, f"cannot decompress: {exc}")
            return
        kind = reader_for(name[:-3], data)
    else:
        kind = reader_for(name, data)
    if kind == "html" and name.startswith("http"):
        yield from read_html(data, name, charset, limits, name)
    else:
        yield from READERS[kind](data, name, charset, limits)


def prepare(raw: RawArticle, max_figures: int = Limits.max_figures) -> NewDocument:
    """Language, figures, outlet and wire agency of one article (runs in a worker).
    Figures past `max_figures` are dropped; `NewDocument.dropped` counts them."""
    language = raw.language or detect_language(raw.text)
    supported = language in available_languages()
    published = _published(raw.published)
    found = extract(raw.text, published=published, language=language, url=raw.url) if supported else []
    outlet = raw.outlet or (urlparse(raw.url).hostname if raw.url else None)
    wire = wire_agency(raw.text, language) if supported else None
    doc = NewDocument(raw.text, raw.source, raw.url, raw.external_id, raw.title, language, published,
                      raw.encoding, found[:max_figures], EXTRACTOR_VERSION, outlet, wire)
    doc.dropped = max(len(found) - max_figures, 0)
    return doc


def _prepare_safely(job: tuple[RawArticle, int]) -> NewDocument | Failure:
    """`prepare`, with any error made a failure of that article alone."""
    raw, max_figures = job
    try:
        return prepare(raw, max_figures)
    except Exception as exc:  # an extractor bug on one text must not end the run
        return Failure(raw.source, f"extraction failed: {exc.__class__.__name__}: {str(exc)[:200]}")


def _published(raw: str | None) -> str | None:
    """A source's publication date if it is an ISO date: a feed or CSV that writes
    15/04/2024 is kept without a date rather than read as a guess."""
    try:
        return parse_iso_date("published", raw) if raw else None
    except FieldError:
        return None


def wire_agency(text: str, language: str) -> str | None:
    """The news agency a story credits ("(AFP)", "رويترز", "أ ش أ"): reprints of
    one wire story are one origin, however many outlets carry them."""
    counts = load_lexicon(language).concept_counts(normalize(text), "WIRE")
    return max(counts, key=lambda k: counts[k]).split(".", 1)[1] if counts else None


def ingest(store: Store, sources: list[str], workers: int = 1, max_bytes: int | None = None,
           progress: bool | None = None, limits: Limits | None = None) -> Summary:
    summary = Summary()
    limits = limits or Limits()
    if max_bytes is not None:
        limits = replace(limits, max_bytes=max_bytes)
    show = sys.stderr.isatty() if progress is None else progress
    pool = get_context("fork").Pool(workers) if workers > 1 else None
    bar = _Progress() if show else None
    try:
        batch: list[RawArticle] = []
        for item in read_sources(sources, limits=limits):
            if isinstance(item, Failure):
                _fail(store, summary, item)
                continue
            batch.append(item)
            if len(batch) >= BATCH:
                _store_batch(store, batch, pool, summary, bar, limits)
                batch = []
        if batch:
            _store_batch(store, batch, pool, summary, bar, limits)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
        if bar is not None:
            bar.stop()
    return summary


def _fail(store: Store, summary: Summary, failure: Failure, counted: bool = True) -> None:
    """A failures row and a line on stderr; `counted` unless the document was stored all the same."""
    summary.failed += counted
    summary.failures.append(failure)
    store.record_failure(failure.source, failure.reason)
    print(f"marsad: {failure.source}: {failure.reason}", file=sys.stderr)


def _store_batch(store: Store, batch: list[RawArticle], pool: object, summary: Summary, bar: _Progress | None,
                 limits: Limits) -> None:
    from marsad.store import content_hash

    known = store.known_hashes(content_hash(a.text) for a in batch)
    todo, seen_here = [], set()
    for a in batch:
        h = content_hash(a.text)
        if h in known or h in seen_here:
            summary.seen += 1
        else:
            seen_here.add(h)
            todo.append((a, limits.max_figures))
    prepared = (list(pool.imap(_prepare_safely, todo, chunksize=8)) if pool is not None  # type: ignore[attr-defined]
                else [_prepare_safely(job) for job in todo])
    docs = []
    for doc in prepared:
        if isinstance(doc, Failure):
            _fail(store, summary, doc)
            continue
        if doc.dropped:
            found = len(doc.figures or []) + doc.dropped
            _fail(store, summary, Failure(doc.source, f"{found} figures, over the limit: the first "
                                                      f"{limits.max_figures} kept (setting max_figures)"), False)
        docs.append(doc)
    summary.unread.update(str(d.language) for d in docs if d.language not in available_languages())
    _add(store, docs, summary)
    if bar is not None:
        bar.advance(len(batch), summary)


def _add(store: Store, docs: list[NewDocument], summary: Summary) -> None:
    """One transaction for the batch; if the store refuses it, each document
    alone, so that one refused document costs only itself."""
    try:
        new, seen, count = store.add_documents(docs)
    except SQLAlchemyError:
        new = seen = count = 0
        for doc in docs:
            try:
                n, s, c = store.add_documents([doc])
            except SQLAlchemyError as exc:
                _fail(store, summary, Failure(doc.source, f"the store refused it: {str(exc.orig or exc)[:200]}"))
                continue
            new, seen, count = new + n, seen + s, count + c
    summary.new += new
    summary.seen += seen
    summary.figures += count


class _Progress:
    """A rich progress line: documents/s and figures found (terminals only)."""

    def __init__(self) -> None:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                 TextColumn("{task.completed} documents · {task.fields[rate]:.0f}/s · "
                                            "{task.fields[figures]} figures"), transient=False)
        self.task = self.progress.add_task("ingest", total=None, rate=0.0, figures=0)
        self.progress.start()
        self.started = os.times().elapsed

    def advance(self, n: int, summary: Summary) -> None:
        done = summary.new + summary.seen
        elapsed = max(os.times().elapsed - self.started, 1e-6)
        self.progress.update(self.task, completed=done, rate=done / elapsed, figures=summary.figures)
        _ = n

    def stop(self) -> None:
        self.progress.stop()
