"""SQLCipher connections: an SQLite file encrypted at rest, opened once its key is known.

An encrypted database file is ciphertext from its first byte (``grep -a`` finds no name in it);
every connection gives SQLCipher the raw 256-bit key (``PRAGMA key = "x'…'"``) before anything
else, so SQLCipher's own passphrase KDF is skipped: the slow step is unwrapping the key from the
key file (see :mod:`.keyring`), once per sign-in, not once per connection. Until someone unwraps
it the database is *locked*: the engine exists, but any connection is refused with
:class:`DatabaseLocked`. A plain SQLite file (made before encryption) keeps the standard
``sqlite3`` driver until ``db upgrade`` converts it.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from .errors import StorageError
from .keyring import pragma_key


def pragma_rekey(key: bytes) -> str:
    """The ``PRAGMA rekey`` statement that re-encrypts an open database under ``key``."""
    return pragma_key(key).replace("PRAGMA key", "PRAGMA rekey", 1)


PLAIN_HEADER = b"SQLite format 3\x00"


class DatabaseLocked(StorageError):
    """The database is encrypted and nobody has unlocked it yet (sign in first)."""

    def __init__(self) -> None:
        super().__init__("the database is encrypted: sign in (or use the recovery key) to open it")


class FileKind(Enum):
    MISSING = "missing"
    EMPTY = "empty"
    PLAIN = "plain"
    ENCRYPTED = "encrypted"
    #: a folder, a named pipe, a device: never opened here (a pipe would block the read)
    NOT_A_FILE = "not a file"


def file_kind(path: Path) -> FileKind:
    """What an SQLite path holds, from its first 16 bytes (an encrypted file has no header)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return FileKind.NOT_A_FILE
        with open(path, "rb") as fh:
            head = fh.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return FileKind.MISSING
    if not head:
        return FileKind.EMPTY
    return FileKind.PLAIN if head == PLAIN_HEADER else FileKind.ENCRYPTED


def driver() -> Any:
    """SQLCipher's DB-API module (sqlcipher3, the maintained binding with its own SQLCipher)."""
    from sqlcipher3 import dbapi2

    return dbapi2


@dataclass(eq=False)
class Cipher:
    """The key of one encrypted database file once unlocked (``key`` None: still locked)."""

    path: Path
    key_file: Path
    #: never in a repr: a Database shown in a traceback or a log must not show its key
    key: bytes | None = field(default=None, repr=False)
    #: The schema check that opening skipped while the file was locked (run at unlock).
    schema_pending: bool = False

    @property
    def locked(self) -> bool:
        return self.key is None

    def connect(self) -> Any:
        """A new SQLCipher connection with the key set (the engine's ``creator``)."""
        if self.key is None:
            raise DatabaseLocked()
        return connect(self.path, self.key)


def connect(path: Path | str, key: bytes, *, read_only: bool = False) -> Any:
    """An SQLCipher connection to ``path`` under ``key``.

    SQLCipher logs a failed page check to standard error by default; the app says what went
    wrong itself, so its log is off. ``check_same_thread`` is off as SQLAlchemy's pool expects.
    """
    dbapi = driver()
    target = f"{Path(path).resolve().as_uri()}?mode=ro" if read_only else os.fspath(path)
    conn = dbapi.connect(target, uri=read_only, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(pragma_key(key))
    except BaseException:
        conn.close()
        raise
    return conn


def key_opens(path: Path, key: bytes) -> bool:
    """Whether ``key`` opens the database file at ``path`` (reads its first page)."""
    dbapi = driver()
    try:
        conn = connect(path, key, read_only=True)
    except dbapi.Error:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except dbapi.Error:
        return False
    finally:
        conn.close()
