"""The draft session without any widget: saves, conflicts, locks, signing and amending."""

from __future__ import annotations

import copy

import pytest

from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.validation import parse_case
from intake_desktop.services.errors import PermissionDenied
from intake_desktop.ui.clinic import Clinic
from intake_desktop.ui.draft_session import DraftSession
from tests.actors import TEST_PASSWORD, as_user, open_unlocked
from tests.signing import ALL_NO

from .conftest import EXAMPLES, load_example

NEURO = {"gait_unsteady": False, "romberg_positive": False, "leg_weakness": "none",
         "foot_drop": False, "saddle_sensation_reduced": False,
         "achilles_reflex_abnormal": False, "straight_leg_raise_positive": False}  # fmt: skip


@pytest.fixture
def case(patient) -> dict:
    data, _ = load_example(next(p for p in EXAMPLES if "01_lumbar" in p.name))
    data["patient"] = {"id": "MRN-1", "name": "Ana Test", "date_of_birth": "1955-04-02"}
    data["exam"] = {**data.get("exam", {}), **NEURO}
    return data


def test_saves_only_what_changed_and_keeps_the_state_beside_the_case(clinic, patient, case):
    session = DraftSession(clinic, patient.id)
    assert session.mode == "draft" and session.editable
    first = session.save(case, {"step": 2}, revision=1)
    assert first.kind == "saved" and session.visit_id is not None
    assert session.save(case, {"step": 2}, revision=1).kind == "unchanged"
    stored = clinic.get_visit(session.visit_id)
    assert stored.draft_data == case and stored.ui_state == {"step": 2}


def test_a_conflict_hands_back_their_version_and_mine_wins_when_kept(db_url, clinic, patient,
                                                                      case):  # fmt: skip
    session = DraftSession(clinic, patient.id)
    session.save(case, {}, revision=1)
    other = Clinic(open_unlocked(db_url), actor=as_user("other-desk"))
    try:
        theirs = other.get_visit(session.visit_id)
        other.save_draft(theirs.id, {**case, "visit_date": case["visit_date"]}, theirs.version)
    finally:
        other.close()
    mine = copy.deepcopy(case)
    mine["history"]["duration_weeks"] = 30
    outcome = session.save(mine, {}, revision=2)
    assert outcome.kind == "conflict" and outcome.theirs is not None
    session.resolve_conflict(outcome.theirs, take_theirs=False, revision=2)
    assert session.save(mine, {}, revision=2).kind == "saved"
    assert clinic.get_visit(session.visit_id).draft_data["history"]["duration_weeks"] == 30


def test_signed_elsewhere_is_a_lock_and_the_edits_go_to_a_new_draft(clinic, patient, case):
    session = DraftSession(clinic, patient.id)
    session.save(case, {}, revision=1)
    clinic.sign_visit(session.visit_id, session.version, red_flag_screen=ALL_NO)
    outcome = session.save(case, {}, revision=2)
    assert outcome.kind == "locked" and "signed" in outcome.message
    signed_id = session.visit_id
    session.detach()
    assert session.save(case, {}, revision=2).kind == "saved"
    assert session.visit_id != signed_id


def test_missing_items_come_from_the_domain_checks(clinic, patient, case):
    session = DraftSession(clinic, patient.id)
    parsed = parse_case(case)
    plan = evaluate(parsed)
    missing = session.missing(parsed, plan, [], {"red_flag_screen": {"fever": "no"}}, None, None)
    assert [m.path for m in missing][:2] == [
        "red_flag_screen.bladder_bowel_dysfunction",
        "red_flag_screen.saddle_anaesthesia",
    ]
    assert session.missing(parsed, plan, [], {"red_flag_screen": ALL_NO}, None, None) == []
    assert [m.path for m in session.missing(None, None, [], {}, None, None)] == ["case"]


def test_signing_asks_the_password_then_amending_keeps_versions(clinic, patient, case):
    clinic.sign_in("tester", TEST_PASSWORD)
    session = DraftSession(clinic, patient.id)
    state = {"red_flag_screen": ALL_NO}
    with pytest.raises(PermissionDenied):
        session.sign(case, state, 1, password="wrong", override_level=None, override_reason=None)
    assert session.visit_id is None  # nothing saved, nothing signed
    record = session.sign(case, state, 1, password=TEST_PASSWORD, override_level=None,
                          override_reason=None)  # fmt: skip
    assert record.status == "signed" and session.mode == "signed" and not session.editable
    session.open_amendment("duration misheard")
    assert session.mode == "amending" and session.editable
    changed = copy.deepcopy(case)
    changed["history"]["duration_weeks"] = 12
    session.sign(changed, state, 5, password=TEST_PASSWORD, override_level=None,
                 override_reason=None)  # fmt: skip
    assert session.mode == "signed"
    history = session.history()
    assert [e.version.revision for e in history] == [0, 1]
    assert history[0].changes == ()
    assert [(c.path, c.before, c.after) for c in history[1].changes] == [
        ("history.duration_weeks", case["history"]["duration_weeks"], 12)
    ]
