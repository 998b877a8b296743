"""Opening the clinic's database: one URL in, one :class:`Database` handle out.

The URL comes from one place (``--db``, ``INTAKE_DESKTOP_DB`` or the default SQLite file in the
user's data folder), so tests and workstations only differ in the string they pass. Every
SQLite connection gets the same settings (WAL, foreign keys, busy timeout, full sync), because a
setting missed on one connection is a setting missed.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import select
import stat
import time
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import sessionmaker

from intake_desktop.private_files import (
    FILE_MODE,
    FOLDER_MODE,
    create_private_file,
    make_private_folder,
    remove_stale_partials,
)

from .cipher import Cipher, FileKind, file_kind, key_opens
from .cipher import driver as cipher_driver
from .handle import Database
from .keyring import (
    KeyFile,
    KeyFileError,
    key_file_exists,
    key_file_for,
    new_database_key,
    read_key_file,
    write_key_file,
)

__all__ = ["Database", "default_database_path", "open_database", "resolve_url"]

log = logging.getLogger(__name__)

APP_NAME = "intake-desktop"
DEFAULT_FILE_NAME = "records.sqlite3"
#: How long an SQLite writer waits for another workstation's or window's write to finish.
BUSY_TIMEOUT_MS = 10_000
#: libpq options of a PostgreSQL URL that name files (the CA, a client certificate and key).
_TLS_FILE_OPTIONS = frozenset({"sslrootcert", "sslcert", "sslkey", "sslcrl"})
#: Connections a workstation's pool keeps to PostgreSQL, and how many more it may open at busy
#: moments. A workstation runs one operation at a time (the alert and board listeners have
#: connections of their own), so it rarely holds more than one; see the README's "A clinic
#: network" for what that means for the server.
POOL_SIZE, MAX_OVERFLOW = 2, 2
#: How long an operation waits for a free pooled connection before it fails (seconds).
POOL_TIMEOUT_S = 10
#: A pooled PostgreSQL connection unused this long is pinged before reuse (seconds).
PING_AFTER_IDLE_S = 30.0
_RETURNED_AT = "intake_desktop.returned_at"


def default_database_path() -> Path:
    """The SQLite file used when no URL is given, in the user's data folder."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DEFAULT_FILE_NAME


def resolve_url(url: str | None) -> URL:
    """The SQLAlchemy URL for what the user gave.

    ``None`` is the default file; a bare path means an SQLite file; ``postgresql://`` and
    ``postgres://`` use psycopg 3 (SQLAlchemy's own default driver would be psycopg2), with the
    URL's query (``sslmode``, ``sslrootcert`` ...) passed to libpq.
    """
    if url is None or not url.strip():
        return URL.create("sqlite", database=str(default_database_path()))
    url = url.strip()
    if "://" not in url:
        return URL.create("sqlite", database=str(Path(url).expanduser()))
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "postgresql":
        # The query (?sslmode=verify-full&sslrootcert=...) goes to libpq as it is; libpq does
        # not expand ``~`` in the certificate paths, the shell would not either inside a URL.
        paths = {
            key: os.path.expanduser(value)
            for key, value in parsed.query.items()
            if key in _TLS_FILE_OPTIONS and isinstance(value, str) and value.startswith("~")
        }
        if paths:
            parsed = parsed.update_query_dict(paths)
    return parsed


def open_database(
    url: str | URL | None = None,
    *,
    migrate: bool = True,
    key: bytes | None = None,
    encrypt: bool = True,
) -> Database:
    """Open (and on first run create) the database at ``url``.

    With ``migrate`` the schema is brought to the current revision through Alembic, the only
    way the schema is ever made (see :func:`.migrate.ensure_schema`); without it the database
    is opened as it is, for the migration tools themselves.

    A new SQLite file is encrypted (SQLCipher) unless ``encrypt`` is False, with a new random
    key kept unclaimed in its key file until the first administrator wraps it. An encrypted
    file with users opens *locked* unless its ``key`` is given: signing in unlocks it (see
    :func:`unlock`), and the schema check waits until then. A plain file stays plain.
    """
    resolved = url if isinstance(url, URL) else resolve_url(url)
    cipher = _cipher_for(resolved, key, encrypt)
    engine = _create_engine(resolved, cipher)
    db = Database(
        url=resolved,
        engine=engine,
        session=sessionmaker(engine, expire_on_commit=False),
        cipher=cipher,
    )
    if migrate and db.locked:
        assert cipher is not None
        cipher.schema_pending = True
    elif migrate:
        from .migrate import ensure_schema

        try:
            ensure_schema(db)
        except BaseException:
            db.dispose()
            raise
    return db


