"""store_state: one row whose counter every write of documents or figures bumps

It is the cache key of the API's views (a re-extraction in place changes
figures without adding rows) and, bumped first in each writing transaction,
the lock that orders concurrent writers (hash checks and version numbers).

Revision ID: 0006_store_state
Revises: flows_trust_stories
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_store_state"
down_revision = "flows_trust_stories"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table("store_state", sa.Column("id", sa.Integer, primary_key=True),
                            sa.Column("figures", sa.BigInteger, nullable=False))
    op.bulk_insert(table, [{"id": 1, "figures": 0}])


def downgrade() -> None:
    op.drop_table("store_state")
