"""The synthetic clinic the benchmarks run on: 50,000 patients with about 150,000 visits.

Built once with the same ``demo`` operation users run and cached under ``benchmarks/.cache``,
keyed by what decides its rows: the demo's data version and seed and the tables' columns. Code
that makes the same rows faster, or a migration that only adds an index, keeps the key (the
cached file is brought up to the current schema when opened); a changed column or a new
``DATA_VERSION`` of the demo rebuilds it instead of measuring a stale file.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"
PATIENTS = 50_000


#: The tables ``demo`` fills. Other tables (users, the audit trail and its seal) are not part
#: of the key: a migration that changes them is applied to the cached clinic when it is opened.
DEMO_TABLES = ("patients", "patient_search_terms", "visits", "visit_versions", "board_entries")


def cache_key() -> str:
    """What decides a demo clinic's rows: the demo's data version and seed, and the columns of
    the tables it fills."""
    from intake_desktop.demo.build import DATA_VERSION, DEFAULT_SEED
    from intake_desktop.storage.models import Base

    columns = [
        (t.name, [(c.name, str(c.type), c.nullable) for c in t.columns])
        for t in Base.metadata.sorted_tables
        if t.name in DEMO_TABLES
    ]
    text = json.dumps([DATA_VERSION, DEFAULT_SEED, columns])
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def up_to_date(url: str) -> None:
    """Apply any migration newer than a cached clinic (an index added since it was built)
    without the backup copy the app makes first (the cache is rebuilt if anything fails)."""
    from intake_desktop.storage.database import open_database
    from intake_desktop.storage.migrate import (
        SchemaState,
        _run_upgrade,
        head_revision,
        schema_state,
    )

    db = open_database(url, encrypt=False, migrate=False)
    try:
        if schema_state(db) is SchemaState.BEHIND:
            print("bringing a cached clinic up to the current schema", file=sys.stderr)
            _run_upgrade(db, head_revision())
    finally:
        db.dispose()


def clinic_db(patients: int = PATIENTS) -> Path:
    """Path of the cached clinic database, building it first when missing."""
    from intake_desktop.demo import build_demo
    from intake_desktop.storage.database import open_database

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"clinic-{patients}-{cache_key()}.db"
    if path.exists():
        up_to_date(f"sqlite:///{path}")
        return path
    for old in CACHE.glob(f"clinic-{patients}-*.db*"):
        old.unlink()
    for old in CACHE.glob(f"clinic-{patients}-*.build.json"):
        old.unlink()
    partial = path.with_suffix(".building")
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    # Plain: the encrypted clinic is converted from it (benchmarks/encrypted.py).
    db = open_database(f"sqlite:///{partial}", encrypt=False)
    started = time.perf_counter()

    result = build_demo(db, patients, progress=progress_printer("SQLite"))
    db.dispose()
    # How long the build took, for the scale figure's "patients per second" of a cached clinic.
    record = {"patients": result.patients, "visits": result.visits, "seconds": result.seconds}
    build_record(path).write_text(json.dumps(record), encoding="utf-8")
    print(
        f"\rbuilt {result.patients:,} patients, {result.visits:,} visits in "
        f"{time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    partial.rename(path)
    return path


def progress_printer(label: str) -> Callable[[int, int], None]:
    """The build's progress on stderr: patients done and patients per second (on a terminal
    one line rewritten; otherwise every 5 %)."""
    tty = sys.stderr.isatty()
    started = time.perf_counter()
    shown = [-1]

    def progress(done: int, total: int) -> None:
        rate = done / max(time.perf_counter() - started, 1e-9)
        line = f"building the {label} benchmark clinic: {done:,}/{total:,} patients, {rate:,.0f}/s"
        if tty:
            print("\r" + line, end="", file=sys.stderr, flush=True)
        elif done * 20 // total != shown[0]:
            shown[0] = done * 20 // total
            print(line, file=sys.stderr, flush=True)

    return progress


def build_record(clinic: Path) -> Path:
    """Where the build of a cached clinic recorded its size and time (JSON)."""
    return clinic.with_name(clinic.stem + ".build.json")


def build_rate(clinic: Path) -> float | None:
    """Patients per second of the ``demo`` run that built ``clinic``, if it was recorded."""
    try:
        record = json.loads(build_record(clinic).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record["patients"] / record["seconds"]
