"""documents: story (near-duplicates share it) and the MinHash it was found with; story_keys: LSH band keys

Revision ID: flows_trust_stories
Revises: 0004_big_counts
"""

import sqlalchemy as sa
from alembic import op

revision = "flows_trust_stories"
down_revision = "0004_big_counts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("story", sa.Integer))
        batch.add_column(sa.Column("minhash", sa.LargeBinary))
    op.create_table(
        "story_keys",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(24), nullable=False),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
    )
    op.create_index("ix_story_keys_key", "story_keys", ["key", "document_id"])


def downgrade() -> None:
    op.drop_index("ix_story_keys_key", "story_keys")
    op.drop_table("story_keys")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("minhash")
        batch.drop_column("story")
