"""documents, figures, reviews, failures

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("url", sa.Text), sa.Column("source", sa.Text, nullable=False), sa.Column("external_id", sa.Text),
        sa.Column("title", sa.Text), sa.Column("language", sa.String(8)), sa.Column("published", sa.String(10)),
        sa.Column("encoding", sa.String(40)), sa.Column("text", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False), sa.Column("supersedes", sa.Integer, sa.ForeignKey("documents.id")),
        sa.Column("extractor_version", sa.String(16)),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_documents_url", "documents", ["url"])
    op.create_table(
        "figures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("extractor_version", sa.String(16), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("value", sa.Integer), sa.Column("low", sa.Integer), sa.Column("high", sa.Integer),
        sa.Column("qualifier", sa.String(16)), sa.Column("unit", sa.String(16)), sa.Column("kind", sa.String(8)),
        sa.Column("per", sa.String(8)), sa.Column("movement", sa.String(16)), sa.Column("group", sa.Text),
        sa.Column("nationality", sa.String(2)), sa.Column("origin", sa.String(2)), sa.Column("origin_place", sa.Text),
        sa.Column("destination", sa.String(2)), sa.Column("destination_place", sa.Text),
        sa.Column("period_start", sa.String(10)), sa.Column("period_end", sa.String(10)),
        sa.Column("source", sa.Text), sa.Column("source_type", sa.String(16)),
        sa.Column("rule", sa.JSON, nullable=False), sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_figures_document", "figures", ["document_id", "active"])
    op.create_index("ix_figures_flow", "figures", ["origin", "destination", "movement"])
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("figure_id", sa.Integer, sa.ForeignKey("figures.id"), nullable=False),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False), sa.Column("corrections", sa.JSON),
        sa.Column("reviewer", sa.Text, nullable=False), sa.Column("comment", sa.Text),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("orphaned", sa.Boolean, nullable=False),
        sa.Column("span_start", sa.Integer, nullable=False), sa.Column("span_end", sa.Integer, nullable=False),
    )
    op.create_index("ix_reviews_figure", "reviews", ["figure_id"])
    op.create_table(
        "failures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source", sa.Text, nullable=False), sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("source", "reason", name="uq_failures_source_reason"),
    )


def downgrade() -> None:
    for name in ("failures", "reviews", "figures", "documents"):
        op.drop_table(name)
