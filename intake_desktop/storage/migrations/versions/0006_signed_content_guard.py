"""Signed visits bound to their content: the identification signed, and triggers that keep it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05

Written out by hand (it never imports the application's models).

* ``visits.signed_identity`` / ``visit_versions.signed_identity``: the patient's name, date of
  birth and record number as they were at signing (JSON), part of the signature's hash, so the
  summary prints what was signed even after the front desk corrects the patient record.
* Triggers on ``visits``, on SQLite and PostgreSQL alike, refuse to DELETE a signed (or amended)
  visit and refuse an UPDATE of one, except:

  - a change of the columns that are not signed content (the open amendment's draft and
    reason, the window's state, who touched it last, the row version); the visit date and the
    urgency marks change only while an amendment is open (its draft's date and flags);
  - a new signature (an amendment signed): allowed only when the content being replaced has
    been archived first, i.e. a ``visit_versions`` row with this visit, its current revision and
    its current signature hash exists, and the revision goes up by one. ``visit_versions`` is
    append-only (migration 0001), so what was replaced stays readable for good.

  On PostgreSQL these are ordinary triggers owned by the role that runs ``db upgrade``; a role
  that does not own the table cannot drop or disable them.

Columns are added with plain ``ALTER TABLE ... ADD COLUMN`` (no batch copy on SQLite), so the
append-only triggers of ``visit_versions`` stay in place.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = (
    "a signed visit is never changed or deleted in place: amend it in the program, with a reason"
)
SIGNED = "('signed', 'amended')"
#: Columns that are the signed content or the visit's identity: changed only by a new signature.
PROTECTED = (
    "id", "patient_id", "status", "case_data", "plan", "rules_version", "computed_level",
    "final_level", "override_reason", "chosen_procedure", "revision", "created_at", "created_by",
    "signed_at", "signed_by", "amendment_reason", "signature_hash", "signed_identity",
    "discard_reason",
)  # fmt: skip
#: Columns an open amendment's saves change (its draft's date and red flags) and nothing else.
WHILE_AMENDING = ("visit_date", "urgency", "red_flag_codes")
#: JSON columns: PostgreSQL's ``json`` type has no equality, so they are compared as text.
JSON_COLUMNS = frozenset({"case_data", "plan", "signed_identity"})
#: Unchanged when a new signature replaces an archived one.
IDENTITY = ("id", "patient_id", "created_at", "created_by")


def upgrade() -> None:
    op.add_column("visits", sa.Column("signed_identity", sa.JSON(), nullable=True))
    op.add_column("visit_versions", sa.Column("signed_identity", sa.JSON(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        _create_postgresql_guard()
    else:
        _create_sqlite_guard()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER visits_signed_guard ON visits")
        op.execute("DROP FUNCTION visits_signed_guard()")
    else:
        op.execute("DROP TRIGGER visits_signed_no_update")
        op.execute("DROP TRIGGER visits_signed_no_delete")
    op.drop_column("visit_versions", "signed_identity")
    op.drop_column("visits", "signed_identity")


def _same(columns: Sequence[str], *, postgresql: bool) -> str:
    def col(row: str, name: str) -> str:
        return f"{row}.{name}::text" if postgresql and name in JSON_COLUMNS else f"{row}.{name}"

    op_ = "IS NOT DISTINCT FROM" if postgresql else "IS"
    return " AND ".join(f"{col('NEW', c)} {op_} {col('OLD', c)}" for c in columns)


def _allowed(*, postgresql: bool) -> str:
    """The condition under which an UPDATE of a signed visit goes through."""
    same_hash = (
        "vv.signature_hash IS NOT DISTINCT FROM OLD.signature_hash"
        if postgresql
        else "vv.signature_hash IS OLD.signature_hash"
    )
    amending = (
        "(OLD.pending_amendment_reason IS NOT NULL OR NEW.pending_amendment_reason IS NOT NULL)"
    )
    untouched = (
        f"({_same(PROTECTED, postgresql=postgresql)} AND ({amending}"
        f" OR ({_same(WHILE_AMENDING, postgresql=postgresql)})))"
    )
    archived = (
        f"({_same(IDENTITY, postgresql=postgresql)}"
        f" AND NEW.status IN {SIGNED} AND NEW.revision = OLD.revision + 1"
        " AND EXISTS (SELECT 1 FROM visit_versions vv WHERE vv.visit_id = OLD.id"
        f" AND vv.revision = OLD.revision AND {same_hash}))"
    )
    return f"({untouched} OR {archived})"


def _create_sqlite_guard() -> None:
    op.execute(
        "CREATE TRIGGER visits_signed_no_update BEFORE UPDATE ON visits "
        f"WHEN OLD.status IN {SIGNED} AND NOT {_allowed(postgresql=False)} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    )
    op.execute(
        "CREATE TRIGGER visits_signed_no_delete BEFORE DELETE ON visits "
        f"WHEN OLD.status IN {SIGNED} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    )


def _create_postgresql_guard() -> None:
    op.execute(
        "CREATE FUNCTION visits_signed_guard() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN "
        f"IF OLD.status NOT IN {SIGNED} THEN "
        "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END IF; "
        f"IF TG_OP = 'UPDATE' AND {_allowed(postgresql=True)} THEN RETURN NEW; END IF; "
        f"RAISE EXCEPTION '{MESSAGE}'; "
        "END $$"
    )
    op.execute(
        "CREATE TRIGGER visits_signed_guard BEFORE UPDATE OR DELETE ON visits "
        "FOR EACH ROW EXECUTE FUNCTION visits_signed_guard()"
    )
