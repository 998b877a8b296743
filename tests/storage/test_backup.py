"""backup / restore of an SQLite database while connections are open and writing."""

from __future__ import annotations

import shutil
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from intake_desktop.services import (
    PatientDetails,
    backup_database,
    open_database,
    register_patient,
    restore_database,
    search_patients,
    sign_in,
    upgrade_database,
)
from intake_desktop.services.errors import InputError, UnavailableError
from intake_desktop.storage import migrate
from intake_desktop.storage.database import open_database as open_storage
from intake_desktop.storage.migrate import head_revision
from tests.actors import READER, TEST_PASSWORD, as_user, connect_file


def _add(db, name: str) -> int:
    details = PatientDetails(name=name, date_of_birth=date(1950, 1, 1))
    return register_patient(db, details, actor=as_user("t")).id


@pytest.fixture
def sqlite_db(tmp_path: Path):
    db = open_database(f"sqlite:///{tmp_path / 'clinic.sqlite3'}")
    yield db
    db.dispose()


def test_backup_while_open_then_restore_while_open(sqlite_db, tmp_path: Path) -> None:
    _add(sqlite_db, "Before Backup")
    # Another "window": a connection in the middle of a write transaction during the backup.
    other = open_database(sqlite_db.url)
    try:
        with other.engine.connect() as busy, ThreadPoolExecutor(1) as pool:
            busy.execute(text("UPDATE patients SET phone = '555 000' WHERE id = 1"))
            # The backup first records itself in the audit trail, so it waits for the writer.
            job = pool.submit(
                backup_database, sqlite_db, tmp_path / "copies" / "backup.sqlite3", actor=READER
            )
            busy.rollback()
            backup = job.result(timeout=60)
        assert backup.exists()
        assert not Path(f"{backup}-wal").exists()
        check = connect_file(backup)
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert check.execute("SELECT count(*), max(phone) FROM patients").fetchone() == (1, None)
        check.close()

        _add(sqlite_db, "After Backup")
        assert len(search_patients(other, "after", actor=READER)) == 1
        result = restore_database(sqlite_db, backup, actor=READER)
        assert result.revision == head_revision()
        assert result.safety_copy.exists()
        # Every open connection, in this engine and the other, sees the restored records.
        assert search_patients(other, "after", actor=READER) == []
        assert len(search_patients(sqlite_db, "before", actor=READER)) == 1
        _add(other, "Written After Restore")
        with sqlite_db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
            assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        # The safety copy holds the records as they were just before the restore.
        safety = open_database(f"sqlite:///{result.safety_copy}")
        assert len(search_patients(safety, "after", actor=READER)) == 1
        safety.dispose()
    finally:
        other.dispose()


def test_restore_refuses_what_is_not_our_database(sqlite_db, tmp_path: Path) -> None:
    _add(sqlite_db, "Kept Safe")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    alien = tmp_path / "alien.sqlite3"
    conn = sqlite3.connect(alien)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    for bad, message in (
        (junk, "not a readable"),
        (alien, "not an intake-desktop"),
        (tmp_path / "missing.sqlite3", "not a file"),
    ):
        with pytest.raises(InputError, match=message):
            restore_database(sqlite_db, bad, actor=READER)
    with pytest.raises(InputError, match="the database itself"):
        restore_database(sqlite_db, sqlite_db.sqlite_path, actor=READER)
    assert len(search_patients(sqlite_db, "kept", actor=READER)) == 1


def test_backup_and_restore_are_sqlite_only(database, dialect, tmp_path: Path) -> None:
    if dialect == "sqlite":
        assert backup_database(database, tmp_path / "b.sqlite3", actor=READER).exists()
        return
    with pytest.raises(InputError, match="pg_dump"):
        backup_database(database, tmp_path / "b.sqlite3", actor=READER)
    with pytest.raises(InputError, match="pg_dump"):
        restore_database(database, tmp_path / "b.sqlite3", actor=READER)


#: The head revision of the migrations as shipped (before next_revision adds one).
SHIPPED_HEAD = head_revision()


@pytest.fixture
def next_revision(tmp_path: Path, monkeypatch):
    """Our migrations plus one more (adds an index), as the next release would ship them."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_test.py").write_text(
        "from alembic import op\n"
        f"revision = '9999'\ndown_revision = {head_revision()!r}\n"
        "branch_labels = depends_on = None\n"
        "def upgrade():\n    op.create_index('ix_test_phone', 'patients', ['phone'])\n"
        "def downgrade():\n    op.drop_index('ix_test_phone', 'patients')\n"
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
    migrate._script.cache_clear()
    yield "9999"
    migrate._script.cache_clear()


def test_upgrade_backs_up_an_sqlite_file_first(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    db = open_database(f"sqlite:///{path}")
    _add(db, "Old Record")
    db.dispose()
    current = upgrade_database(f"sqlite:///{path}")
    assert not current.changed and current.backup_path is None


def test_db_upgrade_copies_the_file_before_migrating(tmp_path: Path, next_revision) -> None:
    path = tmp_path / "clinic.sqlite3"
    with migrate_to_first(path):
        pass
    result = upgrade_database(f"sqlite:///{path}")
    assert result.changed and result.to_revision == next_revision
    assert result.backup_path is not None and result.backup_path.exists()
    assert "before-upgrade-0001" in result.backup_path.name
    copy = connect_file(result.backup_path)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert copy.execute("SELECT count(*) FROM patients").fetchone() == (1,)
    copy.close()
    db = open_database(f"sqlite:///{path}")
    assert len(search_patients(db, "old", actor=READER)) == 1
    db.dispose()


def test_opening_an_older_file_backs_up_and_migrates(tmp_path: Path, next_revision) -> None:
    path = tmp_path / "clinic.sqlite3"
    with migrate_to_first(path):
        pass
    db = open_database(f"sqlite:///{path}")
    db.dispose()
    assert len(list(tmp_path.glob("clinic.before-upgrade-0001-*.sqlite3"))) == 1


def test_an_older_postgresql_schema_waits_for_db_upgrade(postgres_server, next_revision) -> None:
    name = postgres_server.create_database(template=postgres_server.TEMPLATE)
    try:
        with pytest.raises(UnavailableError, match="db upgrade"):
            open_database(postgres_server.url(name))
        admin = lambda db: sign_in(db, "admin.user", TEST_PASSWORD)  # noqa: E731
        result = upgrade_database(postgres_server.url(name), sign_in_as=admin)
        assert (result.from_revision, result.to_revision) == (SHIPPED_HEAD, "9999")
        assert result.backup_path is None  # pg_dump is the server's backup
        open_database(postgres_server.url(name)).dispose()
    finally:
        postgres_server.drop_database(name)


@contextmanager
def migrate_to_first(path: Path):
    """An SQLite file at revision 0001 holding one patient."""
    db = open_storage(f"sqlite:///{path}", migrate=False)
    with db.engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "0001")
        # Written as a program of revision 0001 did (there was no audit trail yet).
        conn.execute(
            text(
                "INSERT INTO patients (id, name, search_name, date_of_birth, created_at,"
                " created_by, updated_at, updated_by, version) VALUES (1, 'Old Record',"
                " 'old record', '1950-01-01', '2026-01-01 00:00:00', 't',"
                " '2026-01-01 00:00:00', 't', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO patient_search_terms (term, patient_id)"
                " VALUES ('old', 1), ('record', 1)"
            )
        )
    db.dispose()
    yield
