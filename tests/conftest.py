"""Shared fixtures: isolated user folders, and real databases (an SQLite file and PostgreSQL).

Storage and service tests take the ``database`` (or ``database_url``) fixture and so run twice,
once on an SQLite file and once on a PostgreSQL server that this file starts on loopback for the
test session (initdb into a temporary folder, as a non-root user when run as root). There is no
mock database: a missing PostgreSQL is a failure, never a skip (.ci/run installs it).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.actors import TEST_PASSWORD, copy_database, open_unlocked, seed_users, use_fast_hashing
from tests.pg_server import PostgresServer, postgres_bindir

# GUI tests join later; they must never try to open a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

use_fast_hashing()

DIALECTS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> Path:
    """Point the home, data and config folders at a temporary one; forget INTAKE_DESKTOP_DB."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        path = home / sub
        path.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(path))
    monkeypatch.delenv("INTAKE_DESKTOP_DB", raising=False)
    monkeypatch.delenv("INTAKE_DESKTOP_CONFIG", raising=False)
    # Every command line run signs in as the seeded ``tester`` unless a test says otherwise.
    monkeypatch.setenv("INTAKE_DESKTOP_USER", "tester")
    monkeypatch.setenv("INTAKE_DESKTOP_PASSWORD", TEST_PASSWORD)
    return home


def with_users(url: str) -> str:
    """Seed the test users into the (new or empty) database at ``url``; returns the URL."""
    from intake_desktop.storage.database import open_database

    with open_database(url) as db:
        seed_users(db)
    return url


# --- PostgreSQL ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostgresServer]:
    """One PostgreSQL server for the session (per xdist worker), with a migrated template."""
    bindir = postgres_bindir()
    if bindir is None:
        pytest.fail(
            "PostgreSQL server binaries (initdb, pg_ctl) not found in /usr/local/bin, "
            "/usr/lib/postgresql/*/bin or PATH: install the 'postgresql' package "
            "(.ci/run does); the storage tests run on PostgreSQL as well as SQLite",
            pytrace=False,
        )
    server = PostgresServer(bindir)
    try:
        server.start()
        server.execute(f'CREATE DATABASE "{server.TEMPLATE}" TEMPLATE template0')
        from intake_desktop.storage.database import open_database

        # The first administrator's checkpoint goes to a seal file in the data folder: a
        # temporary one, since the per-test folders are not set up yet.
        data = tmp_path_factory.mktemp("pg-template-data")
        with pytest.MonkeyPatch.context() as env, open_database(server.url(server.TEMPLATE)) as db:
            env.setenv("XDG_DATA_HOME", str(data))
            seed_users(db)
        yield server
    finally:
        server.stop()


# --- SQLite ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated to head once; each test gets a copy (much faster than migrating)."""
    from intake_desktop.storage.database import open_database

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    with open_database(f"sqlite:///{path}") as db:
        seed_users(db)
    return path


def _copy_sqlite(source: Path, target: Path) -> None:
    copy_database(source, target)


# --- The database fixtures the tests use -----------------------------------------------------


@pytest.fixture(params=DIALECTS)
def dialect(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql``: every test using it runs on both."""
    return request.param


@pytest.fixture
def database_url(dialect: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a fresh database at the current schema, on SQLite or PostgreSQL."""
    if dialect == "sqlite":
        path = tmp_path / "records.sqlite3"
        _copy_sqlite(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = server.create_database(template=server.TEMPLATE)
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def empty_database_url(
    dialect: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[str]:
    """URL of an empty database (no schema at all), for migration tests."""
    if dialect == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = server.create_database()
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def database(database_url: str):
    """An open :class:`~intake_desktop.storage.database.Database` on a fresh database."""
    db = open_unlocked(database_url)
    yield db
    db.dispose()


@pytest.fixture
def plain_url(tmp_path: Path) -> str:
    """A plain (not encrypted) SQLite file with the seeded users: what the early password check
    reads (services.early_password)."""
    from intake_desktop.storage.database import open_database

    url = f"sqlite:///{tmp_path / 'plain.sqlite3'}"
    with open_database(url, encrypt=False) as db:
        seed_users(db)
    return url
