"""Drafts as typed, signing with the plan as computed, amendments that keep every version."""

from __future__ import annotations

import copy
from datetime import date

import pytest
from sqlalchemy import text

from intake_desktop.domain.engine import RULES_VERSION
from intake_desktop.services import (
    amend_visit,
    discard_draft,
    export_case,
    get_visit,
    get_visit_version,
    list_drafts,
    patient_visits,
    save_draft,
    sign_visit,
    start_draft,
    todays_visits,
    visit_versions,
)
from intake_desktop.services.errors import (
    CaseInvalidError,
    ConflictError,
    InputError,
    NotFoundError,
    VisitLockedError,
)
from intake_desktop.storage.models import Visit
from tests.actors import READER, as_user
from tests.signing import SIGN_OFF

from .conftest import AUTHOR


def test_a_draft_keeps_whatever_was_typed(database, patient) -> None:
    half_typed = {"format": "spine-intake-case/1", "history": {"duration_weeks": "fo"}}
    saved = start_draft(database, patient.id, half_typed, actor=as_user(AUTHOR))
    assert saved.version == 1
    visit = get_visit(database, saved.visit_id, actor=READER)
    assert visit.status == "draft"
    assert visit.draft_data == half_typed
    assert visit.visit_date == date.today()
    more = {**half_typed, "visit_date": "2026-11-20", "red_flags": ["fever"]}
    again = save_draft(database, saved.visit_id, more, expected_version=1, actor=as_user(AUTHOR))
    assert again.version == 2
    visit = get_visit(database, saved.visit_id, actor=READER)
    assert visit.draft_data == more
    assert visit.visit_date == date(2026, 11, 20)
    assert export_case(database, saved.visit_id, actor=READER) == more


def test_draft_must_be_json(database, patient) -> None:
    with pytest.raises(InputError) as err:
        start_draft(database, patient.id, {"x": object()}, actor=as_user(AUTHOR))
    assert err.value.field == "draft"
    with pytest.raises(InputError):
        start_draft(database, patient.id, {"x": float("nan")}, actor=as_user(AUTHOR))
    with pytest.raises(NotFoundError):
        start_draft(database, 999, {}, actor=as_user(AUTHOR))


def test_open_drafts_can_be_listed_and_reopened(database, patient, lumbar_case) -> None:
    mine = start_draft(database, patient.id, lumbar_case, actor=as_user(AUTHOR))
    theirs = start_draft(database, patient.id, {"note": "other"}, actor=as_user("dr.cuddy"))
    assert [d.id for d in list_drafts(database, author=AUTHOR, actor=READER)] == [mine.visit_id]
    assert {d.id for d in list_drafts(database, actor=READER)} == {mine.visit_id, theirs.visit_id}
    assert {d.id for d in list_drafts(database, patient_id=patient.id, actor=READER)} == {
        mine.visit_id,
        theirs.visit_id,
    }
    discard_draft(database, theirs.visit_id, expected_version=1, actor=as_user("dr.cuddy"))
    assert [d.id for d in list_drafts(database, actor=READER)] == [mine.visit_id]
    assert get_visit(database, theirs.visit_id, actor=READER).draft_data == {
        "note": "other"
    }  # kept


def test_sign_stores_case_plan_and_rules_version(database, patient, lumbar_case) -> None:
    draft = start_draft(database, patient.id, lumbar_case, actor=as_user(AUTHOR))
    signed = sign_visit(
        database, draft.visit_id, expected_version=1, actor=as_user("dr.wilson"), **SIGN_OFF
    )
    assert signed.status == "signed" and signed.is_signed
    assert signed.case_data == lumbar_case
    assert signed.plan is not None
    assert signed.plan["rules_version"] == signed.rules_version == RULES_VERSION
    assert signed.computed_level == signed.final_level == signed.plan["level"] == "conservative"
    assert not signed.level_overridden
    assert signed.signed_by == "dr.wilson"
    assert signed.revision == 0
    assert get_visit(database, draft.visit_id, actor=READER) == signed
    assert [v.revision for v in visit_versions(database, draft.visit_id, actor=READER)] == [0]
    summary = patient_visits(database, patient.id, actor=READER)[0]
    assert (summary.id, summary.level, summary.status) == (draft.visit_id, "conservative", "signed")


