"""Red flags reach every clinician: the urgency kept with each visit, alerts raised by the save
that records a flag, seen from a second workstation (a second engine), acknowledged with an
audit entry; on PostgreSQL the other workstation hears the NOTIFY on its own connection."""

from __future__ import annotations

import threading
import time

import pytest

from intake_desktop import services as s
from intake_desktop.services.errors import InputError, PermissionDenied
from tests.actors import READER, as_user, open_unlocked

from .conftest import AUTHOR

DESK = as_user("front.desk", ["front_desk"])
DOCTOR = as_user("dr.x", ["clinician"])


def _intake(case: dict) -> dict:
    """What the front desk records: the case without the clinician's part."""
    return {k: v for k, v in case.items() if k not in ("exam", "imaging", "framework")}


def _flagged(case: dict, *flags: str) -> dict:
    return {**_intake(case), "red_flags": list(flags)}


def test_a_draft_keeps_its_urgency_even_when_not_yet_valid(database, patient, lumbar_case):
    half = {"format": "spine-intake-case/1", "patient": lumbar_case["patient"],
            "visit_date": lumbar_case["visit_date"], "history": {"pain_nrs": {"back": 99}},
            "red_flags": ["bladder_bowel_dysfunction"]}  # fmt: skip
    draft = s.start_draft(database, patient.id, half, actor=DESK)
    (summary,) = s.list_drafts(database, actor=READER)
    assert (summary.id, summary.urgency) == (draft.visit_id, "emergency")
    # A finding of the exam raises its flag too (the domain decides), on a valid case.
    exam = {**lumbar_case, "exam": {**lumbar_case["exam"], "foot_drop": True}}
    s.save_draft(database, draft.visit_id, exam, expected_version=draft.version, actor=DOCTOR)
    (summary,) = s.list_drafts(database, actor=READER)
    assert summary.urgency == "urgent"
    plain = s.start_draft(database, patient.id, _intake(lumbar_case), actor=DESK)
    by_id = {v.id: v.urgency for v in s.patient_visits(database, patient.id, actor=READER)}
    assert by_id[plain.visit_id] is None


def test_a_new_red_flag_raises_one_alert_and_a_clinician_acknowledges_it(
    database, patient, lumbar_case
):
    draft = s.start_draft(database, patient.id, _intake(lumbar_case), actor=DESK)
    assert s.pending_alerts(database, actor=DOCTOR) == []
    saved = s.save_draft(database, draft.visit_id, _flagged(lumbar_case, "fever"),
                         expected_version=draft.version, actor=DESK)  # fmt: skip
    (alert,) = s.pending_alerts(database, actor=DOCTOR)
    assert (alert.visit_id, alert.level, alert.red_flags) == (draft.visit_id, "urgent", ("fever",))
    assert (alert.patient_name, alert.raised_by) == ("María García López", "front.desk")
    # Saving again with the same flag raises nothing more; a new flag raises a new alert.
    saved = s.save_draft(database, draft.visit_id, _flagged(lumbar_case, "fever"),
                         expected_version=saved.version, actor=DESK)  # fmt: skip
    assert len(s.pending_alerts(database, actor=DOCTOR)) == 1
    s.save_draft(database, draft.visit_id, _flagged(lumbar_case, "fever", "saddle_anaesthesia"),
                 expected_version=saved.version, actor=DESK)  # fmt: skip
    newest, first = s.pending_alerts(database, actor=DOCTOR)
    assert first.id == alert.id
    assert (newest.level, newest.red_flags) == ("emergency", ("saddle_anaesthesia", "fever"))

    done = s.acknowledge_alert(database, first.id, actor=DOCTOR)
    assert done.acknowledged_by == "dr.x" and done.acknowledged_at is not None
    assert [a.id for a in s.pending_alerts(database, actor=DOCTOR)] == [newest.id]
    admin = as_user("auditor", ["admin"])
    raised = s.audit_entries(database, admin, action="alert.raise")
    assert [(e.username, e.visit_id, e.patient_id) for e in raised] == [
        ("front.desk", draft.visit_id, patient.id)
    ] * 2
    (ack,) = s.audit_entries(database, admin, action="alert.acknowledge")
    assert (ack.username, ack.outcome, ack.visit_id, ack.detail) == (
        "dr.x",
        "allowed",
        draft.visit_id,
        f"alert {first.id}",
    )
    assert "García" not in " ".join(str(e) for e in [*raised, ack])
    # Twice acknowledged is once: the second clinician sees who took charge.
    again = s.acknowledge_alert(database, first.id, actor=as_user("dr.y", ["clinician"]))
    assert again.acknowledged_by == "dr.x"


