"""question log tokens: a 👍/👎 refers to a question before its row is written

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 13:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('question_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('token', sa.String(length=24), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_question_log_token'), ['token'])


def downgrade() -> None:
    with op.batch_alter_table('question_log', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_question_log_token'), type_='unique')
        batch_op.drop_column('token')
