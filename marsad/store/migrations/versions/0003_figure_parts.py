"""figures: part_of, the figure a subgroup belongs to ("among them 859 children")

Revision ID: flows_trust_parts
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "flows_trust_parts"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("figures") as batch:
        batch.add_column(sa.Column("part_of", sa.Integer))


def downgrade() -> None:
    with op.batch_alter_table("figures") as batch:
        batch.drop_column("part_of")
