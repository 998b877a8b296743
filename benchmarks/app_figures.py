"""Figures of the real app: cold start, search as you type in the window, peak memory."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.stats import Row

BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow
app = QApplication([])
w = QMainWindow()
w.setCentralWidget(QLineEdit())
w.show()
def ready():
    print("ready", flush=True)
    app.quit()
QTimer.singleShot(0, ready)
app.exec()
"""


#: The user the benchmark app signs in as (without a dialog: both variables set).
BENCH_USER = "bench"
BENCH_PASSWORD = "bench-password-not-secret"


def ensure_bench_user(clinic: Path) -> None:
    """Give the benchmark clinic its users (an administrator, and ``bench`` who works there)."""
    from intake_desktop.services import add_user, create_first_admin, has_users, open_database

    with open_database(f"sqlite:///{clinic}") as db:
        if db.locked or has_users(db):  # an encrypted clinic is made from one with its users
            return
        admin = create_first_admin(db, "bench.admin", BENCH_PASSWORD)
        add_user(db, admin, BENCH_USER, BENCH_PASSWORD, ["front_desk", "clinician"])


def compile_package() -> None:
    """Byte-compile the package, as installing it does, before the app is timed.

    ``pip install`` of the wheel and the desktop bundle ship the package compiled, so a user's
    launch reads bytecode. A development checkout run with ``PYTHONDONTWRITEBYTECODE`` set (as
    on the shared machine) would compile every module of the package from source at each launch
    instead: a cost no installed app pays (about a tenth of a second of the start here), which
    the floors (PySide6, sqlite3 and argon2, all compiled when installed) do not pay either.
    Writing the ``.pyc`` files does not depend on that variable.
    """
    import compileall

    import intake_desktop

    compileall.compile_dir(Path(intake_desktop.__file__).parent, quiet=1)


def _env(mode: str) -> dict[str, str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        INTAKE_DESKTOP_BENCH=mode,
        INTAKE_DESKTOP_USER=BENCH_USER,
        INTAKE_DESKTOP_PASSWORD=BENCH_PASSWORD,
    )
    env.pop("INTAKE_DESKTOP_DB", None)
    return env


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time from spawn until the process says ``ready`` and exits; its peak RSS in kB."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if line.strip() != "ready" or proc.returncode != 0:
        raise RuntimeError(f"{cmd[:3]} did not start cleanly (exit {proc.returncode})")
    return elapsed, usage.ru_maxrss


#: Starts the app and reports its peak RSS (kB), from a small process of its own: Linux keeps
#: the largest RSS a process ever had across exec, and a child started straight from this
#: process (hundreds of MB after a demo build) would report this process's peak, not the app's.
_PEAK = """
import json, os, subprocess, sys
cmd = json.loads(sys.argv[1])
proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
line = proc.stdout.readline()
_, status, usage = os.wait4(proc.pid, 0)
ok = line.strip() == "ready" and os.waitstatus_to_exitcode(status) == 0
print(usage.ru_maxrss if ok else -1)
"""


def peak_rss(cmd: list[str], env: dict[str, str]) -> int:
    """Peak RSS (kB) of ``cmd`` started by a fresh, small Python (see ``_PEAK``): the start
    figure runs after a clinic build in this process, the scale figure after several."""
    out = subprocess.run(
        [sys.executable, "-c", _PEAK, json.dumps(cmd)], env=env, capture_output=True, text=True
    )
    peak = int(out.stdout.strip() or -1)
    if peak < 0:
        raise RuntimeError(f"{cmd[:3]} did not start cleanly")
    return peak


