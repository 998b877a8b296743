"""Migration 0006 on a database with visits signed before it: they keep verifying (their
hash never included the identification), they print, and from now on the database refuses to
change them in place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.signing import signature_hash
from intake_desktop.domain.validation import parse_case
from intake_desktop.services import visit_document
from intake_desktop.storage.database import open_database
from intake_desktop.storage.migrate import alembic_config, upgrade
from tests.actors import as_user

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "01_lumbar_early.json"


def test_visits_signed_before_keep_verifying_and_are_guarded(empty_database_url: str) -> None:
    case = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    plan = evaluate(parse_case(case)).to_dict()
    digest = signature_hash(case, plan, plan["level"], None, None)  # no identification then
    db = open_database(empty_database_url, migrate=False)
    try:
        with db.engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0005")
            now = "2026-11-30 10:00:00"
            conn.execute(text(
                "INSERT INTO patients (id, name, record_number, search_name, date_of_birth,"
                " created_at, created_by, updated_at, updated_by, version) "
                "VALUES (1, 'Ana Test', 'MRN-1', 'ana test', :dob, :t, 'a', :t, 'a', 1)"
            ), {"t": now, "dob": case["patient"]["date_of_birth"]})  # fmt: skip
            conn.execute(text(
                "INSERT INTO visits (id, patient_id, visit_date, status, case_data, plan,"
                " rules_version, computed_level, final_level, revision, created_at, created_by,"
                " updated_at, updated_by, signed_at, signed_by, signature_hash, version) VALUES "
                "(1, 1, :day, 'signed', :case, :plan, :rules, :level, :level, 0, :t, 'a', :t,"
                " 'a', :t, 'dr.a', :hash, 1)"
            ), {"day": case["visit_date"], "case": json.dumps(case), "plan": json.dumps(plan),
                "rules": plan["rules_version"], "level": plan["level"], "t": now,
                "hash": digest})  # fmt: skip
        upgrade(db)
        doc = visit_document(db, as_user("dr.a"), 1, kind="clinician")
        assert doc.content_hash == digest and doc.patient_name == "Ana Test"
        assert doc.details_updated_at is None  # nothing signed to compare with
        refused = pytest.raises(DBAPIError, match="never changed or deleted in place")
        with refused, db.engine.begin() as conn:
            conn.execute(text("UPDATE visits SET final_level = 'surgical' WHERE id = 1"))
    finally:
        db.dispose()
