"""A throwaway PostgreSQL server on loopback, for the test suite and the benchmarks.

initdb into a temporary folder (as an unprivileged user when run as root, which initdb refuses),
start on a free port of 127.0.0.1, and stop and remove it at the end, even if the process that
started it is killed.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path


def postgres_bindir() -> Path | None:
    candidates = [Path("/usr/local/bin")]
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    found = shutil.which("initdb")
    if found:
        candidates.insert(0, Path(found).parent)
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Stops the server if the test process dies without tearing down (killed, timed out): pg_ctl
# daemonises the server, so it would otherwise outlive the test run.
_WATCHDOG = """
import os, shutil, subprocess, sys, time
parent, root, stop = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
while os.path.exists(root):
    try:
        os.kill(parent, 0)
    except ProcessLookupError:
        subprocess.run(stop, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        shutil.rmtree(root, ignore_errors=True)
        break
    time.sleep(1)
"""


class PostgresServer:
    """A throwaway PostgreSQL cluster in a temporary folder, listening on 127.0.0.1 only."""

    USER = "intake"
    TEMPLATE = "intake_template"

    def __init__(
        self, bindir: Path, *, settings: dict[str, str] | None = None, hba: str | None = None
    ) -> None:
        """``settings`` are extra ``-c name=value`` server options; ``hba`` replaces
        pg_hba.conf (initdb's trusts every local connection)."""
        self.bindir = bindir
        self.settings = dict(settings or {})
        self.hba = hba
        self._owner: tuple[int, int] | None = None
        self.root = Path(tempfile.mkdtemp(prefix="intake-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._prefix: list[str] = []
        self._watchdog: subprocess.Popen[bytes] | None = None
        if os.geteuid() == 0:
            # initdb refuses to run as root: run the server as an unprivileged system user.
            user = "postgres" if user_exists("postgres") else "nobody"
            entry = pwd.getpwnam(user)
            self._owner = (entry.pw_uid, entry.pw_gid)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
            self._prefix = ["runuser", "-u", user, "--"]

    def _run(self, *args: str) -> None:
        cmd = [*self._prefix, *args]
        result = subprocess.run(cmd, capture_output=True, text=True, cwd=self.root, check=False)
        if result.returncode != 0:
            log = self.root / "log"
            detail = log.read_text() if log.exists() else ""
            raise RuntimeError(
                f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout}\n"
                f"{result.stderr}\n{detail}"
            )

    def start(self) -> None:
        initdb = [str(self.bindir / "initdb"), "-D", str(self.data), "-U", self.USER]
        initdb += ["-A", "trust", "-E", "UTF8", "--no-sync"]
        # An ICU (en-US) default collation, as on many real servers, so that the search
        # columns' own COLLATE "C" is what the tests rely on; plain C if ICU is missing.
        try:
            self._run(*initdb, "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=en-US")
        except RuntimeError:
            shutil.rmtree(self.data, ignore_errors=True)
            self._run(*initdb, "--locale=C")
        if self.hba is not None:
            (self.data / "pg_hba.conf").write_text(self.hba)
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} "
            f"-c unix_socket_directories={self.root} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
        )
        options += "".join(f" -c {name}={value}" for name, value in self.settings.items())
        self._watchdog = subprocess.Popen(
            [sys.executable, "-c", _WATCHDOG, str(os.getpid()), str(self.root), *self._stop_cmd()],
            start_new_session=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        pg_ctl = [str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log")]
        for attempt in range(3):
            try:
                self._run(*pg_ctl, "-o", options, "-w", "-t", "60", "start")
                return
            except RuntimeError:
                if attempt == 2:
                    raise
                # Most likely another test run took the port meanwhile: take another one.
                new_port = _free_port()
                options = options.replace(f"port={self.port} ", f"port={new_port} ")
                self.port = new_port

    def _stop_cmd(self) -> list[str]:
        pg_ctl = str(self.bindir / "pg_ctl")
        return [*self._prefix, pg_ctl, "-D", str(self.data), "-m", "immediate", "stop"]

    def stop(self) -> None:
        try:
            subprocess.run(self._stop_cmd(), capture_output=True, check=False)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
            if self._watchdog is not None:
                self._watchdog.kill()
                self._watchdog.wait()

    def give(self, path: Path) -> None:
        """Make ``path`` the server's own (a TLS key must belong to the server's user)."""
        if self._owner is not None:
            os.chown(path, *self._owner)

    def url(
        self, dbname: str, *, user: str | None = None, host: str = "127.0.0.1", query: str = ""
    ) -> str:
        """A URL for the app; ``user`` defaults to the superuser, ``query`` is ``a=b&c=d``."""
        tail = f"?{query}" if query else ""
        return f"postgresql+psycopg://{user or self.USER}@{host}:{self.port}/{dbname}{tail}"

    def execute(self, sql: str, *, dbname: str = "postgres") -> None:
        import psycopg

        conninfo = f"host=127.0.0.1 port={self.port} user={self.USER} dbname={dbname}"
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self, *, template: str = "template0") -> str:
        name = f"t_{uuid.uuid4().hex[:16]}"
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop_database(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True
