"""What the patient sheet says, as text blocks: every sentence chosen from the facts of the visit.

This is the patient summary without the PDF: :func:`patient_sheet` returns the blocks in
printing order, each a list of styled lines in paragraph markup, and :mod:`.patient` lays them
out. Keeping the words apart from the page lets the rules of CLINICAL_CONTENT.md section 9 be
checked on thousands of visits in seconds (tests/reporting/test_sheet_rules.py), with a sample
rendered in full to confirm that the PDF prints exactly these words.

Page 1 always starts the same way: the title and who the sheet is for, the red box when a red
flag is present (what to do now), the "Next steps" box and the short safety net. The template's
section order follows. Emergency and same-day sheets drop routine home care and the questions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from intake_desktop.domain.followup import trends

from .conventions import chart_unit, distance_text, fever_threshold, in_unit
from .document import VisitDocument
from .homecare import home_care_items
from .layout import clock_time, details_updated_note, format_date, format_number
from .patient_facts import sheet_facts
from .reasons import reasons
from .safety import triggers as call_back_triggers
from .safety import warning_signs
from .sheet_context import Block, Line, SheetContext
from .templates import Template

#: The "why" stays short: the deciding facts come first.
MAX_REASONS = 4
#: The walking picture shows the latest visits only, so every bar keeps a readable label.
PATIENT_BARS = 6
#: Work-up that is a referral or a procedure, not a test the clinic books.
_NOT_TESTS = frozenset({"vascular_referral"})
#: Levels whose treatment the clinic books itself (a surgeon's office books the operation).
_TREATMENT_LEVELS = frozenset({"interventional", "minimally_invasive"})


def patient_sheet(doc: VisitDocument, t: Template, values: dict[str, Any]) -> list[Block]:
    """The blocks of the patient summary of ``doc`` in ``t``'s words, in printing order."""
    facts = sheet_facts(doc)
    c = SheetContext(doc, t, facts, {**values, "fever_threshold": fever_threshold(t)})
    title = [Line("title", c.text("document.title")), Line("small", c.text("page.footer"))]
    updated = details_updated_note(t, doc)  # the name above is the one signed
    if updated:
        title.append(Line("small", escape(updated)))
    blocks = [Block("title", tuple(title))]
    if doc.red_flags:
        blocks.append(_alert(c))
    blocks += [_next_steps(c), _get_help(c)]
    if t.raw("intro.text", ""):
        blocks.append(Block("intro", (Line("body", c.text("intro.text")),)))
    for section in t.raw("document.section_order"):
        if facts.acute and section == "questions":
            continue  # questions wait for the next visit's sheet
        blocks += _SECTIONS[section](c)
    blocks.append(_signed(c))
    return [b for b in blocks if b.lines]


def _signed(c: SheetContext) -> Block:
    """Who signed the visit, when (with the time zone) and the start of the signed content's
    fingerprint, so the patient's copy carries the same electronic signature as the records."""
    doc = c.doc
    if doc.is_draft or doc.signed_at is None or not c.t.has("page.signed_note"):
        return Block("signed", ())
    name = ", ".join(x for x in (doc.signer_name, doc.signer_credentials) if x)
    moment = doc.signed_at.astimezone()
    note = c.text(
        "page.signed_note",
        signer=name or doc.signed_by or "",
        date=format_date(c.t, moment.date()),
        time=clock_time(moment),
        fingerprint=(doc.content_hash or "")[:16] or "—",
    )
    return Block("signed", (Line("small", note),))


def sheet_text(blocks: Sequence[Block]) -> str:
    """The plain text of the sheet (markup removed, entities decoded), one line per paragraph."""
    from xml.sax.saxutils import unescape

    return "\n".join(
        unescape(line.markup.replace("<b>", "").replace("</b>", ""))
        for block in blocks
        for line in block.lines
    )


def _alert(c: SheetContext) -> Block:
    """The first thing on page 1 when a red flag is present: where to go, and why."""
    kind = "emergency" if c.doc.red_flag_level == "emergency" else "urgent"
    return Block(
        "alert",
        (
            Line("alert_heading", c.text(f"alert.{kind}_heading")),
            Line("body", c.text(f"alert.{kind}_text")),
            Line("subheading", c.text("alert.found")),
            *(Line("bullet", _flag_text(c, code)) for code in c.doc.red_flags),
        ),
        box="alert",
    )


def _flag_text(c: SheetContext, code: str) -> str:
    """A red flag in the patient's words; an unknown code still prints, never vanishes."""
    key = f"red_flags.{code}"
    text = c.text(key) if c.t.has(key) else escape(code.replace("_", " "))
    return text[:1].upper() + text[1:]


