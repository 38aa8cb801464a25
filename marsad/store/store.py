"""The archive: documents and figures in SQLite (default) or PostgreSQL.

Every document is stored once, keyed by the hash of its text; its figures are
written in the same transaction, so a process killed at any moment leaves
either the whole document or nothing, and running again completes the work.
"""

from __future__ import annotations

import fcntl
import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import and_, create_engine, delete, event, func, insert, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from marsad.errors import MarsadError
from marsad.figure import ANNOTATION_FIELDS, Figure
from marsad.normalize import clean_text
from marsad.schema import (  # noqa: F401  (re-exported)
    CORRECTABLE,
    DECISIONS,
    apply_corrections,
    check_bounds,
    corrections_problem,
    parse_corrections,
    parse_filters,
)
from marsad.store.schema import documents, failures, figures, reviews, store_state
from marsad.store.stories import StoryFacts, assign_story
from marsad.store.views import VIEWS, create_views, drop_views

MIGRATION_LOCK = 0x6D61727361640C  # PostgreSQL advisory lock key for migrations ("marsad" 12)


def content_hash(text: str) -> str:
    """The identity of a document: sha256 of its text with outer space trimmed."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def database_url(db: str) -> str:
    """A path becomes a SQLite URL; a URL is kept as it is."""
    if "://" in db:
        return db.replace("postgresql://", "postgresql+psycopg://", 1) if db.startswith("postgresql://") else db
    return f"sqlite:///{Path(db).expanduser()}"


def _now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class NewDocument:
    """A document read by an ingest reader, with its figures extracted."""

    text: str
    source: str
    url: str | None = None
    external_id: str | None = None
    title: str | None = None
    language: str | None = None
    published: str | None = None
    encoding: str | None = None
    figures: list[Figure] | None = None
    extractor_version: str | None = None
    outlet: str | None = None
    wire: str | None = None
    dropped: int = 0  # figures past the max_figures limit, not stored
    story_facts: StoryFacts | None = None  # made with the figures (in a worker); else when stored

    @property
    def hash(self) -> str:
        return content_hash(self.text)


class Store:
    """Documents, figures, reviews and failures behind one SQLAlchemy engine."""

    def __init__(self, db: str) -> None:
        self.url = database_url(db)
        self.engine: Engine = create_engine(self.url, future=True)
        if self.url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.migrate()

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------
    def migrate(self) -> None:
        """Bring the schema to the newest migration (Alembic), one process at a
        time: two ingests starting on a new store do not both create it."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        try:
            with self._migration_lock(), self.engine.begin() as conn:
                if conn.dialect.name == "postgresql":
                    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
                cfg.attributes["connection"] = conn
                if not _views_current(conn, cfg):  # views are code: rebuilt around a migration
                    drop_views(conn)
                    command.upgrade(cfg, "head")
                    create_views(conn)
        except Exception as exc:  # an unreachable server or a file that is not a database
            self.engine.dispose()
            raise MarsadError("E301", f"cannot open the store {self.url.split('@')[-1]}: {exc.__class__.__name__}: "
                                      f"{str(exc).splitlines()[0]}") from exc

    @contextmanager
    def _migration_lock(self) -> Iterator[None]:
        """SQLite: an exclusive flock on the database file (independent of SQLite's own locks)."""
        path = self.engine.url.database if self.url.startswith("sqlite") else None
        if not path or path == ":memory:":
            yield
            return
        with open(path, "ab") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    @staticmethod
    def _lock_writers(conn: Any) -> None:
        """First in a transaction that writes documents or figures: takes the
        store's write lock (a row lock on PostgreSQL, the write lock on SQLite)
        so that hash checks and version numbers see every other writer's work,
        and changes the API's cache key."""
        conn.execute(update(store_state).where(store_state.c.id == 1).values(figures=store_state.c.figures + 1))

    # -- documents ------------------------------------------------------------
    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        wanted = list(set(hashes))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for k in range(0, len(wanted), 500):
                rows = conn.execute(select(documents.c.content_hash).where(documents.c.content_hash.in_(wanted[k:k + 500])))
                found.update(r[0] for r in rows)
        return found

    def add_documents(self, batch: list[NewDocument]) -> tuple[int, int, int]:
        """Store new documents with their figures, in one transaction.

        Returns (new, seen, figures). A document whose hash is stored is seen,
        not added again; a known URL with new content is a new version."""
        new = seen = count = 0
        with self.engine.begin() as conn:
            self._lock_writers(conn)  # another process's documents are committed and seen from here on
            known = set(r[0] for r in conn.execute(select(documents.c.content_hash).where(
                documents.c.content_hash.in_([d.hash for d in batch]))))
            for doc in batch:
                if doc.hash in known:
                    seen += 1
                    continue
                known.add(doc.hash)
                previous = None
                if doc.url:
                    previous = conn.execute(select(documents.c.id, documents.c.version).where(
                        documents.c.url == doc.url).order_by(documents.c.version.desc()).limit(1)).first()
                doc_id = conn.execute(insert(documents).values(
                    content_hash=doc.hash, url=doc.url, source=doc.source, external_id=doc.external_id,
                    title=doc.title, language=doc.language, published=doc.published, encoding=doc.encoding,
                    text=doc.text, version=(previous.version + 1) if previous else 1,
                    supersedes=previous.id if previous else None, extractor_version=doc.extractor_version,
                    ingested_at=_now(), outlet=doc.outlet, wire=doc.wire)).inserted_primary_key[0]
                assign_story(conn, doc_id, doc.text, doc.story_facts)
                count += self._insert_figures(conn, doc_id, doc.figures or [], doc.extractor_version or "")
                new += 1
        return new, seen, count

    @staticmethod
    def _insert_figures(conn: Any, doc_id: int, found: list[Figure], version: str) -> int:
        now = _now()
        fitting = [f for f in found if _fits(f)]
        rows = [_figure_row(f, doc_id, version, now) for f in fitting]
        if rows:
            conn.execute(insert(figures), rows)
        if any(f.part_of is not None for f in fitting):
            Store._link_parts(conn, doc_id, fitting)
        return len(rows)

    @staticmethod
    def _link_parts(conn: Any, doc_id: int, found: list[Figure]) -> None:
        """A part names its whole by offset at extraction; stored, by figure id."""
        ids = {r.start: r.id for r in conn.execute(select(figures.c.id, figures.c.start).where(
            and_(figures.c.document_id == doc_id, figures.c.active)))}
        for f in found:
            if f.part_of is not None and f.part_of in ids and f.start in ids:
                conn.execute(update(figures).where(figures.c.id == ids[f.start]).values(part_of=ids[f.part_of]))

    def record_failure(self, source: str, reason: str) -> None:
        """One row per (source, reason); another process recording the same one is fine."""
        try:
            with self.engine.begin() as conn:
                exists = conn.execute(select(failures.c.id).where(and_(failures.c.source == source,
                                                                        failures.c.reason == reason))).first()
                if exists is None:
                    conn.execute(insert(failures).values(source=source, reason=reason, at=_now()))
        except IntegrityError:
            pass  # the same failure, recorded by a concurrent run between the check and the insert

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                "documents": conn.execute(select(func.count()).select_from(documents)).scalar_one(),
                "figures": conn.execute(select(func.count()).select_from(figures).where(figures.c.active)).scalar_one(),
                "reviews": conn.execute(select(func.count()).select_from(reviews)).scalar_one(),
                "failures": conn.execute(select(func.count()).select_from(failures)).scalar_one(),
            }

    def unreviewed_count(self) -> int:
        """Active figures with no (non-orphaned) review: what is left to review."""
        reviewed = select(reviews.c.figure_id).where(reviews.c.orphaned.is_(False))
        q = select(func.count()).select_from(figures).where(figures.c.active, figures.c.id.not_in(reviewed))
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar_one())

    def documents(self, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Every stored document, in id order, read in pages (bounded memory)."""
        last = 0
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(select(documents).where(documents.c.id > last).order_by(documents.c.id)
                                    .limit(batch)).mappings().all()
            if not rows:
                return
            for row in rows:
                yield dict(row)
            last = rows[-1]["id"]

    # -- reviews --------------------------------------------------------------
    def review(self, figure_id: int, decision: str, reviewer: str, comment: str | None = None,
               corrections: dict[str, Any] | None = None) -> int:
        """Record an analyst's decision on a figure; returns the review id.

        Corrections are parsed by the figure schema (marsad.schema) and checked
        against the figure they change: a value any field does not allow is
        refused (E401) and nothing is stored."""
        if decision not in DECISIONS:
            raise MarsadError("E302", f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
        if decision == "corrected" and not corrections:
            raise MarsadError("E303", "a correction needs at least one field=value")
        reviewer, comment = clean_text(reviewer), clean_text(comment) if comment else comment
        clean = parse_corrections({k: clean_text(v) if isinstance(v, str) else v
                                   for k, v in (corrections or {}).items()})
        with self.engine.begin() as conn:
            fig = conn.execute(select(figures).where(figures.c.id == figure_id)).mappings().first()
            if fig is None:
                raise MarsadError("E304", f"no figure with id {figure_id}")
            if clean:
                check_bounds(apply_corrections(dict(fig), clean))
            return conn.execute(insert(reviews).values(
                figure_id=fig["id"], document_id=fig["document_id"], decision=decision, corrections=clean or None,
                reviewer=reviewer, comment=comment, decided_at=_now(), orphaned=False,
                span_start=fig["start"], span_end=fig["end"])).inserted_primary_key[0]

    def invalid_reviews(self) -> list[dict[str, Any]]:
        """Reviews whose corrections the schema does not allow (written by an older marsad), with why."""
        out = []
        with self.engine.connect() as conn:
            rows = conn.execute(select(reviews).where(reviews.c.corrections.is_not(None)).order_by(reviews.c.id))
            for row in rows.mappings():
                problem = corrections_problem(row["corrections"])
                if problem:
                    out.append(dict(row, problem=problem))
        return out

    def orphaned_reviews(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(reviews).where(reviews.c.orphaned)).mappings()]

    # -- re-extraction ------------------------------------------------------------
    def replace_figures(self, doc_id: int, found: list[Figure], version: str) -> tuple[int, int, int]:
        """A document's figures from a new extraction, in place: a figure over
        the same span as a stored one keeps its id (its fields are updated), the
        others are added, and stored figures the new extraction no longer finds
        are removed — or kept inactive while a decision points at them, so that
        the decision returns to the same figure when a later extraction finds
        its span again. Every decision of the document (orphaned ones too)
        follows a figure over the same or an overlapping span, or is orphaned.
        Returns (figures, reviews attached, reviews orphaned)."""
        fresh = [f for f in found if _fits(f)]
        with self.engine.begin() as conn:
            self._lock_writers(conn)
            stored = conn.execute(select(figures.c.id, figures.c.start, figures.c.end, figures.c.active)
                                  .where(figures.c.document_id == doc_id).order_by(figures.c.active.desc(),
                                                                                   figures.c.id)).all()
            by_span: dict[tuple[int, int], int] = {}
            for row in stored:
                by_span.setdefault((row.start, row.end), row.id)
            now, ids = _now(), []
            for f in fresh:
                row = _figure_row(f, doc_id, version, now)
                figure_id = by_span.pop((f.start, f.end), None)
                if figure_id is None:
                    figure_id = conn.execute(insert(figures).values(**row)).inserted_primary_key[0]
                else:
                    conn.execute(update(figures).where(figures.c.id == figure_id).values(**row))
                ids.append(figure_id)
            self._drop_stale(conn, doc_id, set(ids), [r.id for r in stored])
            if any(f.part_of is not None for f in fresh):
                self._link_parts(conn, doc_id, fresh)
            kept, lost = self._follow_reviews(conn, doc_id, [(i, f.start, f.end) for i, f in zip(ids, fresh)])
            conn.execute(update(documents).where(documents.c.id == doc_id).values(extractor_version=version))
        return len(fresh), kept, lost

    @staticmethod
    def _drop_stale(conn: Any, doc_id: int, keep: set[int], stored: list[int]) -> None:
        stale = [i for i in stored if i not in keep]
        if not stale:
            return
        decided = {r[0] for r in conn.execute(select(reviews.c.figure_id).where(reviews.c.figure_id.in_(stale)))}
        if decided:
            conn.execute(update(figures).where(figures.c.id.in_(decided)).values(active=False))
        gone = [i for i in stale if i not in decided]
        for k in range(0, len(gone), 500):
            conn.execute(delete(figures).where(figures.c.id.in_(gone[k:k + 500])))

    @staticmethod
    def _follow_reviews(conn: Any, doc_id: int, fresh: list[tuple[int, int, int]]) -> tuple[int, int]:
        """Each decision of the document to the figure over its span (the same
        span first, else an overlapping one), or orphaned; (attached, orphaned)."""
        kept = lost = 0
        for rev in conn.execute(select(reviews.c.id, reviews.c.span_start, reviews.c.span_end, reviews.c.orphaned)
                                .where(reviews.c.document_id == doc_id)).all():
            same = [i for i, a, b in fresh if (a, b) == (rev.span_start, rev.span_end)]
            overlapping = [i for i, a, b in fresh if a < rev.span_end and rev.span_start < b]
            target = (same or overlapping or [None])[0]
            if target is None:
                lost += not rev.orphaned
                conn.execute(update(reviews).where(reviews.c.id == rev.id).values(orphaned=True))
            else:
                kept += 1
                conn.execute(update(reviews).where(reviews.c.id == rev.id).values(figure_id=target, orphaned=False))
        return kept, lost

    # -- queries --------------------------------------------------------------
    def state(self) -> tuple[int, int]:
        """(figures generation, last review id): the first changes whenever
        documents or figures are written (a re-extraction in place too), the
        second with every decision; a cache key read by primary key."""
        with self.engine.connect() as conn:
            return tuple(conn.execute(select(
                func.coalesce(select(store_state.c.figures).where(store_state.c.id == 1).scalar_subquery(), 0),
                func.coalesce(select(func.max(reviews.c.id)).scalar_subquery(), 0))).one())  # type: ignore[return-value]

    def document(self, doc_id: int) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.id == doc_id)).mappings().first()
        if row is None:
            return None
        out = dict(row)
        out["figures"] = [f for f in self.figures(document_id=doc_id)]
        return out

    def document_list(self, limit: int = 50, offset: int = 0, language: str | None = None) -> list[dict[str, Any]]:
        counts = (select(figures.c.document_id, func.count().label("figures")).where(figures.c.active)
                  .group_by(figures.c.document_id).subquery())
        q = (select(documents.c.id, documents.c.title, documents.c.url, documents.c.outlet, documents.c.language,
                    documents.c.published, documents.c.external_id, func.coalesce(counts.c.figures, 0).label("figures"))
             .outerjoin(counts, counts.c.document_id == documents.c.id))
        if language:
            q = q.where(documents.c.language == language)
        q = q.order_by(documents.c.id.desc()).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def reviewed_since(self, review_id: int) -> list[dict[str, Any]]:
        """Flow keys of the figures decided on after review `review_id`."""
        q = (select(figures.c.movement, figures.c.origin, figures.c.destination, figures.c.nationality).distinct()
             .join(reviews, reviews.c.figure_id == figures.c.id).where(reviews.c.id > review_id))
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def flow_rows(self, batch: int = 5000, where: dict[str, str | None] | None = None) -> Iterator[dict[str, Any]]:
        """Active figures with document and latest review, ordered by flow key,
        streamed (flows over millions of figures in bounded memory); `where`
        limits them to given values of movement, origin, destination, nationality."""
        last_review = (select(reviews.c.figure_id, func.max(reviews.c.id).label("review_id"))
                       .where(reviews.c.orphaned.is_(False)).group_by(reviews.c.figure_id).subquery())
        q = (select(figures, documents.c.url, documents.c.language, documents.c.published, documents.c.outlet,
                    documents.c.wire, documents.c.external_id, documents.c.story, reviews.c.decision,
                    reviews.c.corrections)
             .join(documents, documents.c.id == figures.c.document_id)
             .outerjoin(last_review, last_review.c.figure_id == figures.c.id)
             .outerjoin(reviews, reviews.c.id == last_review.c.review_id)
             .where(figures.c.active)
             .order_by(figures.c.movement, figures.c.origin, figures.c.destination, figures.c.nationality,
                       figures.c.id))
        for name, value in (where or {}).items():
            column = figures.c[name]
            q = q.where(column.is_(None) if value is None else column == value)
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=batch).execute(q)
            for row in result.mappings():
                yield dict(row)

    def figures(self, country: str | None = None, movement: str | None = None, since: str | None = None,
                until: str | None = None, language: str | None = None, source_type: str | None = None,
                status: str | None = None, limit: int | None = None, offset: int = 0,
                document_id: int | None = None, figure_id: int | None = None,
                order: str = "id") -> list[dict[str, Any]]:
        """Active figures with their document and latest review, filtered (filters
        parsed by the figure schema: a country name gives its code, a bad date is refused)."""
        parsed = parse_filters(country=country, movement=movement, since=since, until=until, language=language,
                               source_type=source_type, status=status)
        country, movement, since, until = parsed["country"], parsed["movement"], parsed["since"], parsed["until"]
        language, source_type, status = parsed["language"], parsed["source_type"], parsed["status"]
        if status is None:  # the common page: figures first, then the reviews of just those
            q = (select(figures, documents.c.url, documents.c.language, documents.c.published, documents.c.outlet,
                        documents.c.external_id)
                 .join(documents, documents.c.id == figures.c.document_id).where(figures.c.active))
        else:
            last_review = (select(reviews.c.figure_id, func.max(reviews.c.id).label("review_id"))
                           .where(reviews.c.orphaned.is_(False)).group_by(reviews.c.figure_id).subquery())
            q = (select(figures, documents.c.url, documents.c.language, documents.c.published, documents.c.outlet,
                        documents.c.external_id, reviews.c.decision, reviews.c.corrections, reviews.c.reviewer)
                 .join(documents, documents.c.id == figures.c.document_id)
                 .outerjoin(last_review, last_review.c.figure_id == figures.c.id)
                 .outerjoin(reviews, reviews.c.id == last_review.c.review_id)
                 .where(figures.c.active))
        if country:
            q = q.where(or_(figures.c.origin == country, figures.c.destination == country,
                            figures.c.nationality == country))
        if movement:
            q = q.where(figures.c.movement == movement)
        if since:
            q = q.where(func.coalesce(figures.c.period_end, documents.c.published) >= since)
        if until:
            q = q.where(func.coalesce(figures.c.period_end, documents.c.published) <= until)
        if language:
            q = q.where(documents.c.language == language)
        if source_type:
            q = q.where(figures.c.source_type == source_type)
        if status == "unreviewed":
            q = q.where(reviews.c.decision.is_(None))
        elif status:
            q = q.where(reviews.c.decision == status)
        if document_id is not None:
            q = q.where(figures.c.document_id == document_id)
        if figure_id is not None:
            q = q.where(figures.c.id == figure_id)
        ordering = {"id": [figures.c.id], "newest": [figures.c.id.desc()],
                    "confidence": [figures.c.confidence, figures.c.id]}[order]
        q = q.order_by(*ordering)
        if limit:
            q = q.limit(limit)
        if offset:
            q = q.offset(offset)
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(q).mappings()]
            if status is None and rows:
                latest: dict[int, Any] = {}
                ids = [r["id"] for r in rows]
                for k in range(0, len(ids), 500):
                    found = conn.execute(select(reviews.c.figure_id, reviews.c.decision, reviews.c.corrections,
                                                reviews.c.reviewer).where(and_(reviews.c.figure_id.in_(ids[k:k + 500]),
                                                                               reviews.c.orphaned.is_(False)))
                                         .order_by(reviews.c.id))
                    for rev in found:
                        latest[rev.figure_id] = rev
                for r in rows:
                    rev = latest.get(r["id"])
                    r.update(decision=rev.decision if rev else None, corrections=rev.corrections if rev else None,
                             reviewer=rev.reviewer if rev else None)
            return rows


def _figure_row(f: Figure, doc_id: int, version: str, now: datetime) -> dict[str, Any]:
    row = {name: getattr(f, name) for name in ANNOTATION_FIELDS if name != "doc"}
    row.update(document_id=doc_id, extractor_version=version, active=True, start=f.start, end=f.end,
               rule=list(f.rule), confidence=f.confidence, created_at=now, part_of=None)  # parts: _link_parts
    return row


MAX_COUNT = 2**63 - 1  # the figures' BIGINT columns


def _fits(figure: Figure) -> bool:
    """A count the columns can hold: a 40-digit number in a text is no one's movement figure."""
    return all(n is None or 0 <= n <= MAX_COUNT for n in (figure.value, figure.low, figure.high))


def _views_current(conn: Any, cfg: Any) -> bool:
    """At the newest migration, with the views in place: nothing to do."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from sqlalchemy import inspect

    current = MigrationContext.configure(conn).get_current_revision()
    if current != ScriptDirectory.from_config(cfg).get_current_head():
        return False
    return set(VIEWS) <= set(inspect(conn).get_view_names())


def _sqlite_pragmas(dbapi_conn: Any, _: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")  # first: another process may hold the file while this one starts
    cur.execute("PRAGMA journal_mode=WAL")  # a reader (the dashboard) works while ingest writes
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()
