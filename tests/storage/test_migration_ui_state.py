"""Migration 0005: drafts saved with the window's ``_ui`` key inside become case files."""

from __future__ import annotations

import json

from alembic import command
from sqlalchemy import text

from intake_desktop.storage.database import open_database
from intake_desktop.storage.migrate import alembic_config, upgrade


def test_old_drafts_get_their_screen_state_moved_beside_them(empty_database_url: str) -> None:
    db = open_database(empty_database_url, migrate=False)
    try:
        with db.engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0002")
            now = "2026-11-30 10:00:00"
            conn.execute(text(
                "INSERT INTO patients (id, search_name, date_of_birth, created_at, created_by, "
                "updated_at, updated_by, version) "
                "VALUES (1, 'x', '1950-01-01', :t, 'a', :t, 'a', 1)"
            ), {"t": now})  # fmt: skip
            old = {"format": "spine-intake-case/1", "visit_date": "2026-11-30",
                   "_ui": {"step": 3, "red_flag_screen": {"fever": "no"}}}  # fmt: skip
            for visit_id, draft in ((1, old), (2, {"visit_date": "2026-11-30"})):
                conn.execute(text(
                    "INSERT INTO visits (id, patient_id, visit_date, status, draft_data, revision,"
                    " created_at, created_by, updated_at, updated_by, version) VALUES "
                    "(:id, 1, '2026-11-30', 'draft', :d, 0, :t, 'a', :t, 'a', 1)"
                ), {"id": visit_id, "d": json.dumps(draft), "t": now})  # fmt: skip
        upgrade(db)
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT id, draft_data, ui_state FROM visits ORDER BY id"))
            got = [
                (i, json.loads(d) if isinstance(d, str) else d,
                 json.loads(u) if isinstance(u, str) else u)
                for i, d, u in rows
            ]  # fmt: skip
    finally:
        db.dispose()
    assert got == [
        (1, {"format": "spine-intake-case/1", "visit_date": "2026-11-30"},
         {"step": 3, "red_flag_screen": {"fever": "no"}}),
        (2, {"visit_date": "2026-11-30"}, None),
    ]  # fmt: skip
