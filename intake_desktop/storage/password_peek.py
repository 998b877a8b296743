"""The password hash stored for a user, read with the standard ``sqlite3`` module.

For a sign-in known at launch (from the environment) the password check can start before
SQLAlchemy has loaded (see :mod:`intake_desktop.services.early_password`). This reads the one
value it needs, from a plain SQLite file only, opened read-only. Anything else (PostgreSQL, an
encrypted or missing file, a URL with options, no such user) answers None and the sign-in checks
the password itself, as always. Nothing is written; the sign-in still reads the user again in its
own transaction, and takes an early answer only when it was made for the very hash it read.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

_SQLITE_HEADER = b"SQLite format 3\x00"
_PREFIX = "sqlite:///"


def sqlite_file(url: str | None) -> Path | None:
    """The file a ``--db`` value names when it is a plain SQLite path or ``sqlite:///`` URL
    without options; None for anything else (the default file included: it is not looked up
    here, to keep this free of the database layer)."""
    if url is None or not url.strip():
        return None
    url = url.strip()
    if "://" not in url:
        return Path(url).expanduser()
    if not url.startswith(_PREFIX) or any(c in url for c in "?%#"):
        return None
    return Path(url[len(_PREFIX) :])


def stored_password_hash(path: Path, username: str) -> str | None:
    """The password hash of ``username`` in the plain SQLite file ``path``, or None."""
    try:
        with path.open("rb") as head:
            if head.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
                return None  # encrypted (SQLCipher), or not a database
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute(
                "SELECT password_hash FROM users WHERE username = ?", (username,)
            ).fetchone()
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return None
    return row[0] if row is not None and isinstance(row[0], str) else None