def app_rows(clinic: Path, label: str = "", *, memory: bool = True) -> list[Row]:
    """Start, memory and typing figures of the app on ``clinic`` (``label`` names the variant:
    the encrypted clinic is measured without the memory figure)."""
    ensure_bench_user(clinic)
    app_cmd = [sys.executable, "-m", "intake_desktop", "--db", f"sqlite:///{clinic}"]
    floor_cmd = [sys.executable, "-c", BARE_WINDOW]
    for _ in range(2):  # warm the file cache for both
        _run(app_cmd, _env("start"))
        _run(floor_cmd, _env("start"))
    app, records, floor = [], [], []
    for _ in range(10):  # interleaved, so a busy moment hurts all alike
        app.append(_run(app_cmd, _env("start"))[0])
        records.append(_run(app_cmd, _env("records"))[0])
        floor.append(_run(floor_cmd, _env("start"))[0])
    rows = [
        Row(f"cold start to a ready search box{label}", app, floor=floor).check(ratio_at_most=1.5),
        # Not a target of its own; shown so the window-first start hides nothing: from here on
        # the user is signed in (argon2 included), today's lists are filled and search answers.
        Row(f"cold start to records open (signed in){label}", records, floor=floor),
    ]
    if memory:
        peaks = [peak_rss(app_cmd, _env("scroll")) / 1024 for _ in range(3)]
        rows.append(
            Row("peak memory, 50k open and scrolled", peaks, unit="MB").check(median_at_most=300)
        )
    rows.extend(_typing_rows(clinic, label))
    return rows


def _typing_rows(clinic: Path, label: str = "") -> list[Row]:
    """Keystroke to filtered list, in a real main window, against the raw query; and to the
    list painted (no ratio: the floor has nothing to paint).

    A sample runs from the key press until the model holds the rows for the new text and the
    view has taken the reset (both happen in the query the event loop runs after the key; the
    first row's selection lays the view out too). Before each key the event loop has done what
    was pending, painting the previous list, as in the pause between a typist's keys: without
    that the previous keystroke's paint would be timed as this one's. The floor is what the
    search service sends the database for that text at the list's page size, captured
    beforehand and replayed raw through sqlite3, timed in turn with the keystrokes.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from benchmarks.services_figures import replay, search_statements
    from intake_desktop.ui.app import make_application
    from intake_desktop.ui.clinic import Clinic
    from intake_desktop.ui.main_window import MainWindow
    from intake_desktop.ui.patient_search import PAGE

    app = make_application([])
    ensure_bench_user(clinic)
    url = f"sqlite:///{clinic}"
    from benchmarks.encrypted import raw_connection

    raw = raw_connection(clinic)
    names = [r[0] for r in raw.execute("SELECT name FROM patients ORDER BY random() LIMIT 150")]
    rng = random.Random(3)
    words = [n.split()[rng.randrange(len(n.split()))].lower() for n in names]
    words = [w[: rng.randint(2, 5)] for w in words]
    texts = sorted({w[:i] for w in words for i in range(1, len(w) + 1)})
    statements = dict(zip(texts, search_statements(url, texts, PAGE), strict=True))
    clinic_obj = Clinic.open(url)
    clinic_obj.sign_in(BENCH_USER, BENCH_PASSWORD)
    window = MainWindow(clinic_obj)
    window.show()
    app.processEvents()
    box, model = window.search.box, window.search.model
    samples: list[float] = []
    painted: list[float] = []
    floor: list[float] = []
    click, no_modifier = QTest.KeyAction.Click, Qt.KeyboardModifier.NoModifier

    def time_floor(text: str) -> None:
        start = time.perf_counter()
        replay(raw, statements[text])
        floor.append(time.perf_counter() - start)

    for word in words:
        box.clear()
        app.processEvents()
        for ch in word:
            text = box.text() + ch
            app.processEvents()  # the previous list is painted before the next key
            floor_first = len(samples) % 2 == 0  # taking turns: neither always runs warm
            if floor_first:
                time_floor(text)
            before = model.queries
            start = time.perf_counter()
            if ch.isascii():
                QTest.keyClick(box, ch, Qt.KeyboardModifier.NoModifier)
            else:  # keyClick takes ASCII only; a key event carrying the letter, as a keyboard's
                QTest.sendKeyEvent(click, box, Qt.Key.Key_unknown, ch, no_modifier)
            while model.queries == before:
                app.processEvents()
            samples.append(time.perf_counter() - start)
            app.processEvents()  # the paint the new rows asked for
            painted.append(time.perf_counter() - start)
            if model.query != text:
                raise RuntimeError(f"the list shows {model.query!r}, typed {text!r}")
            if not floor_first:
                time_floor(text)
    window.close()
    clinic_obj.close()
    raw.close()
    return [
        Row(f"search as you type (keystroke to list){label}", samples, floor=floor).check(
            p95_at_most=30, p95_ratio_at_most=3
        ),
        Row(f"search as you type (keystroke to list painted){label}", painted).check(
            p95_at_most=30
        ),
    ]
