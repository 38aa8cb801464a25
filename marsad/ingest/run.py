"""`marsad ingest`: read sources, extract figures in worker processes, store.

Documents are written in batches, each batch one transaction with the
figures of its documents; a document already stored (same content hash) is
counted as seen and not extracted again. Killing the process loses at most
the batch in flight, which the next run writes: the store ends the same.
"""

from __future__ import annotations

import os
import sys
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from urllib.parse import urlparse

from marsad.ingest.readers import READERS, Failure, RawArticle, read_html, reader_for
from marsad.lang import available_languages, unread_line
from marsad.language import detect_language
from marsad.lexicon import load_lexicon
from marsad.normalize import normalize
from marsad.pipeline import EXTRACTOR_VERSION, extract
from marsad.schema import FieldError, parse_iso_date
from marsad.store import NewDocument, Store

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
BATCH = 200
FETCH_TIMEOUT = 20


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


def _fetch(url: str, max_bytes: int) -> tuple[bytes, str | None]:
    request = urllib.request.Request(url, headers={"User-Agent": "marsad/0.1 (+news figures)"})
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:  # noqa: S310 (http and https only)
        data = response.read(max_bytes + 1)
        charset = response.headers.get_content_charset()
    return data, charset


def _inputs(sources: list[str], max_bytes: int) -> Iterator[tuple[str, bytes, str | None] | Failure]:
    for src in sources:
        if src.startswith(("http://", "https://")):
            try:
                data, charset = _fetch(src, max_bytes)
            except Exception as exc:  # DNS, refused, timeout, HTTP errors: one error line each
                yield Failure(src, f"cannot fetch: {exc.__class__.__name__}: {exc}")
                continue
            yield (src, data, charset) if len(data) <= max_bytes else Failure(src, f"over the size limit ({max_bytes} bytes)")
            continue
        path = Path(src)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        elif path.is_file():
            files = [path]
        else:
            yield Failure(src, "no such file or directory")
            continue
        for p in files:
            size = p.stat().st_size
            if size > max_bytes:
                yield Failure(str(p), f"over the size limit ({size} > {max_bytes} bytes)")
                continue
            yield str(p), p.read_bytes(), None


def read_sources(sources: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawArticle | Failure]:
    """Every article (or failure) in the given files, folders, feeds and URLs."""
    for item in _inputs(sources, max_bytes):
        if isinstance(item, Failure):
            yield item
            continue
        name, data, charset = item
        kind = reader_for(name, data)
        if kind == "html" and name.startswith("http"):
            yield from read_html(data, name, charset, name)
        else:
            yield from READERS[kind](data, name, charset)


def prepare(raw: RawArticle) -> NewDocument:
    """Language, figures, outlet and wire agency of one article (runs in a worker)."""
    language = raw.language or detect_language(raw.text)
    supported = language in available_languages()
    published = _published(raw.published)
    found = extract(raw.text, published=published, language=language, url=raw.url) if supported else []
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


def wire_agency(text: str, language: str) -> str | None:
    """The news agency a story credits ("(AFP)", "رويترز", "أ ش أ"): reprints of
    one wire story are one origin, however many outlets carry them."""
    counts = load_lexicon(language).concept_counts(normalize(text), "WIRE")
    return max(counts, key=lambda k: counts[k]).split(".", 1)[1] if counts else None


def ingest(store: Store, sources: list[str], workers: int = 1, max_bytes: int = DEFAULT_MAX_BYTES,
           progress: bool | None = None) -> Summary:
    summary = Summary()
    show = sys.stderr.isatty() if progress is None else progress
    pool = get_context("fork").Pool(workers) if workers > 1 else None
    bar = _Progress() if show else None
    try:
        batch: list[RawArticle] = []
        for item in read_sources(sources, max_bytes):
            if isinstance(item, Failure):
                summary.failed += 1
                summary.failures.append(item)
                store.record_failure(item.source, item.reason)
                print(f"marsad: {item.source}: {item.reason}", file=sys.stderr)
                continue
            batch.append(item)
            if len(batch) >= BATCH:
                _store_batch(store, batch, pool, summary, bar)
                batch = []
        if batch:
            _store_batch(store, batch, pool, summary, bar)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
        if bar is not None:
            bar.stop()
    return summary


def _store_batch(store: Store, batch: list[RawArticle], pool: object, summary: Summary, bar: "_Progress | None") -> None:
    from marsad.store import content_hash

    known = store.known_hashes(content_hash(a.text) for a in batch)
    todo, seen_here = [], set()
    for a in batch:
        h = content_hash(a.text)
        if h in known or h in seen_here:
            summary.seen += 1
        else:
            seen_here.add(h)
            todo.append(a)
    docs = list(pool.imap(prepare, todo, chunksize=8)) if pool is not None else [prepare(a) for a in todo]  # type: ignore[attr-defined]
    summary.unread.update(str(d.language) for d in docs if d.language not in available_languages())
    new, seen, count = store.add_documents(docs)
    summary.new += new
    summary.seen += seen
    summary.figures += count
    if bar is not None:
        bar.advance(len(batch), summary)


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
