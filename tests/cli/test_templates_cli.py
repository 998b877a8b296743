"""``intake-desktop templates``: a clinic's own templates in its configuration folder print
instead of the shipped ones; the shipped ones are never edited in place."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from intake_desktop.cli import main
from intake_desktop.reporting import DEFAULT_TEMPLATES_DIR, render_pdf
from intake_desktop.reporting.paths import clinic_templates_dir, templates_folder
from tests.reporting import pdfcheck
from tests.reporting.builders import EXAMPLES, document, example_data


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_copy_makes_the_clinics_own_templates_which_then_print(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("INTAKE_DESKTOP_CONFIG", str(tmp_path / "config"))
    assert main(["templates", "where"]) == 0
    assert capsys.readouterr().out.strip() == str(DEFAULT_TEMPLATES_DIR)

    assert main(["templates", "copy"]) == 0
    own = tmp_path / "config" / "templates"
    assert clinic_templates_dir() == own
    assert f"to {own}." in capsys.readouterr().out
    shipped = sorted(p.relative_to(DEFAULT_TEMPLATES_DIR) for p in DEFAULT_TEMPLATES_DIR.rglob("*"))
    assert sorted(p.relative_to(own) for p in own.rglob("*")) == shipped
    assert {_mode(p) for p in own.rglob("*") if p.is_file()} == {0o600}
    assert {_mode(p) for p in [own, *own.rglob("*")] if p.is_dir()} == {0o700}

    assert main(["templates", "where"]) == 0
    assert capsys.readouterr().out.strip() == str(own)
    clinic = own / "clinic.toml"
    text = clinic.read_text(encoding="utf-8")
    clinic.write_text(text.replace("Riverside Spine & Pain Clinic", "Clínica del Norte"), "utf-8")
    printed = pdfcheck.text(render_pdf("patient", document(example_data(EXAMPLES[0]))).data)
    assert "Clínica del Norte" in printed and "Riverside" not in printed
    assert "Riverside Spine & Pain Clinic" in (DEFAULT_TEMPLATES_DIR / "clinic.toml").read_text(
        encoding="utf-8"
    )


def test_copy_never_overwrites_a_clinics_edited_templates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "mine"
    assert main(["templates", "copy", "--to", str(target)]) == 0
    (target / "clinic.toml").write_text("# edited\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["templates", "copy", "--to", str(target)]) == 2
    err = capsys.readouterr().err
    assert "--to" in err and str(target) in err and "nothing was copied" in err
    assert (target / "clinic.toml").read_text(encoding="utf-8") == "# edited\n"


def test_a_half_made_or_unreadable_folder_leaves_the_defaults(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("INTAKE_DESKTOP_CONFIG", str(tmp_path))
    (tmp_path / "templates" / "en").mkdir(parents=True)
    assert templates_folder() == DEFAULT_TEMPLATES_DIR  # no clinic.toml yet
    assert templates_folder(tmp_path / "given") == tmp_path / "given"
    (tmp_path / "templates" / "clinic.toml").write_text("", encoding="utf-8")
    assert templates_folder() == tmp_path / "templates"