def test_the_front_desk_does_not_list_alerts(database, patient, lumbar_case):
    with pytest.raises(PermissionDenied):
        s.pending_alerts(database, actor=DESK)


def test_a_second_workstation_sees_the_alert(database_url, patient, lumbar_case):
    desk, clinic = open_unlocked(database_url), open_unlocked(database_url)
    try:
        assert s.pending_alerts(clinic, actor=DOCTOR) == []
        s.start_draft(desk, patient.id, _flagged(lumbar_case, "foot_drop"), actor=DESK)
        (alert,) = s.pending_alerts(clinic, actor=DOCTOR)
        assert alert.red_flags == ("foot_drop",)
    finally:
        desk.dispose()
        clinic.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("dialect", ["postgresql"], indirect=True)
def test_postgresql_notifies_the_other_workstation_at_commit(database_url, patient, lumbar_case):
    """Workstation B listens on a connection of its own; A's save is heard within seconds."""
    desk, clinic = open_unlocked(database_url), open_unlocked(database_url)
    heard: list[str | None] = []
    got = threading.Event()
    stop, ready = threading.Event(), threading.Event()

    def on_notify(payload: str | None) -> None:
        heard.append(payload)
        got.set()

    listener = threading.Thread(
        target=s.alerts.listen_for_alerts, args=(clinic, on_notify, stop), kwargs={"ready": ready}
    )
    listener.start()
    try:
        assert ready.wait(10), "the LISTEN never started"
        started = time.monotonic()
        s.start_draft(desk, patient.id, _flagged(lumbar_case, "fever"), actor=DESK)
        assert got.wait(5), "no notification reached the other workstation"
        assert time.monotonic() - started < 5
        (alert,) = s.pending_alerts(clinic, actor=DOCTOR)
        assert heard == [str(alert.id)]
        got.clear()
        s.acknowledge_alert(clinic, alert.id, actor=DOCTOR)  # the others drop it too
        assert got.wait(5)
        assert heard[-1] == str(alert.id)
    finally:
        stop.set()
        listener.join(5)
        desk.dispose()
        clinic.dispose()
    assert not listener.is_alive()


def test_discarding_a_draft_with_a_red_flag_needs_a_reason(database, patient, lumbar_case):
    draft = s.start_draft(database, patient.id, _flagged(lumbar_case, "fever"), actor=DESK)
    with pytest.raises(InputError) as refused:
        s.discard_draft(database, draft.visit_id, expected_version=draft.version, actor=DESK)
    assert refused.value.field == "reason" and refused.value.exit_code == 2
    assert s.get_visit(database, draft.visit_id, actor=READER).status == "draft"
    with pytest.raises(InputError):
        s.discard_draft(database, draft.visit_id, expected_version=draft.version, actor=DESK,
                        reason="   ")  # fmt: skip
    s.discard_draft(database, draft.visit_id, expected_version=draft.version, actor=DESK,
                    reason="entered for the wrong patient")  # fmt: skip
    entry = s.audit_entries(database, as_user("a", ["admin"]), action="visit.discard")[-1]
    assert (entry.username, entry.detail) == ("front.desk", "red flag; reason given")
    with database.session() as session:
        from intake_desktop.storage.models import Visit

        assert session.get(Visit, draft.visit_id).discard_reason == "entered for the wrong patient"
    # A draft without a flag is discarded as before, without a reason.
    plain = s.start_draft(database, patient.id, _intake(lumbar_case), actor=DESK)
    s.discard_draft(database, plain.visit_id, expected_version=plain.version, actor=DESK)


def test_drafts_are_paged_and_counted(database, patient):
    base = {"format": "spine-intake-case/1"}
    ids = [s.start_draft(database, patient.id, base, actor=as_user(AUTHOR)).visit_id
           for _ in range(230)]  # fmt: skip
    assert s.count_drafts(database, actor=READER) == 230
    pages = [s.list_drafts(database, actor=READER, limit=100, offset=o) for o in (0, 100, 200)]
    assert [len(p) for p in pages] == [100, 100, 30]
    seen = [v.id for page in pages for v in page]
    assert sorted(seen) == sorted(ids)  # every draft once, none hidden
    assert seen[0] == ids[-1]  # newest first
    assert s.count_drafts(database, actor=READER, author="someone else") == 0
