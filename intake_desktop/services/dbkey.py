"""The encrypted database's key at sign-in, at password changes and with the recovery key.

An encrypted SQLite database opens *locked* (see :mod:`intake_desktop.storage.cipher`): the
first sign-in unwraps its key from the key file with the user name and password, and only then
is the database read at all (the usual password check, lockout and audit entry follow in
:func:`.auth.sign_in`, the one caller of :func:`unlock_for_sign_in`). Whatever changes a
password re-wraps the key under the new one here, after the change is committed. A plain file
or a PostgreSQL server has no key: every function here is then a no-op.
"""

from __future__ import annotations

import logging
from pathlib import Path

from intake_desktop.storage import keyring
from intake_desktop.storage.cipher import FileKind, file_kind, key_opens
from intake_desktop.storage.database import Database, unlock
from intake_desktop.storage.errors import SchemaError
from intake_desktop.storage.keyring import KeyFileError

from . import refusals
from .errors import InputError, PermissionDenied, UnavailableError

log = logging.getLogger(__name__)

WRONG_RECOVERY_KEY = "the recovery key is wrong (or this database has none); nothing was changed"


def unlock_for_sign_in(db: Database, username: str, password: str) -> bool:
    """Unwrap the database key with ``username`` and ``password`` if the database is locked.

    True when the database is open (already, unlocked now, or not encrypted); False when the
    name or the password does not unwrap the key, or the name is locked out by the refusals
    noted while the file was closed (see :mod:`.refusals`, which notes this one too). An
    unknown name costs one unwrap all the same (see :func:`.keyring.unwrap_for_user`), so the
    time of a refusal says nothing.
    """
    cipher = db.cipher
    if cipher is None:
        return True
    if not cipher.locked:  # open here; another process (a command line run) may have noted some
        refusals.replay(db)
        return True
    keys = _read(db)
    key = keyring.unwrap_for_user(keys, username, password)
    holder = username if username in keys.users else None
    if refusals.refuse_while_closed(db, holder, password, opens=key is not None):
        return False
    assert key is not None
    _unlock(db, key)
    return True


def recovery_key_opens(db: Database, recovery_key: str) -> bool:
    """Whether ``recovery_key`` unwraps this database's key; a locked database is opened by it."""
    cipher = db.cipher
    if cipher is None:
        return False
    key = keyring.unwrap_with_recovery(_read(db), recovery_key)
    if key is None:
        return False
    if cipher.locked:
        _unlock(db, key)
        log.info("the database was opened with the recovery key")
    return key == cipher.key


def has_key_holders(db: Database) -> bool:
    """Whether anyone holds a wrap of the key (a locked database's answer to "any users?")."""
    return db.cipher is not None and bool(_read(db).users)


def wrap_for(db: Database, username: str, password: str) -> None:
    """Wrap the (open) database key for ``username`` under ``password``, replacing their old
    wrap: a new user, a password reset by an administrator, or one's own new password."""
    cipher = db.cipher
    if cipher is None:
        return
    if cipher.key is None:  # pragma: no cover - a password is only changed on an open database
        raise PermissionDenied("the database is encrypted: sign in first")
    keys = _read(db)
    keyring.wrap_for_user(keys, username, password, cipher.key)
    _write(db, keys)


def drop_wrap(db: Database, username: str) -> None:
    """Remove ``username``'s wrap of the key (a deactivated user): their password no longer
    opens the file. An administrator's new password for them wraps it again (:func:`wrap_for`)."""
    cipher = db.cipher
    if cipher is None:
        return
    keys = _read(db)
    if keys.users.pop(username, None) is not None:
        _write(db, keys)


def ensure_wrap(db: Database, username: str, password: str) -> None:
    """After a good sign-in: give the user a fresh wrap if they have none yet, or one made at
    conversion from their password hash (see :mod:`intake_desktop.storage.convert`)."""
    cipher = db.cipher
    if cipher is None or cipher.key is None:
        return
    if keyring.needs_fresh_wrap(_read(db), username):
        wrap_for(db, username, password)


def issue_recovery_key(db: Database) -> str | None:
    """A new recovery key for the open database (replacing any older one), formatted to print;
    None for a database that is not encrypted."""
    cipher = db.cipher
    if cipher is None:
        return None
    if cipher.key is None:  # pragma: no cover - issued by a signed-in administrator
        raise PermissionDenied("the database is encrypted: sign in first")
    keys = _read(db)
    recovery = keyring.new_recovery_key(keys, cipher.key)
    _write(db, keys)
    return recovery


def backup_key(
    db: Database,
    source: Path,
    username: str,
    password: str | None,
    recovery_key: str | None,
) -> bytes | None:
    """The key of the backup file ``source`` (None: a plain backup).

    A backup of this very database opens with the key already open; another one (another
    installation's, or from before a new key) with its own key file: the recovery key when
    given, else ``username``'s password of the day of the backup.
    """
    if file_kind(source) is not FileKind.ENCRYPTED:
        return None
    live = db.cipher.key if db.cipher is not None else None
    if live is not None and key_opens(source, live):
        return live
    keys_path = keyring.key_file_for(source)
    try:
        keys = keyring.read_key_file(keys_path)
    except KeyFileError as exc:
        raise InputError(
            f"{source} is not a readable database of this installation: not SQLite, or "
            f"encrypted and without its key file ({exc})"
        ) from exc
    if keys.unclaimed is not None:  # a backup made before the first administrator existed
        return keys.unclaimed
    if recovery_key:
        key = keyring.unwrap_with_recovery(keys, recovery_key)
        if key is None:
            raise PermissionDenied(WRONG_RECOVERY_KEY)
        return key
    key = keyring.unwrap_for_user(keys, username, password or "")
    if key is None:
        raise PermissionDenied(
            "your password does not open this backup (it opens with the passwords of the day "
            "it was made, or with the recovery key); nothing was changed"
        )
    return key


def _unlock(db: Database, key: bytes) -> None:
    """Open the database with ``key``, then replay the refusals noted while it was closed."""
    try:
        unlock(db, key)
    except (KeyFileError, SchemaError) as exc:
        raise UnavailableError(str(exc)) from exc
    refusals.replay(db)


def _read(db: Database) -> keyring.KeyFile:
    assert db.cipher is not None
    try:
        return keyring.read_key_file(db.cipher.key_file)
    except KeyFileError as exc:
        raise UnavailableError(str(exc)) from exc


def _write(db: Database, keys: keyring.KeyFile) -> None:
    assert db.cipher is not None
    keyring.write_key_file(db.cipher.key_file, keys)