def test_override_needs_a_reason(database, patient, lumbar_case) -> None:
    draft = start_draft(database, patient.id, lumbar_case, actor=as_user(AUTHOR))
    with pytest.raises(InputError) as err:
        sign_visit(
            database,
            draft.visit_id,
            expected_version=1,
            actor=as_user(AUTHOR),
            override_level="interventional",
            override_reason="  ",
            **SIGN_OFF,
        )
    assert err.value.field == "override_reason"
    with pytest.raises(InputError) as err:
        sign_visit(
            database,
            draft.visit_id,
            expected_version=1,
            actor=as_user(AUTHOR),
            override_level="magic",
            override_reason="why not",
            **SIGN_OFF,
        )
    assert err.value.field == "override_level"
    signed = sign_visit(
        database,
        draft.visit_id,
        expected_version=1,
        actor=as_user(AUTHOR),
        override_level="interventional",
        override_reason="patient travels far; prefers now",
        **SIGN_OFF,
    )
    assert signed.final_level == "interventional"
    assert signed.computed_level == "conservative"
    assert signed.level_overridden
    assert signed.override_reason == "patient travels far; prefers now"


def test_an_invalid_draft_cannot_be_signed(database, patient, lumbar_case) -> None:
    bad = copy.deepcopy(lumbar_case)
    bad["history"]["duration_weeks"] = "forty"
    draft = start_draft(database, patient.id, bad, actor=as_user(AUTHOR))
    with pytest.raises(CaseInvalidError) as err:
        sign_visit(database, draft.visit_id, expected_version=1, actor=as_user(AUTHOR), **SIGN_OFF)
    assert err.value.field == "history.duration_weeks"
    assert err.value.exit_code == 2
    assert get_visit(database, draft.visit_id, actor=READER).status == "draft"


def test_the_case_must_belong_to_the_visits_patient(database, patient, lumbar_case) -> None:
    other = copy.deepcopy(lumbar_case)
    other["patient"]["date_of_birth"] = "1960-01-01"
    draft = start_draft(database, patient.id, other, actor=as_user(AUTHOR))
    with pytest.raises(InputError) as err:
        sign_visit(database, draft.visit_id, expected_version=1, actor=as_user(AUTHOR), **SIGN_OFF)
    assert err.value.field == "patient.date_of_birth"
    other["patient"] = {**lumbar_case["patient"], "id": "MRN-0002"}
    save_draft(database, draft.visit_id, other, expected_version=1, actor=as_user(AUTHOR))
    with pytest.raises(InputError) as err:
        sign_visit(database, draft.visit_id, expected_version=2, actor=as_user(AUTHOR), **SIGN_OFF)
    assert err.value.field == "patient.id"


def test_a_signed_visit_is_immutable(database, patient, lumbar_case) -> None:
    draft = start_draft(database, patient.id, lumbar_case, actor=as_user(AUTHOR))
    signed = sign_visit(
        database, draft.visit_id, expected_version=1, actor=as_user(AUTHOR), **SIGN_OFF
    )
    for version in (1, signed.version):
        with pytest.raises(VisitLockedError) as err:
            save_draft(
                database, draft.visit_id, {"x": 1}, expected_version=version, actor=as_user("b")
            )
        assert err.value.exit_code == 4
        assert "amendment" in str(err.value)
    with pytest.raises(VisitLockedError):
        sign_visit(
            database,
            draft.visit_id,
            expected_version=signed.version,
            actor=as_user(AUTHOR),
            **SIGN_OFF,
        )
    with pytest.raises(VisitLockedError):
        discard_draft(
            database, draft.visit_id, expected_version=signed.version, actor=as_user(AUTHOR)
        )
    assert get_visit(database, draft.visit_id, actor=READER) == signed


