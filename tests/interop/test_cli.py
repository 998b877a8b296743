"""``export-fhir`` and ``import-fhir`` through ``main``, on a real (SQLite) database."""

from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from intake_desktop import cli
from intake_desktop.cli import main
from intake_desktop.interop import parse_bundle
from intake_desktop.services import (
    PatientDetails,
    discard_draft,
    get_visit,
    register_patient,
    sign_visit,
    start_draft,
)
from tests.actors import READER, as_user, open_unlocked
from tests.signing import SIGN_OFF

from .conftest import EXAMPLES, load, resources, validate_r4

AUTHOR = "dr.example"
_RECORD_NUMBERS = itertools.count(100)


@pytest.fixture(autouse=True)
def _fhir_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands are registered whether or not cli/__init__ lists the module yet."""
    modules = tuple(dict.fromkeys((*cli.COMMAND_MODULES, "fhir")))
    monkeypatch.setattr(cli, "COMMAND_MODULES", modules)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def new_visit(url: str, case: dict[str, Any], *, sign: bool = True, **sign_args: Any) -> int:
    """A visit of a new synthetic patient holding ``case``, signed unless told otherwise."""
    record_number = f"MRN-TEST-{next(_RECORD_NUMBERS):04d}"
    with open_unlocked(url) as db:
        patient = register_patient(
            db,
            PatientDetails(
                name="Testa Synthetica",
                date_of_birth=date.fromisoformat(case["patient"]["date_of_birth"]),
                record_number=record_number,
                sex="female",
                language="es",
            ),
            actor=as_user(AUTHOR),
        )
        draft = start_draft(db, patient.id, case, actor=as_user(AUTHOR))
        if sign:
            sign_visit(
                db,
                draft.visit_id,
                expected_version=draft.version,
                actor=as_user(AUTHOR),
                **{**SIGN_OFF, **sign_args},
            )
        return draft.visit_id


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_export_a_signed_visit_then_import_it(
    database_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, path: Path
) -> None:
    case = load(path)
    visit_id = new_visit(database_url, case)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "visit.fhir.json"
    code, stdout, err = run(
        capsys,
        "--db",
        database_url,
        "export-fhir",
        str(visit_id),
        "--out",
        str(out),
        "--clinic",
        "Example Spine Clinic",
    )
    assert (code, stdout) == (0, ""), err
    bundle = json.loads(out.read_text(encoding="utf-8"))
    validate_r4(bundle)
    (prov,) = resources(bundle, "Provenance")
    assert prov["agent"][0]["who"]["display"] == AUTHOR
    assert [p.name for p in out.parent.iterdir()] == ["visit.fhir.json"]  # no temporary file left

    code, stdout, err = run(
        capsys, "--db", database_url, "import-fhir", str(out), "--user", "clin.user"
    )
    assert code == 0, err
    assert "signed by dr.example" in err and "draft" in err
    new_id = int(stdout.strip())
    assert new_id != visit_id
    with open_unlocked(database_url) as db:  # the same patient, found by record number
        assert (
            get_visit(db, new_id, actor=READER).patient_id
            == get_visit(db, visit_id, actor=READER).patient_id
        )
    record_number = resources(bundle, "Patient")[0]["identifier"][0]["value"]
    code, stdout, err = run(capsys, "--db", database_url, "export-case", str(new_id))
    assert code == 0, err
    expected = {
        **case,
        "patient": {
            "id": record_number,
            "name": "Testa Synthetica",
            **case["patient"],
            "sex": case["patient"].get("sex", "female"),
            "language": "es",
        },
    }
    assert json.loads(stdout) == expected


def test_an_overridden_level_is_exported(
    database_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    case = load(EXAMPLES[0])
    visit_id = new_visit(
        database_url,
        case,
        override_level="interventional",
        override_reason="patient asks for an injection",
    )
    out = tmp_path / "b.json"
    assert (
        run(capsys, "--db", database_url, "export-fhir", str(visit_id), "--out", str(out))[0] == 0
    )
    visit = parse_bundle(json.loads(out.read_text())).visit
    assert visit.accepted_level == "interventional"
    assert visit.override_reason == "patient asks for an injection"
    assert visit.plan_data["level"] == "conservative"
    assert visit.status == "signed" and visit.signed_by == AUTHOR


def test_a_draft_is_exported_without_a_signature(
    database_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    visit_id = new_visit(database_url, load(EXAMPLES[1]), sign=False)
    out = tmp_path / "draft.json"
    assert (
        run(capsys, "--db", database_url, "export-fhir", str(visit_id), "--out", str(out))[0] == 0
    )
    bundle = json.loads(out.read_text())
    validate_r4(bundle)
    assert resources(bundle, "Provenance") == []
    assert parse_bundle(bundle).visit.status == "draft"


def test_an_existing_file_is_replaced_only_with_force(
    database_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    visit_id = new_visit(database_url, load(EXAMPLES[2]))
    out = tmp_path / "b.json"
    out.write_text("keep me")
    code, _, err = run(
        capsys, "--db", database_url, "export-fhir", str(visit_id), "--out", str(out)
    )
    assert code == 2 and "already exists" in err and "--force" in err
    assert out.read_text() == "keep me"
    code, _, err = run(
        capsys, "--db", database_url, "export-fhir", str(visit_id), "--out", str(out), "--force"
    )
    assert code == 0, err
    assert json.loads(out.read_text())["resourceType"] == "Bundle"


def test_visits_that_cannot_be_exported_exit_2(
    database_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    incomplete = load(EXAMPLES[0])
    incomplete["history"]["duration_weeks"] = "long"
    draft_id = new_visit(database_url, incomplete, sign=False)
    out = tmp_path / "b.json"
    code, _, err = run(
        capsys, "--db", database_url, "export-fhir", str(draft_id), "--out", str(out)
    )
    assert code == 2 and "history.duration_weeks" in err and "not a complete case" in err
    code, _, err = run(capsys, "--db", database_url, "export-fhir", "9999", "--out", str(out))
    assert code == 2 and "9999" in err
    with open_unlocked(database_url) as db:
        discarded = new_visit(database_url, load(EXAMPLES[0]), sign=False)
        discard_draft(db, discarded, expected_version=1, actor=as_user(AUTHOR))
    code, _, err = run(
        capsys, "--db", database_url, "export-fhir", str(discarded), "--out", str(out)
    )
    assert code == 2 and "discarded" in err
    assert not out.exists()


def test_a_malformed_bundle_exits_2_naming_resource_and_field(
    database_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    visit_id = new_visit(database_url, load(EXAMPLES[0]))
    out = tmp_path / "b.json"
    assert (
        run(capsys, "--db", database_url, "export-fhir", str(visit_id), "--out", str(out))[0] == 0
    )
    bundle = json.loads(out.read_text())
    intake = resources(bundle, "QuestionnaireResponse")[0]
    history = next(i for i in intake["item"] if i["linkId"] == "history")
    walking = next(
        i for i in history["item"] if i["linkId"].endswith("painless_walking_distance_m")
    )
    walking["answer"] = [{"valueString": "far"}]
    out.write_text(json.dumps(bundle))
    code, stdout, err = run(capsys, "--db", database_url, "import-fhir", str(out))
    assert (code, stdout) == (2, "")
    assert f"QuestionnaireResponse/{intake['id']}" in err
    assert "history.painless_walking_distance_m" in err and "valueDecimal" in err
    assert "Traceback" not in err
    out.write_text("{not json")
    code, _, err = run(capsys, "--db", database_url, "import-fhir", str(out))
    assert code == 2 and "not valid JSON" in err
    code, _, err = run(capsys, "--db", database_url, "import-fhir", str(tmp_path / "none.json"))
    assert code == 2 and "no such file" in err
