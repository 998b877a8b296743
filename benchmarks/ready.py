"""Ready to work: from launch to a signed-in window whose search answers from the records.

The app is started as a user starts it (``python -m intake_desktop``) on the cached clinic,
signing in from the environment, and timed until the window says the records are open and the
lists are filled (``INTAKE_DESKTOP_BENCH=records``): the sign-in checked (argon2, the lock and the
failure count) and written to the audit trail, today's visits, the drafts, the board and the
alerts filled, the search answering. Its floor, measured in the same run and taking turns with
it, is the least work that path needs: show a bare window, open the database with the standard
``sqlite3`` module and fetch the first page of the list, and check one password with the app's
argon2 parameters (the hash stored for the user). Target: ≤ 1.5× the floor.

``benchmarks.run`` byte-compiles the package first (``app_figures.compile_package``), as
installing it does.

What the floor leaves out and the path needs: SQLAlchemy and the models, which the audit trail's
one writer (``storage.audit``) and every service are made of (their import alone is most of the
difference, see the README); the audited sign-in itself (a write transaction: the entry, the
counters); and the window's own lists. Nothing of that is skipped or deferred past the moment
timed. Where the target is missed the cost is broken down (:data:`PHASES`): each step of the
app's start done in turn in a fresh process, so the table says what the difference is made of.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from benchmarks.app_figures import BENCH_PASSWORD, BENCH_USER, _env, _run, ensure_bench_user
from benchmarks.stats import Row

#: The least the path needs of the records (argv: database, user name, password): open the
#: database with the standard ``sqlite3`` module, fetch the first page of the list, check the
#: user's password with the app's argon2 parameters (the hash stored for them).
LEAST_WORK = """\
from argon2 import PasswordHasher
raw = sqlite3.connect(sys.argv[1])
raw.execute(
    "SELECT id, record_number, name, date_of_birth FROM patients "
    "ORDER BY search_name, id LIMIT 100"
).fetchall()
(encoded,) = raw.execute("SELECT password_hash FROM users WHERE username = ?",
                         (sys.argv[2],)).fetchone()
PasswordHasher().verify(encoded, sys.argv[3])
"""

FLOOR = (
    """
import sqlite3, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow
app = QApplication([])
w = QMainWindow()
w.setCentralWidget(QLineEdit())
w.show()
def ready():
"""
    + textwrap.indent(LEAST_WORK, "    ")
    + """    print("ready", flush=True)
    app.quit()
QTimer.singleShot(0, ready)
app.exec()
"""
)

#: The floor, plus what no start on this stack can leave out before the first record is read:
#: importing the database layer (SQLAlchemy's core, ORM and SQLite dialect, and the models),
#: with the collector held off as the app holds it (``intake_desktop.start_collector``). Python
#: runs one thread at a time, so these imports add to the window's time whichever thread makes
#: them (measured: importing SQLAlchemy on a second thread while Qt loads saves nothing). No
#: target: it says how near 1.5× the floor any start reading the records through SQLAlchemy
#: can come.
BOUND = FLOOR.replace(
    "import sqlite3, sys",
    "import gc, sqlite3, sys; gc.disable()\n"
    "import sqlalchemy, sqlalchemy.orm, sqlalchemy.dialects.sqlite\n"
    "import intake_desktop.storage.models",
)

#: The floor of signing in at the dialog, once the app has loaded (the user was typing): open the
#: database with ``sqlite3``, fetch the first page of the list, check one password. Prints ms.
DIALOG_FLOOR = (
    "import sqlite3, sys, time\nimport argon2\nstart = time.perf_counter()\n"
    + LEAST_WORK
    + 'print(f"{(time.perf_counter() - start) * 1000:.2f}")\n'
)

#: The app's start taken apart, each step timed after the one before, in one fresh process: the
#: steps of ``ui.app.run`` in the order they happen, but one after the other (in the app the
#: argon2 check overlaps the imports, see ``services.early_password``; the window's steps and the
#: worker's take turns on the interpreter lock).
PHASES = """
import sys, time
from intake_desktop import start_collector
start_collector.pause()  # as the app's start does (cli._start_app)
t = time.perf_counter()
marks = []
def mark(name):
    global t
    now = time.perf_counter(); marks.append((name, now - t)); t = now
