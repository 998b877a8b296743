"""Revision 0003 fills what it adds for the records already stored: each visit's urgency and red
flags (drafts from their form, signed visits from their plan), and the record numbers' endings
as search terms, so a clinic that upgrades sees its emergencies marked and finds "2108"."""

from __future__ import annotations

import json

from alembic import command
from sqlalchemy import text

from intake_desktop.storage.database import open_database
from intake_desktop.storage.migrate import alembic_config, upgrade

_NOW = "'2026-01-01 00:00:00'"


def _visit(conn, vid: int, status: str, draft=None, plan=None, levels=(None, None)) -> None:
    signed = status != "draft"
    conn.execute(
        text(
            "INSERT INTO visits (id, patient_id, visit_date, status, draft_data, case_data, plan,"
            " rules_version, computed_level, final_level, revision, created_at, created_by,"
            " updated_at, updated_by, signed_at, signed_by, version) VALUES (:id, 1,"
            f" '2026-01-01', :status, :draft, :case, :plan, :rv, :computed, :final, 0, {_NOW},"
            f" 'a', {_NOW}, 'a', :signed_at, :signed_by, 1)"
        ),
        {
            "id": vid, "status": status,
            "draft": json.dumps(draft) if draft is not None else None,
            "case": "{}" if signed else None,
            "plan": json.dumps(plan) if plan is not None else None,
            "rv": "r" if signed else None,
            "computed": levels[0], "final": levels[1],
            "signed_at": "2026-01-01 00:00:00" if signed else None,
            "signed_by": "a" if signed else None,
        },
    )  # fmt: skip


def test_stored_visits_and_record_numbers_are_filled_in(empty_database_url: str) -> None:
    db = open_database(empty_database_url, migrate=False)
    try:
        with db.engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0003")
            conn.execute(
                text(
                    "INSERT INTO patients (id, record_number, name, search_name, date_of_birth,"
                    f" created_at, created_by, updated_at, updated_by, version) VALUES (1,"
                    f" 'DEMO-0021084', 'Old Record', 'old record', '1950-01-01', {_NOW}, 't',"
                    f" {_NOW}, 't', 1)"
                )
            )
            for term in ("old record", "record", "demo 0021084", "0021084"):
                conn.execute(
                    text("INSERT INTO patient_search_terms (term, patient_id) VALUES (:t, 1)"),
                    {"t": term},
                )
            draft = {"format": "spine-intake-case/1", "red_flags": ["saddle_anaesthesia"],
                     "patient": {"date_of_birth": "1950-01-01"}, "visit_date": "2026-01-01",
                     "history": {"pain_nrs": {"back": 99}}}  # fmt: skip
            _visit(conn, 1, "draft", draft=draft)
            _visit(conn, 2, "signed", plan={"red_flags": ["fever"]}, levels=("urgent", "urgent"))
            _visit(conn, 3, "signed", plan={"red_flags": []},
                   levels=("conservative", "conservative"))  # fmt: skip
        upgrade(db)
        with db.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT id, urgency, red_flag_codes FROM visits ORDER BY id")
            ).all()
            terms = set(conn.execute(text("SELECT term FROM patient_search_terms")).scalars())
        assert [tuple(r) for r in rows] == [
            (1, "emergency", "saddle_anaesthesia"),
            (2, "urgent", "fever"),
            (3, None, None),
        ]
        assert {"21084", "1084", "084", "84", "021084"} <= terms
    finally:
        db.dispose()
