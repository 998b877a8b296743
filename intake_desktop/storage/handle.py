"""The handle every storage function takes: an engine and its session factory.

In a module of its own, below both :mod:`.database` (which opens one, and migrates it on the
way) and :mod:`.migrate` (which works on an open one), so that neither imports the other back.
:mod:`.database` re-exports :class:`Database`, its old home.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import URL, Engine
from sqlalchemy.orm import Session, sessionmaker

from .cipher import Cipher


@dataclass(frozen=True, eq=False)
class Database:
    """An engine and its session factory; each operation opens its own short session."""

    url: URL
    engine: Engine
    session: sessionmaker[Session]
    #: The key of an encrypted SQLite file (None: a plain file, memory, or a server).
    cipher: Cipher | None = None

    @property
    def encrypted(self) -> bool:
        """Whether this is an SQLCipher-encrypted SQLite file."""
        return self.cipher is not None

    @property
    def locked(self) -> bool:
        """An encrypted file nobody has unlocked yet: every connection is refused."""
        return self.cipher is not None and self.cipher.locked

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @property
    def sqlite_path(self) -> Path | None:
        """The database file for SQLite (None in memory or on a server)."""
        if self.dialect != "sqlite" or self.url.database in (None, "", ":memory:"):
            return None
        return Path(self.url.database)

    def dispose(self) -> None:
        """Close every pooled connection (before a file is copied over, or at exit)."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.dispose()