def _next_steps(c: SheetContext) -> Block:
    """Page 1's box: the next appointment, who will call about what, the clinician's note, and
    the clinic's number."""
    f, doc = c.facts, c.doc
    follow_up = doc.case.follow_up
    when = follow_up.next_visit_date if follow_up else None
    lines = [Line("subheading", c.text("headings.next_steps"))]
    if when is not None:
        lines.append(Line("body", c.text("next_steps.appointment", date=format_date(c.t, when))))
    keys: list[tuple[str, dict[str, Any]]] = []
    if f.acute:
        emergency = doc.red_flag_level == "emergency" or f.level == "emergency"
        keys.append(("next_steps.acute_emergency" if emergency else "next_steps.acute_urgent", {}))
    else:
        if "vascular_referral" in f.workup:
            keys.append(("next_steps.contact_vascular", {}))
        if f.level == "surgical" and not f.vascular_first:
            keys.append(("next_steps.contact_surgeon", {}))
        if f.procedure is not None:
            keys.append(("next_steps.contact_procedure", {"procedure": _procedure_name(c)}))
        elif f.level in _TREATMENT_LEVELS and not (f.review or f.vascular_first):
            keys.append(("next_steps.contact_treatment", {}))  # a plan that names none
        if f.review:
            keys.append(("next_steps.contact_review", {}))
        if [w for w in f.workup if w not in _NOT_TESTS]:
            keys.append(("next_steps.contact_tests", {}))
        if when is None and not f.review:  # a review has no date yet: the clinician calls
            book = "vascular" if f.vascular_first else f.level
            keys.append((f"next_steps.book.{book}", {}))
    lines += [Line("body", c.text(key, **extra)) for key, extra in keys]
    note = (follow_up.note_for_patient or "").strip() if follow_up else ""
    if note:
        lines.append(Line("body", c.text("next_steps.note", note=note)))
    lines.append(Line("body", c.text("next_steps.phone")))
    lines.append(Line("body", c.text("closing.contact")))
    return Block("next_steps", tuple(lines), box="next", keep=True)


def _get_help(c: SheetContext) -> Block:
    """Page 1's short safety net: go now / call today, with the signs that fit the pattern."""
    lines = [Line("subheading", c.text("headings.get_help"))]
    for when in ("now", "today"):
        signs = warning_signs(c.facts.groups, when, short=True)
        if signs:
            words = c.t.raw("get_help.separator", "; ")
            joined = words.join(c.plain(f"safety_net.signs.{s}.short") for s in signs)
            lines.append(Line("body", c.text(f"get_help.{when}", signs=joined)))
    return Block("get_help", tuple(lines), box="safety", keep=True)


def _found(c: SheetContext) -> list[Block]:
    pattern = c.facts.pattern
    key = f"found.patterns.{pattern}"
    lines = [
        c.heading("found"),
        Line("body", c.text(key if c.t.has(key) else "found.patterns.mixed_or_unclear")),
    ]
    history = c.doc.case.history
    standing = history.standing_tolerance_min if history else None
    if c.facts.walking_m is not None:
        distance = distance_text(c.t, c.facts.walking_m)
        lines.append(Line("body", c.text("found.walking", walking_distance=distance)))
    elif standing is not None:
        lines.append(
            Line("body", c.text("found.standing", standing_time=format_number(c.t, standing)))
        )
    return [Block("found", tuple(lines)), *_walking_picture(c)]


def _walking_picture(c: SheetContext) -> list[Block]:
    """The patient's own painless walking distance over the visits, when there are two or more."""
    if len(c.doc.visits) < 2 or not c.t.raw("found.walking_trend", ""):
        return []
    points = trends(c.doc.visits).get("walking_distance_m", [])[-PATIENT_BARS:]
    if len(points) < 2:
        return []
    unit = chart_unit(c.t, max(float(v) for _, v in points))
    lines = [Line("body", c.text("found.walking_trend", distance_unit=c.plain(f"units.{unit}")))]
    if c.t.raw("found.walking_trend_note", ""):
        lines.append(Line("small", c.text("found.walking_trend_note")))
    converted = tuple((d, in_unit(float(v), unit)) for d, v in points)
    return [Block("walking_picture", tuple(lines), keep=True, picture=converted, unit=unit)]


def _procedure_name(c: SheetContext) -> str:
    return c.plain(f"procedures.{c.facts.procedure}.name")


