"""The patient summary in Spanish, read back from the PDF: Spanish throughout, accents intact.

Every shared example is printed for a patient whose preferred language is Spanish; what a reader
(or a screen reader) gets out of the PDF must be the Spanish templates' wording, with no English
sentence or label left, and the page furniture (dates, "Página X de Y", BORRADOR) in Spanish too.
"""

from __future__ import annotations

import copy
import tomllib

import pytest

from intake_desktop.reporting import DEFAULT_TEMPLATES_DIR, load_template, render_pdf
from tests.reporting import pdfcheck
from tests.reporting.builders import (
    EXAMPLES,
    LONG_NAME,
    busiest_plan_case,
    document,
    everything_case,
    example_data,
    expected_signs,
    headline_key,
)
from tests.reporting.language_check import (
    ENGLISH_FUNCTION_WORDS,
    flat_keys,
    foreign_words,
    not_ours,
    vocabulary,
)

ES = load_template("patient", "es")
NAME = "Lucía Fernández Peña"
ENGLISH = vocabulary("en")
SPANISH = vocabulary("es")
ACCENTS = set("áéíóúñ¿")


def plain(key: str, **values: str) -> str:
    return " ".join(ES.plain(key, **values).split())


def has(text: str, phrase: str) -> bool:
    """Case-insensitive containment, white space folded (lines wrap anywhere)."""
    return " ".join(phrase.split()).lower() in text.lower()


def spanish(data: dict, *, name: str = NAME, status: str = "draft", **extra):
    """A visit of a patient who prefers Spanish (Mexican Spanish: the ``es`` folder serves it)."""
    data = copy.deepcopy(data)
    data["patient"]["language"] = "es-MX"
    return document(data, name=name, status=status, **extra)


@pytest.fixture(params=EXAMPLES, ids=lambda p: p.stem)
def example(request):
    return example_data(request.param)


@pytest.mark.parametrize("status", ["draft", "signed"])
def test_every_example_prints_in_spanish_with_what_the_patient_needs(example, status) -> None:
    doc = spanish(example, status=status)
    pdf = render_pdf("patient", doc)  # no language given: the patient's preferred one
    text = pdfcheck.text(pdf.data)
    plan = doc.plan

    assert pdf.language == "es" and pdf.warnings == ()
    assert pdfcheck.reader(pdf.data).metadata.title.startswith("Resumen de su consulta")
    assert 1 <= pdf.pages <= 2
    assert NAME in text
    assert "20 de noviembre de 2026" in text
    assert has(text, plain("care.recommended", level=plain(headline_key(doc))))
    acute = bool(plan["red_flags"])
    for section in ("found", "care", "tests", "next_steps", "safety_net"):
        assert has(text, plain(f"headings.{section}")), section
    for code in plan["red_flags"]:
        assert has(text, plain(f"red_flags.{code}", fever_threshold="100,4 °F (38 °C)")), code
    for code in plan["workup"]:
        assert has(text, plain(f"tests.workup.{code}.name")), code
    for question in ES.raw("questions.items"):
        assert has(text, question) != acute  # an emergency sheet leaves the questions out


def test_the_safety_net_lists_the_patterns_warning_signs_in_spanish(example) -> None:
    doc = spanish(example)
    text = pdfcheck.text(render_pdf("patient", doc).data)
    assert has(text, "Cuándo pedir ayuda de inmediato")
    assert has(text, plain("safety_net.emergency_intro", emergency_number="911"))
    assert has(text, plain("safety_net.urgent_intro", clinic_phone="(555) 010-0100"))
    for sign in expected_signs(doc):
        full = plain(f"safety_net.signs.{sign}.full", fever_threshold="100,4 °F (38 °C)")
        assert has(text, full), sign


def test_accents_print_and_extract_intact(example) -> None:
    text = pdfcheck.text(render_pdf("patient", spanish(example)).data)
    # "ú" happens not to occur on the emergency sheet (it has no questions, s. 9).
    assert set(text) >= ACCENTS - {"ú"}, sorted(ACCENTS - set(text))
    assert "\ufffd" not in text and "Ã" not in text  # no replacement characters, no mojibake
    assert pdfcheck.unembedded_fonts(render_pdf("patient", spanish(example)).data) == set()


