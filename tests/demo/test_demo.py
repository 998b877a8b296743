"""The demo clinic: valid cases, the engine's real plans, every kind of visit, reproducible."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import select

from intake_desktop.demo import build_demo, random_prefixes
from intake_desktop.demo.people import PeopleFactory
from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.validation import parse_case
from intake_desktop.services import search_patients, visit_versions
from intake_desktop.services.signature_check import signature_problem
from intake_desktop.storage.models import Patient, Visit
from tests.actors import READER


def test_demo_visits_are_valid_cases_with_their_real_plans(database) -> None:
    seen: list[tuple[int, int]] = []
    result = build_demo(
        database, 120, batch_size=50, progress=lambda d, t: seen.append((d, t)), seed=5
    )
    assert seen == [(0, 120), (50, 120), (100, 120), (120, 120)]
    assert result.patients == 120 and 120 <= result.visits <= 600
    with database.session() as session:
        visits = session.scalars(select(Visit)).all()
        patients = {p.id: p for p in session.scalars(select(Patient))}
        assert len(visits) == result.visits and len(patients) == 120
        statuses = Counter(v.status for v in visits)
        assert statuses["signed"] and statuses["draft"] and statuses["amended"], statuses
        patterns = set()
        for v in visits:
            patient = patients[v.patient_id]
            if v.status == "draft":
                assert v.draft_data["patient"]["id"] == patient.record_number
                continue
            case = parse_case(v.case_data, today=date.today())
            assert case.patient.date_of_birth == patient.date_of_birth
            assert v.plan == evaluate(case).to_dict()
            assert v.computed_level == v.plan["level"]
            assert (v.final_level != v.computed_level) == bool(v.override_reason)
            patterns.add(v.plan["pattern"])
            # Signed as a signing would have: the identification kept, the hash verifying.
            assert v.signed_identity["record_number"] == patient.record_number
            assert signature_problem(session, v) is None and v.signature_hash
            if v.status == "amended":
                versions = visit_versions(database, v.id, actor=READER)
                assert [x.revision for x in versions] == [0, 1]
                assert versions[0].plan == evaluate(parse_case(versions[0].case_data)).to_dict()
    assert len(patterns) >= 4, patterns


def test_demo_is_searchable_and_continues_numbering(database) -> None:
    build_demo(database, 30, seed=9)
    build_demo(database, 30, seed=9)
    found = search_patients(database, "demo-0000060", actor=READER)
    assert [p.record_number for p in found] == ["DEMO-0000060"]
    person = PeopleFactory(9 + 1).make(1)
    assert person.name in [p.name for p in search_patients(database, person.name, actor=READER)]
    assert all(len(p) == 3 for p in random_prefixes(5))


def test_the_demo_makes_a_day_on_the_board(database) -> None:
    """Two dozen patients booked around midday: the morning's done, some waiting (one with a
    red flag, on top), the afternoon expected; each visit's status agrees with its state."""
    from datetime import timedelta

    from intake_desktop.demo.visits import DAY_SIZE
    from intake_desktop.services import board

    day = date.today() - timedelta(days=1)  # noon on that day: the states do not hang on the clock
    build_demo(database, 60, batch_size=20, seed=7, today=day)
    rows = board.day_board(database, day, actor=READER)
    assert len(rows) == DAY_SIZE
    states = Counter(r.state for r in rows)
    assert set(states) == {"expected", "checked_in", "answering", "ready", "with_clinician",
                           "signed", "printed"}  # fmt: skip
    assert rows[0].urgency == "urgent" and rows[0].red_flags == ("foot_drop",)
    for row in rows:
        if row.state == "expected":
            assert row.visit_id is None
        else:
            assert row.visit_status == ("signed" if row.state in ("signed", "printed") else "draft")
        assert [s for s, _ in row.timeline][-1] == row.state


def test_worker_processes_make_the_same_clinic_and_the_memo_agrees(database, monkeypatch) -> None:
    """Visits made in worker processes, with plans and cases remembered and every reuse checked
    against the engine, are the rows one process makes (what the cache of benchmark clinics
    relies on); the audit chain verifies after the bulk writes."""
    from intake_desktop.demo.visits import PlanMemo
    from intake_desktop.services import verify_audit
    from intake_desktop.storage.database import open_database

    monkeypatch.setattr(PlanMemo, "CHECK_EVERY", 1)
    day = date.today()
    build_demo(database, 150, batch_size=40, seed=3, today=day, workers=2)
    url = database.url
    other_url = url.set(database=url.database + "-single") if database.dialect == "sqlite" else None
    columns = (
        Visit.patient_id, Visit.visit_date, Visit.status, Visit.case_data, Visit.draft_data,
        Visit.plan, Visit.final_level, Visit.signature_hash, Visit.urgency, Visit.red_flag_codes,
    )  # fmt: skip

    def rows(db) -> list[tuple]:
        with db.session() as session:
            return [tuple(r) for r in session.execute(select(*columns).order_by(Visit.id))]

    with_workers = rows(database)
    assert with_workers
    assert verify_audit(database, actor=READER) == []
    if other_url is not None:
        with open_database(other_url, encrypt=False) as single:
            build_demo(single, 150, batch_size=40, seed=3, today=day, workers=0)
            assert rows(single) == with_workers
