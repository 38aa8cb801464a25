"""What `marsad watch` keeps in the store: each source's last answer and
schedule, every article URL it fetched, every poll. Restarting loses nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, update

from marsad.store import Store
from marsad.store.schema import watch_polls, watch_seen, watch_sources

WEEK = timedelta(days=7)


def now() -> datetime:
    return datetime.now(UTC)


def url_hash(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def aware(when: datetime | None) -> datetime | None:
    """SQLite gives naive datetimes back: they were written in UTC."""
    return when.replace(tzinfo=UTC) if when is not None and when.tzinfo is None else when


@dataclass
class Poll:
    """One poll of one source, as recorded."""

    source: str
    url: str
    status: str  # HTTP status, or "error"
    at: datetime
    seconds: float = 0.0
    new: int = 0
    seen: int = 0
    failed: int = 0
    figures: int = 0
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None


class WatchState:
    def __init__(self, store: Store) -> None:
        self.store = store

    def source(self, name: str) -> dict[str, Any] | None:
        with self.store.engine.connect() as conn:
            row = conn.execute(select(watch_sources).where(watch_sources.c.name == name)).mappings().first()
        if row is None:
            return None
        out = dict(row)
        for key in ("last_poll_at", "next_poll_at", "last_new_at"):
            out[key] = aware(out[key])
        return out

    def record(self, poll: Poll, next_poll_at: datetime, errors: int) -> None:
        """The poll in the log and the source's state, in one transaction."""
        values = {"url": poll.url, "last_poll_at": poll.at, "last_status": poll.status, "last_error": poll.error,
                      "errors": errors, "next_poll_at": next_poll_at}
        if poll.status != "error":  # validators of the last answer (None when it must be asked in full again)
            values.update(etag=poll.etag, last_modified=poll.last_modified)
        if poll.new:
            values["last_new_at"] = poll.at
        with self.store.engine.begin() as conn:
            conn.execute(insert(watch_polls).values(
                source=poll.source, at=poll.at, status=poll.status, new=poll.new, seen=poll.seen, failed=poll.failed,
                figures=poll.figures, error=poll.error, seconds=poll.seconds))
            done = conn.execute(update(watch_sources).where(watch_sources.c.name == poll.source).values(**values))
            if not done.rowcount:
                conn.execute(insert(watch_sources).values(name=poll.source, **values))

    def unseen(self, urls: list[str]) -> list[str]:
        """The URLs not fetched yet, in the given order."""
        keys = {url_hash(u): u for u in urls}
        known: set[str] = set()
        wanted = list(keys)
        with self.store.engine.connect() as conn:
            for k in range(0, len(wanted), 500):
                known.update(r[0] for r in conn.execute(select(watch_seen.c.url_hash).where(
                    watch_seen.c.url_hash.in_(wanted[k:k + 500]))))
        return [u for u in dict.fromkeys(urls) if url_hash(u) not in known]

    def mark_seen(self, source: str, outcomes: Iterable[tuple[str, str]]) -> None:
        """Article URLs fetched, with what came of them (stored, failed, robots)."""
        rows = [{"url_hash": url_hash(u), "url": u, "source": source, "outcome": o, "at": now()} for u, o in outcomes]
        if not rows:
            return
        with self.store.engine.begin() as conn:
            fresh = set(self.unseen([r["url"] for r in rows]))
            rows = [r for r in rows if r["url"] in fresh]
            if rows:
                conn.execute(insert(watch_seen), rows)

    def status(self, names: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Per source: last poll and answer, last new article, errors in a row, next poll,
        polls, new articles and figures of the last seven days."""
        since = now() - WEEK
        week = (select(watch_polls.c.source, func.count().label("polls_week"),
                       func.sum(watch_polls.c.new).label("new_week"),
                       func.sum(watch_polls.c.figures).label("figures_week"),
                       func.sum(func.cast(watch_polls.c.status == "error", watch_polls.c.new.type)).label("errors_week"))
                .where(watch_polls.c.at >= since).group_by(watch_polls.c.source).subquery())
        q = (select(watch_sources, week.c.polls_week, week.c.new_week, week.c.figures_week, week.c.errors_week)
             .outerjoin(week, week.c.source == watch_sources.c.name).order_by(watch_sources.c.name))
        with self.store.engine.connect() as conn:
            rows = {r["name"]: dict(r) for r in conn.execute(q).mappings()}
        for row in rows.values():
            for key in ("polls_week", "new_week", "figures_week", "errors_week"):
                row[key] = int(row[key] or 0)
            for key in ("last_poll_at", "next_poll_at", "last_new_at"):
                row[key] = aware(row[key])
        if names is None:
            return list(rows.values())
        return [rows.get(n) or {"name": n, "url": None, "last_poll_at": None, "last_status": None, "last_error": None,
                                "errors": 0, "next_poll_at": None, "last_new_at": None, "polls_week": 0,
                                "new_week": 0, "figures_week": 0, "errors_week": 0} for n in names]
