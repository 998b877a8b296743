"""Schema migrations: Alembic, configured in code, the only way the schema is made or changed.

A new database is created by upgrading an empty one to the head revision, so the path a clinic's
ten-year-old file takes and the path a fresh install takes are the same code. An SQLite file is
copied aside before any migration touches it (Vorta's habit); a PostgreSQL server is shared by
several workstations, so it is migrated only on request (``intake-desktop db upgrade``, after a
pg_dump), except when it is still empty.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect

from .errors import SchemaError
from .handle import Database
from .sqlite_copy import copy_live_sqlite

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# Alembic itself loads only when a database is not at HEAD_REVISION: opening an up-to-date
# database (every start of the app) reads one row instead of the migration scripts.

log = logging.getLogger(__name__)

_REVISION_LINE = re.compile(
    r"^(down_revision|revision)\s*(?::[^=]*)?=\s*['\"]?([^'\"\s]+)['\"]?", re.MULTILINE
)


def quick_head_revision() -> str | None:
    """The head revision read from the scripts' text, without Alembic (a few small files).

    Used only to recognise an up-to-date database cheaply; anything unusual (several heads,
    a file it cannot read) returns None and the full Alembic path decides.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    try:
        for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
            for kind, value in _REVISION_LINE.findall(script.read_text(encoding="utf-8")):
                (revisions if kind == "revision" else parents).add(value)
    except OSError:
        return None
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


MIGRATIONS_DIR = Path(__file__).parent / "migrations"
#: Tables that tell an intake-desktop database apart from someone else's.
OUR_TABLES = frozenset({"patients", "patient_search_terms", "visits", "visit_versions"})


class SchemaState(Enum):
    EMPTY = "empty"
    CURRENT = "current"
    BEHIND = "behind"
    AHEAD = "ahead"


@dataclass(frozen=True, slots=True)
class UpgradeResult:
    """What ``upgrade`` did: the revisions before and after, and the backup it made (if any)."""

    from_revision: str | None
    to_revision: str
    backup_path: Path | None
    #: PostgreSQL workstation roles granted the (new) tables again after the upgrade.
    regranted: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration without alembic.ini, bound to ``connection`` when given."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


@cache
def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The revision this program's models correspond to."""
    head = _script().get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    """The revision the database is at (None for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def schema_state(db: Database) -> SchemaState:
    """Whether the database is empty, current, behind or ahead of this program."""
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        revision = MigrationContext.configure(conn).get_current_revision()
        if revision is None:
            tables = set(inspect(conn).get_table_names())
            if tables & OUR_TABLES:
                raise SchemaError(
                    "the database has clinic tables but no schema revision; "
                    "it was not made by intake-desktop and is left untouched"
                )
            return SchemaState.EMPTY
    if revision == head_revision():
        return SchemaState.CURRENT
    return SchemaState.BEHIND if revision in known_revisions() else SchemaState.AHEAD


def known_revisions() -> frozenset[str]:
    """Every revision this program can migrate from."""
    return frozenset(rev.revision for rev in _script().walk_revisions())


def ensure_schema(db: Database) -> SchemaState:
    """Make the database usable by this program, or refuse with a clear reason.

    Empty: create the schema. Behind: SQLite files are backed up and migrated; a PostgreSQL
    server waits for ``db upgrade``. Ahead: a newer program made it; never downgrade silently.
    Returns the state found before anything was done.
    """
    head = quick_head_revision()
    if head is not None and _stored_revision(db) == head:
        return SchemaState.CURRENT
    state = schema_state(db)
    if state is SchemaState.CURRENT:
        return state
    if state is SchemaState.AHEAD:
        raise SchemaError(
            "the database was made by a newer version of intake-desktop; "
            "install that version (nothing was changed)"
        )
    if state is SchemaState.BEHIND and db.dialect != "sqlite":
        raise SchemaError(
            "the database schema is out of date; back it up with pg_dump, then run "
            "'intake-desktop db upgrade' from one workstation"
        )
    upgrade(db)
    return state


def _stored_revision(db: Database) -> str | None:
    """The revision recorded in the database, read with one query (None if there is none)."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def upgrade(db: Database, *, backup_dir: Path | None = None) -> UpgradeResult:
    """Migrate the database to the head revision, backing up an existing SQLite file first.

    The backup is a consistent copy (SQLite's online backup) named after the time and the
    revision it holds, next to the database unless ``backup_dir`` says otherwise.
    """
    before = current_revision(db)
    head = head_revision()
    if before == head:
        return UpgradeResult(before, head, None)
    backup_path = None
    path = db.sqlite_path
    if before is not None and path is not None and path.exists():
        backup_path = copy_live_sqlite(db, _backup_name(path, before, backup_dir))
        log.info("backed up the database before migrating (revision %s)", before)
    _run_upgrade(db, head)
    log.info("database migrated from %s to %s", before, head)
    return UpgradeResult(before, head, backup_path)


def _run_upgrade(db: Database, revision: str) -> None:
    with db.engine.connect() as conn:
        sqlite = db.dialect == "sqlite"
        if sqlite:
            # Table rebuilds in batch migrations must not cascade; checked again afterwards.
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            conn.commit()
        try:
            from alembic import command

            with conn.begin():
                command.upgrade(alembic_config(conn), revision)
            if sqlite:
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise SchemaError(
                        f"the migration left {len(problems)} broken references; "
                        "restore the backup made before it"
                    )
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys = ON")
                conn.commit()


def _backup_name(path: Path, revision: str, backup_dir: Path | None) -> Path:
    from datetime import UTC, datetime

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    from intake_desktop.private_files import make_private_folder

    folder = make_private_folder(backup_dir) if backup_dir else path.parent
    return folder / f"{path.stem}.before-upgrade-{revision}-{stamp}{path.suffix}"
