"""One poll of one source: a conditional GET, the links it lists, the articles
not fetched before (robots.txt permitting), and those articles into the store
through `marsad ingest`'s own path (`prepared` + `store_documents`: the same
dedup by content hash, the same figures, the same failures).

Order of writes, for a restart at any moment: documents first (one
transaction per batch), then the URLs fetched, then the source's state and its
poll. A poll cut short is polled again in full (its validators were not kept):
the articles already stored are found by their content hash, nothing twice.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from datetime import timedelta
from functools import partial

from marsad.ingest.limits import Limits
from marsad.ingest.readers import Failure, RawArticle
from marsad.ingest.run import Summary, not_stored, store_documents
from marsad.ingest.source import DEFAULT_LIMITS, prepared, read_fetched
from marsad.store import Store
from marsad.watch.config import SourceSpec, WatchConfig
from marsad.watch.fetch import Answer, Fetcher, FetchError
from marsad.watch.links import Link, list_links
from marsad.watch.state import Poll, WatchState, now

MAX_SITEMAPS = 20  # sitemaps of one sitemap index read per poll


def poll_source(spec: SourceSpec, config: WatchConfig, fetcher: Fetcher, store: Store,
                limits: Limits = DEFAULT_LIMITS) -> Poll:
    """Poll `spec` once and record it; never raises for what the network or the source does."""
    state = WatchState(store)
    known = state.source(spec.name) or {}
    started = time.monotonic()
    poll = Poll(spec.name, spec.url, "error", now())
    try:
        _poll(spec, config, fetcher, store, state, known, poll, limits)
    except FetchError as exc:
        poll.status, poll.error = "error", str(exc)
    poll.seconds = time.monotonic() - started
    errors = int(known.get("errors") or 0) + 1 if poll.status == "error" else 0
    state.record(poll, poll.at + _wait(spec, errors), errors)
    if poll.error:
        print(f"marsad: watch {spec.name}: {poll.error}", file=sys.stderr)
    return poll


def _wait(spec: SourceSpec, errors: int) -> timedelta:
    """The source's interval; after failed polls in a row, shorter then doubling (1/4, 1/2, 1, 2 … up to 8×)."""
    if not errors:
        return timedelta(seconds=spec.interval)
    return timedelta(seconds=spec.interval * min(2.0 ** (errors - 3), 8.0))


def _poll(spec: SourceSpec, config: WatchConfig, fetcher: Fetcher, store: Store, state: WatchState,
          known: dict, poll: Poll, limits: Limits) -> None:  # type: ignore[type-arg]
    if not fetcher.allowed(spec.url):
        poll.error = fetcher.refusal(spec.url)
        return
    answer = fetcher.get(spec.url, known.get("etag"), known.get("last_modified"))
    poll.status = str(answer.status)
    if answer.status == 304:  # nothing new: keep the validators we had
        poll.etag, poll.last_modified = known.get("etag"), known.get("last_modified")
        return
    if answer.status >= 400:
        poll.status, poll.error = "error", f"HTTP {answer.status}"
        return
    links, problem = _links(spec, answer, fetcher)
    if problem:
        poll.status, poll.error = "error", problem
        return
    fresh = state.unseen([link.url for link in links])
    todo = _once(links, set(fresh[:config.max_articles]))
    complete = _ingest(spec, todo, fetcher, store, state, poll, limits)
    if complete and len(fresh) <= config.max_articles:  # everything listed is in: ask conditionally next time
        poll.etag, poll.last_modified = answer.etag, answer.last_modified


def _once(links: list[Link], chosen: set[str]) -> list[Link]:
    """Each chosen link once (a page may list an article twice), in the listing's order."""
    out, taken = [], set()
    for link in links:
        if link.url in chosen and link.url not in taken:
            taken.add(link.url)
            out.append(link)
    return out


def _links(spec: SourceSpec, answer: Answer, fetcher: Fetcher) -> tuple[list[Link], str | None]:
    listing = list_links(spec, answer.url, answer.body, answer.charset)
    links = list(listing.links)
    for url in listing.sitemaps[:MAX_SITEMAPS]:  # a sitemap index: its sitemaps, in the same poll
        if not fetcher.allowed(url):
            continue
        inner = fetcher.get(url)
        if inner.status < 400:
            links.extend(list_links(spec, inner.url, inner.body, inner.charset).links)
    return links, listing.problem if not links else None


def _ingest(spec: SourceSpec, links: list[Link], fetcher: Fetcher, store: Store, state: WatchState,
            poll: Poll, limits: Limits) -> bool:
    """Fetch the links' articles and store them; False when some could not be fetched now (asked again later)."""
    items: list[RawArticle | Failure] = []
    outcomes: list[tuple[str, str]] = []
    complete = True
    for link in links:
        if not fetcher.allowed(link.url):
            outcomes.append((link.url, "robots"))
            continue
        found = _article(spec, link, fetcher, limits)
        if found is None:  # a server error or no answer: not marked, fetched again next poll
            complete = False
            poll.failed += 1
            continue
        items.extend(found)
        outcomes.append((link.url, "failed" if all(isinstance(i, Failure) for i in found) else "stored"))
    summary = Summary()
    store_documents(store, prepared(items, limits, keep=partial(not_stored, store, summary)), summary, limits)
    state.mark_seen(spec.name, outcomes)
    poll.new, poll.seen, poll.figures = summary.new, summary.seen, summary.figures
    poll.failed += summary.failed
    return complete


def _article(spec: SourceSpec, link: Link, fetcher: Fetcher, limits: Limits) -> list[RawArticle | Failure] | None:
    """The article behind a link (its feed entry's text when the page has none); None to try again later."""
    if link.entry is not None and not link.entry.url:  # a feed entry with no link: its own text
        return [_hinted(link.entry, spec, link)]
    try:
        answer = fetcher.get(link.url)
    except FetchError as exc:
        print(f"marsad: watch {spec.name}: {link.url}: {exc}", file=sys.stderr)
        return None
    if answer.status >= 400:
        return [Failure(link.url, f"HTTP {answer.status}")]
    found = list(read_fetched(link.url, answer.body, answer.charset, limits))
    if link.entry and not any(isinstance(i, RawArticle) for i in found):
        return [replace(_hinted(link.entry, spec, link), url=link.url, source=link.url)]
    return [_hinted(i, spec, link) if isinstance(i, RawArticle) else i for i in found]


def _hinted(article: RawArticle, spec: SourceSpec, link: Link) -> RawArticle:
    """The source's language hint and the listing's date where the page gives none."""
    return replace(article, language=article.language or spec.language, published=article.published or link.published)
