"""chat frames: the last question of each chat, for follow-ups

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 13:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('chat_frames',
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('chat_id', sa.BigInteger(), nullable=False),
    sa.Column('frame', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('platform', 'chat_id', name=op.f('pk_chat_frames'))
    )
    with op.batch_alter_table('chat_frames', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chat_frames_updated_at'), ['updated_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('chat_frames', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chat_frames_updated_at'))
    op.drop_table('chat_frames')
