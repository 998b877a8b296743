"""The tester's steps on the command line: a patient with an open draft has the name and date of
birth corrected; the draft then prints the corrected identity whole (not the new name with the
old date), signs, and exports to FHIR (before: "does not match the patient's record", and "the
case is someone else's")."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from intake_desktop.services import get_patient, update_patient
from tests.actors import READER, as_user, open_unlocked
from tests.reporting.pdfcheck import text as pdf_text

from .test_signed_exports import EXAMPLE, _patient_id, run


def test_a_corrected_patient_prints_signs_and_exports_whole(
    database_url, capsys, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "--db", database_url, "import", str(EXAMPLE), "--user", "dr.x")
    assert code == 0, err
    visit = out.strip()
    born = date.fromisoformat(json.loads(EXAMPLE.read_text("utf-8"))["patient"]["date_of_birth"])
    old_birth = f"born {born.day} {born:%B %Y}"  # as the patient summary prints it
    with open_unlocked(database_url) as db:
        patient_id = _patient_id(db, int(visit))
        current = get_patient(db, patient_id, actor=READER)
        details = replace(current.details, name="Lucía Corrected-Name",
                          date_of_birth=date(1961, 7, 19))  # fmt: skip
        update_patient(db, patient_id, details, expected_version=current.version,
                       actor=as_user("front.desk"))  # fmt: skip

    def prints_the_corrected_identity(name: str) -> None:
        out = tmp_path / f"{name}.pdf"
        code, _, err = run(capsys, "--db", database_url, "export-pdf", visit, "--kind", "patient",
                           "--out", str(out), "--user", "dr.x")  # fmt: skip
        assert code == 0, err
        words = pdf_text(out.read_bytes())
        assert "Lucía Corrected-Name · born 19 July 1961" in words
        assert old_birth not in words

    prints_the_corrected_identity("draft")
    code, _, err = run(capsys, "--db", database_url, "sign", visit, "--red-flags-screened",
                       "--not-examined", "seen by video", "--user", "dr.x")  # fmt: skip
    assert code == 0, err
    prints_the_corrected_identity("signed")
    fhir = tmp_path / "fhir.json"
    code, _, err = run(capsys, "--db", database_url, "export-fhir", visit, "--out", str(fhir),
                       "--user", "dr.x")  # fmt: skip
    assert code == 0, err
    bundle = json.loads(fhir.read_text(encoding="utf-8"))
    people = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"]
    assert [p["birthDate"] for p in people] == ["1961-07-19"]