from intake_desktop.ui.app import make_application
from intake_desktop.ui.startup import MainWindow
mark("import Qt and the window")
app = make_application([])
w = MainWindow(); w.show(); app.processEvents()
mark("window shown")
w.set_shortcuts()
mark("keys (builds the Qt namespace)")
import sqlalchemy, sqlalchemy.orm, sqlalchemy.dialects.sqlite
mark("import SQLAlchemy (core, ORM, SQLite dialect)")
from intake_desktop.ui.clinic import Clinic
mark("import the models and the services")
clinic = Clinic.open(sys.argv[1])
mark("open the database (schema check)")
clinic.sign_in(sys.argv[2], sys.argv[3])
mark("sign in (argon2, audit)")
from intake_desktop.ui.session_switch import Workstation
session = Workstation(app, clinic, w); session.begin(); app.processEvents()
mark("attach: language, lists, board, alerts, menus")
session.stop(); clinic.sign_out(); clinic.close()
for name, s in marks:
    print(f"{name}\\t{s}")
"""


def ready_rows(clinic: Path, runs: int = 8) -> list[Row]:
    """The ready-to-work figure against its floor, and the phases of the app's start."""
    ensure_bench_user(clinic)
    url = f"sqlite:///{clinic}"
    app_cmd = [sys.executable, "-m", "intake_desktop", "--db", url]
    floor_cmd = [sys.executable, "-c", FLOOR, str(clinic), BENCH_USER, BENCH_PASSWORD]
    bound_cmd = [sys.executable, "-c", BOUND, str(clinic), BENCH_USER, BENCH_PASSWORD]
    commands = (app_cmd, floor_cmd, bound_cmd)
    for _ in range(2):  # warm the file cache for all
        for cmd in commands:
            _run(cmd, _env("records"))
    times: list[list[float]] = [[], [], []]
    for i in range(runs):  # taking turns, so a busy moment hurts all alike
        order = list(zip(commands, times, strict=True))
        for cmd, out in order[i % 3 :] + order[: i % 3]:
            out.append(_run(cmd, _env("records"))[0])
    app, floor, bound = times
    size = clinic.stem.split("-")[1]
    rows = [
        Row(f"ready to work: launch to signed-in search ({int(size):,})", app, floor=floor).check(
            ratio_at_most=1.5
        ),
        Row("  floor + importing the database layer (no target)", bound, floor=floor),
    ]
    rows.append(dialog_row(clinic, url))
    rows.extend(phase_rows(url))
    return rows


def dialog_row(clinic: Path, url: str, runs: int = 8) -> Row:
    """Signing in at the dialog (no target): from OK to the signed-in window with its lists
    filled, the records having opened while the user typed; against one password check and the
    first page read with ``sqlite3`` (the least that sign-in needs)."""
    env = _env("dialog")
    env["INTAKE_DESKTOP_BENCH_USER"] = env.pop("INTAKE_DESKTOP_USER")
    env["INTAKE_DESKTOP_BENCH_PASSWORD"] = env.pop("INTAKE_DESKTOP_PASSWORD")
    app_cmd = [sys.executable, "-m", "intake_desktop", "--db", url]
    floor_cmd = [sys.executable, "-c", DIALOG_FLOOR, str(clinic), BENCH_USER, BENCH_PASSWORD]
    app: list[float] = []
    floor: list[float] = []
    for _ in range(runs):
        said = _output(app_cmd, env).split()
        if said[:1] != ["ready"] or len(said) != 2:
            raise RuntimeError(f"the app did not sign in at the dialog: {said!r}")
        app.append(float(said[1]) / 1000)
        floor.append(float(_output(floor_cmd, env)) / 1000)
    return Row("  signing in at the dialog: OK to signed-in search (no target)", app, floor=floor)


def _output(cmd: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True, timeout=300)
    return done.stdout.strip()


def phase_rows(url: str, runs: int = 3) -> list[Row]:
    """What the start is made of (no targets): each phase's median over ``runs`` processes."""
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", PHASES, url, BENCH_USER, BENCH_PASSWORD],
            env=_env("none"), capture_output=True, text=True, check=True, timeout=300,
        )  # fmt: skip
        for line in done.stdout.splitlines():
            name, seconds = line.split("\t")
            samples.setdefault(name, []).append(float(seconds))
    return [Row(f"  start phase: {name}", s) for name, s in samples.items()]
