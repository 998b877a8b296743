"""The day's board: bookings, check-in, states moving forward as the work is done, red flags on
top, the patient's tablet answers landing in the draft with their source, and a second
workstation seeing every change (on PostgreSQL, by NOTIFY at the commit)."""

from __future__ import annotations

import threading
import time
from datetime import date, timedelta

import pytest

from intake_desktop import services as s
from intake_desktop.domain.patient_questions import PATIENT_REPORTED, SOURCES_KEY
from intake_desktop.services import board, patient_entry
from intake_desktop.services.errors import InputError, PermissionDenied, VisitLockedError
from tests.actors import as_user, open_unlocked
from tests.signing import SIGN_OFF

DESK = as_user("front.desk", ["front_desk"])
DOCTOR = as_user("dr.x", ["clinician"])
ADMIN = as_user("admin.user", ["admin"])


def _other(database, name: str):
    return s.register_patient(
        database, s.PatientDetails(name=name, date_of_birth=date(1961, 5, 6)), actor=DESK
    )


def test_a_booking_is_expected_then_checked_in_with_a_draft(database, patient):
    today = date.today()
    booked = board.book_visit(database, patient.id, today, actor=DESK)
    assert (booked.state, booked.visit_id) == ("expected", None)
    row = board.check_in(database, actor=DESK, entry_id=booked.entry_id)
    assert row.entry_id == booked.entry_id and row.state == "checked_in"
    visit = s.get_visit(database, row.visit_id, actor=DESK)
    assert visit.status == "draft"
    assert visit.data["patient"]["date_of_birth"] == patient.date_of_birth.isoformat()
    assert [st for st, _ in row.timeline] == ["expected", "checked_in"]
    with pytest.raises(InputError, match="already checked in"):
        board.check_in(database, actor=DESK, entry_id=booked.entry_id)


def test_states_move_forward_only_through_signing_and_printing(database, patient, lumbar_case):
    row = board.check_in(database, actor=DESK, patient_id=patient.id)
    board.move_visit(database, row.visit_id, "answering", actor=DESK)
    board.move_visit(database, row.visit_id, "ready", actor=DESK)
    # A late "answering" does not pull the visit back.
    assert board.move_visit(database, row.visit_id, "answering", actor=DESK).state == "ready"
    board.move_visit(database, row.visit_id, "with_clinician", actor=DOCTOR)
    visit = s.get_visit(database, row.visit_id, actor=DOCTOR)
    saved = s.save_draft(database, row.visit_id, lumbar_case, expected_version=visit.version,
                         actor=DOCTOR)  # fmt: skip
    s.sign_visit(database, row.visit_id, expected_version=saved.version, actor=DOCTOR, **SIGN_OFF)
    (now,) = board.day_board(database, actor=DESK)
    assert now.state == "signed"
    s.visit_document(database, DESK, row.visit_id, kind="patient")
    (now,) = board.day_board(database, actor=DESK)
    assert now.state == "printed"
    assert [st for st, _ in now.timeline] == [
        "expected",
        "checked_in",
        "answering",
        "ready",
        "with_clinician",
        "signed",
        "printed",
    ]


def test_red_flag_visits_lead_the_board(database, patient, lumbar_case):
    quiet = _other(database, "Quiet Patient")
    first = board.check_in(database, actor=DESK, patient_id=quiet.id)
    flagged = board.check_in(database, actor=DESK, patient_id=patient.id)
    visit = s.get_visit(database, flagged.visit_id, actor=DESK)
    s.save_draft(database, flagged.visit_id, {**visit.data, "red_flags": ["saddle_anaesthesia"]},
                 expected_version=visit.version, actor=DESK)  # fmt: skip
    rows = board.day_board(database, actor=DESK)
    assert [r.entry_id for r in rows] == [flagged.entry_id, first.entry_id]
    assert rows[0].urgency == "emergency" and rows[0].red_flags == ("saddle_anaesthesia",)


