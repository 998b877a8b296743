"""The clinic's day: who is expected, checked in, answering, ready, with the clinician, done.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05

Written out by hand (it never imports the application's models).

* ``board_entries``: one patient on one day's board, booked or walked in, with the state of the
  visit and when each state began. A table of its own rather than columns of ``visits``: the
  board still moves after a visit is signed ("printed"), and a signed visit's row is not
  rewritten for that.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _when() -> sa.types.TypeEngine:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "board_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("booked_time", sa.Time(), nullable=True),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("state_since", _when(), nullable=False),
        sa.Column("timeline", sa.JSON(), nullable=True),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", _when(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.CheckConstraint(
            "state IN ('expected', 'checked_in', 'answering', 'ready', 'with_clinician',"
            " 'signed', 'printed')",
            name=op.f("ck_board_entries_state_known"),
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_board_entries_patient_id_patients"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visits.id"],
            name=op.f("fk_board_entries_visit_id_visits"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_board_entries")),
        sa.UniqueConstraint("visit_id", name=op.f("uq_board_entries_visit_id")),
    )
    op.create_index(op.f("ix_board_entries_day"), "board_entries", ["day"])


def downgrade() -> None:
    op.drop_index(op.f("ix_board_entries_day"), table_name="board_entries")
    op.drop_table("board_entries")
