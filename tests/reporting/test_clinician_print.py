"""The clinician summary as a referring clinician reads it (issue 14): words, never codes; partial
scores that say so; Spanish; signature and amendments; the page frame. Read back with pypdf.
"""

from __future__ import annotations

import copy
import re
import shutil
import time
import tomllib
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import fp_str

from intake_desktop.domain.engine import RULES
from intake_desktop.reporting import DEFAULT_TEMPLATES_DIR, load_template, render_pdf
from intake_desktop.reporting.layout import LEFT_MARGIN
from intake_desktop.reporting.scores import konno_bounds
from intake_desktop.reporting.template_spec import rule_key
from intake_desktop.reporting.wording import CODE_WORDS, STORED_CODES, clinical_line
from tests.reporting import pdfcheck
from tests.reporting.builders import (
    EXAMPLES,
    amended,
    busiest_plan_case,
    document,
    everything_case,
    example_data,
)
from tests.reporting.language_check import flat_keys
from tests.reporting.test_trends_pdf import follow_up

EN, ES = load_template("clinician", "en"), load_template("clinician", "es")
_RULE_ID = re.compile(r"\bR\d+b?\.[a-z0-9_]+")
_CODE_LIKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def _cases() -> dict[str, object]:
    cases = {p.stem: document(example_data(p), status="signed") for p in EXAMPLES}
    cases["everything"] = document(everything_case(4), status="signed")
    cases["busiest"] = document(busiest_plan_case())
    cases["amended"] = amended(example_data(EXAMPLES[3]))
    cases["follow_up"] = follow_up(2)
    return cases


CASES = _cases()


@pytest.fixture(scope="module")
def printed() -> dict[tuple[str, str], str]:
    """The text of every case's clinician summary, in English and in Spanish."""
    return {
        (name, lang): pdfcheck.text(render_pdf("clinician", doc, language=lang).data)
        for name, doc in CASES.items()
        for lang in ("en", "es")
    }


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("name", list(CASES))
def test_no_code_is_printed(printed, name: str, lang: str) -> None:
    """No stored code (a word with an underscore from domain.codes, the Konno/Cook items) is
    printed. Rule ids are allowed only right after the rule's name from the template, in the list
    of rules that fired: every time an id prints, its name is just before it (a finding once read
    "as chosen by R5.mild", while the id also printed rightly in the list)."""
    text = printed[(name, lang)]
    t = EN if lang == "en" else ES
    for match in _RULE_ID.finditer(text):
        rule = match.group(0)
        assert rule in RULES, rule
        name_then = f"{t.plain(f'rules.{rule_key(rule)}')} · "
        assert text[: match.start()].endswith(name_then), f"{rule} printed without its name"
    left = [w for w in _CODE_LIKE.findall(_RULE_ID.sub(" ", text)) if w in CODE_WORDS]
    assert left == [], f"codes printed raw: {sorted(set(left))}"


def test_every_code_has_a_spanish_name() -> None:
    """A code without a Spanish name would print in English on the Spanish summary."""
    missing = sorted(c for c in STORED_CODES if c not in ES.raw("codes"))
    assert missing == []


def test_every_english_clinician_text_has_its_spanish() -> None:
    """A text added to en/clinician.toml cannot be forgotten in es/ (es/ may run ahead)."""
    en, es = (
        tomllib.loads((DEFAULT_TEMPLATES_DIR / lang / "clinician.toml").read_text("utf-8"))
        for lang in ("en", "es")
    )
    assert sorted(flat_keys(en) - flat_keys(es) - {"codes"}) == []


def test_codes_inside_engine_sentences_become_labels() -> None:
    line = "bladder_bowel_dysfunction (red-flag screen); imaging (mri)"
    assert clinical_line(EN, line) == (
        "New loss of bladder or bowel control (red-flag screen); imaging (MRI)"
    )
    assert clinical_line(ES, line).startswith("Pérdida nueva del control de vejiga")
    assert clinical_line(EN, "a < b & c") == "a &lt; b &amp; c"


def test_the_patients_language_is_named(printed) -> None:
    assert "Language English" in printed[("everything", "en")]
    assert "Idioma inglés" in printed[("everything", "es")]


