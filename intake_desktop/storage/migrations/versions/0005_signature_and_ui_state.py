"""Signing and amending: the window's own state beside the case, the signature's hash, signers.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04

Written out by hand (it never imports the application's models).

* ``visits.ui_state``: what the visit window keeps for itself (the red-flag screen's answers,
  the pending level decision, carried-forward marks, the step). It used to ride inside the draft
  under a ``_ui`` key, which made a stored draft an invalid case file; existing drafts have that
  key moved out here, so every stored draft is a case file again.
* ``visits.signature_hash`` / ``visit_versions.signature_hash``: SHA-256 of what was signed.
* ``visits.pending_amendment_reason``: an amendment opened (``amend``) and not yet signed.
* ``users.full_name`` / ``users.credentials``: printed with an electronic signature.

Columns are added with plain ``ALTER TABLE ... ADD COLUMN`` (no batch copy on SQLite), so the
append-only triggers of ``visit_versions`` stay in place.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LEGACY_UI_KEY = "_ui"


def upgrade() -> None:
    op.add_column("visits", sa.Column("ui_state", sa.JSON(), nullable=True))
    op.add_column("visits", sa.Column("signature_hash", sa.String(length=64), nullable=True))
    op.add_column("visits", sa.Column("pending_amendment_reason", sa.Text(), nullable=True))
    op.add_column(
        "visit_versions", sa.Column("signature_hash", sa.String(length=64), nullable=True)
    )
    op.add_column("users", sa.Column("full_name", sa.String(length=200), nullable=True))
    op.add_column("users", sa.Column("credentials", sa.String(length=200), nullable=True))
    _move_screen_state_out_of_drafts()


def _move_screen_state_out_of_drafts() -> None:
    visits = sa.table(
        "visits",
        sa.column("id", sa.Integer()),
        sa.column("draft_data", sa.JSON()),
        sa.column("ui_state", sa.JSON()),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(visits.c.id, visits.c.draft_data).where(visits.c.draft_data.is_not(None))
    ).all()
    for visit_id, draft in rows:
        if isinstance(draft, str):  # some drivers hand JSON back as text
            draft = json.loads(draft)
        if not isinstance(draft, dict) or LEGACY_UI_KEY not in draft:
            continue
        state = draft.pop(LEGACY_UI_KEY)
        bind.execute(
            sa.update(visits)
            .where(visits.c.id == visit_id)
            .values(draft_data=draft, ui_state=state if isinstance(state, dict) else None)
        )


def downgrade() -> None:
    op.drop_column("users", "credentials")
    op.drop_column("users", "full_name")
    op.drop_column("visit_versions", "signature_hash")
    op.drop_column("visits", "pending_amendment_reason")
    op.drop_column("visits", "signature_hash")
    op.drop_column("visits", "ui_state")
