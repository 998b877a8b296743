"""Backup and restore of an SQLite database while the app (and other windows) keep running.

PostgreSQL is backed up with the server's own tools (pg_dump / pg_restore, see the README):
they are consistent on a live server and a desk workstation need not hold a copy of the clinic.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from intake_desktop.private_files import make_private_folder, partial_file

from .database import Database
from .errors import AuditRestoreRefused, BackupError
from .migrate import OUR_TABLES, SchemaState, ensure_schema, known_revisions
from .sqlite_copy import check_sqlite_file, copy_live_sqlite

log = logging.getLogger(__name__)

PG_BACKUP_HINT = (
    "a PostgreSQL database is backed up on the server with pg_dump and restored with "
    "pg_restore (see the README); 'backup' and 'restore' handle SQLite files"
)


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """The revision restored, where the database as it was before lies (a safety copy), and
    how many newer audit entries were carried into the restored trail."""

    revision: str
    safety_copy: Path
    carried: int = 0
    #: Set when the live trail no longer continued the backup's: its newer entries were
    #: re-chained after this entry (the backup's last).
    rechained_after: int | None = None
    #: The backup was sealed with another installation's key (see ``restore_audit``).
    other_key: bool = False


def backup_database(db: Database, target: Path, *, force: bool = False) -> Path:
    """Write a consistent 0600 copy of the SQLite database to ``target``, atomically.

    An existing ``target`` is replaced only with ``force``; a link, folder or device never.
    """
    _require_sqlite(db)
    make_private_folder(Path(target).expanduser().parent)  # a new backups folder: 0700
    path = copy_live_sqlite(db, target, force=force)
    check = check_sqlite_file(path)
    if not check.ok:  # pragma: no cover - would mean the live database is damaged
        raise BackupError(f"the copy failed its integrity check: {check.integrity}")
    return path


def restore_database(
    db: Database, source: Path, *, safety_dir: Path | None = None
) -> RestoreResult:
    """Replace the database's content with the backup at ``source``.

    The file is checked first (integrity, our tables, a revision this program knows); then the
    current database is copied aside, and the backup is written into the live database with
    SQLite's backup API: one transaction, so every other connection sees either the old or the
    restored records, never a mix, and nobody has to close the app. An older backup is then
    migrated to the current schema.
    """
    _require_sqlite(db)
    source = source.expanduser().resolve()
    live = db.sqlite_path
    assert live is not None
    if live.exists() and source == live.resolve():
        raise BackupError("that file is the database itself")
    check = check_sqlite_file(source)
    if not check.ok:
        raise BackupError(f"{source} is damaged ({check.integrity}); nothing was changed")
    if not check.tables >= OUR_TABLES or check.revision is None:
        raise BackupError(f"{source} is not an intake-desktop database; nothing was changed")
    if check.revision not in known_revisions():
        raise BackupError(
            f"{source} was made by a newer version of intake-desktop; nothing was changed"
        )
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    folder = make_private_folder(safety_dir) if safety_dir else live.parent
    safety = folder / f"{live.stem}.before-restore-{stamp}{live.suffix}"
    with partial_file(live) as staging:
        # The backup is prepared beside the database (migrated, checked, newer audit entries
        # added), then written into it in one step.
        _copy_file(source, staging)
        from .restore_staging import prepare_restore

        carried = prepare_restore(db, staging, refused=AuditRestoreRefused)
        copy_live_sqlite(db, safety)
        _copy_into_live(db, staging)
    if ensure_schema(db) is SchemaState.BEHIND:  # pragma: no cover - staging was migrated
        log.info("restored an older backup and migrated it")
    return RestoreResult(
        check.revision,
        safety,
        carried.entries,
        carried.after if carried.rechained else None,
        carried.foreign,
    )


def _copy_file(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            src.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    except sqlite3.Error as exc:
        raise BackupError(f"could not read {source}: {exc}; nothing was changed") from exc
    finally:
        src.close()


def _copy_into_live(db: Database, source: Path) -> None:
    raw = db.engine.raw_connection()
    try:
        live = raw.driver_connection
        assert isinstance(live, sqlite3.Connection)
        src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
        try:
            src.backup(live)
        except sqlite3.Error as exc:
            raise BackupError(
                f"could not restore from {source}: {exc}; nothing was changed"
            ) from exc
        finally:
            src.close()
    finally:
        raw.close()


def _require_sqlite(db: Database) -> None:
    if db.dialect != "sqlite" or db.sqlite_path is None:
        raise BackupError(PG_BACKUP_HINT)