def test_a_partial_konno_score_gives_its_range_not_a_list_of_findings(printed) -> None:
    """Example 02 misses four Konno items: the note counts them, and says what the full score
    could be; it no longer lists them as if they were findings ("no diabetes")."""
    doc = CASES["02_cauda_equina"]
    konno = doc.plan["scores"]["konno"]
    missing = konno["not_recorded"]
    low, high = konno_bounds(konno["points"], missing)
    text = printed[("02_cauda_equina", "en")]
    assert f"partial: {len(missing)} of 9 items not recorded" in text
    assert f"the full score lies between {low} and {high}" in text
    assert "no diabetes" not in text and "not recorded:" not in text
    es = printed[("02_cauda_equina", "es")]
    assert f"parcial: {len(missing)} de 9 ítems sin registrar" in es


def test_konno_missing_only_positive_items_is_a_lower_bound() -> None:
    data = copy.deepcopy(everything_case(4))
    data["red_flags"] = []
    data.pop("comorbidities")  # "no diabetes" (+1) is now unknown, and nothing that subtracts
    doc = document(data, status="signed")
    konno = doc.plan["scores"]["konno"]
    assert konno["not_recorded"] == ["no_diabetes"]
    text = pdfcheck.text(render_pdf("clinician", doc).data)
    assert f"at least {konno['points']}" in text
    assert "partial: 1 of 9 items not recorded; the full score can only be higher" in text
    assert konno_bounds(4, ["straight_leg_raise_positive", "no_diabetes"]) == (2, 5)


@pytest.mark.parametrize(
    ("answers", "en", "es"),
    [([4] * 10, "crippling", "invalidante"), ([5] * 9 + [4], "bed-bound", "postrado en cama")],
)
def test_odi_top_bands_print_in_clinicians_words(answers, en: str, es: str) -> None:
    data = copy.deepcopy(example_data(EXAMPLES[3]))
    data["questionnaires"] = {"odi": answers}
    doc = document(data, status="signed")
    for lang, word in (("en", en), ("es", es)):
        text = pdfcheck.text(render_pdf("clinician", doc, language=lang).data)
        assert word in text
        assert "bed_bound" not in text and "crippled" not in text


def test_the_spanish_clinician_summary_is_spanish(printed) -> None:
    """Every heading, status and level name in Spanish; none of the English ones."""
    doc = CASES["02_cauda_equina"]
    pdf = render_pdf("clinician", doc, language="es")
    assert pdf.language == "es" and pdf.warnings == ()
    text = printed[("02_cauda_equina", "es")]
    for key in ("red_flags", "identification", "recommendation", "rules", "signature"):
        assert ES.plain(f"headings.{key}") in text
        assert EN.plain(f"headings.{key}") not in text
    assert ES.plain("status.signed") in text and ES.plain("red_flags.emergency") in text
    assert ES.raw("codes")["emergency"] in text
    assert ES.raw("codes")["bladder_bowel_dysfunction"] in text
    assert "Página 1 de" in text and "Page 1 of" not in text


def test_first_visit_says_there_is_nothing_to_compare(printed) -> None:
    text = printed[("04_mild_candidate", "en")]
    assert EN.plain("alerts.first_visit") in text
    assert "No alerts" not in text
    assert ES.plain("alerts.first_visit") in printed[("04_mild_candidate", "es")]
    later = printed[("follow_up", "en")]
    assert EN.plain("alerts.first_visit") not in later and "Compared with the visit of" in later


def test_amendments_print_beside_the_status_and_under_every_title() -> None:
    doc = amended(example_data(EXAMPLES[3]))
    for kind in ("clinician", "patient"):
        pages = pdfcheck.page_texts(render_pdf(kind, doc).data)
        assert all("Amended on 22 November 2026 (Added imaging date.)" in p for p in pages), kind
    first = pdfcheck.page_texts(render_pdf("clinician", doc).data)[0]
    status = first.index(EN.plain("status.amended"))
    assert 0 < first.index("Amended on 21 November 2026 (Corrected ODI answers.)") - status < 200
    es = pdfcheck.text(render_pdf("clinician", doc, language="es").data)
    assert "Enmendado el 22 de noviembre de 2026 (Added imaging date.)" in es


