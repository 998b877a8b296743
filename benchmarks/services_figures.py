"""Figures measured in-process through the services: search, draft save and sign, PDF export."""

from __future__ import annotations

import functools
import json
import random
import sqlite3
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.stats import Row, timed, timed_against_floor
from intake_desktop.domain.codes import RED_FLAGS

ROOT = Path(__file__).resolve().parents[1]
#: A complete red-flag screen and a "not examined" reason: signing checks for both (issue 13).
SIGN_OFF: dict[str, Any] = {
    "red_flag_screen": dict.fromkeys(RED_FLAGS, "no"),
    "not_examined_reason": "benchmark",
}


@functools.cache
def bench_actor():
    """Who the timed operations run as: the front desk and a clinician (as after a sign-in).

    Made directly rather than signed in, so an argon2 verification is not part of any figure;
    each operation still checks the permission table and writes its audit entry.
    """
    from intake_desktop.services import Actor

    return Actor(None, "bench", frozenset({"front_desk", "clinician"}), "bench")


EXAMPLES = ROOT / "tests" / "data" / "examples"


def search_rows(clinic: Path, label: str = "") -> list[Row]:
    """Search as typed at the front desk, against the same statements run raw through sqlite3.

    Each query is first run once through the service with its SQL captured; the floor replays
    exactly those statements (text, parameters, limit) on a plain sqlite3 connection. The two
    are timed query by query, taking turns, so a busy moment of the machine hurts both alike.
    """
    from benchmarks.encrypted import open_clinic, raw_connection
    from intake_desktop.services import search_patients

    db = open_clinic(f"sqlite:///{clinic}")
    raw = raw_connection(clinic)
    size = raw.execute("SELECT count(*) FROM patients").fetchone()[0]
    rng = random.Random(7)
    names = [r[0] for r in raw.execute("SELECT name FROM patients ORDER BY random() LIMIT 400")]
    numbers = [
        r[0] for r in raw.execute("SELECT record_number FROM patients ORDER BY random() LIMIT 200")
    ]
    births = [
        r[0] for r in raw.execute("SELECT date_of_birth FROM patients ORDER BY random() LIMIT 200")
    ]
    words = [n.split() for n in names]
    kinds = {
        # what a person types, keystroke by keystroke: 1 to 5 letters of a name
        "name prefix": [w[rng.randrange(len(w))][: rng.randint(1, 5)] for w in words],
        "record number": [n[: rng.randint(6, len(n))] for n in numbers],
        "date of birth": [str(b) for b in births],
        # issue 13: any part of a record number, surname first, partial words, a birth year
        "record number part": [_middle(n, rng) for n in numbers],
        "surname given": [f"{w[1]} {w[0]}" for w in words],
        "surname, given": [f"{w[1]}, {w[0]}" for w in words],
        "partial words of both": [
            f"{w[1][: rng.randint(2, 4)]} {w[0][: rng.randint(1, 3)]}" for w in words
        ],
        "year of birth": [str(b)[:4] for b in births],
    }
    limit = 50
    rows = []
    for kind, queries in kinds.items():
        statements = search_statements(f"sqlite:///{clinic}", queries, limit)
        app, floor = timed_against_floor(
            lambda q: search_patients(db, q, limit, actor=bench_actor()),
            lambda sql: replay(raw, sql),
            list(zip(queries, statements, strict=True)),
        )
        rows.append(
            Row(f"search: {kind} ({size:,} patients{label})", app, floor=floor).check(
                p95_at_most=30, p95_ratio_at_most=3
            )
        )
    db.dispose()
    raw.close()
    return rows


Statement = tuple[str, Any]


def _middle(number: str, rng: random.Random) -> str:
    """Three to six digits from inside a record number ("2108" of "DEMO-0021084")."""
    digits = number.split("-")[-1].lstrip("0") or number[-1]
    size = min(len(digits), rng.randint(3, 6))
    start = rng.randrange(len(digits) - size + 1)
    return digits[start : start + size]


def search_statements(url: str, queries: list[str], limit: int) -> list[list[Statement]]:
    """The SQL statements and parameters the search service sends for each query.

    Captured from the engine while the service answers each query once, so the floor is
    exactly what the app asks the database (text, parameters, limit), whatever the service's
    code. The capture uses a database handle of its own: the timed one carries no listener.
    """
    from sqlalchemy import event

    from benchmarks.encrypted import open_clinic
    from intake_desktop.services import search_patients

    seen: list[Statement] = []

    def capture(_conn, _cursor, statement, parameters, _context, _many) -> None:
        seen.append((statement, parameters))

    out = []
    with open_clinic(url) as db:
        event.listen(db.engine, "before_cursor_execute", capture)
        for q in queries:
            seen.clear()
            search_patients(db, q, limit, actor=bench_actor())
            out.append(list(seen))
    return out


def replay(raw: sqlite3.Connection, statements: list[Statement]) -> None:
    """Run captured statements through sqlite3 and fetch every row, as the app does."""
    for sql, params in statements:
        raw.execute(sql, params).fetchall()


def save_rows(urls: dict[str, str]) -> list[Row]:
    """A draft save and a sign, on each database given (SQLite file, PostgreSQL server)."""
    from intake_desktop.services import (
        PatientDetails,
        open_database,
        register_patient,
        save_draft,
        sign_visit,
        start_draft,
    )

    case = json.loads((EXAMPLES / "04_mild_candidate.json").read_text())
    rows = []
    for name, url in urls.items():
        db = open_database(url)
        patient = register_patient(
            db,
            PatientDetails(name="Bench Mark", date_of_birth=date(1951, 5, 5)),
            actor=bench_actor(),
        )
        draft = start_draft(db, patient.id, case, actor=bench_actor())
        state = {"version": draft.version, "n": 0}

        def save() -> None:
            state["n"] += 1
            data = {
                **case,
                "history": {**case["history"], "standing_tolerance_min": state["n"] % 60},
            }
            saved = save_draft(
                db, draft.visit_id, data, expected_version=state["version"], actor=bench_actor()
            )
            state["version"] = saved.version

        saves = timed(save, repeat=200, warmup=10)
        row = Row(f"draft save ({name})", saves)
        rows.append(row.check(p95_at_most=20) if name.startswith("SQLite") else row)
        drafts = [start_draft(db, patient.id, case, actor=bench_actor()) for _ in range(60)]
        it = iter(drafts)

        def sign() -> None:
            d = next(it)
            sign_visit(db, d.visit_id, expected_version=d.version, actor=bench_actor(), **SIGN_OFF)

        rows.append(Row(f"sign ({name})", timed(sign, repeat=50, warmup=5)))
        db.dispose()
    return rows


def temp_sqlite_url(*, encrypt: bool = False) -> str:
    """A new SQLite file, plain or encrypted (its key unclaimed: no users in it)."""
    from intake_desktop.storage.database import open_database

    folder = Path(tempfile.mkdtemp(prefix="intake-bench-"))
    url = f"sqlite:///{folder / 'bench.db'}"
    open_database(url, encrypt=encrypt).dispose()
    return url
