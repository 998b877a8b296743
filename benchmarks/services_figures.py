"""Figures measured in-process through the services: search, draft save and sign, PDF export."""

from __future__ import annotations

import functools
import json
import random
import sqlite3
import tempfile
from datetime import date
from pathlib import Path

from benchmarks.stats import Row, timed

ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def bench_actor():
    """Who the timed operations run as: the front desk and a clinician (as after a sign-in).

    Made directly rather than signed in, so an argon2 verification is not part of any figure;
    each operation still checks the permission table and writes its audit entry.
    """
    from intake_desktop.services import Actor

    return Actor(None, "bench", frozenset({"front_desk", "clinician"}), "bench")


EXAMPLES = ROOT / "tests" / "data" / "examples"


def search_rows(clinic: Path) -> list[Row]:
    """Search as typed at the front desk, against the same queries run raw through sqlite3."""
    from intake_desktop.services import open_database, search_patients
    from intake_desktop.services.search import parse_date, prefix_query
    from intake_desktop.storage.search_text import normalise_text

    db = open_database(f"sqlite:///{clinic}")
    raw = sqlite3.connect(clinic)
    size = raw.execute("SELECT count(*) FROM patients").fetchone()[0]
    rng = random.Random(7)
    names = [r[0] for r in raw.execute("SELECT name FROM patients ORDER BY random() LIMIT 400")]
    numbers = [
        r[0] for r in raw.execute("SELECT record_number FROM patients ORDER BY random() LIMIT 200")
    ]
    births = [
        r[0] for r in raw.execute("SELECT date_of_birth FROM patients ORDER BY random() LIMIT 200")
    ]
    kinds = {
        # what a person types, keystroke by keystroke: 1 to 5 letters of a name
        "name prefix": [
            n.split()[rng.randrange(len(n.split()))][: rng.randint(1, 5)] for n in names
        ],
        "record number": [n[: rng.randint(6, len(n))] for n in numbers],
        "date of birth": [str(b) for b in births],
    }
    rows = []
    for kind, queries in kinds.items():
        it = iter(queries * 3)
        app = timed(
            lambda: search_patients(db, next(it), 50, actor=bench_actor()),
            repeat=len(queries),
            warmup=20,
        )
        sqls = [_raw_sql(prefix_query, normalise_text, parse_date, q) for q in queries]
        it2 = iter(sqls * 3)

        def run_raw() -> None:
            sql, params, birth_only = next(it2)
            ids = [r[1] for r in raw.execute(sql, params).fetchall()]
            if not birth_only:
                marks = ",".join("?" * len(ids))
                raw.execute(f"SELECT * FROM patients WHERE id IN ({marks})", ids).fetchall()

        floor = timed(run_raw, repeat=len(queries), warmup=20)
        rows.append(
            Row(f"search: {kind} ({size:,} patients)", app, floor=floor).check(
                p95_at_most=30, p95_ratio_at_most=3
            )
        )
    db.dispose()
    raw.close()
    return rows


def _raw_sql(prefix_query, normalise_text, parse_date, text: str):
    """The statement the service runs, compiled once and handed to sqlite3 as plain SQL."""
    from sqlalchemy.dialects import sqlite

    birth = parse_date(text)
    if birth is not None:
        sql = (
            "SELECT name, id FROM patients WHERE date_of_birth = ? "
            "ORDER BY search_name, id LIMIT 50"
        )
        return sql, (birth.isoformat(),), True
    stmt = prefix_query(normalise_text(text)).limit(108)
    compiled = stmt.compile(dialect=sqlite.dialect())
    params = tuple(compiled.params[k] for k in compiled.positiontup)
    sql = str(compiled)
    if "ORDER BY" not in sql:
        sql = sql.replace(" LIMIT", " ORDER BY 1, 2 LIMIT")
    return sql, params, False


def raw_search_floor(clinic: Path, queries: list[str]) -> list[float]:
    """The statements the search runs for ``queries``, straight through sqlite3."""
    from intake_desktop.services.search import parse_date, prefix_query
    from intake_desktop.storage.search_text import normalise_text

    raw = sqlite3.connect(clinic)
    sqls = [_raw_sql(prefix_query, normalise_text, parse_date, q) for q in queries]
    it = iter(sqls * 3)

    def run_raw() -> None:
        sql, params, birth_only = next(it)
        ids = [r[1] for r in raw.execute(sql, params).fetchall()]
        if not birth_only:
            marks = ",".join("?" * len(ids))
            raw.execute(f"SELECT * FROM patients WHERE id IN ({marks})", ids).fetchall()

    try:
        return timed(run_raw, repeat=len(queries), warmup=20)
    finally:
        raw.close()


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
        rows.append(row.check(p95_at_most=20) if name == "SQLite" else row)
        drafts = [start_draft(db, patient.id, case, actor=bench_actor()) for _ in range(60)]
        it = iter(drafts)

        def sign() -> None:
            d = next(it)
            sign_visit(db, d.visit_id, expected_version=d.version, actor=bench_actor())

        rows.append(Row(f"sign ({name})", timed(sign, repeat=50, warmup=5)))
        db.dispose()
    return rows


def temp_sqlite_url() -> str:
    folder = Path(tempfile.mkdtemp(prefix="intake-bench-"))
    return f"sqlite:///{folder / 'bench.db'}"