def test_no_english_is_left(example) -> None:
    """No English function word, and no word only the English templates use, is printed."""
    for status, accepted in (("draft", None), ("amended", None), ("signed", "surgical")):
        doc = spanish(example, status=status, accepted_level=accepted)
        text = pdfcheck.text(render_pdf("patient", doc).data)
        left = foreign_words(
            text,
            own=SPANISH,
            other=ENGLISH,
            function_words=ENGLISH_FUNCTION_WORDS,
            exclude=not_ours(ES, NAME),
        )
        assert not left, f"English words in the Spanish summary: {sorted(left)}"


def test_the_busiest_sheets_stay_spanish_and_within_three_pages() -> None:
    for data in (busiest_plan_case(), everything_case(20)):
        doc = spanish(data, name=LONG_NAME)
        pdf = render_pdf("patient", doc)
        text = pdfcheck.text(pdf.data)
        assert pdf.pages <= 3
        assert not foreign_words(
            text,
            own=SPANISH,
            other=ENGLISH,
            function_words=ENGLISH_FUNCTION_WORDS,
            exclude=not_ours(ES, LONG_NAME),
        )
        for page in pdfcheck.page_texts(pdf.data):  # the footer keeps the dates for long names
            assert "11 de abril de 1949" in page and "20 de noviembre de 2026" in page


@pytest.mark.parametrize("status", ["draft", "signed", "amended"])
def test_borrador_on_every_page_of_a_draft_only(status: str) -> None:
    doc = spanish(example_data(EXAMPLES[0]), status=status)
    pages = pdfcheck.page_texts(render_pdf("patient", doc).data)
    assert all("BORRADOR" in page for page in pages) == (status == "draft")
    assert not any("DRAFT" in page for page in pages)
    for number, page in enumerate(pages, start=1):
        assert f"Página {number} de {len(pages)}" in page
        assert "nacimiento: 2 de marzo de 1958" in page


def test_red_flags_come_first_in_spanish() -> None:
    data = example_data(next(p for p in EXAMPLES if "cauda_equina" in p.stem))
    first = pdfcheck.page_texts(render_pdf("patient", spanish(data)).data)[0].lower()
    assert first.index("vaya ahora mismo a la sala de emergencias") < first.index(
        "lo que encontramos"
    )


def test_walking_distance_uses_spanish_numbers(metric_templates) -> None:
    data = copy.deepcopy(example_data(EXAMPLES[0]))
    data["history"]["painless_walking_distance_m"] = 1200
    pdf = render_pdf("patient", spanish(data), templates_dir=metric_templates)
    text = pdfcheck.text(pdf.data)
    assert "caminar 1\u00a0200 metros" in text or "caminar 1 200 metros" in text
    assert "1,200" not in text


def test_a_us_clinic_gives_spanish_sheets_yards_in_spanish() -> None:
    data = copy.deepcopy(example_data(EXAMPLES[0]))
    data["history"]["painless_walking_distance_m"] = 1200
    text = pdfcheck.text(render_pdf("patient", spanish(data)).data)
    assert "caminar 1\u00a0310 yardas" in text or "caminar 1 310 yardas" in text
    assert "metros" not in text and "yards" not in text


@pytest.mark.parametrize("name", ["common", "patient"])
def test_spanish_and_english_templates_have_the_same_keys(name: str) -> None:
    """A text added in English cannot be forgotten in Spanish, nor the other way round."""
    en, es = (
        tomllib.loads((DEFAULT_TEMPLATES_DIR / lang / f"{name}.toml").read_text("utf-8"))
        for lang in ("en", "es")
    )
    # English only: the words a UK clinic spells differently (conventions.py).
    english = {k for k in flat_keys(en) if not k.startswith("spelling.")}
    assert sorted(english - flat_keys(es)) == [], "missing in es/"
    assert sorted(flat_keys(es) - english) == [], "missing in en/"


def test_every_spanish_text_is_translated() -> None:
    """No Spanish template text is a copy of the English one (labels such as "no" aside)."""
    en_data, es_data = (
        tomllib.loads((DEFAULT_TEMPLATES_DIR / lang / "patient.toml").read_text("utf-8"))
        for lang in ("en", "es")
    )

    def leaves(node, prefix=""):
        for key, value in node.items():
            if isinstance(value, dict):
                yield from leaves(value, f"{prefix}{key}.")
            else:
                yield f"{prefix}{key}", value

    english = dict(leaves(en_data))
    same = [
        key
        for key, value in leaves(es_data)
        if value == english.get(key)
        and value not in ("", [])
        and key not in ("document.section_order", "get_help.separator")  # codes, punctuation
    ]
    assert same == []