def test_booking_a_next_visit_sets_the_date_and_the_day(database, patient):
    row = board.check_in(database, actor=DESK, patient_id=patient.id)
    later = date.today() + timedelta(days=42)
    booked = board.book_visit(database, patient.id, later, actor=DESK, from_visit_id=row.visit_id)
    visit = s.get_visit(database, row.visit_id, actor=DESK)
    assert visit.data["follow_up"]["next_visit_date"] == later.isoformat()
    (on_that_day,) = board.day_board(database, later, actor=DESK)
    assert (on_that_day.entry_id, on_that_day.state) == (booked.entry_id, "expected")
    with pytest.raises(InputError, match="after the visit"):
        board.book_visit(database, patient.id, date.today(), actor=DESK,
                         from_visit_id=row.visit_id)  # fmt: skip


def test_signing_with_a_next_visit_date_books_that_day(database, patient, lumbar_case):
    row = board.check_in(database, actor=DESK, patient_id=patient.id)
    later = date.today() + timedelta(days=30)
    case = {**lumbar_case, "visit_date": date.today().isoformat(),
            "follow_up": {"next_visit_date": later.isoformat()}}  # fmt: skip
    visit = s.get_visit(database, row.visit_id, actor=DOCTOR)
    saved = s.save_draft(database, row.visit_id, case, expected_version=visit.version,
                         actor=DOCTOR)  # fmt: skip
    s.sign_visit(database, row.visit_id, expected_version=saved.version, actor=DOCTOR, **SIGN_OFF)
    (booked,) = board.day_board(database, later, actor=DESK)
    assert booked.patient_id == patient.id and booked.state == "expected"


def test_the_patients_answers_land_in_the_draft_with_their_source(database, patient):
    row = board.check_in(database, actor=DESK, patient_id=patient.id)
    patient_entry.start_answering(database, row.visit_id, actor=DESK)
    answers = {"sites": ["low_back", "thigh"], "pain_back": 6, "pain_leg": 8,
               "flag_fever": False, "walking": 200, "odi_1": 3, "odi_2": 1}  # fmt: skip
    patient_entry.submit_patient_answers(database, row.visit_id, answers, actor=DESK)
    visit = s.get_visit(database, row.visit_id, actor=DESK)
    assert visit.data["history"]["symptom_sites"] == ["low_back", "thigh"]
    assert visit.data["history"]["pain_nrs"] == {"back": 6, "leg": 8}
    assert visit.data["questionnaires"]["odi"][:3] == [3, 1, None]
    assert "red_flags" not in visit.data
    sources = visit.ui_state[SOURCES_KEY]
    assert sources["history.pain_nrs.leg"] == PATIENT_REPORTED
    assert sources["questionnaires.odi[0]"] == PATIENT_REPORTED
    assert visit.ui_state["red_flag_screen"]["fever"] == "no"
    (now,) = board.day_board(database, actor=DESK)
    assert now.state == "ready"


def test_an_emergency_answer_alerts_a_second_workstation(database_url, patient):
    desk, clinic = open_unlocked(database_url), open_unlocked(database_url)
    try:
        row = board.check_in(desk, actor=DESK, patient_id=patient.id)
        patient_entry.submit_patient_answers(
            desk, row.visit_id, {"flag_bladder_bowel_dysfunction": True}, actor=DESK
        )
        (alert,) = s.pending_alerts(clinic, actor=DOCTOR)
        assert alert.level == "emergency" and alert.visit_id == row.visit_id
        (on_board,) = board.day_board(clinic, actor=DOCTOR)
        assert on_board.urgency == "emergency"
    finally:
        desk.dispose()
        clinic.dispose()


def test_answers_for_a_signed_visit_are_refused(database, patient, lumbar_case):
    row = board.check_in(database, actor=DESK, patient_id=patient.id)
    visit = s.get_visit(database, row.visit_id, actor=DOCTOR)
    saved = s.save_draft(database, row.visit_id, lumbar_case, expected_version=visit.version,
                         actor=DOCTOR)  # fmt: skip
    s.sign_visit(database, row.visit_id, expected_version=saved.version, actor=DOCTOR, **SIGN_OFF)
    with pytest.raises(VisitLockedError):
        patient_entry.submit_patient_answers(database, row.visit_id, {"pain_back": 2}, actor=DESK)


