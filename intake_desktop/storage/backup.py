"""Backup and restore of an SQLite database while the app (and other windows) keep running.

An encrypted database's backup is encrypted under the same key and carries the key file beside
it (``FILE.keys``); it is restored with the key unwrapped from that key file (a user's password
of the day of the backup, or the recovery key), which the services do before calling here.

PostgreSQL is backed up with the server's own tools (pg_dump / pg_restore, see the README):
they are consistent on a live server and a desk workstation need not hold a copy of the clinic.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from intake_desktop.private_files import make_private_folder, partial_file, write_private

from . import cipher as _cipher
from .database import Database
from .errors import AuditRestoreRefused, BackupError
from .keyring import key_file_for
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
    check = check_sqlite_file(path, db.cipher.key if db.cipher else None)
    if not check.ok:  # pragma: no cover - would mean the live database is damaged
        raise BackupError(f"the copy failed its integrity check: {check.integrity}")
    return path


def restore_database(
    db: Database, source: Path, *, safety_dir: Path | None = None, key: bytes | None = None
) -> RestoreResult:
    """Replace the database's content with the backup at ``source``.

    The file is checked first (integrity, our tables, a revision this program knows); then the
    current database is copied aside, and the backup is written into the live database with
    SQLite's backup API: one transaction, so every other connection sees either the old or the
    restored records, never a mix, and nobody has to close the app. An older backup is then
    migrated to the current schema.

    ``key`` opens an encrypted backup. Restored into an encrypted database, the backup's key
    file comes along (its wraps match the passwords stored in the backup); a backup made under
    another key (another installation's) makes the database take that key.
    """
    _require_sqlite(db)
    source = source.expanduser().resolve()
    live = db.sqlite_path
    assert live is not None
    if live.exists() and source == live.resolve():
        raise BackupError("that file is the database itself")
    backup_keys = key_file_for(source)
    encrypted = _cipher.file_kind(source) is _cipher.FileKind.ENCRYPTED
    own = db.cipher.key if db.cipher is not None else None
    if encrypted and key is None and own is not None and _cipher.key_opens(source, own):
        key = own  # a backup of this database, under its own key
    if encrypted and key is None:
        raise BackupError(f"{source} is encrypted: its key file {backup_keys.name} is needed")
    if key is not None and db.cipher is None:
        raise BackupError(
            f"{source} is encrypted and this database is not: run 'intake-desktop db upgrade' "
            "to encrypt it first; nothing was changed"
        )
    check = check_sqlite_file(source, key)
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
        # added), under the backup's own key, then written into it in one step.
        _copy_file(source, staging, key)
        from .restore_staging import prepare_restore

        carried = prepare_restore(db, staging, refused=AuditRestoreRefused, key=key)
        copy_live_sqlite(db, safety)
        _copy_into_live(db, staging, key)
    if key is not None:
        _adopt_key_file(db, backup_keys.read_bytes(), key)
    if ensure_schema(db) is SchemaState.BEHIND:  # pragma: no cover - staging was migrated
        log.info("restored an older backup and migrated it")
    return RestoreResult(
        check.revision,
        safety,
        carried.entries,
        carried.after if carried.rechained else None,
        carried.foreign,
    )


def _copy_file(source: Path, target: Path, key: bytes | None) -> None:
    """A copy of the backup to prepare; an encrypted one stays encrypted under its key."""
    errors = (sqlite3.Error, _cipher.driver().Error)
    try:
        if key is None:
            src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
        else:
            src = _cipher.connect(source, key, read_only=True)
    except errors as exc:
        raise BackupError(f"could not read {source}: {exc}; nothing was changed") from exc
    try:
        dest = sqlite3.connect(target) if key is None else _cipher.connect(target, key)
        try:
            src.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    except errors as exc:
        raise BackupError(f"could not read {source}: {exc}; nothing was changed") from exc
    finally:
        src.close()


def _copy_into_live(db: Database, source: Path, key: bytes | None) -> None:
    raw = db.engine.raw_connection()
    errors = (sqlite3.Error, _cipher.driver().Error)
    try:
        live = raw.driver_connection
        assert live is not None
        if db.cipher is None:
            src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
        elif key is None:  # a plain backup of the days before encryption, read by SQLCipher
            src = _cipher.driver().connect(f"{source.as_uri()}?mode=ro", uri=True)
        else:
            src = _cipher.connect(source, key, read_only=True)
        try:
            src.backup(live)
            if key is not None and db.cipher is not None and key != db.cipher.key:
                live.execute(_cipher.pragma_rekey(key))
        except errors as exc:
            raise BackupError(
                f"could not restore from {source}: {exc}; nothing was changed"
            ) from exc
        finally:
            src.close()
    finally:
        raw.close()


def _adopt_key_file(db: Database, keys: bytes, key: bytes) -> None:
    """The restored records' key file: its wraps match the restored users' passwords."""
    assert db.cipher is not None
    write_private(db.cipher.key_file, keys, force=True)
    if key != db.cipher.key:
        db.cipher.key = key
        db.dispose()  # pooled connections still hold the key the file had before


def _require_sqlite(db: Database) -> None:
    if db.dialect != "sqlite" or db.sqlite_path is None:
        raise BackupError(PG_BACKUP_HINT)
