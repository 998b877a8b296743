"""import_case / export_case: every shared example comes back exactly as it went in."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from intake_desktop.services import (
    export_case,
    find_patient,
    get_patient,
    get_visit,
    import_case,
    sign_visit,
)
from intake_desktop.services.errors import CaseInvalidError, InputError
from tests.actors import READER, as_user
from tests.signing import SIGN_OFF

from .conftest import AUTHOR, example_paths, load_example


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.stem)
def test_every_example_round_trips(database, path: Path) -> None:
    original = json.loads(path.read_text(encoding="utf-8"))
    result = import_case(database, original, actor=as_user(AUTHOR))
    assert result.patient_created
    assert export_case(database, result.visit_id, actor=READER) == original
    visit = get_visit(database, result.visit_id, actor=READER)
    assert visit.status == "draft"
    assert visit.patient_id == result.patient_id
    # Signed, it still exports the same case.
    sign_visit(
        database, result.visit_id, expected_version=visit.version, actor=as_user(AUTHOR), **SIGN_OFF
    )
    assert export_case(database, result.visit_id, actor=READER) == original


def test_patient_is_matched_on_record_number(database) -> None:
    case = load_example("03_interventional")
    case["patient"].update(id="MRN-77", name="Ana Ruiz", language="es")
    first = import_case(database, case, actor=as_user(AUTHOR))
    second = import_case(database, case, actor=as_user(AUTHOR))
    assert first.patient_created and not second.patient_created
    assert first.patient_id == second.patient_id != None  # noqa: E711
    assert first.visit_id != second.visit_id
    patient = find_patient(database, "MRN-77", actor=READER)
    assert patient is not None
    assert (patient.name, patient.language, patient.sex) == ("Ana Ruiz", "es", "male")
    assert get_patient(database, first.patient_id, actor=READER).created_by == AUTHOR


def test_a_record_number_with_another_birth_date_is_refused(database) -> None:
    case = load_example("03_interventional")
    case["patient"]["id"] = "MRN-77"
    import_case(database, case, actor=as_user(AUTHOR))
    other = copy.deepcopy(case)
    other["patient"]["date_of_birth"] = "1970-01-01"
    with pytest.raises(InputError) as err:
        import_case(database, other, actor=as_user(AUTHOR))
    assert err.value.field == "patient.date_of_birth"


def test_a_bad_case_names_the_field(database) -> None:
    case = load_example("05_vascular")
    case["exam"]["ankle_brachial_index"] = "0.7"
    with pytest.raises(CaseInvalidError) as err:
        import_case(database, case, actor=as_user(AUTHOR))
    assert err.value.field == "exam.ankle_brachial_index"
    assert "exam.ankle_brachial_index" in str(err.value)
    with pytest.raises(CaseInvalidError) as err:
        import_case(database, ["not", "a", "case"], actor=as_user(AUTHOR))  # type: ignore[arg-type]