def _care(c: SheetContext) -> list[Block]:
    """The recommendation, named as the plan names it, and why, in facts of this visit."""
    f, doc = c.facts, c.doc
    procedure_line: list[Line] = []
    if doc.overridden or f.acute:
        name_key, about_key = f"care.levels.{f.level}.name", f"care.levels.{f.level}.about"
    elif f.vascular_first:
        name_key, about_key = "care.vascular.name", "care.vascular.about"
    elif f.review:
        name_key, about_key = "care.review.name", "care.review.about"
    elif f.procedure is not None and f.level == "interventional":
        name_key, about_key = f"procedures.{f.procedure}.name", f"procedures.{f.procedure}.about"
    else:
        name_key, about_key = f"care.levels.{f.level}.name", f"care.levels.{f.level}.about"
        if f.procedure is not None and not doc.chosen_procedure:
            procedure_line = [
                Line("body", c.text("care.procedure", procedure=_procedure_name(c))),
                Line("body", c.text(f"procedures.{f.procedure}.about")),
            ]
    if doc.chosen_procedure and not f.vascular_first:  # chosen with the patient: always said
        words = c.plain(f"care.procedure_names.{doc.chosen_procedure}")
        procedure_line = [Line("body", c.text("care.chosen_procedure", procedure=words))]
    lines = [
        c.heading("care"),
        Line("body", c.text("care.recommended", level=c.plain(name_key))),
        Line("body", c.text(about_key)),
        *procedure_line,
    ]
    if doc.overridden:
        lines.append(Line("body", c.text("care.override")))
    else:
        why = list(dict.fromkeys(c.text(k, **v) for k, v in reasons(c)))[:MAX_REASONS]
        if why:
            lines.append(Line("body", f"<b>{c.text('care.why')}</b> " + " ".join(why)))
    for alt in doc.plan.get("alternatives") or ():
        if alt != f.level and c.t.has(f"care.levels.{alt}.name") and not f.vascular_first:
            name = c.plain(f"care.levels.{alt}.name")
            lines.append(Line("body", c.text("care.alternative", alternative=name)))
    return [Block("care", tuple(lines))]


def _tests(c: SheetContext) -> list[Block]:
    lines = [c.heading("tests")]
    items = []
    for code in c.facts.workup:
        key = f"tests.workup.{code}"
        if c.t.has(key):
            items.append(f"<b>{c.text(key + '.name')}</b> – {c.text(key + '.what')}")
        else:  # a code this template does not know yet: print it rather than drop a test
            items.append(f"<b>{escape(code.replace('_', ' '))}</b>")
    lines += [Line("bullet", i) for i in items] or [Line("body", c.text("tests.none"))]
    return [Block("tests", tuple(lines))]


def _home_care(c: SheetContext) -> list[Block]:
    """Home care fitted to the plan; before an urgent assessment, only what to do until then."""
    if c.facts.acute:
        lines = (
            Line("heading", c.text("home_care.until_seen_heading")),
            Line("body", c.text("home_care.until_seen")),
        )
        return [Block("until_seen", lines)]
    keys = home_care_items(c.doc.case, c.doc.plan, c.facts.level)
    return [
        Block(
            "home_care",
            (
                c.heading("home_care"),
                Line("body", c.text("home_care.intro")),
                *(Line("bullet", c.text(f"home_care.items.{k}")) for k in keys),
            ),
        )
    ]


def _come_back(c: SheetContext) -> list[Block]:
    """When to call for an earlier appointment: changes measured against today."""
    keys = call_back_triggers(c.facts)
    if not keys:
        return []
    distance = distance_text(c.t, c.facts.walking_m) if c.facts.walking_m is not None else ""
    lines = (
        c.heading("come_back"),
        Line("subheading", c.text("come_back.watch_intro")),
        *(Line("bullet", c.text(f"come_back.watch.{k}", walking_distance=distance)) for k in keys),
    )
    return [Block("come_back", lines, columns=True)]


def _safety_net(c: SheetContext) -> list[Block]:
    """The boxed list of every warning sign that fits the pattern, kept on one page."""
    lines = [Line("safety_heading", c.text("headings.safety_net"))]
    for when, intro in (("now", "emergency_intro"), ("today", "urgent_intro")):
        signs = warning_signs(c.facts.groups, when)
        if signs:
            lines.append(Line("subheading", c.text(f"safety_net.{intro}")))
            lines += [Line("bullet", _capital(c.text(f"safety_net.signs.{s}.full"))) for s in signs]
    if c.t.raw("safety_net.closing", ""):
        lines.append(Line("body", c.text("safety_net.closing")))
    return [Block("safety_net", tuple(lines), box="safety", keep=True)]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _questions(c: SheetContext) -> list[Block]:
    lines = (
        c.heading("questions"),
        Line("body", c.text("questions.intro")),
        *(Line("bullet", q) for q in c.t.texts("questions.items", **c.values)),
    )
    return [Block("questions", lines)]


_SECTIONS = {
    "found": _found,
    "care": _care,
    "tests": _tests,
    "home_care": _home_care,
    "come_back": _come_back,
    "safety_net": _safety_net,
    "questions": _questions,
}
