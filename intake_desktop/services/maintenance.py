"""Opening the database, schema upgrades, backup and restore, as the UI and CLI call them.

The storage layer does the work; this module turns its failures into service errors with the
CLI's exit codes, so windows and commands report them the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import URL
from sqlalchemy.exc import OperationalError

from intake_desktop.storage import backup as _backup
from intake_desktop.storage import migrate as _migrate
from intake_desktop.storage.database import Database
from intake_desktop.storage.database import open_database as _open_database
from intake_desktop.storage.errors import BackupError, SchemaError

from .errors import InputError, UnavailableError

UpgradeResult = _migrate.UpgradeResult
RestoreResult = _backup.RestoreResult
PG_BACKUP_HINT = _backup.PG_BACKUP_HINT


def open_database(url: str | URL | None = None) -> Database:
    """The clinic's database at ``url`` (None: the default file), schema created if empty.

    Raises :class:`UnavailableError` when it cannot be reached or its schema needs attention.
    """
    with _translated():
        return _open_database(url)


def upgrade_database(url: str | URL | None = None) -> UpgradeResult:
    """Apply pending migrations; an SQLite file is copied aside first (``backup_path``)."""
    with _translated():
        db = _open_database(url, migrate=False)
        try:
            return _migrate.upgrade(db)
        finally:
            db.dispose()


def backup_database(db: Database, target: Path) -> Path:
    """A consistent copy of the SQLite database at ``target``, made while everyone works."""
    with _translated():
        return _backup.backup_database(db, target)


def restore_database(db: Database, source: Path) -> RestoreResult:
    """Replace the database's records with a backup, after copying the current ones aside."""
    with _translated():
        return _backup.restore_database(db, source)


@contextmanager
def _translated() -> Iterator[None]:
    try:
        yield
    except BackupError as exc:
        raise InputError(str(exc)) from exc
    except SchemaError as exc:
        raise UnavailableError(str(exc)) from exc
    except OperationalError as exc:
        first_line = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else ""
        raise UnavailableError(
            f"cannot use the database ({first_line}): check the --db URL, "
            "that the server is running and that you may connect"
        ) from exc