def test_amendment_keeps_every_earlier_version(database, patient, lumbar_case) -> None:
    draft = start_draft(database, patient.id, lumbar_case, actor=as_user(AUTHOR))
    v0 = sign_visit(
        database, draft.visit_id, expected_version=1, actor=as_user("dr.wilson"), **SIGN_OFF
    )
    changed = copy.deepcopy(lumbar_case)
    changed["red_flags"] = ["fever"]
    with pytest.raises(InputError) as err:
        amend_visit(
            database,
            v0.id,
            changed,
            expected_version=v0.version,
            actor=as_user(AUTHOR),
            reason=" ",
            **SIGN_OFF,
        )
    assert err.value.field == "reason"
    v1 = amend_visit(
        database,
        v0.id,
        changed,
        expected_version=v0.version,
        actor=as_user("dr.cuddy"),
        reason="fever reported by phone after the visit",
        **SIGN_OFF,
    )
    assert v1.status == "amended"
    assert v1.revision == 1
    assert v1.amendment_reason == "fever reported by phone after the visit"
    assert v1.signed_by == "dr.cuddy"
    assert v1.final_level == "urgent"
    with pytest.raises(ConflictError):  # the version read before the amendment is stale
        amend_visit(
            database,
            v0.id,
            lumbar_case,
            expected_version=v0.version,
            actor=as_user("x"),
            reason="late",
            **SIGN_OFF,
        )
    versions = visit_versions(database, v0.id, actor=READER)
    assert [v.revision for v in versions] == [0, 1]
    first = versions[0]
    assert first.case_data == lumbar_case
    assert first.plan == v0.plan
    assert first.final_level == "conservative"
    assert first.signed_by == "dr.wilson"
    assert first.superseded_by == "dr.cuddy"
    assert versions[1].superseded_at is None
    assert versions[1].case_data == changed
    assert get_visit_version(database, v0.id, 0, actor=READER) == first
    assert export_case(database, v0.id, actor=READER) == changed
    with pytest.raises(NotFoundError):
        get_visit_version(database, v0.id, 7, actor=READER)


def test_the_stored_plan_is_returned_verbatim(database, patient, lumbar_case) -> None:
    """A signed plan never changes, even when the rules (and so the engine's answer) do."""
    draft = start_draft(database, patient.id, lumbar_case, actor=as_user(AUTHOR))
    signed = sign_visit(
        database, draft.visit_id, expected_version=1, actor=as_user(AUTHOR), **SIGN_OFF
    )
    # Stand in for a plan computed by last year's rules: what is stored is what comes back.
    old_plan = {
        **signed.plan,
        "rules_version": "2019.1.0",
        "level": "interventional",
        "note": "ünïcode ≤ 0.90",
        "ratio": 0.1 + 0.2,
    }
    # A signed visit is never updated in place (migration 0006), so the old visit is written as
    # a new signed row, as an older version of the program would have stored it.
    columns = [c.name for c in Visit.__table__.columns if c.name != "id"]
    values = {"plan": ":plan", "rules_version": "'2019.1.0'"}
    with database.engine.begin() as conn:
        new_id = conn.execute(
            text(
                f"INSERT INTO visits ({', '.join(columns)}) "
                f"SELECT {', '.join(values.get(c, c) for c in columns)} FROM visits "
                "WHERE id = :id RETURNING id"
            ),
            {"plan": __import__("json").dumps(old_plan), "id": signed.id},
        ).scalar_one()
    signed = get_visit(database, new_id, actor=READER)
    again = get_visit(database, signed.id, actor=READER)
    assert again.plan == old_plan
    assert again.plan["ratio"] == 0.1 + 0.2
    assert list(again.plan) == list(old_plan)  # key order too
    assert again.rules_version == "2019.1.0"
    # An amendment stores a new plan, and the old one stays as it was, rules version and all.
    amended = amend_visit(
        database,
        signed.id,
        lumbar_case,
        expected_version=again.version,
        actor=as_user(AUTHOR),
        reason="typo in pain score",
        **SIGN_OFF,
    )
    assert amended.rules_version == RULES_VERSION
    first = visit_versions(database, signed.id, actor=READER)[0]
    assert first.plan == old_plan
    assert first.rules_version == "2019.1.0"


