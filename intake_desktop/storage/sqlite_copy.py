"""Consistent copies of a live SQLite database, and checks of a copy before it is trusted.

Copying the file with ``cp`` while the app runs can catch a write half-done, and misses what is
still in the WAL. SQLite's online backup API copies a consistent snapshot while other
connections keep reading and writing, so it is the only way a copy is made here.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from intake_desktop.private_files import check_target, fsync_file, partial_file, place

from .errors import BackupError

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
    raw = db.engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        return write_copy(source, target, force=force)
    finally:
        raw.close()


def write_copy(source: sqlite3.Connection, target: Path, *, force: bool = False) -> Path:
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
            dest = sqlite3.connect(tmp)
            try:
                source.backup(dest)
                # A backup file must be one file: no WAL beside it.
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
            fsync_file(tmp)
        except (sqlite3.Error, OSError) as exc:
            raise BackupError(f"could not write the copy to {target}: {exc}") from exc
        place(tmp, target, force=force)
    return target


def check_sqlite_file(path: Path) -> SqliteFileCheck:
    """Open ``path`` read-only and report its integrity, tables and Alembic revision."""
    if not path.is_file():
        raise BackupError(f"{path} is not a file")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
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
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a readable SQLite database: {exc}") from exc
    finally:
        conn.close()
    return SqliteFileCheck(integrity, tables, revision)
