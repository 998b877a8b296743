"""Opening a database: URL forms, the default file, the SQLite settings on every connection."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from intake_desktop.services import open_database
from intake_desktop.services.errors import UnavailableError
from intake_desktop.storage.database import BUSY_TIMEOUT_MS, default_database_path, resolve_url


def test_url_forms(tmp_path: Path, _isolated_user_folders: Path) -> None:
    default = resolve_url(None)
    assert default.get_backend_name() == "sqlite"
    assert Path(default.database) == default_database_path()
    assert str(default_database_path()).startswith(str(_isolated_user_folders))
    assert default_database_path().parent.name == "intake-desktop"
    assert resolve_url(str(tmp_path / "x.db")).database == str(tmp_path / "x.db")
    assert resolve_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert resolve_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    assert resolve_url("postgresql+psycopg://u@h/db").drivername == "postgresql+psycopg"


def test_default_file_is_created_on_first_run(_isolated_user_folders: Path) -> None:
    assert not default_database_path().exists()
    with open_database(None) as db:
        assert db.sqlite_path == default_database_path()
    assert default_database_path().is_file()


def test_every_sqlite_connection_is_configured(tmp_path: Path) -> None:
    with open_database(f"sqlite:///{tmp_path / 'r.sqlite3'}") as db:
        conns = [db.engine.connect() for _ in range(3)]  # several pooled connections
        try:
            for conn in conns:
                pragma = {
                    name: conn.execute(text(f"PRAGMA {name}")).scalar_one()
                    for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")
                }
                assert pragma == {
                    "journal_mode": "wal",
                    "foreign_keys": 1,
                    "busy_timeout": BUSY_TIMEOUT_MS,
                    "synchronous": 2,  # FULL: a committed draft survives a power cut
                }
        finally:
            for conn in conns:
                conn.close()


def test_foreign_keys_are_enforced(database) -> None:
    with pytest.raises(IntegrityError), database.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO visits (patient_id, visit_date, status, revision, created_at,"
                " created_by, updated_at, updated_by, version) VALUES (999, '2026-01-01',"
                " 'draft', 0, '2026-01-01 00:00:00', 'a', '2026-01-01 00:00:00', 'a', 1)"
            )
        )


def test_an_unreachable_server_is_a_clear_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens once the socket is closed
    with pytest.raises(UnavailableError, match="check the --db URL") as err:
        open_database(f"postgresql://nobody@127.0.0.1:{port}/clinic")
    assert err.value.exit_code == 1


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path) -> None:
    wrong = tmp_path / "notes.sqlite3"
    wrong.write_text("a letter to the clinic, not a database", encoding="utf-8")
    with pytest.raises(UnavailableError, match="not a database the app can use"):
        open_database(f"sqlite:///{wrong}")
    assert wrong.read_text(encoding="utf-8").startswith("a letter")  # left as it was
