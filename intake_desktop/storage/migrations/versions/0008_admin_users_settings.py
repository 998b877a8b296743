"""Running the clinic from the app: a forced password change, each user's language, and the
clinic-wide settings every workstation shares.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

Written out by hand (it never imports the application's models).

* ``users.must_change_password``: an administrator reset the password; the next sign-in asks
  for a new one before any record is shown.
* ``users.language``: the user's interface language (NULL: the clinic's default).
* ``clinic_settings``: one row per setting changed from the defaults in ``clinic.toml``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "users",
        sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("users", sa.Column("language", sa.String(length=16), nullable=True))
    op.create_table(
        "clinic_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_clinic_settings")),
    )


def downgrade() -> None:
    op.drop_table("clinic_settings")
    op.drop_column("users", "language")
    op.drop_column("users", "must_change_password")
