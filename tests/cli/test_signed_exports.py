"""The command line re-checks a signed visit's signature before every print and export
(issue 17): ``export-pdf`` (both kinds), ``export-case`` and ``export-fhir`` exit 4 with one
paragraph and write nothing when the stored content no longer matches; and the PDFs print the
patient's identification as it was signed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from intake_desktop.cli import main
from intake_desktop.services import get_patient, update_patient
from tests.actors import READER, as_user, open_unlocked
from tests.reporting.pdfcheck import text as pdf_text

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "01_lumbar_early.json"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def signed_visit(capsys, db: str) -> str:
    code, out, err = run(capsys, "--db", db, "import", str(EXAMPLE), "--user", "dr.x")
    assert code == 0, err
    visit = out.strip()
    code, _, err = run(capsys, "--db", db, "sign", visit, "--red-flags-screened",
                       "--not-examined", "seen by video", "--user", "dr.x")  # fmt: skip
    assert code == 0, err
    return visit


def test_a_tampered_signed_visit_is_not_exported(database_url, capsys, tmp_path: Path) -> None:
    visit = signed_visit(capsys, database_url)
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "ok.pdf"
    assert run(capsys, "--db", database_url, "export-pdf", visit, "--kind", "clinician",
               "--out", str(out), "--user", "dr.x")[0] == 0  # fmt: skip
    with open_unlocked(database_url) as db, db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("DROP TRIGGER visits_signed_guard ON visits"))
        else:
            conn.execute(text("DROP TRIGGER visits_signed_no_update"))
        tamper = "UPDATE visits SET final_level = 'conservative', override_reason = 'x'"
        conn.execute(text(tamper + " WHERE id = :id"), {"id": int(visit)})
    commands = [
        ("export-pdf", visit, "--kind", "clinician", "--out", str(tmp_path / "c.pdf")),
        ("export-pdf", visit, "--kind", "patient", "--out", str(tmp_path / "p.pdf")),
        ("export-case", visit, "--out", str(tmp_path / "case.json")),
        ("export-case", visit),
        ("export-fhir", visit, "--out", str(tmp_path / "fhir.json")),
    ]
    for command in commands:
        code, stdout, err = run(capsys, "--db", database_url, *command, "--user", "dr.x")
        assert code == 4, (command, err)
        assert stdout == "" and "Traceback" not in err
        assert "signature does not match" in err and "changed after signing" in err
        assert err.strip().count("\n") == 0  # one paragraph
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ok.pdf"]  # nothing else written


@pytest.mark.parametrize(
    ("language", "updated"),
    [("en", "Patient details updated on"), ("es", "Datos del paciente actualizados el")],
)
def test_signed_pdfs_print_the_identification_as_signed(
    database_url, capsys, tmp_path: Path, language: str, updated: str
) -> None:
    code, out, err = run(capsys, "--db", database_url, "import", str(EXAMPLE), "--user", "dr.x")
    assert code == 0, err
    visit = out.strip()
    with open_unlocked(database_url) as db:  # the front desk fills in the name, then it is signed
        patient_id = _patient_id(db, int(visit))
        _rename(db, patient_id, "Ana Signed-Name", "MRN-SIGNED")
    code, _, err = run(capsys, "--db", database_url, "sign", visit, "--red-flags-screened",
                       "--not-examined", "seen by video", "--user", "dr.x")  # fmt: skip
    assert code == 0, err
    with open_unlocked(database_url) as db:  # ... and corrects it after the signature
        _rename(db, patient_id, "Renamed Afterwards", "NEW-0042")
    for kind in ("patient", "clinician"):
        out = tmp_path / f"{kind}-{language}.pdf"
        code, _, err = run(capsys, "--db", database_url, "export-pdf", visit, "--kind", kind,
                           "--language", language, "--out", str(out), "--user", "dr.x")  # fmt: skip
        assert code == 0, err
        words = pdf_text(out.read_bytes())
        assert "Renamed Afterwards" not in words and "NEW-0042" not in words
        assert "Ana Signed-Name" in words and updated in words, kind
        if kind == "clinician":
            assert "MRN-SIGNED" in words


def _rename(db, patient_id: int, name: str, record_number: str) -> None:
    current = get_patient(db, patient_id, actor=READER)
    details = replace(current.details, name=name, record_number=record_number)
    update_patient(db, patient_id, details, expected_version=current.version,
                   actor=as_user("front.desk"))  # fmt: skip


def _patient_id(db, visit_id: int) -> int:
    with db.engine.connect() as conn:
        return conn.execute(
            text("SELECT patient_id FROM visits WHERE id = :id"), {"id": visit_id}
        ).scalar_one()
