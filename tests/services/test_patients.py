"""Registering, updating and finding patients."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from intake_desktop.services import (
    PatientDetails,
    find_patient,
    get_patient,
    register_patient,
    search_patients,
    update_patient,
)
from intake_desktop.services.errors import ConflictError, InputError, NotFoundError
from tests.actors import READER, as_user

from .conftest import AUTHOR


def test_register_and_read_back(database, patient) -> None:
    again = get_patient(database, patient.id, actor=READER)
    assert again == patient
    assert again.version == 1
    assert again.name == "María García López"
    assert again.created_by == AUTHOR
    assert again.created_at.tzinfo is not None
    assert find_patient(database, "MRN-0001", actor=READER) == patient
    assert find_patient(database, "MRN-9999", actor=READER) is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": "  "}, "name"),
        ({"date_of_birth": date(2999, 1, 1)}, "date_of_birth"),
        ({"date_of_birth": date(1850, 1, 1)}, "date_of_birth"),
        ({"sex": "yes"}, "sex"),
        ({"language": "español"}, "language"),
        ({"email": "not-an-address"}, "email"),
        ({"phone": "call me"}, "phone"),
        ({"record_number": "x" * 65}, "record_number"),
    ],
)
def test_bad_details_name_the_field(database, change, field) -> None:
    details = PatientDetails(name="Ann Lee", date_of_birth=date(1970, 1, 1))
    with pytest.raises(InputError) as err:
        register_patient(database, replace(details, **change), actor=as_user(AUTHOR))
    assert err.value.field == field
    assert err.value.exit_code == 2


def test_record_number_is_unique(database, patient) -> None:
    other = PatientDetails(name="Ann Lee", date_of_birth=date(1970, 1, 1), record_number="MRN-0001")
    with pytest.raises(InputError) as err:
        register_patient(database, other, actor=as_user(AUTHOR))
    assert err.value.field == "record_number"


def test_update_changes_details_and_search_terms(database, patient) -> None:
    updated = update_patient(
        database,
        patient.id,
        replace(patient.details, name="María Pérez", phone=" 555 1234 ", email=""),
        expected_version=patient.version,
        actor=as_user("front.desk"),
    )
    assert updated.version == patient.version + 1
    assert updated.phone == "555 1234"
    assert updated.email is None
    assert updated.updated_by == "front.desk"
    assert [p.id for p in search_patients(database, "perez", actor=READER)] == [patient.id]
    assert search_patients(database, "garcia", actor=READER) == []


def test_update_with_a_stale_version_is_a_conflict(database, patient) -> None:
    update_patient(
        database,
        patient.id,
        replace(patient.details, phone="555 0001"),
        expected_version=1,
        actor=as_user("a"),
    )
    with pytest.raises(ConflictError) as err:
        update_patient(
            database,
            patient.id,
            replace(patient.details, phone="555 0002"),
            expected_version=1,
            actor=as_user("b"),
        )
    assert err.value.exit_code == 4
    assert "someone else changed" in str(err.value)
    assert get_patient(database, patient.id, actor=READER).phone == "555 0001"


def test_unknown_patient(database) -> None:
    with pytest.raises(NotFoundError) as err:
        get_patient(database, 4242, actor=READER)
    assert err.value.exit_code == 2


def test_author_is_required(database) -> None:
    with pytest.raises(InputError) as err:
        register_patient(
            database, PatientDetails(name="Ann", date_of_birth=date(1970, 1, 1)), actor=as_user(" ")
        )
    assert err.value.field == "author"
