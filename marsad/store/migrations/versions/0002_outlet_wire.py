"""documents: the outlet that published them and the wire agency they carry

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("outlet", sa.Text))
        batch.add_column(sa.Column("wire", sa.String(32)))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("wire")
        batch.drop_column("outlet")
