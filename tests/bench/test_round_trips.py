"""Round trips per operation on PostgreSQL (issue 20): counted, so they cannot creep back.

A workstation's latency on a busy server is mostly waits: for the server, and for the audit
head row other workstations hold. Both are counted here from libpq's own trace
(:mod:`benchmarks.round_trips`), which does not depend on how busy the machine is.
"""

from __future__ import annotations

import psycopg
import pytest

from benchmarks import load
from benchmarks.round_trips import operation_traffic
from intake_desktop import services
from intake_desktop.storage.database import open_database
from tests.pg_server import PostgresServer

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

#: Round trips each operation takes. psycopg prepares a statement on its fifth run, which then
#: takes one round trip more (once per statement: at most two in one operation here).
ROUND_TRIPS = {"search": 1, "board refresh": 2, "start visit": 5, "draft save": 5, "sign": 7}


def test_each_operation_takes_few_round_trips_and_the_audit_head_last(
    postgres_server: PostgresServer,
) -> None:
    name = postgres_server.create_database()
    url = postgres_server.url(name)
    try:
        people, db = load.prepare(url, patients=120)
        db.dispose()
        traffic = operation_traffic(url, "load.clinician0", load.PASSWORD, people, encounters=2)
    finally:
        postgres_server.drop_database(name)
    for op, most in ROUND_TRIPS.items():
        trips = [t.round_trips for t in traffic[op]]
        assert min(trips) <= most, (op, trips)
        assert max(trips) <= most + 2, (op, trips)
        for t in traffic[op]:
            # No ping of a connection in use, and reads without BEGIN/ROLLBACK.
            assert not {";", "SELECT 1", "ROLLBACK"} & set(t.statements), (op, t.statements)
    for op in ("search", "board refresh"):
        assert all(not any(s.startswith("BEGIN") for s in t.statements) for t in traffic[op])
    for op in ("start visit", "draft save", "sign", "open patient", "print summary"):
        for t in traffic[op]:
            # Each transaction takes the head row in its last statement before COMMIT, and
            # holds it for no more (opening a patient is three audited views, three of these).
            sent = t.statements
            takes = [i for i, s in enumerate(sent) if "audit_head" in s]
            assert takes and all(sent[i + 1] == "COMMIT" for i in takes), (op, sent)
            assert all("FROM audit_head WHERE id = 1 FOR UPDATE" in sent[i] for i in takes)
            assert len(takes) == sent.count("COMMIT"), (op, sent)


def test_a_connection_the_server_ended_is_replaced_without_an_error(
    postgres_server: PostgresServer,
) -> None:
    """The pool pings only a connection that may be dead: one the server ended has something
    on its socket (the server's goodbye), so it is pinged, found dead and replaced."""
    name = postgres_server.create_database(template=postgres_server.TEMPLATE)
    url = postgres_server.url(name)
    db = open_database(url)
    try:
        with db.engine.connect() as conn:
            pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
        assert services.has_users(db)
        info = (
            f"host=127.0.0.1 port={postgres_server.port} user={postgres_server.USER} dbname={name}"
        )
        with psycopg.connect(info, autocommit=True) as admin:
            # Returns once the session is gone (its goodbye sent), as when it ended a while ago.
            ended = admin.execute("SELECT pg_terminate_backend(%s, 10000)", (pid,)).fetchone()
            assert ended == (True,)
        # Ended under the workstation, which goes on as if nothing happened.
        assert services.has_users(db)
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one() != pid
    finally:
        db.dispose()
        postgres_server.drop_database(name)
