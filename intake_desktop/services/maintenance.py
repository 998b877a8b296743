"""Opening the database (:mod:`.opening`), schema upgrades, backup and restore, as the UI and
CLI call them.

The storage layer does the work; this module turns its failures into service errors with the
CLI's exit codes, so windows and commands report them the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import URL, inspect, text

from intake_desktop.storage import backup as _backup
from intake_desktop.storage import convert as _convert
from intake_desktop.storage import migrate as _migrate
from intake_desktop.storage import roles as _roles
from intake_desktop.storage.cipher import FileKind, file_kind
from intake_desktop.storage.database import Database, resolve_url
from intake_desktop.storage.database import open_database as _open_database

from . import checkpoints, dbkey
from ._common import transaction
from .actor import Actor
from .audit import authorize_repair
from .errors import InputError, PermissionDenied
from .opening import open_database as open_database
from .opening import translated as _translated
from .permissions import authorize, record

GrantResult = _roles.GrantResult
RestoreResult = _backup.RestoreResult
PG_BACKUP_HINT = _backup.PG_BACKUP_HINT


@dataclass(frozen=True, slots=True)
class UpgradeResult:
    """What ``db upgrade`` did: the schema's revisions before and after, the copy made before
    migrating, and whether a plain SQLite file was encrypted (with the new recovery key to
    print, and the users whose password hash could not carry a wrap of the key)."""

    from_revision: str | None
    to_revision: str
    backup_path: Path | None
    encrypted: bool = False
    recovery_key: str | None = None
    users_without_key: tuple[str, ...] = ()
    #: PostgreSQL workstation roles granted the (new) tables again after the upgrade.
    regranted: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def upgrade_database(
    url: str | URL | None = None,
    *,
    sign_in_as: Callable[[Database], Actor] | None = None,
    encrypt: bool = True,
) -> UpgradeResult:
    """Apply pending migrations; an SQLite file is copied aside first (``backup_path``); then a
    plain SQLite file is encrypted (unless ``encrypt`` is False; see :mod:`.storage.convert`).

    A database that already has users is the clinic's: only an administrator may change its
    schema, so ``sign_in_as(db)`` must give one (refusals are audited). A new or empty database
    has no one to sign in yet; the first administrator is added after the schema is made.
    """
    with _translated():
        db = _open_database(url, migrate=False)
        try:
            if db.locked or _has_users(db):
                if sign_in_as is None:
                    raise PermissionDenied("an administrator must sign in to upgrade the database")
                actor = sign_in_as(db)
                with transaction(db) as session:
                    authorize(session, actor, "database.upgrade")
            migrated = _migrate.upgrade(db)
            result = UpgradeResult(
                migrated.from_revision, migrated.to_revision, migrated.backup_path
            )
            if db.dialect == "postgresql":
                return replace(result, regranted=_regrant(db))
            path = db.sqlite_path
            if not encrypt or path is None or file_kind(path) is not FileKind.PLAIN:
                return result
            done = _convert.encrypt_plain_database(db)
            with _open_database(url, key=done.key) as encrypted:
                recovery = dbkey.issue_recovery_key(encrypted)
            return replace(
                result,
                encrypted=True,
                recovery_key=recovery,
                users_without_key=done.users_without_key,
            )
        finally:
            db.dispose()


def _regrant(db: Database) -> tuple[str, ...]:
    """Grant the workstation roles of earlier ``db grant`` runs again, so that a table the
    migration added is covered; a role that can no longer be granted is said, not skipped."""
    with db.engine.begin() as conn:
        roles = _roles.grantees(conn)
        for role in roles:
            try:
                _roles.grant_workstation(conn, role)
            except _roles.RoleError as exc:
                raise InputError(
                    f"the database was upgraded, but the workstation role {role} was not "
                    f"granted the new tables: {exc}"
                ) from exc
    return tuple(roles)


def workstation_grant_sql(role: str) -> list[str]:
    """The statements ``grant_workstation`` runs, for this version's tables, without a server."""
    _check_role(role)
    return _roles.workstation_grant_sql(role, _roles.known_tables())


def _check_role(role: str) -> None:
    try:
        _roles.check_role_name(role)
    except ValueError as exc:
        raise InputError(str(exc), "--workstation") from exc


_NOT_A_SERVER = (
    "database roles are a PostgreSQL server's; an SQLite file is protected by its file "
    "permissions (0600) instead"
)


def grant_workstation(
    url: str | URL | None, role: str, *, sign_in_as: Callable[[Database], Actor] | None = None
) -> GrantResult:
    """Give the PostgreSQL role ``role`` exactly what a workstation needs (see storage.roles).

    Run by the role that owns the tables; once the database has users an administrator signs
    in too (``sign_in_as``), and the grant is audited.
    """
    _check_role(role)
    resolved = url if isinstance(url, URL) else resolve_url(url)
    if resolved.get_backend_name() == "sqlite" and not Path(resolved.database or "").is_file():
        raise InputError(_NOT_A_SERVER, "--db")  # no file is made just to say so
    with _translated():
        db = _open_database(resolved)
        try:
            if _has_users(db):
                if sign_in_as is None:
                    raise PermissionDenied("an administrator must sign in to grant privileges")
                actor = sign_in_as(db)
                with transaction(db) as session:
                    authorize(session, actor, "database.grant", detail=f"role={role[:80]}")
            if db.dialect != "postgresql":
                raise InputError(_NOT_A_SERVER, "--db")
            with db.engine.begin() as conn:
                try:
                    return _roles.grant_workstation(conn, role)
                except _roles.RoleError as exc:
                    raise InputError(str(exc), "--workstation") from exc
        finally:
            db.dispose()


def _has_users(db: Database) -> bool:
    if db.locked:
        return dbkey.has_key_holders(db)
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("users"):
            return False
        return conn.execute(text("SELECT 1 FROM users LIMIT 1")).first() is not None


def backup_database(db: Database, target: Path, *, actor: Actor, force: bool = False) -> Path:
    """A consistent copy of the SQLite database at ``target``, made while everyone works.

    Admins only; the backup itself holds the audit entry that records it, and a checkpoint
    sealing the trail up to that entry (when the administrator's sealing key is unlocked). The
    file is 0600; an existing ``target`` is replaced only with ``force``, a link, folder or
    device never.
    """
    authorize_repair(db, actor, "database.backup")
    checkpoints.seal(db, actor, "backup")
    with _translated():
        return _backup.backup_database(db, target, force=force)


def restore_database(
    db: Database,
    source: Path,
    *,
    actor: Actor,
    password: str | None = None,
    recovery_key: str | None = None,
) -> RestoreResult:
    """Replace the database's records with a backup, after copying the current ones aside.

    Admins only. The audit trail is never rolled back: the entries made since the backup are
    carried into the restored records, followed by the restore's own entry and a checkpoint; a
    backup whose trail fails its check (broken chain, or history that disagrees with a signed
    checkpoint) is refused with exit 4, nothing changed. An encrypted backup opens with the
    actor's ``password`` as it was when the backup was made, or with the ``recovery_key``.
    """
    authorize_repair(db, actor, "database.restore")
    key = dbkey.backup_key(db, Path(source).expanduser(), actor.username, password, recovery_key)
    with _translated():
        result = _backup.restore_database(db, source, key=key)
    with transaction(db) as session:
        detail = "restored from a backup"
        if result.carried:
            detail += f"; {result.carried} newer audit entries carried over"
        record(session, actor, "database.restore", detail=detail)
    if result.other_key:
        checkpoints.retire_seal_file(db)
    checkpoints.seal(db, actor, "restore", replaces_after=result.rechained_after)
    return result
