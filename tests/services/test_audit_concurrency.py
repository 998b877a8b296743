"""Many workstations appending to the audit trail at once (issue 20, workstations under load).

The chain's head row serialises appends; it is taken at the end of each transaction (see
``storage.audit``), so an operation in progress on one workstation no longer holds up every
other workstation's audited operations. Whatever the interleaving, the trail stays one chain:
numbers 1, 2, 3 ... without a gap or a repeat, each entry following the one before it.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select, update

from intake_desktop import services as s
from intake_desktop.storage.audit import NewEntry, append_entry, verify_chain
from intake_desktop.storage.models import AuditEntry, AuditHead, Visit
from tests.actors import as_user, open_unlocked

from .conftest import load_example

WORKSTATIONS = 6
ROUNDS = 8


def _work(url: str, index: int, patient_id: int, case: dict[str, Any], go: threading.Barrier,
          failures: list[str]) -> None:  # fmt: skip
    """One workstation: a draft, then views and autosaves of it as fast as it can."""
    db = open_unlocked(url)
    actor = as_user(f"ws{index}")
    try:
        go.wait(timeout=60)
        draft = s.start_draft(db, patient_id, case, actor=actor)
        version = draft.version
        for _ in range(ROUNDS):
            s.get_patient(db, patient_id, actor=actor)
            version = s.save_draft(db, draft.visit_id, case, expected_version=version,
                                   actor=actor).version  # fmt: skip
    except Exception as exc:  # reported by the test, which fails on any
        failures.append(f"workstation {index}: {type(exc).__name__}: {exc}")
    finally:
        db.dispose()


def test_concurrent_writers_leave_one_chain_without_gaps_or_repeats(
    database_url, database, patient, lumbar_case
) -> None:
    with database.session() as session:
        before = session.scalar(select(AuditHead.last_seq))
    go = threading.Barrier(WORKSTATIONS)
    failures: list[str] = []
    threads = [
        threading.Thread(
            target=_work, args=(database_url, i, patient.id, lumbar_case, go, failures)
        )
        for i in range(WORKSTATIONS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert failures == []
    with database.session() as session:
        assert verify_chain(session) == []
        seqs = list(session.scalars(select(AuditEntry.seq).order_by(AuditEntry.seq)))
        head = session.scalar(select(AuditHead.last_seq))
        ours = Counter(
            (e.workstation, e.username, e.action)
            for e in session.scalars(select(AuditEntry).where(AuditEntry.seq > before))
        )
    assert seqs == list(range(1, head + 1))  # no gap, no repeat, nothing beyond the head
    # Every operation left exactly its one entry: a start, and a view and a save per round.
    assert head - before == WORKSTATIONS * (1 + 2 * ROUNDS)
    for i in range(WORKSTATIONS):
        assert ours[("test-workstation", f"ws{i}", "visit.start")] == 1
        assert ours[("test-workstation", f"ws{i}", "patient.view")] == ROUNDS
        assert ours[("test-workstation", f"ws{i}", "visit.save")] == ROUNDS


@pytest.fixture
def postgres_url(postgres_server) -> Iterator[str]:
    """A fresh PostgreSQL database (this behaviour is PostgreSQL's: SQLite has one writer)."""
    name = postgres_server.create_database(template=postgres_server.TEMPLATE)
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.mark.postgres
def test_an_operation_in_progress_does_not_hold_up_other_workstations(postgres_url) -> None:
    """A transaction that has queued its entry and written its visit, but not committed, holds
    its visit's row only: another workstation's audited save goes through meanwhile (before,
    it waited on the head row until the first committed)."""
    case = load_example("01_lumbar_early")
    db = open_unlocked(postgres_url)
    # The other workstation gives up on a lock after 3 s rather than wait for ever.
    other = open_unlocked(f"{postgres_url}?options=-c%20lock_timeout%3D3000")
    try:
        details = s.PatientDetails(name="María García López", date_of_birth=date(1958, 3, 2),
                                   record_number="MRN-0001")  # fmt: skip
        patient = s.register_patient(db, details, actor=as_user("a"))
        case["patient"]["id"] = patient.record_number
        first = s.start_draft(db, patient.id, case, actor=as_user("a"))
        second = s.start_draft(db, patient.id, case, actor=as_user("b"))
        with db.session() as slow, slow.begin():
            entry = NewEntry("a", "ws-a", "visit.save", "allowed", visit_id=first.visit_id)
            append_entry(slow, entry)
            mine = update(Visit).where(Visit.id == first.visit_id).values(updated_by="a")
            slow.execute(mine.execution_options(synchronize_session=False))
            saved = s.save_draft(other, second.visit_id, case,
                                 expected_version=second.version, actor=as_user("b"))  # fmt: skip
            assert saved.version == second.version + 1
        with db.session() as session:
            assert verify_chain(session) == []
            last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(2))
            assert [(e.username, e.visit_id) for e in last] == [
                ("a", first.visit_id),  # committed last, so written last
                ("b", second.visit_id),
            ]
    finally:
        other.dispose()
        db.dispose()


@pytest.mark.parametrize(
    "username, detail",
    [
        ("María Núñez", None),
        ('"prev_hash":"","seq":0,', '"patient_id":0,"prev_hash":"","seq":0,'),
        ("back\\slash", "tab\there, new\nline, 漢字 and 🙂"),
    ],
)
def test_entries_hashed_by_the_server_verify_whatever_they_hold(
    database, patient, lumbar_case, username: str, detail: str | None
) -> None:
    """On PostgreSQL the server hashes the entry's canonical text (``storage.audit_pg``); the
    chain check recomputes it in Python: the two agree for any text, even text that looks like
    the places where the server puts the number and the previous hash."""
    draft = s.start_draft(database, patient.id, lumbar_case, actor=as_user("a"))
    for visit_id, patient_id in ((draft.visit_id, None), (None, patient.id), (None, None)):
        with database.session() as session, session.begin():
            append_entry(session, NewEntry(username, "ws", "visit.view", "allowed",
                                           visit_id=visit_id, patient_id=patient_id,
                                           detail=detail))  # fmt: skip
    with database.session() as session:
        assert verify_chain(session) == []
        last = list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(3)))
    assert [(e.username, e.detail, e.patient_id) for e in last] == [
        (username, detail, None),
        (username, detail, patient.id),
        (username, detail, patient.id),  # the visit's patient, looked up
    ]


def test_an_entry_is_never_queued_inside_a_savepoint(database) -> None:
    """The queue is written with the whole transaction: an entry queued in a savepoint that
    then rolled back would still be written, so queuing one there is refused outright."""
    with database.session() as session, session.begin():
        with session.begin_nested(), pytest.raises(RuntimeError, match="savepoint"):
            append_entry(session, NewEntry("a", "ws", "visit.view", "allowed"))
        append_entry(session, NewEntry("a", "ws", "visit.view", "allowed"))
    with database.session() as session:
        assert verify_chain(session) == []
        newest = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert newest is not None and (newest.username, newest.action) == ("a", "visit.view")
