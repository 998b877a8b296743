"""Section 9's rules on 5,000 generated visits, each printed in English and in Spanish.

The fast path: the words of each sheet come from reporting.patient_sheet (what patient.py lays
out, line for line), so the rules are checked on that text for every visit and language; a
sample is then rendered in full to PDF and read back with pypdf, to confirm that the PDF
prints exactly those words and that every page names the patient. Each language's 5,000
visits take about 10 seconds on an idle 2-core machine (marked slow; they run in the normal
suite, side by side under xdist), the 60 full PDFs about 3 seconds.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from intake_desktop.domain.codes import PROCEDURES
from intake_desktop.reporting import VisitDocument, load_template, render_pdf
from intake_desktop.reporting.conventions import clinic_words, fever_threshold
from intake_desktop.reporting.footer import identity
from intake_desktop.reporting.patient_sheet import patient_sheet, sheet_text
from intake_desktop.reporting.render import common_values
from intake_desktop.reporting.templates import Template
from tests.reporting import pdfcheck
from tests.reporting.builders import expected_signs
from tests.reporting.sheet_cases import sheet_cases

CASES = 5_000
FULL_PDFS = 30  # per language
LANGUAGES = ("en", "es")
#: Escalation sign -> the call-back trigger that would be wrong for a patient who has it.
NEW_TRIGGERS = {
    "leg_pain_dominant": "leg_pain_new",
    "sitting_breaks_increasing": "sitting_new",
    "home_measures_brief_benefit": "home_measures_new",
    "activities_given_up": "activities_new",
    "more_medication_less_activity": "medication_new",
    "weakness_or_balance_or_flares": "weakness_new",
}
SCAN_WORDS = re.compile(r"scan shows|your scan|su estudio muestra|su estudio apunta", re.I)
INJECTION_WORDS = re.compile(r"injection|inyecci|steroid|esteroide", re.I)


def folded(text: str) -> str:
    return " ".join(text.split()).lower()


class Sheets:
    """Each language's template and the words it prints for one visit."""

    def __init__(self) -> None:
        self.t = {lang: clinic_words(load_template("patient", lang)) for lang in LANGUAGES}

    def text(self, doc: VisitDocument, lang: str) -> str:
        t = self.t[lang]
        return sheet_text(patient_sheet(doc, t, common_values(doc, t)))


def say(t: Template, key: str, doc: VisitDocument, **values: Any) -> str:
    """A template text as printed (none of these texts name the patient, so the clinic's
    values suffice and each text is made once per template)."""
    memo = (id(t), key, tuple(sorted(values.items())))
    found = _said.get(memo)
    if found is None:
        clinic = t.clinic["clinic"]
        base = {
            "clinic_phone": clinic["phone"],
            "emergency_number": clinic["emergency_number"],
            "fever_threshold": fever_threshold(t),
            **values,
        }
        found = _said[memo] = folded(t.plain(key, **base))
    return found


#: Texts made by :func:`say`, by (template, key, values); the templates live for the module.
_said: dict[tuple[Any, ...], str] = {}


