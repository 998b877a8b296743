"""The benchmark clinics on PostgreSQL: one cluster under ``benchmarks/.cache``, kept between runs.

A clinic of half a million patients is about 10 GB in PostgreSQL; building or copying it for
every run would take longer than the run. The cluster lives in ``benchmarks/.cache/postgres``
(loopback only, trust authentication, no fsync: a throwaway cache, rebuilt if it is ever
damaged), and each clinic is a database named after its size and :func:`benchmarks.clinic.
cache_key`, built with ``demo`` on PostgreSQL itself; the build's size and time are kept as
the database's comment (the "patients per second" figure).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.clinic import CACHE, cache_key, up_to_date
from tests.pg_server import PostgresServer

#: Stops the cached cluster (cleanly, keeping it) if the benchmark process dies.
_WATCHDOG = """
import os, subprocess, sys, time
parent, stop = int(sys.argv[1]), sys.argv[2:]
while True:
    try:
        os.kill(parent, 0)
    except ProcessLookupError:
        subprocess.run(stop, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        break
    time.sleep(1)
"""


class CachedPostgres(PostgresServer):
    """A :class:`PostgresServer` whose cluster stays in ``benchmarks/.cache/postgres``."""

    def __init__(self, bindir: Path, *, settings: dict[str, str] | None = None) -> None:
        super().__init__(bindir, settings=settings)
        shutil.rmtree(self.root, ignore_errors=True)  # the temporary folder is not used
        CACHE.mkdir(exist_ok=True)
        self.root = CACHE / "postgres"
        self.root.mkdir(exist_ok=True)
        self.data = self.root / "data"
        if self._owner is not None:
            subprocess.run(["chown", "-R", f"{self._owner[0]}:{self._owner[1]}", str(self.root)])

    def start(self) -> None:
        if not (self.data / "PG_VERSION").exists():
            shutil.rmtree(self.data, ignore_errors=True)
            initdb = [str(self.bindir / "initdb"), "-D", str(self.data), "-U", self.USER]
            initdb += ["-A", "trust", "-E", "UTF8", "--no-sync"]
            try:
                self._run(
                    *initdb, "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=en-US"
                )
            except RuntimeError:
                shutil.rmtree(self.data, ignore_errors=True)
                self._run(*initdb, "--locale=C")
        # A run killed with its server leaves the pid file behind; pg_ctl then refuses.
        stale = self.data / "postmaster.pid"
        if stale.exists() and subprocess.run(self._status_cmd(), capture_output=True).returncode:
            stale.unlink()
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} "
            f"-c unix_socket_directories={self.root} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
        )
        options += "".join(f" -c {name}={value}" for name, value in self.settings.items())
        pg_ctl = [str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log")]
        self._run(*pg_ctl, "-o", options, "-w", "-t", "120", "start")
        self._watchdog = subprocess.Popen(
            [sys.executable, "-c", _WATCHDOG, str(_pid()), *self._stop_cmd()],
            start_new_session=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def _status_cmd(self) -> list[str]:
        return [*self._prefix, str(self.bindir / "pg_ctl"), "-D", str(self.data), "status"]

    def _stop_cmd(self) -> list[str]:
        pg_ctl = str(self.bindir / "pg_ctl")
        return [*self._prefix, pg_ctl, "-D", str(self.data), "-m", "fast", "-w", "stop"]

    def stop(self) -> None:
        subprocess.run(self._stop_cmd(), capture_output=True, check=False)
        if self._watchdog is not None:
            self._watchdog.kill()
            self._watchdog.wait()

    def databases(self) -> dict[str, str | None]:
        """Name -> comment of every clinic database in the cluster."""
        import psycopg

        conninfo = f"host=127.0.0.1 port={self.port} user={self.USER} dbname=postgres"
        with psycopg.connect(conninfo, autocommit=True) as conn:
            rows = conn.execute(
                "SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database"
                " WHERE datname LIKE 'clinic%'"
            ).fetchall()
        return {name: comment for name, comment in rows}


def _pid() -> int:
    import os

    return os.getpid()


def postgres_clinic(
    server: CachedPostgres, patients: int, copy_from: Path | None = None
) -> tuple[str, dict[str, Any] | None]:
    """URL of the cached clinic of ``patients`` on ``server`` and its build record (patients,
    visits, seconds; ``copied`` when it was copied). Made when missing: with ``demo``, or, given
    ``copy_from`` (the cached SQLite clinic of the same size and key, hence the same rows),
    copied from it table by table with COPY, which spares a second run of the plan engine
    over 1.5 million visits on a busy machine (the build rate is then not measured)."""
    from benchmarks.clinic import progress_printer
    from intake_desktop.demo import build_demo
    from intake_desktop.storage.database import open_database

    name = f"clinic_{patients}_{cache_key()}"
    found = server.databases()
    if name in found:
        url = server.url(name)
        up_to_date(url)
        return url, _record(found[name])
    for old in found:  # other keys of this size, and builds that never finished
        if old.startswith((f"clinic_{patients}_", f"clinicbuilding_{patients}_")):
            server.drop_database(old)
    building = f"clinicbuilding_{patients}_{cache_key()}"
    server.execute(f'CREATE DATABASE "{building}" TEMPLATE template0')
    started = time.perf_counter()
    record: dict[str, Any]
    if copy_from is not None:
        from benchmarks.scale import copy_to_postgres

        copy_to_postgres(copy_from, server.url(building))
        seconds = time.perf_counter() - started
        record = {"patients": patients, "seconds": seconds, "copied": True}
    else:
        db = open_database(server.url(building))
        try:
            result = build_demo(db, patients, progress=progress_printer("PostgreSQL"))
        finally:
            db.dispose()
        record = {"patients": result.patients, "visits": result.visits, "seconds": result.seconds}
    server.execute(f"COMMENT ON DATABASE \"{building}\" IS '{json.dumps(record)}'")
    server.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
    server.execute("CHECKPOINT")
    print(
        f"built {patients:,} patients on PostgreSQL in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    server.execute("ANALYZE", dbname=name)
    return server.url(name), record


def _record(comment: str | None) -> dict[str, Any] | None:
    try:
        return json.loads(comment or "")
    except ValueError:
        return None