def _json_text(value: Any) -> str:
    """Compact JSON for the case and plan columns (a visit's plan is about 2 kB this way)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


class _NoResultRows(logging.Filter):
    """Drops SQLAlchemy's DEBUG records: each result row ("Row (...)"), a patient's record."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno > logging.DEBUG


def _keep_patient_data_out_of_logs() -> None:
    """Statement parameters and result rows hold names, dates of birth and cases, so neither
    may reach a log, even when someone turns SQLAlchemy's logging up to chase a bug: the engine
    hides parameters (in its log and in the text of its errors, ``hide_parameters``), and the
    rows it would log at DEBUG are filtered out here. The statements themselves stay (they
    carry no values: every value is a bound parameter)."""
    engine_log = logging.getLogger("sqlalchemy.engine.Engine")
    if not any(isinstance(f, _NoResultRows) for f in engine_log.filters):
        engine_log.addFilter(_NoResultRows())


def unlock(db: Database, key: bytes) -> None:
    """Give a locked encrypted database its key (unwrapped by a sign-in or the recovery key),
    then run the schema check that opening postponed. :class:`.keyring.KeyFileError` when the
    key does not open this file (a key file from another database)."""
    cipher = db.cipher
    if cipher is None or not cipher.locked:
        return
    if not key_opens(cipher.path, key):
        raise KeyFileError(f"the key file {cipher.key_file} does not belong to {cipher.path}")
    cipher.key = key
    if cipher.schema_pending:
        from .migrate import ensure_schema

        ensure_schema(db)
        cipher.schema_pending = False


def _sqlite_file(url: URL) -> Path | None:
    path = url.database
    if url.get_backend_name() != "sqlite" or not path or path == ":memory:":
        return None
    return None if path.startswith("file:") else Path(path)


def _cipher_for(url: URL, key: bytes | None, encrypt: bool) -> Cipher | None:
    """The cipher of an SQLite file: from its key file, a new one for a new file, or none."""
    path = _sqlite_file(url)
    if path is None:
        return None
    _prepare_sqlite_file(path)
    key_file = key_file_for(path)
    kind = file_kind(path)
    # A key file beside a plain file is one a conversion cut short wrote: the file is plain.
    if key_file_exists(path) and kind is not FileKind.PLAIN:
        stored = read_key_file(key_file)
        return Cipher(path, key_file, key or stored.unclaimed)
    if kind is FileKind.ENCRYPTED:
        if key is not None:
            return Cipher(path, key_file, key)
        raise KeyFileError(
            f"{path.name} is not a database the app can use: either not an SQLite file, or an "
            f"encrypted one whose key file {key_file.name} is missing (copy it back beside the "
            "database; a backup has its own beside it, as FILE.keys)"
        )
    if kind in (FileKind.PLAIN, FileKind.NOT_A_FILE) or not encrypt:
        return None
    fresh = key or new_database_key()
    write_key_file(key_file, KeyFile(unclaimed=fresh), force=False)
    log.info("created the key file of a new encrypted database")
    return Cipher(path, key_file, fresh)


def _create_engine(url: URL, cipher: Cipher | None = None) -> Engine:
    _keep_patient_data_out_of_logs()
    options: dict[str, Any] = {"json_serializer": _json_text, "hide_parameters": True}
    if cipher is not None:
        engine = create_engine(url, module=cipher_driver(), creator=cipher.connect, **options)
        event.listen(engine, "connect", _configure_sqlite)
        return engine
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, **options)
        event.listen(engine, "connect", _configure_sqlite)
        return engine
    engine = create_engine(
        url, pool_size=POOL_SIZE, max_overflow=MAX_OVERFLOW, pool_timeout=POOL_TIMEOUT_S, **options
    )
    _check_before_reuse(engine)
    return engine


