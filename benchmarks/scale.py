"""Scale: the same figures at 5,000, 50,000 and 500,000 patients, on SQLite and PostgreSQL.

Each clinic is built once with ``demo`` on each database (the figure "patients per second",
recorded when it was built) and cached: the SQLite file by :mod:`benchmarks.clinic`, the
PostgreSQL database in a cluster kept under ``benchmarks/.cache`` by :mod:`benchmarks.pg_clinic`.
For every clinic: search p95 per kind of query against the same statements replayed raw (DBAPI),
opening a patient with 30 signed visits and their trends, and the peak memory of the app
searched and scrolled through every row it can fetch. Targets (issue 20): search p95 ≤ 30 ms and
≤ 3× the raw statement, memory ≤ 300 MB.
"""

from __future__ import annotations

import copy
import json
import random
import sqlite3
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from benchmarks.services_figures import SIGN_OFF, _middle, bench_actor, search_statements
from benchmarks.stats import Row, timed, timed_against_floor

ROOT = Path(__file__).resolve().parents[1]
CASE = json.loads((ROOT / "tests" / "data" / "examples" / "04_mild_candidate.json").read_text())
TREND_RECORD = "TREND-30"
QUERIES_PER_KIND = 60


def scale_rows(sizes: list[int], dialects: list[str], pg_copy: int | None = None) -> list[Row]:
    """Every figure at every size, SQLite first, then PostgreSQL (one cached cluster).

    A PostgreSQL clinic missing from the cache is built with ``demo``, or, from ``pg_copy``
    patients up, copied from the SQLite clinic of the same size (benchmarks.pg_clinic)."""
    from benchmarks.clinic import build_rate, clinic_db

    rows: list[Row] = []
    server = None
    if "postgresql" in dialects:
        from benchmarks.pg_clinic import CachedPostgres
        from tests.pg_server import postgres_bindir

        bindir = postgres_bindir()
        if bindir is None:
            print("PostgreSQL binaries not found: scale measured on SQLite only", file=sys.stderr)
        else:
            server = CachedPostgres(bindir, settings=PG_SETTINGS)
            server.start()
    try:
        for size in sizes:
            urls = {}
            clinic = None
            if "sqlite" in dialects or (pg_copy is not None and size >= pg_copy):
                clinic = clinic_db(size)
            if "sqlite" in dialects and clinic is not None:
                rate = build_rate(clinic)
                if rate is not None:
                    label = f"scale {size:,} SQLite: demo build"
                    rows.append(Row(label, [rate], unit="patients/s"))
                urls["SQLite"] = f"sqlite:///{clinic}"
            if server is not None:
                from benchmarks.pg_clinic import postgres_clinic

                source = clinic if pg_copy is not None and size >= pg_copy else None
                url, record = postgres_clinic(server, size, copy_from=source)
                if record is not None and not record.get("copied"):
                    label = f"scale {size:,} PostgreSQL: demo build"
                    rate = record["patients"] / record["seconds"]
                    rows.append(Row(label, [rate], unit="patients/s"))
                urls["PostgreSQL"] = url
            for name, url in urls.items():
                rows.extend(clinic_rows(url, f"scale {size:,} {name}"))
    finally:
        if server is not None:
            server.stop()
    return rows


#: The cached cluster's memory: enough to keep the search tables of 500,000 patients cached,
#: as a clinic's server would be sized (README, "A clinic network").
PG_SETTINGS = {"shared_buffers": "1GB"}


def copy_to_postgres(clinic: Path, url: str) -> None:
    """Copy every table of the SQLite ``clinic`` into the empty, migrated database at ``url``."""
    import psycopg
    from sqlalchemy import make_url

    from intake_desktop.services import open_database
    from intake_desktop.storage.models import Base

    open_database(url).dispose()  # the schema, through the migrations as always
    u = make_url(url)
    raw = sqlite3.connect(clinic)
    info = f"host={u.host} port={u.port} user={u.username} dbname={u.database}"
    with psycopg.connect(info) as pg, pg.cursor() as cur:
        for table in Base.metadata.sorted_tables:
            cols = [c.name for c in table.columns]
            names = ", ".join(f'"{c}"' for c in cols)
            cur.execute(f'DELETE FROM "{table.name}"')
            bools = [i for i, c in enumerate(table.columns) if c.type.python_type is bool]
            with cur.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as out:
                for row in raw.execute(f'SELECT {names} FROM "{table.name}"'):
                    if bools:
                        row = tuple(bool(v) if i in bools and v is not None else v
                                    for i, v in enumerate(row))  # fmt: skip
                    out.write_row(row)
            if "id" in cols:
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f'coalesce(max(id), 0) + 1, false) FROM "{table.name}"'
                )
        cur.execute("ANALYZE")
    raw.close()


def _dbapi(url: str) -> Any:
    """A raw DBAPI connection to the same database: the floor of every search."""
    from sqlalchemy import make_url

    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return sqlite3.connect(u.database)
    import psycopg

    info = f"host={u.host} port={u.port} user={u.username} dbname={u.database}"
    return psycopg.connect(info, autocommit=True)


def replay(raw: Any, statements: list[tuple[str, Any]]) -> None:
    """Run captured statements through the raw connection and fetch every row, as the app does."""
    cur = raw.cursor()
    for sql, params in statements:
        cur.execute(sql, params)
        cur.fetchall()


