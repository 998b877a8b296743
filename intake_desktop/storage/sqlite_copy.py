"""Consistent copies of a live SQLite database, and checks of a copy before it is trusted.

Copying the file with ``cp`` while the app runs can catch a write half-done, and misses what is
still in the WAL. SQLite's online backup API copies a consistent snapshot while other
connections keep reading and writing, so it is the only way a copy is made here.

An encrypted database is copied by SQLCipher under the same key, so the copy is as unreadable
as the original, and the key file is copied beside it (``COPY.keys``): a copy is restored with a
user's password of the day it was made, or with the recovery key.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intake_desktop.private_files import (
    check_target,
    discard,
    fsync_file,
    partial_file,
    place,
    write_private,
)

from . import cipher as _cipher
from .errors import BackupError
from .keyring import key_file_for

if TYPE_CHECKING:
    from .handle import Database


@dataclass(frozen=True, slots=True)
class SqliteFileCheck:
    """What an SQLite file holds: its integrity verdict, tables and schema revision."""

    integrity: str
    tables: frozenset[str]
    revision: str | None

    @property
    def ok(self) -> bool:
        return self.integrity == "ok"


def copy_live_sqlite(db: Database, target: Path, *, force: bool = False) -> Path:
    """Write a consistent copy of ``db`` (an SQLite database) to ``target``, atomically.

    The copy is made in a 0600 temporary file beside ``target`` and renamed into place only once
    it is complete and on disk, so a crash never leaves a half-written backup under the real
    name; an existing ``target`` is only replaced with ``force``, a link or device never.
    """
    if db.dialect != "sqlite":
        raise BackupError("only an SQLite database can be copied this way")
    cipher = db.cipher
    key = cipher.key if cipher is not None else None
    keys = None
    if cipher is not None:
        # The key file as it is now, so the copy opens with today's passwords.
        keys = cipher.key_file.read_bytes()
    raw = db.engine.raw_connection()
    try:
        source = raw.driver_connection
        assert source is not None
        path = write_copy(source, target, force=force, key=key)
    finally:
        raw.close()
    if keys is not None:
        try:
            write_private(key_file_for(path), keys, force=True)
        except OSError:
            discard(path)  # a copy without its key file could never be opened
            raise
    return path


def write_copy(source: Any, target: Path, *, force: bool = False, key: bytes | None = None) -> Path:
    """Back ``source`` up into a new self-contained 0600 file at ``target`` (tmp file + rename).

    Refusals of the target (:class:`~intake_desktop.private_files.UnsafeTargetError`) and a
    folder that refuses the write (:class:`~intake_desktop.private_files.WriteFailedError`)
    pass through as they are; SQLite's own failures become :class:`BackupError`.
    """
    target = check_target(target, force=force)
    with partial_file(target) as tmp:
        try:
            # SQLite opens the empty 0600 file as a new database and gives its journal the
            # same permissions.
            dest = _cipher.connect(tmp, key) if key is not None else sqlite3.connect(tmp)
            try:
                source.backup(dest)
                # A backup file must be one file: no WAL beside it.
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
            fsync_file(tmp)
        except (sqlite3.Error, _cipher.driver().Error, OSError) as exc:
            raise BackupError(f"could not write the copy to {target}: {exc}") from exc
        place(tmp, target, force=force)
    return target


def check_sqlite_file(path: Path, key: bytes | None = None) -> SqliteFileCheck:
    """Open ``path`` read-only (under ``key`` when encrypted) and report its integrity, tables
    and Alembic revision."""
    if not path.is_file():
        raise BackupError(f"{path} is not a file")
    errors: tuple[type[Exception], ...] = (sqlite3.Error, _cipher.driver().Error)
    try:
        if key is not None:
            conn = _cipher.connect(path, key, read_only=True)
        else:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except errors as exc:
        raise BackupError(f"{path} cannot be opened as an SQLite database: {exc}") from exc
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        integrity = "ok" if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:5])
        tables = frozenset(
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        )
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except errors as exc:
        raise BackupError(f"{path} is not a readable SQLite database: {exc}") from exc
    finally:
        conn.close()
    return SqliteFileCheck(integrity, tables, revision)
