"""The procedure the clinician chose among the plan's suggestions, on visits and their versions.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04

Written out by hand. ``chosen_procedure`` is nullable: visits signed before rules 2026.12 had no
suggested procedures, and a clinician may sign without choosing one. ``visit_versions`` gets the
column too, so an amendment keeps the earlier choice verbatim; adding a nullable column leaves its
append-only triggers in place on both databases (no table is rebuilt).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("visits", "visit_versions")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("chosen_procedure", sa.String(length=40), nullable=True))


def downgrade() -> None:
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+ and PostgreSQL), never a batch rebuild,
    # which would drop the append-only triggers of visit_versions.
    for table in TABLES:
        op.drop_column(table, "chosen_procedure")
