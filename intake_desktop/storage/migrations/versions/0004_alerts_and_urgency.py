"""Emergencies in every list and alerts between workstations; search by any part of a number.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04

* ``visits.urgency`` and ``visits.red_flag_codes``: derived from each visit's case when it is
  saved (see ``storage.urgency``), filled here for the visits already stored;
  ``visits.discard_reason``: why a draft with a red flag was set aside.
* ``red_flag_alerts``: one row per red flag recorded, until a clinician acknowledges it.
* ``patient_search_terms``: the endings of record numbers, so "2108" finds "DEMO-0021084";
  its patient index also holds the term, so a search of several words checks each candidate's
  own terms from the index alone.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 2000


def _when() -> sa.types.TypeEngine:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.add_column(sa.Column("urgency", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("red_flag_codes", sa.String(length=400), nullable=True))
        batch.add_column(sa.Column("discard_reason", sa.Text(), nullable=True))
        batch.create_check_constraint("urgency_known", "urgency IN ('emergency', 'urgent')")
    op.create_table(
        "red_flag_alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("red_flag_codes", sa.String(length=400), nullable=False),
        sa.Column("raised_at", _when(), nullable=False),
        sa.Column("raised_by", sa.String(length=100), nullable=False),
        sa.Column("workstation", sa.String(length=255), nullable=False),
        sa.Column("acknowledged_at", _when(), nullable=True),
        sa.Column("acknowledged_by", sa.String(length=100), nullable=True),
        sa.CheckConstraint(
            "level IN ('emergency', 'urgent')", name=op.f("ck_red_flag_alerts_level_known")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visits.id"],
            name=op.f("fk_red_flag_alerts_visit_id_visits"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_red_flag_alerts_patient_id_patients"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_red_flag_alerts")),
    )
    op.create_index(
        op.f("ix_red_flag_alerts_acknowledged_at"), "red_flag_alerts", ["acknowledged_at"]
    )
    op.drop_index("ix_patient_search_terms_patient_id", table_name="patient_search_terms")
    op.create_index(
        "ix_patient_search_terms_patient_id_term", "patient_search_terms", ["patient_id", "term"]
    )
    _fill_urgency()
    _add_number_part_terms()


def downgrade() -> None:
    op.drop_index("ix_patient_search_terms_patient_id_term", table_name="patient_search_terms")
    op.create_index("ix_patient_search_terms_patient_id", "patient_search_terms", ["patient_id"])
    op.drop_index(op.f("ix_red_flag_alerts_acknowledged_at"), table_name="red_flag_alerts")
    op.drop_table("red_flag_alerts")
    with op.batch_alter_table("visits") as batch:
        batch.drop_constraint("urgency_known", type_="check")
        batch.drop_column("discard_reason")
        batch.drop_column("red_flag_codes")
        batch.drop_column("urgency")


def _fill_urgency() -> None:
    """Derive the new columns for every stored visit (drafts from the form, signed visits from
    their stored plan), a batch at a time."""
    from intake_desktop.storage.urgency import draft_red_flags, join_codes, signed_urgency

    conn = op.get_bind()
    visits = sa.table(
        "visits",
        sa.column("id", sa.Integer()),
        sa.column("status", sa.String()),
        sa.column("draft_data", sa.JSON()),
        sa.column("plan", sa.JSON()),
        sa.column("computed_level", sa.String()),
        sa.column("final_level", sa.String()),
        sa.column("urgency", sa.String()),
        sa.column("red_flag_codes", sa.String()),
    )
    last = 0
    while True:
        rows = conn.execute(
            sa.select(visits.c.id, visits.c.status, visits.c.draft_data, visits.c.plan,
                      visits.c.computed_level, visits.c.final_level)
            .where(visits.c.id > last).order_by(visits.c.id).limit(_BATCH)
        ).all()  # fmt: skip
        if not rows:
            return
        updates = []
        for vid, status, draft, plan, computed, final in rows:
            if status in ("signed", "amended"):
                codes, urgency = signed_urgency(plan, computed, final)
            else:
                codes, urgency = draft_red_flags(draft)
            if urgency is not None or codes:
                updates.append({"vid": vid, "u": urgency, "c": join_codes(codes)})
        if updates:
            conn.execute(
                visits.update()
                .where(visits.c.id == sa.bindparam("vid"))
                .values(urgency=sa.bindparam("u"), red_flag_codes=sa.bindparam("c")),
                updates,
            )
        last = rows[-1][0]


def _add_number_part_terms() -> None:
    from intake_desktop.storage.search_text import number_part_terms

    conn = op.get_bind()
    patients = sa.table("patients", sa.column("id", sa.Integer()),
                        sa.column("record_number", sa.String()))  # fmt: skip
    terms = sa.table("patient_search_terms", sa.column("term", sa.String()),
                     sa.column("patient_id", sa.Integer()))  # fmt: skip
    last = 0
    while True:
        rows = conn.execute(
            sa.select(patients.c.id, patients.c.record_number)
            .where(patients.c.id > last, patients.c.record_number.is_not(None))
            .order_by(patients.c.id).limit(_BATCH)
        ).all()  # fmt: skip
        if not rows:
            return
        ids = [r[0] for r in rows]
        have = set(conn.execute(
            sa.select(terms.c.term, terms.c.patient_id).where(terms.c.patient_id.in_(ids))
        ).all())  # fmt: skip
        new = [{"term": t, "patient_id": pid} for pid, number in rows
               for t in number_part_terms(number) if (t, pid) not in have]  # fmt: skip
        if new:
            conn.execute(terms.insert(), new)
        last = ids[-1]
