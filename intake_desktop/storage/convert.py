"""Encrypting a plain SQLite database of the days before encryption (``db upgrade``).

The plain file is first copied aside (a consistent copy, 0600); SQLCipher's ``sqlcipher_export``
then writes every table, index and row into a new encrypted file beside it under a new random
key; the new file is checked (integrity, and the same number of rows in every table as the
copy) before it takes the database's name, and only then is the plain copy removed. A failure
at any step leaves the plain database as it was.

Every existing user keeps their password: the key is wrapped for each under the argon2id
output their stored password hash already holds (same salt, same cost), which only their
password recomputes. That output sat in the plain file, so each such wrap is replaced by a
fresh one at the user's next sign-in (:func:`.keyring.needs_fresh_wrap`).
"""

from __future__ import annotations

import base64
import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from argon2 import Type, extract_parameters
from argon2.exceptions import InvalidHashError

from intake_desktop.private_files import discard, fsync_file, fsync_folder, partial_file

from . import cipher as _cipher
from .database import Database
from .errors import BackupError
from .keyring import KeyFile, WrapCost, key_file_for, new_database_key, wrap_under, write_key_file
from .sqlite_copy import check_sqlite_file, copy_live_sqlite

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Encrypted:
    """The new key (for the recovery key to wrap), and the users who got no wrap."""

    key: bytes
    users_without_key: tuple[str, ...]


def encrypt_plain_database(db: Database) -> Encrypted:
    """Encrypt the plain SQLite file of ``db`` in place (see the module's docstring).

    ``db`` is disposed of: its connections are to the plain file; open the database again.
    Nobody else may write meanwhile (other windows closed), as for any ``db upgrade``.
    """
    path = db.sqlite_path
    if db.cipher is not None or path is None:
        raise BackupError("only a plain SQLite file is encrypted this way")
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    aside = copy_live_sqlite(
        db, path.with_name(f"{path.stem}.before-encryption-{stamp}{path.suffix}")
    )
    db.dispose()
    key = new_database_key()
    keys, without = _wraps_from_password_hashes(aside, key)
    with partial_file(path) as tmp:
        _export(aside, tmp, key)
        fsync_file(tmp)
        _check_same_rows(aside, tmp, key)
        write_key_file(key_file_for(path), keys)  # before the file it opens takes its name
        for side in ("-wal", "-shm", "-journal"):
            discard(path.with_name(path.name + side))
        os.replace(tmp, path)
        fsync_folder(path.parent)
    if not _cipher.key_opens(path, key):  # pragma: no cover - checked on tmp just before
        raise BackupError(f"the encrypted database does not open; the plain copy is {aside}")
    discard(aside)
    log.info("the database was encrypted")
    return Encrypted(key, without)


def _export(plain: Path, target: Path, key: bytes) -> None:
    dbapi = _cipher.driver()
    conn = dbapi.connect(os.fspath(plain))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (os.fspath(target),))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute("DETACH DATABASE encrypted")
    except dbapi.Error as exc:
        raise BackupError(f"could not encrypt the database: {exc}; nothing was changed") from exc
    finally:
        conn.close()


def _check_same_rows(plain: Path, encrypted: Path, key: bytes) -> None:
    check = check_sqlite_file(encrypted, key)
    if not check.ok:
        raise BackupError(f"the encrypted copy failed its check ({check.integrity})")
    before = _row_counts(sqlite3.connect(plain), check.tables)
    after = _row_counts(_cipher.connect(encrypted, key), check.tables)
    if before != after:
        raise BackupError("the encrypted copy does not hold every row; nothing was changed")


def _row_counts(conn: object, tables: frozenset[str]) -> dict[str, int]:
    try:
        return {
            t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]  # type: ignore[attr-defined]
            for t in sorted(tables)
        }
    finally:
        conn.close()  # type: ignore[attr-defined]


def _wraps_from_password_hashes(plain: Path, key: bytes) -> tuple[KeyFile, tuple[str, ...]]:
    """A wrap for every user whose argon2id hash gives a 256-bit output (argon2-cffi's)."""
    keys = KeyFile()
    without: list[str] = []
    conn = sqlite3.connect(plain)
    try:
        rows = conn.execute("SELECT username, password_hash FROM users WHERE active").fetchall()
    except sqlite3.Error:
        rows = []
    finally:
        conn.close()
    for username, encoded in rows:
        derived = _hash_output(encoded)
        if derived is None:
            without.append(username)
            continue
        salt, output, cost = derived
        keys.users[username] = wrap_under(key, output, salt, cost, f"user:{username}")
    return keys, tuple(without)


def _hash_output(encoded: str) -> tuple[bytes, bytes, WrapCost] | None:
    try:
        params = extract_parameters(encoded)
    except (InvalidHashError, ValueError):
        return None
    if params.type is not Type.ID or params.version != 19 or params.hash_len != 32:
        return None
    salt_b64, hash_b64 = encoded.rsplit("$", 2)[-2:]
    salt = base64.b64decode(salt_b64 + "=" * (-len(salt_b64) % 4))
    output = base64.b64decode(hash_b64 + "=" * (-len(hash_b64) % 4))
    return salt, output, WrapCost(params.time_cost, params.memory_cost, params.parallelism)