@pytest.fixture
def chicago(monkeypatch):
    """The clinic's clock in Chicago, whatever the test machine's zone."""
    monkeypatch.setenv("TZ", "America/Chicago")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_signature_line_names_the_signer_with_the_time_zone(chicago) -> None:
    doc = replace(
        CASES["04_mild_candidate"],
        signed_at=datetime(2026, 11, 20, 22, 5, tzinfo=ZoneInfo("UTC")),
        signer_name="Aino Lindqvist",
        signer_credentials="MD, FRCPC",
        content_hash="9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    )
    text = pdfcheck.text(render_pdf("clinician", doc).data)
    assert "Aino Lindqvist, MD, FRCPC (user: Dr Aino Lindqvist)" in text
    assert "20 November 2026, 16:05 CST" in text
    assert "9f86d081 884c7d65" in text
    plain = pdfcheck.text(render_pdf("clinician", CASES["04_mild_candidate"]).data)
    assert EN.plain("labels.content_hash") not in plain


def _rgb(hex_colour: str) -> str:
    """The PDF fill instruction of a template colour."""
    c = HexColor(hex_colour)
    return f"{fp_str(c.red, c.green, c.blue)} rg"


def _runs(data: bytes) -> list[list[tuple[float, float, str]]]:
    """Per page, (x, y, text) of every text run."""
    pages = []
    for page in pdfcheck.reader(data).pages:
        runs: list[tuple[float, float, str]] = []

        def visit(text, cm, tm, _font, _size, runs=runs):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                runs.append((x, y, " ".join(text.split())))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


@pytest.mark.parametrize("kind", ["clinician", "patient"])
def test_page_frame_keeps_its_margins(kind: str) -> None:
    """Left margin at least 3/4 in; the footer's baseline more than 1/2 in above the edge."""
    for doc in (CASES["everything"], CASES["follow_up"]):
        for runs in _runs(render_pdf(kind, doc).data):
            assert min(x for x, _, _ in runs) >= LEFT_MARGIN - 0.5
            footer = [y for _, y, text in runs if text.startswith("Page ")]
            assert footer and min(footer) >= 36 + 2  # 0.5 in, plus the letters' descent


@pytest.mark.parametrize("kind", ["clinician", "patient"])
def test_draft_mark_is_a_shape_drawn_over_the_boxes(kind: str) -> None:
    """The DRAFT mark is not text (only the letterhead's note reads "DRAFT"), and it is drawn
    after the red-flag box's fill, so no box hides it."""
    data = example_data(next(p for p in EXAMPLES if "cauda_equina" in p.stem))
    pdf = render_pdf(kind, document(data)).data
    note = EN.plain("page.draft_note")
    for page in pdfcheck.page_texts(pdf):
        assert page.count(EN.plain("page.draft_mark")) == 1 and note in page
    first = pdfcheck.reader(pdf).pages[0].get_contents().get_data().decode("latin-1")
    box_fill = first.index(_rgb(EN.clinic["colours"]["alert_background"]))  # the red-flag box
    assert first.index("/FormXob.draft-mark Do") > box_fill


def test_the_patient_sheet_carries_the_signature_too(chicago) -> None:
    """Issue 13 item 6: the electronic signature prints on the summaries, the patient's too:
    who (full name and credentials), when with the time zone, and the fingerprint's start."""
    signed = replace(
        CASES["04_mild_candidate"],
        signed_at=datetime(2026, 11, 20, 22, 5, tzinfo=ZoneInfo("UTC")),
        signer_name="Aino Lindqvist",
        signer_credentials="MD",
        content_hash="9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    )
    expected = {
        "en": "Signed by Aino Lindqvist, MD on 20 November 2026, 16:05 CST",
        "es": "Firmado por Aino Lindqvist, MD el 20 de noviembre de 2026",
    }
    for language, words in expected.items():
        doc = replace(signed, language=language)
        text = " ".join(pdfcheck.text(render_pdf("patient", doc).data).split())
        assert words in text and "9f86d081884c7d65" in text, language
    draft = replace(CASES["04_mild_candidate"], status="draft", signed_at=None)
    assert "Signed by" not in pdfcheck.text(render_pdf("patient", draft).data)


def test_a_us_clinic_reads_yards_beside_the_recorded_metres(tmp_path) -> None:
    """The clinic's units setting reaches the clinician summary: the metres as recorded, then
    yards (or feet) for a US clinic; a metric clinic's summary shows metres alone."""
    us = DEFAULT_TEMPLATES_DIR / "clinic.toml"
    folder = tmp_path / "templates"
    shutil.copytree(DEFAULT_TEMPLATES_DIR, folder)
    clinic = (folder / "clinic.toml").read_text(encoding="utf-8")
    metric = re.sub(r'units = "us"', 'units = "metric"', clinic)
    assert 'units = "us"' in us.read_text(encoding="utf-8") and metric != clinic
    doc = CASES["01_lumbar_early"]
    text = " ".join(pdfcheck.text(render_pdf("clinician", doc, templates_dir=folder).data).split())
    assert "300 m (328 yd)" in text
    (folder / "clinic.toml").write_text(metric, encoding="utf-8")
    text = " ".join(pdfcheck.text(render_pdf("clinician", doc, templates_dir=folder).data).split())
    assert "300 m" in text and " yd" not in text