def _check_before_reuse(engine: Engine) -> None:
    """Ping a pooled PostgreSQL connection before reuse only when it may have died.

    A shared server may restart, or an administrator end a session, while a workstation holds
    its connection: the pool must not hand out a dead one. SQLAlchemy's ``pool_pre_ping`` asks
    the server at every checkout, a round trip per operation (a quarter of a search's). Here
    the pool pings only a connection idle for :data:`PING_AFTER_IDLE_S`, or one with something
    waiting on its socket: a server that ends a session sends the client an error and closes
    it, so a connection killed under us is readable, while an idle healthy one (no ``LISTEN``
    on pooled connections) has nothing to say. Either costs nothing when it finds no reason.
    A connection that fails the ping is replaced (the pool's ``DisconnectionError`` retry).
    """
    dialect = engine.dialect

    @event.listens_for(engine, "connect")
    def _made(_dbapi_connection: Any, record: Any) -> None:
        record.info[_RETURNED_AT] = time.monotonic()

    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_connection: Any, record: Any) -> None:
        record.info[_RETURNED_AT] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle = time.monotonic() - record.info.get(_RETURNED_AT, 0.0)
        if idle < PING_AFTER_IDLE_S and not _has_input(dbapi_connection):
            return
        try:
            alive = dialect.do_ping(dbapi_connection)
        except Exception as exc:  # whatever the driver raises, the connection is not usable
            raise DisconnectionError(f"a pooled connection failed its ping: {exc}") from exc
        if not alive:
            raise DisconnectionError("a pooled connection failed its ping")


def _has_input(dbapi_connection: Any) -> bool:
    """Whether the server sent something to a connection at rest (an error, then EOF, when it
    ended the session); a socket that cannot be checked counts as having something."""
    try:
        readable, _, _ = select.select([dbapi_connection.pgconn.socket], [], [], 0)
    except (OSError, ValueError, AttributeError):
        return True
    return bool(readable)


def _prepare_sqlite_file(path: Path) -> None:
    """Make the database's folder and file private before SQLite opens them, and tidy up.

    SQLite creates a new database file, and its -wal, -shm and journal files, with the umask's
    permissions (0644 under the usual 022), readable by every account on the workstation. It
    gives those side files the database file's own permissions, though, so the file is created
    here first, empty and 0600 (SQLite takes an empty file as a new database), and the folder
    0700 when the app creates it; the app's own data folder (0700) and database files (0600)
    are tightened even if an earlier version left them open. No process-wide umask change is
    needed, which other threads would see. Then the hidden ``*.partial`` copies a killed backup
    or restore left here are removed.
    """
    folder = path.parent
    # A folder or file that cannot be made is left for SQLite to report, in its own words.
    with contextlib.suppress(OSError):
        make_private_folder(folder)
    if folder == default_database_path().parent:
        _tighten(folder, FOLDER_MODE)
        for name in (
            path.name,
            f"{path.name}-wal",
            f"{path.name}-shm",
            f"{path.name}-journal",
            f"{path.name}.keys",
        ):
            _tighten(folder / name, FILE_MODE)
    with contextlib.suppress(OSError):
        if create_private_file(path):
            log.info("created a new database file (0600)")
    for leftover in remove_stale_partials(folder):
        log.info("removed %s, left by an interrupted backup or restore", leftover.name)


def _tighten(path: Path, mode: int) -> None:
    """Set ``mode`` on our own file or folder (not through a link) if it is looser."""
    with contextlib.suppress(OSError):
        info = os.lstat(path)
        ours = not stat.S_ISLNK(info.st_mode) and info.st_uid == os.getuid()
        if ours and stat.S_IMODE(info.st_mode) != mode:
            os.chmod(path, mode)


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    """Per-connection SQLite settings.

    WAL lets the front desk search while a draft is being saved; foreign keys are off unless
    asked for on every connection; the busy timeout makes a second writer wait rather than
    fail; full sync makes a committed draft survive a power cut, not only a crash.
    """
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()
