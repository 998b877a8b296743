"""Figures of the real app: cold start, search as you type in the window, peak memory."""

from __future__ import annotations

import os
import random
import sqlite3
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
        if has_users(db):
            return
        admin = create_first_admin(db, "bench.admin", BENCH_PASSWORD)
        add_user(db, admin, BENCH_USER, BENCH_PASSWORD, ["front_desk", "clinician"])


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


def app_rows(clinic: Path) -> list[Row]:
    ensure_bench_user(clinic)
    app_cmd = [sys.executable, "-m", "intake_desktop", "--db", f"sqlite:///{clinic}"]
    floor_cmd = [sys.executable, "-c", BARE_WINDOW]
    for _ in range(2):  # warm the file cache for both
        _run(app_cmd, _env("start"))
        _run(floor_cmd, _env("start"))
    app, floor = [], []
    for _ in range(10):  # interleaved, so a busy moment hurts both alike
        app.append(_run(app_cmd, _env("start"))[0])
        floor.append(_run(floor_cmd, _env("start"))[0])
    rows = [Row("cold start to a ready search box", app, floor=floor).check(ratio_at_most=1.5)]
    peaks = [_run(app_cmd, _env("scroll"))[1] / 1024 for _ in range(3)]
    rows.append(
        Row("peak memory, 50k open and scrolled", peaks, unit="MB").check(median_at_most=300)
    )
    rows.append(_typing_row(clinic))
    return rows


def _typing_row(clinic: Path) -> Row:
    """Keystroke to filtered list, in a real main window, against the raw query."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from benchmarks.services_figures import raw_search_floor
    from intake_desktop.ui.app import make_application
    from intake_desktop.ui.clinic import Clinic
    from intake_desktop.ui.main_window import MainWindow

    app = make_application([])
    ensure_bench_user(clinic)
    clinic_obj = Clinic.open(f"sqlite:///{clinic}")
    clinic_obj.sign_in(BENCH_USER, BENCH_PASSWORD)
    window = MainWindow(clinic_obj)
    window.show()
    app.processEvents()
    raw = sqlite3.connect(clinic)
    names = [r[0] for r in raw.execute("SELECT name FROM patients ORDER BY random() LIMIT 150")]
    raw.close()
    rng = random.Random(3)
    words = [n.split()[rng.randrange(len(n.split()))].lower() for n in names]
    box, model = window.search.box, window.search.model
    samples: list[float] = []
    typed: list[str] = []
    for word in words:
        box.clear()
        app.processEvents()
        for ch in word[: rng.randint(2, 5)]:
            before = model.queries
            start = time.perf_counter()
            QTest.keyClick(box, ch, Qt.KeyboardModifier.NoModifier)
            while model.queries == before:
                app.processEvents()
            samples.append(time.perf_counter() - start)
            typed.append(box.text())
    window.close()
    clinic_obj.close()
    return Row(
        "search as you type (keystroke to list)", samples, floor=raw_search_floor(clinic, typed)
    ).check(p95_at_most=30, p95_ratio_at_most=3)
