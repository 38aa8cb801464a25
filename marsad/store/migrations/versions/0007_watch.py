"""marsad watch: watch_sources, watch_seen, watch_polls; alerts, alert_marks, alert_deliveries, watch_meta

Revision ID: 0007_watch
Revises: 0006_store_state
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_watch"
down_revision = "0006_store_state"
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("etag", sa.Text), sa.Column("last_modified", sa.Text),
        sa.Column("last_poll_at", WHEN), sa.Column("last_status", sa.String(16)), sa.Column("last_error", sa.Text),
        sa.Column("errors", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_poll_at", WHEN), sa.Column("last_new_at", WHEN),
    )
    op.create_table(
        "watch_seen",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("at", WHEN, nullable=False),
    )
    op.create_table(
        "watch_polls",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("new", sa.Integer, nullable=False), sa.Column("seen", sa.Integer, nullable=False),
        sa.Column("failed", sa.Integer, nullable=False), sa.Column("figures", sa.Integer, nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("seconds", sa.Float, nullable=False),
    )
    op.create_index("ix_watch_polls_source", "watch_polls", ["source", "at"])
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("rule", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("movement", sa.String(16)), sa.Column("origin", sa.String(2)),
        sa.Column("destination", sa.String(2)), sa.Column("nationality", sa.String(2)),
        sa.Column("value", sa.BigInteger), sa.Column("previous", sa.BigInteger),
        sa.Column("figures", sa.JSON, nullable=False),
        sa.Column("details", sa.JSON, nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
    )
    op.create_table(
        "alert_marks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(64), nullable=False, unique=True),
        sa.Column("alert_id", sa.Integer, sa.ForeignKey("alerts.id")),
        sa.Column("at", WHEN, nullable=False),
    )
    op.create_table(
        "alert_deliveries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("alert_id", sa.Integer, sa.ForeignKey("alerts.id"), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text),
        sa.Column("next_at", WHEN), sa.Column("sent_at", WHEN),
    )
    op.create_index("ix_alert_deliveries_status", "alert_deliveries", ["status", "next_at"])
    op.create_table("watch_meta", sa.Column("key", sa.String(200), primary_key=True),
                    sa.Column("value", sa.Text, nullable=False))


def downgrade() -> None:
    op.drop_table("watch_meta")
    op.drop_index("ix_alert_deliveries_status", "alert_deliveries")
    op.drop_table("alert_deliveries")
    op.drop_table("alert_marks")
    op.drop_table("alerts")
    op.drop_index("ix_watch_polls_source", "watch_polls")
    op.drop_table("watch_polls")
    op.drop_table("watch_seen")
    op.drop_table("watch_sources")
