"""A clinic changes its templates without code; a broken template says which file and key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from intake_desktop.reporting import TemplateError, load_template, render_pdf
from tests.reporting import pdfcheck
from tests.reporting.builders import EXAMPLES, document, example_data
from tests.reporting.test_patient_summary import _rgb


@pytest.fixture
def doc():
    return document(example_data(EXAMPLES[0]), name="Lucía Fernández")


def edit(path: Path, old: str, new: str) -> None:
    """Replace one line of a template file, as a clinic would in a text editor."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def set_key(path: Path, key: str, value: str) -> None:
    """Set ``key = value`` (first occurrence of the key) in a TOML file."""
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(rf"(?m)^{re.escape(key)} = .*$", f"{key} = {value}", text, count=1)
    assert n == 1, key
    path.write_text(new, encoding="utf-8")


def test_clinic_name_colour_and_wording_change_without_code(templates: Path, doc) -> None:
    set_key(templates / "clinic.toml", "name", '"Clínica Columna del Sur"')
    set_key(templates / "clinic.toml", "primary", '"#7A1F5C"')
    set_key(templates / "en" / "patient.toml", "found", '"Here is what we noticed today:"')
    edit(
        templates / "en" / "patient.toml",
        'name = "care at home and physical therapy"',
        'name = "exercise and home care first"',
    )

    pdf = render_pdf("patient", doc, templates_dir=templates)
    text = pdfcheck.text(pdf.data)
    assert "Clínica Columna del Sur" in text
    assert "exercise and home care first" in text
    assert "care at home and physical therapy" not in text
    assert _rgb("#7A1F5C") in pdfcheck.content_streams(pdf.data)
    assert pdfcheck.reader(pdf.data).metadata.author == "Clínica Columna del Sur"


def test_section_order_and_page_size_are_the_clinics(templates: Path, doc) -> None:
    edit(
        templates / "en" / "patient.toml",
        'section_order = ["found", "care", "tests", "home_care", "come_back", '
        '"safety_net", "questions"]',
        'section_order = ["safety_net", "care", "found"]',
    )
    set_key(templates / "clinic.toml", "size", '"A4"')
    pdf = render_pdf("patient", doc, templates_dir=templates)
    text = pdfcheck.text(pdf.data)
    t = load_template("patient", templates_dir=templates)
    positions = [text.index(t.plain(f"headings.{s}")) for s in ("safety_net", "care", "found")]
    assert positions == sorted(positions)
    assert t.plain("headings.questions") not in text
    box = pdfcheck.reader(pdf.data).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_clinician_wording_and_a_code_label(templates: Path, doc) -> None:
    set_key(templates / "en" / "clinician.toml", "workup", '"Tests ordered"')
    edit(templates / "en" / "clinician.toml", "[codes]\n", '[codes]\nconservative = "Home care"\n')
    text = pdfcheck.text(render_pdf("clinician", doc, templates_dir=templates).data)
    assert "Tests ordered" in text and "Home care" in text


def test_no_logo_is_allowed(templates: Path, doc) -> None:
    set_key(templates / "clinic.toml", "logo", '""')
    assert render_pdf("patient", doc, templates_dir=templates).pages >= 1


def _error(templates: Path, kind: str = "patient") -> TemplateError:
    with pytest.raises(TemplateError) as info:
        load_template(kind, "en", templates)
    return info.value


def test_bad_toml_names_the_file(templates: Path) -> None:
    path = templates / "en" / "patient.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\nthis is = = not toml\n", "utf-8")
    err = _error(templates)
    assert err.file == path
    assert "patient.toml" in str(err) and "not valid TOML" in str(err)


def test_missing_key_names_file_and_key(templates: Path) -> None:
    edit(
        templates / "en" / "patient.toml",
        'emergency_heading = "Go to the emergency department now"\n',
        "",
    )
    err = _error(templates)
    assert err.file.name == "patient.toml" and err.key == "alert.emergency_heading"
    assert "alert.emergency_heading" in str(err) and "missing" in str(err)


@pytest.mark.parametrize(
    ("file", "key", "value", "expected_key", "words"),
    [
        ("clinic.toml", "primary", '"blue"', "colours.primary", "colour"),
        ("clinic.toml", "patient_body", "10", "sizes.patient_body", "from 12"),
        ("clinic.toml", "bold", '"NoSuchFont.ttf"', "fonts.bold", "not found"),
        ("clinic.toml", "logo", '"missing.png"', "clinic.logo", "not found"),
        ("clinic.toml", "size", '"A5"', "page.size", "letter"),
        (
            "en/common.toml",
            "page_number",
            '"Page {page} of {pagez}"',
            "page.page_number",
            "unknown placeholder {pagez}",
        ),
        ("en/patient.toml", "title", "42", "document.title", "a text"),
        (
            "en/patient.toml",
            "section_order",
            '["found", "care"]',
            "document.section_order",
            "safety_net",
        ),
        (
            "en/patient.toml",
            "section_order",
            '["found", "safety_net", "nonsense"]',
            "document.section_order",
            "unknown section",
        ),
    ],
)
def test_each_broken_value_is_named(
    templates: Path, file: str, key: str, value: str, expected_key: str, words: str
) -> None:
    set_key(templates / file, key, value)
    err = _error(templates)
    assert err.key == expected_key
    assert err.file.name == Path(file).name
    assert words in str(err)


def test_a_short_month_list_is_named(templates: Path) -> None:
    edit(
        templates / "en" / "common.toml",
        '"July", "August", "September", "October", "November", "December",\n',
        "",
    )
    err = _error(templates)
    assert (err.file.name, err.key) == ("common.toml", "dates.months")
    assert "12 entries" in str(err)


def test_missing_language_is_named(templates: Path) -> None:
    with pytest.raises(TemplateError, match="no templates for language 'fr'"):
        load_template("patient", "fr", templates)


def test_a_broken_template_fails_before_any_file_is_written(templates: Path, doc, tmp_path) -> None:
    from intake_desktop.reporting import build_patient_summary

    set_key(templates / "clinic.toml", "primary", '"#12345"')
    out = tmp_path / "out.pdf"
    with pytest.raises(TemplateError):
        build_patient_summary(doc, out, templates_dir=templates)
    assert not out.exists()


def test_markup_characters_in_wording_print_as_written(templates: Path, doc) -> None:
    set_key(templates / "clinic.toml", "name", '"Spine <Care> & Co"')
    text = pdfcheck.text(render_pdf("patient", doc, templates_dir=templates).data)
    assert "Spine <Care> & Co" in text
