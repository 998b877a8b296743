"""A small index of the visits with an amendment open and not yet signed.

Revision ID: 0010_drafts
Revises: 0009
Create Date: 2026-12-05

Written out by hand (it never imports the application's models).

The open drafts list (and its count on the Open drafts tab, read again after every save) now
includes amendments in progress, which keep their signed status. Without this index, finding
them reads every signed visit; with it (partial: only the few rows with a pending reason), the
list is answered from two indexes as before.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_drafts"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PENDING = sa.text("pending_amendment_reason IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "ix_visits_pending_amendment",
        "visits",
        ["pending_amendment_reason"],
        sqlite_where=_PENDING,
        postgresql_where=_PENDING,
    )


def downgrade() -> None:
    op.drop_index("ix_visits_pending_amendment", table_name="visits")
