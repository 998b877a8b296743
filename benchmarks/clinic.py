"""The synthetic clinic the benchmarks run on: 50,000 patients with about 150,000 visits.

Built once with the same ``demo`` operation users run and cached under ``benchmarks/.cache``, keyed
by the schema revision and the demo version, so a changed schema rebuilds it instead of measuring
a stale file.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"
PATIENTS = 50_000


def _key() -> str:
    root = Path(__file__).resolve().parents[1] / "intake_desktop"
    parts = sorted((root / "storage" / "migrations" / "versions").glob("*.py"))
    parts += sorted((root / "demo").glob("*.py"))
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in parts)).hexdigest()
    return digest[:12]


def clinic_db(patients: int = PATIENTS) -> Path:
    """Path of the cached clinic database, building it first when missing."""
    from intake_desktop.demo import build_demo
    from intake_desktop.storage.database import open_database

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"clinic-{patients}-{_key()}.db"
    if path.exists():
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

    tty = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if tty:
            line = f"\rbuilding the benchmark clinic: {done:,}/{total:,} patients"
            print(line, end="", file=sys.stderr, flush=True)
        elif done == total or done * 10 // total != (done - 500) * 10 // total:
            print(f"building the benchmark clinic: {done:,}/{total:,}", file=sys.stderr)

    result = build_demo(db, patients, progress=progress)
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
