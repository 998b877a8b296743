"""``intake-desktop export-pdf``: a visit read through the services, written safely."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import intake_desktop.cli as cli
from intake_desktop.reporting import load_template
from intake_desktop.services import get_visit, import_case, sign_visit
from tests.actors import READER, as_user
from tests.reporting import pdfcheck
from tests.reporting.builders import EXAMPLES, example_data
from tests.signing import SIGN_OFF

TODAY = date(2026, 11, 23)
DRAFT = load_template("patient").plain("page.draft_mark")


@pytest.fixture(autouse=True)
def _reports_command(monkeypatch) -> None:
    """Until ``reports`` is listed in COMMAND_MODULES, add it for these tests."""
    if "reports" not in cli.COMMAND_MODULES:
        monkeypatch.setattr(cli, "COMMAND_MODULES", (*cli.COMMAND_MODULES, "reports"))


@pytest.fixture
def visit(database) -> int:
    data = example_data(next(p for p in EXAMPLES if "cauda_equina" in p.stem))
    data["patient"]["name"] = "Tomás Herrera Vidal"
    return import_case(database, data, actor=as_user("front.desk"), today=TODAY).visit_id


def export(database_url: str, visit: int, kind: str, out: Path, *extra: str) -> int:
    return cli.main(
        ["--db", database_url, "export-pdf", str(visit), "--kind", kind, "--out", str(out), *extra]
    )


def test_draft_and_signed_visits(database, database_url, visit, tmp_path, capsys) -> None:
    draft = tmp_path / "draft.pdf"
    assert export(database_url, visit, "patient", draft) == 0
    assert "DRAFT" in capsys.readouterr().out
    pages = pdfcheck.page_texts(draft.read_bytes())
    assert all(DRAFT in p for p in pages) and "Tomás Herrera Vidal" in pages[0]

    record = get_visit(database, visit, actor=READER)
    sign_visit(
        database,
        visit,
        expected_version=record.version,
        actor=as_user("dr.lind"),
        today=TODAY,
        **SIGN_OFF,
    )
    signed = tmp_path / "signed.pdf"
    assert export(database_url, visit, "clinician", signed) == 0
    text = pdfcheck.text(signed.read_bytes())
    assert DRAFT not in text and "dr.lind" in text and "Tomás Herrera Vidal" in text


def test_an_existing_file_is_refused_unless_forced(database_url, visit, tmp_path, capsys) -> None:
    out = tmp_path / "summary.pdf"
    out.write_bytes(b"keep me")
    assert export(database_url, visit, "patient", out) == 2
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err
    assert out.read_bytes() == b"keep me"
    assert export(database_url, visit, "patient", out, "--force") == 0
    assert out.read_bytes().startswith(b"%PDF-")


def test_unknown_visit_and_language_exit_2(database_url, visit, tmp_path, capsys) -> None:
    assert export(database_url, 9999, "patient", tmp_path / "a.pdf") == 2
    assert "9999" in capsys.readouterr().err
    assert export(database_url, visit, "patient", tmp_path / "b.pdf", "--language", "xx") == 2
    assert "no templates for language 'xx'" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.pdf"))


def _visit_in(database, language: str, record: str) -> int:
    data = example_data(next(p for p in EXAMPLES if "mild_candidate" in p.stem))
    data["patient"].update(name="Lucía Fernández Peña", language=language, id=record)
    return import_case(database, data, actor=as_user("front.desk"), today=TODAY).visit_id


def test_the_patients_preferred_language_is_the_default(
    database, database_url, tmp_path, capsys
) -> None:
    visit = _visit_in(database, "es-MX", "MRN-ES-1")
    out = tmp_path / "es.pdf"
    assert export(database_url, visit, "patient", out) == 0
    captured = capsys.readouterr()
    assert "language es" in captured.out and captured.err == ""
    pages = pdfcheck.page_texts(out.read_bytes())
    assert all("BORRADOR" in p for p in pages)
    assert "Resumen de su consulta" in pages[0] and "Página 1 de" in pages[0]

    english = tmp_path / "en.pdf"
    assert export(database_url, visit, "patient", english, "--language", "en") == 0
    assert "Your visit summary" in pdfcheck.text(english.read_bytes())

    clinician = tmp_path / "clinician.pdf"
    assert export(database_url, visit, "clinician", clinician) == 0
    captured = capsys.readouterr()
    assert "language es" in captured.out and captured.err == ""
    text = pdfcheck.text(clinician.read_bytes())
    assert "Resumen clínico de la consulta" in text and "Clinician visit summary" not in text


def test_the_clinician_summary_in_spanish_on_request(
    database, database_url, visit, tmp_path, capsys
) -> None:
    """``--kind clinician --language es`` once printed English without a word."""
    out = tmp_path / "es.pdf"
    assert export(database_url, visit, "clinician", out, "--language", "es") == 0
    captured = capsys.readouterr()
    assert "language es" in captured.out and captured.err == ""
    pages = pdfcheck.page_texts(out.read_bytes())
    assert "Señales de alarma" in pages[0] and "Red flags" not in pages[0]
    assert "Página 1 de" in pages[0] and "Sala de emergencias ahora" in pages[0]


def test_a_language_without_templates_prints_english_and_warns(
    database, database_url, tmp_path, capsys
) -> None:
    visit = _visit_in(database, "fr", "MRN-FR-1")
    out = tmp_path / "fr.pdf"
    assert export(database_url, visit, "patient", out) == 0
    captured = capsys.readouterr()
    assert "warning" in captured.err and "'fr'" in captured.err and "English" in captured.err
    assert "language en" in captured.out
    assert DRAFT in pdfcheck.text(out.read_bytes())
