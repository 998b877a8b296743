"""Choosing the template language from the patient's BCP 47 tag, and the questionnaire labels."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest

from intake_desktop.domain.instruments import NDI_SECTIONS, ODI_SECTIONS
from intake_desktop.reporting import (
    TemplateError,
    available_languages,
    choose_language,
    load_template,
    questionnaire_labels,
    render_pdf,
    template_language,
)
from intake_desktop.reporting.layout import format_number
from tests.reporting import pdfcheck
from tests.reporting.builders import EXAMPLES, document, example_data
from tests.reporting.test_templates import edit, set_key


@pytest.fixture
def doc():
    data = copy.deepcopy(example_data(EXAMPLES[0]))
    data["patient"]["language"] = "es"
    return document(data, name="Ana Ruiz")


def test_both_languages_are_installed() -> None:
    assert {"en", "es"} <= set(available_languages())


@pytest.mark.parametrize(
    ("tag", "folder"),
    [
        ("es", "es"),
        ("es-MX", "es"),
        ("es-419", "es"),
        ("ES-mx", "es"),
        (" es ", "es"),
        ("en", "en"),
        ("en-GB", "en"),
        ("fr", None),
        ("fr-CA", None),
        ("", None),
        ("not a tag", None),
        ("../en", None),
    ],
)
def test_the_primary_subtag_picks_the_folder(tag: str, folder: str | None) -> None:
    assert template_language(tag) == folder


def test_an_exact_regional_folder_wins(templates: Path) -> None:
    shutil.copytree(templates / "es", templates / "es-MX")
    assert template_language("es-MX", templates) == "es-MX"
    assert template_language("es-AR", templates) == "es"
    assert load_template("patient", "es-mx", templates).language == "es-MX"


@pytest.mark.parametrize(
    ("preferred", "language", "warned"),
    [(None, "en", False), ("", "en", False), ("es-MX", "es", False), ("fr", "en", True)],
)
def test_choose_language(preferred, language: str, warned: bool) -> None:
    choice = choose_language(preferred)
    assert choice.language == language
    assert choice.fell_back is warned
    if warned:
        assert repr(preferred) in choice.warning and "English" in choice.warning


def test_load_template_takes_tags_and_refuses_unknown_languages() -> None:
    assert load_template("patient", "es-MX").language == "es"
    with pytest.raises(TemplateError, match="no templates for language 'fr'"):
        load_template("patient", "fr")


def test_the_clinician_summary_falls_back_to_english_quietly(templates: Path, doc) -> None:
    """A language folder without clinician.toml: the referring doctor's copy stays English."""
    (templates / "es" / "clinician.toml").unlink()
    assert choose_language("es", "clinician", templates).language == "en"
    assert choose_language("es", "clinician", templates).warning is None
    assert load_template("clinician", "es", templates).language == "en"
    pdf = render_pdf("clinician", doc, templates_dir=templates)
    assert pdf.language == "en" and pdf.warnings == ()
    text = pdfcheck.text(pdf.data)
    assert load_template("clinician").plain("document.title") in text
    assert "Page 1 of" in text and "Página" not in text


def test_the_patient_summary_never_falls_back_inside_a_language(templates: Path, doc) -> None:
    """A Spanish folder without patient.toml is broken: no silent English sheet."""
    (templates / "es" / "patient.toml").unlink()
    assert choose_language("es", "patient", templates).language == "es"
    with pytest.raises(TemplateError) as info:
        render_pdf("patient", doc, templates_dir=templates)
    assert info.value.file.name == "patient.toml" and "not found" in str(info.value)


def test_the_record_language_wins_over_the_case(doc) -> None:
    """The patient record's language (kept up to date) overrides the one in the case file."""
    from dataclasses import replace

    assert doc.preferred_language == "es"
    english = replace(doc, language="en-US")
    assert english.preferred_language == "en-US"
    assert render_pdf("patient", english).language == "en"
    assert render_pdf("patient", doc).language == "es"
    assert render_pdf("patient", doc, language="en").language == "en"  # an explicit choice


def test_a_broken_spanish_template_names_its_file(templates: Path) -> None:
    set_key(templates / "es" / "common.toml", "page_number", '"Página {pagina} de {pages}"')
    with pytest.raises(TemplateError) as info:
        load_template("patient", "es", templates)
    assert info.value.file == templates / "es" / "common.toml"
    assert info.value.key == "page.page_number"


@pytest.mark.parametrize(
    ("language", "value", "text"),
    [("en", 1200, "1,200"), ("en", 2.5, "2.5"), ("es", 1200, "1\u00a0200"), ("es", 2.5, "2,5")],
)
def test_numbers_follow_the_language(language: str, value: float, text: str) -> None:
    assert format_number(load_template("patient", language), value) == text


# --- questionnaire labels ------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "es"])
def test_questionnaire_labels_have_one_label_per_answer(language: str) -> None:
    labels = questionnaire_labels(language)
    assert len(labels["odi"]["items"]) == ODI_SECTIONS
    assert len(labels["ndi"]["items"]) == NDI_SECTIONS
    zcq = labels["zcq"]
    sizes = {sub: len(zcq[sub]["items"]) for sub in ("symptom_severity", "physical_function")}
    assert sizes == {"symptom_severity": 7, "physical_function": 5}
    assert len(zcq["satisfaction"]["items"]) == 6
    for name in ("odi", "ndi", "zcq"):
        assert labels[name]["title"]


def test_questionnaire_labels_are_short_labels_not_form_text() -> None:
    """INSTRUMENTS.md: a few words per section, never the copyrighted questions."""
    for language in ("en", "es"):
        labels = questionnaire_labels(language)
        items = [
            *labels["odi"]["items"],
            *labels["ndi"]["items"],
            *(i for sub in ("symptom_severity", "physical_function", "satisfaction")
              for i in labels["zcq"][sub]["items"]),
        ]  # fmt: skip
        for item in items:
            assert len(item) <= 30 and "?" not in item, (language, item)


def test_questionnaire_labels_by_language() -> None:
    assert questionnaire_labels("en")["odi"]["items"][3] == "Walking"
    assert questionnaire_labels("es-MX")["odi"]["items"][3] == "Caminar"
    assert questionnaire_labels("es")["ndi"]["items"][7] == "Manejar"
    assert questionnaire_labels("fr") == questionnaire_labels("en")
    assert questionnaire_labels(None) == questionnaire_labels("en")


def test_questionnaire_labels_are_a_copy_the_caller_may_change() -> None:
    labels = questionnaire_labels("es")
    labels["odi"]["items"][0] = "changed"
    assert questionnaire_labels("es")["odi"]["items"][0] == "Intensidad del dolor"


def test_a_short_questionnaire_label_list_is_named(templates: Path) -> None:
    edit(
        templates / "es" / "common.toml",
        '    "Intensidad del dolor", "Cuidado personal", "Levantar peso", "Caminar", '
        '"Estar sentado",\n',
        "",
    )
    with pytest.raises(TemplateError) as info:
        questionnaire_labels("es", templates)
    assert info.value.key == "questionnaire_labels.odi.items"
    assert "10 entries" in str(info.value)
