"""Two workstations (two engines, two connection pools) on the same database.

The second save based on an old read gets a clear conflict; nothing either of them saved is
lost or silently overwritten.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy.orm.exc import StaleDataError

from intake_desktop.services import (
    amend_visit,
    get_patient,
    get_visit,
    save_draft,
    sign_visit,
    start_draft,
    update_patient,
)
from intake_desktop.services.errors import ConflictError, VisitLockedError
from intake_desktop.storage.models import Patient
from tests.actors import READER, as_user, open_unlocked
from tests.signing import SIGN_OFF


@pytest.fixture
def two_workstations(database_url):
    desk = open_unlocked(database_url)
    clinic = open_unlocked(database_url)
    yield desk, clinic
    desk.dispose()
    clinic.dispose()


def test_second_patient_save_is_a_conflict_and_nothing_is_lost(two_workstations, patient):
    desk, clinic = two_workstations
    seen_by_desk = get_patient(desk, patient.id, actor=READER)
    seen_by_clinic = get_patient(clinic, patient.id, actor=READER)
    desk_change = replace(seen_by_desk.details, phone="+34 611 111 111")
    clinic_change = replace(seen_by_clinic.details, email="maria@example.org")
    saved = update_patient(
        desk, patient.id, desk_change, expected_version=seen_by_desk.version, actor=as_user("desk")
    )
    with pytest.raises(ConflictError) as err:
        update_patient(
            clinic,
            patient.id,
            clinic_change,
            expected_version=seen_by_clinic.version,
            actor=as_user("clinic"),
        )
    assert err.value.exit_code == 4
    assert "someone else changed" in str(err.value)
    # The first save is intact, the second changed nothing, and the second workstation still
    # holds its edit: after reloading it can apply it on top.
    stored = get_patient(clinic, patient.id, actor=READER)
    assert stored == saved
    assert stored.email is None
    merged = replace(stored.details, email=clinic_change.email)
    final = update_patient(
        clinic, patient.id, merged, expected_version=stored.version, actor=as_user("clinic")
    )
    assert (final.phone, final.email) == ("+34 611 111 111", "maria@example.org")


def test_second_draft_save_is_a_conflict(two_workstations, patient, lumbar_case):
    desk, clinic = two_workstations
    draft = start_draft(desk, patient.id, lumbar_case, actor=as_user("a"))
    first = save_draft(
        desk,
        draft.visit_id,
        {**lumbar_case, "red_flags": ["fever"]},
        expected_version=draft.version,
        actor=as_user("a"),
    )
    with pytest.raises(ConflictError):
        save_draft(
            clinic,
            draft.visit_id,
            {"overwrite": True},
            expected_version=draft.version,
            actor=as_user("b"),
        )
    assert get_visit(clinic, draft.visit_id, actor=READER).draft_data["red_flags"] == ["fever"]
    assert get_visit(clinic, draft.visit_id, actor=READER).version == first.version


def test_signing_races_with_an_autosave(two_workstations, patient, lumbar_case):
    desk, clinic = two_workstations
    draft = start_draft(desk, patient.id, lumbar_case, actor=as_user("a"))
    signed = sign_visit(
        clinic, draft.visit_id, expected_version=draft.version, actor=as_user("dr"), **SIGN_OFF
    )
    with pytest.raises(VisitLockedError) as err:
        save_draft(
            desk,
            draft.visit_id,
            {"late": "typing"},
            expected_version=draft.version,
            actor=as_user("a"),
        )
    assert err.value.exit_code == 4
    assert "signed by dr" in str(err.value)
    assert get_visit(desk, draft.visit_id, actor=READER) == signed


def test_two_amendments_from_the_same_version(two_workstations, patient, lumbar_case):
    desk, clinic = two_workstations
    draft = start_draft(desk, patient.id, lumbar_case, actor=as_user("a"))
    signed = sign_visit(
        desk, draft.visit_id, expected_version=draft.version, actor=as_user("dr"), **SIGN_OFF
    )
    amend_visit(
        desk,
        signed.id,
        lumbar_case,
        expected_version=signed.version,
        actor=as_user("dr"),
        reason="first",
        **SIGN_OFF,
    )
    with pytest.raises(ConflictError):
        amend_visit(
            clinic,
            signed.id,
            lumbar_case,
            expected_version=signed.version,
            actor=as_user("dr2"),
            reason="second",
            **SIGN_OFF,
        )
    assert get_visit(clinic, signed.id, actor=READER).amendment_reason == "first"


def test_the_version_column_guards_even_after_the_up_front_check(two_workstations, patient):
    """Both read version 1 in open sessions; the later flush is refused by the database."""
    desk, clinic = two_workstations
    with desk.session() as s1, clinic.session() as s2:
        p1 = s1.get(Patient, patient.id)
        p2 = s2.get(Patient, patient.id)
        assert p1.version == p2.version == 1
        p1.phone = "111"
        s1.commit()
        p2.phone = "222"
        with pytest.raises(StaleDataError):
            s2.commit()
    assert get_patient(desk, patient.id, actor=READER).phone == "111"