def test_an_administrator_cannot_check_patients_in(database, patient):
    with pytest.raises(PermissionDenied):
        board.check_in(database, actor=ADMIN, patient_id=patient.id)


@pytest.mark.postgres
@pytest.mark.parametrize("dialect", ["postgresql"], indirect=True)
def test_postgresql_boards_hear_a_check_in_at_commit(database_url, patient):
    desk, other = open_unlocked(database_url), open_unlocked(database_url)
    got, stop, ready = threading.Event(), threading.Event(), threading.Event()
    heard: list[str | None] = []

    def on_notify(payload: str | None) -> None:
        heard.append(payload)
        got.set()

    listener = threading.Thread(target=board.listen_for_board, args=(other, on_notify, stop),
                                kwargs={"ready": ready})  # fmt: skip
    listener.start()
    try:
        assert ready.wait(10), "the LISTEN never started"
        started = time.monotonic()
        row = board.check_in(desk, actor=DESK, patient_id=patient.id)
        assert got.wait(5), "no notification reached the other workstation"
        assert time.monotonic() - started < 5
        assert str(row.entry_id) in heard
    finally:
        stop.set()
        listener.join(5)
        desk.dispose()
        other.dispose()


def test_a_clinics_licensed_item_texts_are_used_whole_or_not_at_all(tmp_path):
    import shutil

    from intake_desktop.reporting.paths import DEFAULT_TEMPLATES_DIR

    folder = tmp_path / "templates"
    shutil.copytree(DEFAULT_TEMPLATES_DIR, folder)
    assert patient_entry.item_texts("es", folder)["licensed"] == {}
    items = [f"Texto con licencia {i}" for i in range(10)]
    answers = [[f"Respuesta {i}.{j}" for j in range(6)] for i in range(10)]
    ndi_short = ["solo una"]
    (folder / "es" / "licensed_items.toml").write_text(
        f"[odi]\nitems = {items!r}\nanswers = {answers!r}\n[ndi]\nitems = {ndi_short!r}\n",
        encoding="utf-8",
    )
    texts = patient_entry.item_texts("es", folder)
    assert texts["licensed"]["odi"]["items"][3] == "Texto con licencia 3"
    assert texts["licensed"]["odi"]["answers"][9][5] == "Respuesta 9.5"
    assert "ndi" not in texts["licensed"]  # the wrong shape: our short labels instead
    assert texts["labels"]["odi"]["items"][0] == "Intensidad del dolor"


def test_check_in_takes_the_patients_open_draft_of_the_day(database, patient):
    today = date.today()
    earlier = {
        "format": "spine-intake-case/1",
        "visit_date": (today - timedelta(days=300)).isoformat(),
    }
    old = s.start_draft(database, patient.id, earlier, actor=DESK)
    started = s.start_draft(database, patient.id, {"format": "spine-intake-case/1"}, actor=DESK)
    row = board.check_in(database, actor=DESK, patient_id=patient.id)
    assert row.visit_id == started.visit_id and row.state == "checked_in"
    # Checked in again: the same line and draft, nothing new.
    again = board.check_in(database, actor=DESK, patient_id=patient.id)
    assert (again.entry_id, again.visit_id) == (row.entry_id, started.visit_id)
    assert len(board.day_board(database, actor=DESK)) == 1
    # A second booking of the day holds its own draft: a line never shares one.
    booked = board.book_visit(database, patient.id, today, actor=DESK)
    third = board.check_in(database, actor=DESK, entry_id=booked.entry_id)
    assert third.visit_id not in (started.visit_id, old.visit_id)
    drafts = s.list_drafts(database, patient_id=patient.id, actor=DESK)
    assert {d.id for d in drafts} == {old.visit_id, started.visit_id, third.visit_id}
