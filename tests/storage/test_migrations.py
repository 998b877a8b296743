"""Migrations: from an empty database to head, and the models match what the migrations made."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from intake_desktop.storage.database import open_database
from intake_desktop.storage.errors import SchemaError
from intake_desktop.storage.migrate import (
    SchemaState,
    alembic_config,
    current_revision,
    head_revision,
    schema_state,
    upgrade,
)
from intake_desktop.storage.models import Base
from tests.actors import key_of, open_unlocked


def test_empty_database_upgrades_to_head_and_matches_models(empty_database_url: str) -> None:
    db = open_database(empty_database_url, migrate=False)
    try:
        assert schema_state(db) is SchemaState.EMPTY
        result = upgrade(db)
        assert result.from_revision is None
        assert result.to_revision == head_revision() == current_revision(db)
        assert result.backup_path is None  # nothing to back up in an empty database
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        db.dispose()


def test_opening_an_empty_database_creates_the_schema(empty_database_url: str) -> None:
    with open_database(empty_database_url) as db:
        assert schema_state(db) is SchemaState.CURRENT
        tables = set(inspect(db.engine).get_table_names())
    assert {"patients", "patient_search_terms", "visits", "visit_versions"} <= tables


def test_downgrade_to_base_and_up_again(empty_database_url: str) -> None:
    with open_database(empty_database_url) as db:
        with db.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "base")
        assert current_revision(db) is None
        upgrade(db)
        assert schema_state(db) is SchemaState.CURRENT


def test_a_foreign_database_is_left_alone(empty_database_url: str) -> None:
    db = open_database(empty_database_url, migrate=False)
    try:
        with db.engine.begin() as conn:
            conn.execute(text("CREATE TABLE patients (id INTEGER PRIMARY KEY)"))
        with pytest.raises(SchemaError, match="not made by intake-desktop"):
            open_database(empty_database_url)
    finally:
        db.dispose()


def test_a_database_from_a_newer_program_is_refused(database_url: str) -> None:
    with open_unlocked(database_url) as db, db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'fffffffffff'"))
    key = key_of(database_url) if database_url.startswith("sqlite") else None
    with pytest.raises(SchemaError, match="newer version"):
        open_database(database_url, key=key)


def test_visit_versions_are_append_only_in_the_database_itself(database) -> None:
    """Even a raw UPDATE or DELETE is refused: no code path can rewrite a signed version."""
    with database.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO patients (id, search_name, date_of_birth, created_at, created_by,"
                " updated_at, updated_by, version) VALUES (1, 'x', '1950-01-01',"
                " '2026-01-01 00:00:00', 'a', '2026-01-01 00:00:00', 'a', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO visits (id, patient_id, visit_date, status, revision, created_at,"
                " created_by, updated_at, updated_by, version) VALUES (1, 1, '2026-01-01',"
                " 'draft', 0, '2026-01-01 00:00:00', 'a', '2026-01-01 00:00:00', 'a', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO visit_versions (visit_id, revision, visit_date, case_data, plan,"
                " rules_version, computed_level, final_level, signed_at, signed_by,"
                " superseded_at, superseded_by) VALUES (1, 0, '2026-01-01', '{}', '{}', 'r',"
                " 'conservative', 'conservative', '2026-01-01 00:00:00', 'a',"
                " '2026-01-01 00:00:00', 'a')"
            )
        )
    for statement in (
        "UPDATE visit_versions SET final_level = 'surgical'",
        "DELETE FROM visit_versions",
    ):
        with pytest.raises(DBAPIError, match="append-only"), database.engine.begin() as conn:
            conn.execute(text(statement))
    with database.engine.connect() as conn:
        assert conn.execute(text("SELECT final_level FROM visit_versions")).scalar_one() == (
            "conservative"
        )


def test_quick_head_revision_matches_alembic() -> None:
    """Opening an up-to-date database skips Alembic by reading the head from the scripts."""
    from intake_desktop.storage import migrate

    assert migrate.quick_head_revision() == migrate.head_revision()
