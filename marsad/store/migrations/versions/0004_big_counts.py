"""figures: value, low and high are 64-bit (PostgreSQL's INTEGER stops at 2,147,483,647)

Revision ID: 0004_big_counts
Revises: flows_trust_parts
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_big_counts"
down_revision = "flows_trust_parts"
branch_labels = None
depends_on = None

COUNTS = ("value", "low", "high")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite's INTEGER is already 64-bit
    for name in COUNTS:
        op.alter_column("figures", name, type_=sa.BigInteger, existing_type=sa.Integer)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in COUNTS:
        op.alter_column("figures", name, type_=sa.Integer, existing_type=sa.BigInteger)
