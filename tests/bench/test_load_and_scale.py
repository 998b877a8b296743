"""Small versions of the load and scale figures (issue 20): nothing lost, no error; no timings.

The figures themselves run with ``python -m benchmarks.run load`` / ``scale``; here a few
workstations work for a few seconds on the suite's PostgreSQL, and a clinic of a thousand-odd
patients is searched on SQLite and on its PostgreSQL copy.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from benchmarks import load, scale, workstation
from benchmarks.services_figures import bench_actor
from intake_desktop.demo import build_demo
from intake_desktop.services import open_database, search_patients
from intake_desktop.storage.database import open_database as open_plain
from tests.pg_server import PostgresServer

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def test_three_workstations_lose_nothing_and_meet_no_error(
    postgres_server: PostgresServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Quicker people: the forked workstations inherit these.
    monkeypatch.setattr(workstation, "AUTOSAVE", 0.3)
    monkeypatch.setattr(workstation, "KEYSTROKE", 0.02)
    monkeypatch.setattr(workstation, "START_WITHIN", 0.2)
    name = postgres_server.create_database()
    url = postgres_server.url(name)
    try:
        people, db = load.prepare(url, patients=150)
        db.dispose()
        result = load.run_round(url, 3, 3.0, people, None)
    finally:
        postgres_server.drop_database(name)
    assert result.errors == []
    assert result.lost == [] and result.chain_problems == 0
    assert len(result.outcomes) == 3
    for op in ("search", "open patient", "start visit", "draft save", "board refresh"):
        assert result.samples(op), op
    signed = [v for o in result.outcomes for v in o.signed]
    assert signed  # the clinicians signed, and each signature was found stored and audited
    saved = sum(len(o.saved) for o in result.outcomes)
    assert saved >= 3
    # The table the figure prints: errors and lost writes pass at zero.
    rows = {r.figure: r for r in load.round_rows(result)}
    assert rows["load N=3: errors"].verdict and rows["load N=3: lost writes"].verdict


def test_a_small_clinic_searches_alike_on_sqlite_and_its_postgresql_copy(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    path = tmp_path / "clinic.sqlite3"
    # A plain file, as the benchmark's cached clinics are: the copy reads it with sqlite3.
    with open_plain(f"sqlite:///{path}", encrypt=False) as db:
        built = build_demo(db, 1200)
    name = postgres_server.create_database()
    pg_url = postgres_server.url(name)
    try:
        scale.copy_to_postgres(path, pg_url)
        raw = sqlite3.connect(path)
        kinds = scale.query_kinds(raw, random.Random(5))
        counts = {
            t: raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("patients", "visits", "visit_versions", "audit_entries")
        }
        raw.close()
        assert counts["patients"] == 1200 and counts["visits"] == built.visits
        answers = {}
        for url in (f"sqlite:///{path}", pg_url):
            with open_database(url) as db:
                pg = scale._dbapi(url)
                cur = pg.cursor()
                for table, count in counts.items():  # nothing lost in the copy
                    cur.execute(f"SELECT count(*) FROM {table}")
                    assert cur.fetchone()[0] == count, table
                pg.close()
                answers[url] = {
                    (kind, q): [p.id for p in search_patients(db, q, 50, actor=bench_actor())]
                    for kind, queries in kinds.items()
                    for q in queries[:10]
                }
                assert any(answers[url].values())
                row = scale.trend_row(db, "t")
                assert row.samples
        # The same answers, in the same order, from either database.
        assert answers[f"sqlite:///{path}"] == answers[pg_url]
    finally:
        postgres_server.drop_database(name)