def test_todays_visits(database, patient, lumbar_case) -> None:
    today = {"format": "spine-intake-case/1", "visit_date": date.today().isoformat()}
    a = start_draft(database, patient.id, today, actor=as_user(AUTHOR))
    b = start_draft(database, patient.id, lumbar_case, actor=as_user(AUTHOR))  # dated 2026-11-20
    ids = [v.id for v in todays_visits(database, actor=READER)]
    assert a.visit_id in ids
    assert b.visit_id not in ids or date.today() == date(2026, 11, 20)
    assert [v.id for v in todays_visits(database, date(2026, 11, 20), actor=READER)][
        -1
    ] == b.visit_id
    summary = todays_visits(database, actor=READER)[0]
    assert summary.patient_name == "María García López"
    assert summary.record_number == "MRN-0001"


def test_an_open_amendment_is_listed_and_counted_as_open_work(database, patient, lumbar_case):
    from intake_desktop.services import count_drafts, open_amendment

    draft = start_draft(database, patient.id, lumbar_case, actor=as_user(AUTHOR))
    signed = sign_visit(database, draft.visit_id, expected_version=draft.version,
                        actor=as_user(AUTHOR), **SIGN_OFF)  # fmt: skip
    assert list_drafts(database, actor=READER) == []
    assert count_drafts(database, actor=READER) == 0
    opened = open_amendment(database, signed.id, "duration misheard",
                            expected_version=signed.version, actor=as_user(AUTHOR))  # fmt: skip
    (listed,) = list_drafts(database, patient_id=patient.id, actor=READER)
    assert (listed.id, listed.status, listed.amending) == (signed.id, "signed", True)
    assert [d.id for d in list_drafts(database, author=AUTHOR, actor=READER)] == [signed.id]
    assert count_drafts(database, actor=READER) == 1
    assert count_drafts(database, actor=READER, patient_id=patient.id) == 1
    assert [v.amending for v in patient_visits(database, patient.id, actor=READER)] == [True]
    # Abandoned (the signed version stays), it is no longer open work.
    dropped = discard_draft(database, signed.id, expected_version=opened.version,
                            actor=as_user(AUTHOR))  # fmt: skip
    assert dropped.status == "signed" and not dropped.amending
    assert count_drafts(database, actor=READER) == 0
    # Opened again and signed: the same.
    opened = open_amendment(database, signed.id, "duration misheard",
                            expected_version=dropped.version, actor=as_user(AUTHOR))  # fmt: skip
    assert count_drafts(database, actor=READER) == 1
    sign_visit(database, signed.id, expected_version=opened.version, actor=as_user(AUTHOR),
               **SIGN_OFF)  # fmt: skip
    assert list_drafts(database, actor=READER) == []
    assert count_drafts(database, actor=READER) == 0


def test_open_drafts_are_found_through_indexes_not_by_reading_every_visit(
    sqlite_template, tmp_path
) -> None:
    """Listing open amendments with the drafts must not read every signed visit (the count is
    read after each save: 0.7 ms on 150,000 signed visits, against 220-300 ms through the status
    index), nor sort every draft before the first page (57 ms at 7,389 drafts, one statement
    with an OR): the drafts come in their index's order, the amendments through their own."""
    from sqlalchemy import func, select

    from intake_desktop.services.visit_queries import _OPEN_WORK, open_work_statements
    from tests.actors import copy_database, open_unlocked

    path = tmp_path / "plan.sqlite3"
    copy_database(sqlite_template, path)
    db = open_unlocked(f"sqlite:///{path}")

    def plan_of(stmt) -> list[str]:
        sql = str(stmt.compile(db.engine, compile_kwargs={"literal_binds": True}))
        with db.engine.connect() as conn:
            return [row[3] for row in conn.execute(text("EXPLAIN QUERY PLAN " + sql))]

    try:
        for author in (None, AUTHOR):
            drafts, amendments = open_work_statements(author, None, 100)
            for step in plan_of(drafts) + plan_of(amendments):
                assert not step.startswith("SCAN visits"), step
            assert any("ix_visits_status_updated_at" in s for s in plan_of(drafts))
            assert not any("TEMP B-TREE" in s for s in plan_of(drafts))  # the page, at once
            assert any("ix_visits_pending_amendment" in s for s in plan_of(amendments))
            for kind in _OPEN_WORK:
                counted = plan_of(select(func.count()).select_from(Visit).where(*kind))
                assert not any(s.startswith("SCAN visits") for s in counted), counted
    finally:
        db.dispose()
