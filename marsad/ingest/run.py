"""`marsad ingest`: each source through `source_documents` (extraction in a process pool), then the store.

Documents are written in batches, each batch one transaction with the
figures of its documents; a document already stored (same content hash) is
counted as seen and not extracted again. Killing the process loses at most
the batch in flight, which the next run writes: the store ends the same.
A bad file, record or article is one `failures` row and the run goes on.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from multiprocessing import get_context

from sqlalchemy.exc import SQLAlchemyError

from marsad.ingest.limits import Limits
from marsad.ingest.readers import Failure, RawArticle
from marsad.ingest.source import (
    BATCH,
    DEFAULT_MAX_BYTES,
    dropped_failure,
    prepare,
    read_source,
    source_documents,
    wire_agency,
)
from marsad.lang import available_languages, unread_line
from marsad.store import NewDocument, Store, content_hash

__all__ = ["DEFAULT_MAX_BYTES", "Summary", "ingest", "prepare", "read_sources", "wire_agency"]


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


def _limits(limits: Limits | None, max_bytes: int | None) -> Limits:
    limits = limits or Limits()
    return replace(limits, max_bytes=max_bytes) if max_bytes is not None else limits


def read_sources(sources: list[str], max_bytes: int | None = None,
                 limits: Limits | None = None) -> Iterator[RawArticle | Failure]:
    """Every article (or failure) in the given files, folders, feeds and URLs."""
    limits = _limits(limits, max_bytes)
    for source in sources:
        yield from read_source(source, limits)


def ingest(store: Store, sources: list[str], workers: int = 1, max_bytes: int | None = None,
           progress: bool | None = None, limits: Limits | None = None) -> Summary:
    summary = Summary()
    limits = _limits(limits, max_bytes)
    show = sys.stderr.isatty() if progress is None else progress
    pool = get_context("fork").Pool(workers) if workers > 1 else None
    mapper = partial(pool.imap, chunksize=8) if pool is not None else map
    bar = _Progress() if show else None
    keep = partial(not_stored, store, summary)
    try:
        store_documents(store, (item for source in sources  # type: ignore[arg-type]
                                for item in source_documents(source, limits, mapper, keep)), summary, limits, bar)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
        if bar is not None:
            bar.stop()
    return summary


def store_documents(store: Store, items: Iterable[NewDocument | Failure], summary: Summary, limits: Limits,
                    bar: _Progress | None = None) -> None:
    """Documents into the store, `BATCH` per transaction; failures recorded (marsad ingest and marsad watch)."""
    batch: list[NewDocument] = []
    for item in items:
        if isinstance(item, Failure):
            _fail(store, summary, item)
            continue
        if (dropped := dropped_failure(item, limits.max_figures)) is not None:
            _fail(store, summary, dropped, counted=False)  # stored all the same, with its first figures
        batch.append(item)
        if len(batch) >= BATCH:
            _store_batch(store, batch, summary, bar)
            batch = []
    if batch:
        _store_batch(store, batch, summary, bar)


def _fail(store: Store, summary: Summary, failure: Failure, counted: bool = True) -> None:
    """A failures row and a line on stderr; `counted` unless the document was stored all the same."""
    summary.failed += counted
    summary.failures.append(failure)
    store.record_failure(failure.source, failure.reason)
    print(f"marsad: {failure.source}: {failure.reason}", file=sys.stderr)


def not_stored(store: Store, summary: Summary, articles: list[RawArticle]) -> list[RawArticle]:
    """The articles whose text is not stored yet nor earlier in the batch (the
    others are counted as seen, not extracted again)."""
    hashes = [content_hash(a.text) for a in articles]
    known = store.known_hashes(hashes)
    todo = []
    for article, h in zip(articles, hashes):
        if h not in known:
            known.add(h)
            todo.append(article)
    summary.seen += len(articles) - len(todo)
    return todo


def _store_batch(store: Store, docs: list[NewDocument], summary: Summary, bar: _Progress | None) -> None:
    summary.unread.update(str(d.language) for d in docs if d.language not in available_languages())
    _add(store, docs, summary)
    if bar is not None:
        bar.advance(len(docs), summary)


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
                _fail(store, summary, Failure(doc.source, f"the store refused it: {str(getattr(exc, 'orig', None) or exc)[:200]}"))
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