def check_rules(doc: VisitDocument, t: Template, printed: str) -> list[str]:
    """The broken rules of s. 9 in ``printed`` (the sheet's text), as messages."""
    problems: list[str] = []
    plan, case = doc.plan, doc.case
    text = folded(printed)
    acute = bool(plan["red_flags"]) or plan["level"] in ("urgent", "emergency")
    new_rules = str(plan.get("rules_version")) >= "2026.12"
    suggested = set(plan.get("procedures") or ())
    if not new_rules and "medial_branch_block" in plan["workup"]:
        suggested = {"medial_branch_block"}  # before 2026.12 the work-up named the test block
    # 1. No recommendation of a procedure the plan does not suggest.
    for code in PROCEDURES:
        if code in suggested and not doc.overridden:
            continue
        name = t.plain(f"procedures.{code}.name")
        for key in ("care.procedure", "next_steps.contact_procedure"):
            if say(t, key, doc, procedure=name) in text:
                problems.append(f"recommends {code} ({key})")
        if say(t, "care.recommended", doc, level=name) in text:
            problems.append(f"headline names {code}")
    # A vascular pattern is never told about spinal injections.
    vascular = plan["pattern"] == "vascular_claudication_suspected" and not doc.overridden
    if vascular and INJECTION_WORDS.search(printed):
        problems.append("vascular sheet speaks of injections")
    # 2. The pattern's safety-net signs, in full, and the go-now signs in short.
    for sign in expected_signs(doc):
        if say(t, f"safety_net.signs.{sign}.full", doc) not in text:
            problems.append(f"safety net lacks {sign}")
    go_now = say(t, "get_help.now", doc, signs="")[:25]
    if go_now not in text or say(t, "safety_net.signs.bladder_bowel.short", doc) not in text:
        problems.append("short safety net lacks go-now signs")
    # 3. No call-back trigger the patient already has.
    for sign, trigger in NEW_TRIGGERS.items():
        if sign in plan["escalation_signs"] and say(t, f"come_back.watch.{trigger}", doc) in text:
            problems.append(f"call-back trigger already present: {sign}")
    # 4. No scan statement without a scan.
    imaged = case.imaging is not None and case.imaging.modality is not None
    if not imaged and SCAN_WORDS.search(printed):
        problems.append("scan statement without imaging")
    # Only true sentences: months only after six months of care.
    weeks = case.treatment.conservative_care_weeks if case.treatment else None
    if say(t, "care.reasons.care_months", doc, weeks="")[:20] in text and (weeks or 0) < 26:
        problems.append("months of care after fewer than 26 weeks")
    # Emergency and same-day sheets leave the questions for later.
    if acute and folded(t.plain("headings.questions")) in text:
        problems.append("questions on an acute sheet")
    # 5. Identification: never empty, never a stray separator.
    who = identity(t, doc)
    first_lines = printed.splitlines()[:2]
    if not who.strip() or not first_lines[1].startswith(who) or "·  ·" in first_lines[1]:
        problems.append(f"identification: {first_lines[1]!r}")
    return problems


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGUAGES)
def test_section_9_holds_for_5000_visits(lang: str) -> None:
    """Each language on its own, so that the two run side by side under xdist."""
    sheets = Sheets()
    broken: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for _data, doc in sheet_cases(CASES):
        seen[f"{doc.plan['pattern']}/{doc.level}"] += 1
        for problem in check_rules(doc, sheets.t[lang], sheets.text(doc, lang)):
            broken[problem] += 1
            examples.setdefault(problem, f"{lang}: {doc.case}")
    assert not broken, (broken.most_common(10), list(examples.items())[:3])
    # The generator reaches every pattern and the levels that matter.
    patterns = {k.split("/")[0] for k in seen}
    levels = {k.split("/")[1] for k in seen}
    assert len(patterns) == 6 and {"conservative", "interventional", "surgical", "urgent"} <= levels


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_pdf_prints_the_sheets_words_with_the_patient_on_every_page(lang: str) -> None:
    sheets = Sheets()
    t = sheets.t[lang]
    for _data, doc in sheet_cases(FULL_PDFS, seed=7 + len(lang)):
        pdf = render_pdf("patient", doc, language=lang)
        pages = [folded(p) for p in pdfcheck.page_texts(pdf.data)]
        who = identity(t, doc)
        born = folded(t.plain("page.footer", patient_name=who, **_dates(doc, t)))
        for page in pages:
            assert born in page
        # The body alone (a paragraph may run on over a page break): page furniture taken out.
        body = " ".join(_without_furniture(page, t, born, len(pages)) for page in pages)
        for line in sheets.text(doc, lang).splitlines()[2:]:  # title and name: as furniture
            assert folded(line) in body, line
        assert folded(t.plain("headings.next_steps")) in pages[0]
        assert folded(t.plain("headings.get_help")) in pages[0]


def _without_furniture(page: str, t: Template, footer: str, pages: int) -> str:
    clinic = t.clinic["clinic"]
    furniture = [
        f"{clinic['name']} {clinic['address']} {clinic['phone']} · {clinic['website']}",
        t.plain("document.title") + " " + t.plain("page.draft_note"),
        t.plain("document.title"),
        footer,
        t.plain("page.draft_mark"),
        *(t.plain("page.page_number", page=n, pages=pages) for n in range(1, pages + 1)),
    ]
    for item in furniture:
        page = page.replace(folded(item), " ", 1) if folded(item) in page else page
    return " ".join(page.split())


def _dates(doc: VisitDocument, t: Template) -> dict[str, str]:
    values = common_values(doc, t)
    return {"date_of_birth": values["date_of_birth"], "visit_date": values["visit_date"]}
