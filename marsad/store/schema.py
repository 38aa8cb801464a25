"""The store's tables (SQLAlchemy Core), one schema for SQLite and PostgreSQL.

documents: one row per distinct content (sha256 of the text); the same URL
with new content is a new version that points at the one it supersedes.
figures: every extracted figure with evidence, offsets, rule and the
extractor version; a re-extraction deactivates the old rows.
reviews: an analyst's decision on a figure; it follows the figure across
re-extractions (same document, overlapping span) or is marked orphaned.
failures: inputs that could not be read, with the reason.
"""

from __future__ import annotations

from sqlalchemy import (JSON, BigInteger, Boolean, Column, DateTime, Float, ForeignKey, Index, Integer, LargeBinary,
                        MetaData,
                        String, Table, Text, UniqueConstraint)

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("url", Text),
    Column("source", Text, nullable=False),  # path, URL or "path#record" it was read from
    Column("external_id", Text),
    Column("title", Text),
    Column("language", String(8)),
    Column("published", String(10)),
    Column("encoding", String(40)),
    Column("text", Text, nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Column("supersedes", Integer, ForeignKey("documents.id")),
    Column("extractor_version", String(16)),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("outlet", Text),  # who published it (host or the corpus header)
    Column("wire", String(32)),  # the agency a reprinted wire story carries (afp, reuters, …)
    Column("story", Integer),  # near-duplicates share it: the id of the story's first document (stories.py)
    Column("minhash", LargeBinary),  # the MinHash signature the story was found with
)
Index("ix_documents_url", documents.c.url)

# LSH band keys of each document's MinHash: documents sharing a key are near-duplicate candidates
story_keys = Table(
    "story_keys", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(24), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
)
Index("ix_story_keys_key", story_keys.c.key, story_keys.c.document_id)

figures = Table(
    "figures", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("extractor_version", String(16), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("value", BigInteger), Column("low", BigInteger), Column("high", BigInteger),
    Column("qualifier", String(16)), Column("unit", String(16)), Column("kind", String(8)), Column("per", String(8)),
    Column("movement", String(16)), Column("group", Text), Column("nationality", String(2)),
    Column("origin", String(2)), Column("origin_place", Text),
    Column("destination", String(2)), Column("destination_place", Text),
    Column("period_start", String(10)), Column("period_end", String(10)),
    Column("source", Text), Column("source_type", String(16)),
    Column("rule", JSON, nullable=False), Column("confidence", Float, nullable=False),
    Column("part_of", Integer),  # the figure of the same document this one is a subgroup of
    Column("created_at", DateTime(timezone=True), nullable=False),
)
Index("ix_figures_document", figures.c.document_id, figures.c.active)
Index("ix_figures_flow", figures.c.origin, figures.c.destination, figures.c.movement)

reviews = Table(
    "reviews", metadata,
    Column("id", Integer, primary_key=True),
    Column("figure_id", Integer, ForeignKey("figures.id"), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("decision", String(16), nullable=False),  # confirmed, rejected, corrected
    Column("corrections", JSON),
    Column("reviewer", Text, nullable=False),
    Column("comment", Text),
    Column("decided_at", DateTime(timezone=True), nullable=False),
    Column("orphaned", Boolean, nullable=False, default=False),  # its figure vanished in a re-extraction
    Column("span_start", Integer, nullable=False), Column("span_end", Integer, nullable=False),
)
Index("ix_reviews_figure", reviews.c.figure_id)

failures = Table(
    "failures", metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("source", "reason", name="uq_failures_source_reason"),
)

# One row: its counter is bumped first in every transaction that writes
# documents or figures — the API's cache key, and the lock that orders writers.
store_state = Table(
    "store_state", metadata,
    Column("id", Integer, primary_key=True),
    Column("figures", BigInteger, nullable=False),
)

# -- marsad watch (marsad/watch): sources polled, URLs fetched, polls, alerts ------------------------------
# what each source answered last (conditional GET validators, errors, when to poll next)
watch_sources = Table(
    "watch_sources", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("url", Text, nullable=False),
    Column("etag", Text), Column("last_modified", Text),
    Column("last_poll_at", DateTime(timezone=True)),
    Column("last_status", String(16)),  # the HTTP status of the last poll, or "error"
    Column("last_error", Text),
    Column("errors", Integer, nullable=False, default=0),  # failed polls in a row (backoff)
    Column("next_poll_at", DateTime(timezone=True)),
    Column("last_new_at", DateTime(timezone=True)),  # the last poll that stored a new article
)

# every article URL fetched once (keyed by the SHA-256 of the URL: any length, one index)
watch_seen = Table(
    "watch_seen", metadata,
    Column("id", Integer, primary_key=True),
    Column("url_hash", String(64), nullable=False, unique=True),
    Column("url", Text, nullable=False),
    Column("source", String(200), nullable=False),
    Column("outcome", String(16), nullable=False),  # stored, seen (same text stored), failed, robots
    Column("at", DateTime(timezone=True), nullable=False),
)

watch_polls = Table(
    "watch_polls", metadata,
    Column("id", Integer, primary_key=True),
    Column("source", String(200), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("status", String(16), nullable=False),
    Column("new", Integer, nullable=False), Column("seen", Integer, nullable=False),
    Column("failed", Integer, nullable=False), Column("figures", Integer, nullable=False),
    Column("error", Text),
    Column("seconds", Float, nullable=False),
)
Index("ix_watch_polls_source", watch_polls.c.source, watch_polls.c.at)

alerts = Table(
    "alerts", metadata,
    Column("id", Integer, primary_key=True),
    Column("rule", String(200), nullable=False),  # the rule's name in the sources file
    Column("kind", String(16), nullable=False),  # new_flow, new_conflict, threshold, jump
    Column("message", Text, nullable=False),
    Column("movement", String(16)), Column("origin", String(2)), Column("destination", String(2)),
    Column("nationality", String(2)),
    Column("value", BigInteger), Column("previous", BigInteger),
    Column("figures", JSON, nullable=False),  # the figure ids behind it
    Column("details", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# every change an alert rule has seen (fired, or already there when the rule first ran): once per change
alert_marks = Table(
    "alert_marks", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(64), nullable=False, unique=True),
    Column("alert_id", Integer, ForeignKey("alerts.id")),
    Column("at", DateTime(timezone=True), nullable=False),
)

alert_deliveries = Table(
    "alert_deliveries", metadata,
    Column("id", Integer, primary_key=True),
    Column("alert_id", Integer, ForeignKey("alerts.id"), nullable=False),
    Column("channel", String(16), nullable=False),  # webhook, email
    Column("target", Text, nullable=False),
    Column("status", String(16), nullable=False),  # pending, sent, failed (gave up)
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("next_at", DateTime(timezone=True)),
    Column("sent_at", DateTime(timezone=True)),
)
Index("ix_alert_deliveries_status", alert_deliveries.c.status, alert_deliveries.c.next_at)

# what the alert rules have looked at: the last figure id evaluated, the rules already run once
watch_meta = Table(
    "watch_meta", metadata,
    Column("key", String(200), primary_key=True),
    Column("value", Text, nullable=False),
)