def query_kinds(raw: Any, rng: random.Random) -> dict[str, list[str]]:
    """What a front desk types, per kind of query, from patients of this clinic."""
    cur = raw.cursor()
    limit = QUERIES_PER_KIND * 20
    cur.execute(
        "SELECT name, record_number, date_of_birth FROM patients "
        f"WHERE record_number LIKE 'DEMO-%' ORDER BY id LIMIT {limit}"
    )
    people = rng.sample(cur.fetchall(), QUERIES_PER_KIND)
    words = [p[0].split() for p in people]
    numbers = [p[1] for p in people]
    births = [str(p[2]) for p in people]
    return {
        "name prefix": [w[rng.randrange(len(w))][: rng.randint(1, 5)] for w in words],
        "record number": [n[: rng.randint(6, len(n))] for n in numbers],
        "record number part": [_middle(n, rng) for n in numbers],
        "date of birth": births,
        "year of birth": [b[:4] for b in births],
        "surname given": [f"{w[-1]} {w[0]}" for w in words],
        "partial words of both": [
            f"{w[-1][: rng.randint(2, 4)]} {w[0][: rng.randint(1, 3)]}" for w in words
        ],
    }


def clinic_rows(url: str, label: str) -> list[Row]:
    """Search per kind, the 30-visit patient and their trends, the app's peak memory."""
    from intake_desktop.services import open_database, search_patients

    rows = []
    db = open_database(url)
    raw = _dbapi(url)
    try:
        for kind, queries in query_kinds(raw, random.Random(11)).items():
            statements = search_statements(url, queries, 50)
            app, floor = timed_against_floor(
                lambda q: search_patients(db, q, 50, actor=bench_actor()),
                lambda sql: replay(raw, sql),
                list(zip(queries, statements, strict=True)),
                warmup=10,
            )
            row = Row(f"{label}: search {kind}", app, floor=floor)
            rows.append(row.check(p95_at_most=30, p95_ratio_at_most=3))
        if db.dialect != "sqlite":
            # What a search costs beyond its statements: the pool's liveness check, BEGIN and
            # the end of the transaction are a round trip each (the raw floor runs autocommit).
            cur = raw.cursor()
            trip = timed(lambda: cur.execute("SELECT 1") and cur.fetchall(), repeat=200)
            rows.append(Row(f"{label}: one round trip to the server (raw SELECT 1)", trip))
        rows.append(trend_row(db, label))
    finally:
        db.dispose()
        raw.close()
    rows.append(memory_row(url, label))
    return rows


def thirty_visits(db: Any) -> int:
    """The id of a patient with 30 signed visits (made once in this database)."""
    from intake_desktop.services import (
        PatientDetails,
        find_patient,
        register_patient,
        sign_visit,
        start_draft,
    )

    actor = bench_actor()
    found = find_patient(db, TREND_RECORD, actor=actor)
    if found is not None:
        return found.id
    born = date.fromisoformat(CASE["patient"]["date_of_birth"])
    patient = register_patient(
        db, PatientDetails(name="Trend Thirty", date_of_birth=born, record_number=TREND_RECORD),
        actor=actor,
    )  # fmt: skip
    first = date.fromisoformat(CASE["visit_date"])
    for k in range(30):
        case = copy.deepcopy(CASE)
        case["visit_date"] = (first + timedelta(days=k // 2)).isoformat()
        case["patient"] = {**case["patient"], "id": TREND_RECORD}
        case["history"]["pain_nrs"] = {"back": 3 + k % 6, "leg": 8 - k % 5}
        draft = start_draft(db, patient.id, case, actor=actor)
        sign_visit(db, draft.visit_id, expected_version=draft.version, actor=actor, **SIGN_OFF)
    return patient.id


def trend_row(db: Any, label: str) -> Row:
    """Opening the patient as the window does: record, visit list, signed history for trends."""
    from intake_desktop.services import get_patient, patient_history, patient_visits

    pid = thirty_visits(db)
    actor = bench_actor()

    def open_patient() -> None:
        get_patient(db, pid, actor=actor)
        assert len(patient_visits(db, pid, actor=actor)) == 30
        assert len(patient_history(db, pid, actor=actor)) == 30

    return Row(f"{label}: open patient with 30 visits + trends", timed(open_patient, repeat=20))


def memory_row(url: str, label: str) -> Row:
    """Peak memory of the app started on ``url``, searched and scrolled to the end of each list."""
    from benchmarks.app_figures import BENCH_PASSWORD, BENCH_USER, _env, peak_rss
    from intake_desktop.services import add_user, create_first_admin, has_users, open_database

    with open_database(url) as db:
        if not has_users(db):
            admin = create_first_admin(db, "bench.admin", BENCH_PASSWORD)
            add_user(db, admin, BENCH_USER, BENCH_PASSWORD, ["front_desk", "clinician"])
    cmd = [sys.executable, "-m", "intake_desktop", "--db", url]
    peaks = [peak_rss(cmd, _env("scroll")) / 1024 for _ in range(2)]
    return Row(f"{label}: app peak memory, searched and scrolled", peaks, unit="MB").check(
        median_at_most=300
    )
