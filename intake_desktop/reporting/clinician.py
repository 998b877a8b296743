"""The clinician summary: everything the referring doctor needs, red flags first.

Red flags open the document in a box of their own, in the body size or larger, whatever the
section order says; the rest follows the template's ``document.section_order``. Lists that grow
with the visit (injections, rules, amendments) are tables split by row, one row per item, so the
work stays linear in the length of the visit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Spacer

from intake_desktop.domain.case import Injection
from intake_desktop.domain.codes import RED_FLAG_LEVELS
from intake_desktop.domain.messages import Message

from .blocks import box, bullets
from .clinician_context import ClinicianContext as _Ctx
from .clinician_context import RoomForHeading
from .clinician_plan import (
    follow_up_section,
    framework_section,
    pattern_section,
    recommendation_section,
)
from .document import VisitDocument
from .facts import code_text, fact_rows, value_text
from .layout import Styles, amended_notes, colour, details_updated_note, format_date
from .paragraphs import TextParagraph
from .scores import score_rows
from .signature import signature_section
from .templates import Template
from .trends import alerts_section, trends_section
from .wording import clinical_line, clinical_lines, language_name, rule_title


def clinician_story(
    doc: VisitDocument, t: Template, s: Styles, width: float, values: dict[str, Any]
) -> list[Flowable]:
    """The flowables of the clinician summary: title, red flags, then the template's order."""
    c = _Ctx(doc, t, s, width, values)
    status = t.plain(f"status.{doc.status}")
    story: list[Flowable] = [
        TextParagraph(t.text("document.title", **values), s.title),
        TextParagraph(f"{t.text('page.footer', **values)}  ·  {escape(status)}", s.small),
        # Every amendment, beside the status: the reader knows at once this is not the visit
        # as first signed (the signature section has the table with authors and times).
        *(TextParagraph(f"<b>{escape(note)}</b>", s.small) for note in amended_notes(t, doc)),
        # The identification above is the one signed; say the record has changed since.
        *_details_updated(t, doc, s),
        Spacer(1, s.size * 0.6),
        _red_flags(c),
    ]
    for section in t.raw("document.section_order"):
        story += _SECTIONS[section](c)
    for i, flowable in enumerate(story):
        if isinstance(flowable, RoomForHeading) and i + 2 < len(story):
            flowable.follower = story[i + 2]
    return story


def _details_updated(t: Template, doc: VisitDocument, s: Styles) -> list[Flowable]:
    note = details_updated_note(t, doc)
    return [TextParagraph(f"<b>{escape(note)}</b>", s.small)] if note else []


def _red_flags(c: _Ctx) -> Flowable:
    flags = c.doc.red_flags
    heading_style = c.s.alert_heading
    if not flags:
        rows = [
            TextParagraph(c.t.text("headings.red_flags", **c.values), c.s.subheading),
            c.p(c.t.text("red_flags.none", **c.values)),
        ]
        return box(
            rows,
            c.width,
            font=c.s.fonts.regular,
            border=colour(c.t, "rule"),
            background=colour(c.t, "shade"),
            border_width=1.0,
        )
    level = c.doc.red_flag_level or "urgent"
    title = f"{c.t.text('headings.red_flags')} — {c.t.text(f'red_flags.{level}')}"
    sources = c.doc.plan.get("red_flag_sources") or {}
    rows: list[Flowable] = [TextParagraph(title, heading_style)]
    # Red flags print larger than the body, never smaller.
    flag_style = c.s.red_flag
    for code in flags:
        src = ", ".join(_flag_source(c.t, s) for s in sources.get(code, ()))
        flag_level = c.t.plain(f"red_flags.{RED_FLAG_LEVELS.get(code, 'urgent')}")
        line = f"<b>{code_text(c.t, code)}</b> — {escape(flag_level)}"
        if src:
            line += " · " + c.t.text("red_flags.source", sources="\0").replace("\0", src)
        rows.append(TextParagraph(line, flag_style, bulletText="•"))
    return box(
        rows,
        c.width,
        font=c.s.fonts.regular,
        border=colour(c.t, "alert"),
        background=colour(c.t, "alert_background"),
        border_width=2.5,
    )


#: How the findings name where a red flag was recorded (domain/findings.py red_flag_sources).
_SCREEN, _EXAM = "red-flag screen", "exam: "


def _flag_source(t: Template, source: str) -> str:
    """Where a red flag was recorded, in the template's words ("exam: foot drop" keeps its
    detail, which goes through :func:`clinical_line` like every engine sentence).

    An exam source that is a message (rules 2026.12) is said whole by the catalogue: cutting
    "exam: " off its text first left a plain English string ("reduced saddle sensation") that
    the catalogue could no longer translate, so the Spanish summary printed it in English.
    """
    if source == _SCREEN:
        return escape(t.plain("sources.screen"))
    if isinstance(source, Message):
        return clinical_line(t, source)
    if source.startswith(_EXAM):
        return f"{escape(t.plain('sources.exam'))}: {clinical_line(t, source[len(_EXAM) :])}"
    return clinical_line(t, source)


def _identification(c: _Ctx) -> list[Flowable]:
    doc, t = c.doc, c.t
    p = doc.case.patient
    rows = [
        (c.label("name"), escape(doc.patient_name)),
        (c.label("record_number"), escape(doc.record_number or t.plain("words.not_recorded"))),
        (
            c.label("date_of_birth"),
            f"{escape(format_date(t, p.date_of_birth))} ({c.label('age', count=doc.age)})",
        ),
        (c.label("sex"), code_text(t, p.sex)),
        (c.label("visit_date"), escape(format_date(t, doc.case.visit_date))),
        (c.label("visit_id"), escape(str(doc.visit_id or t.plain("words.not_recorded")))),
        (c.label("status"), escape(t.plain(f"status.{doc.status}"))),
        (c.label("rules_version"), escape(str(doc.plan.get("rules_version", "—")))),
    ]
    body = fact_rows(t, "patient", p, skip=("date_of_birth", "id", "name", "sex", "language"))
    if p.language:
        body.append((c.label("language"), language_name(t, p.language)))
    return [*c.heading("identification"), *c.pairs(rows + body)]


def _history(c: _Ctx) -> list[Flowable]:
    case = c.doc.case
    rows = fact_rows(c.t, "history", case.history)
    if case.comorbidities is not None:
        rows.append(
            (c.label("comorbidities"), value_text(c.t, "comorbidities", case.comorbidities))
        )
    if case.function is not None:
        rows += fact_rows(c.t, "function", case.function)
    return [*c.heading("history"), *c.pairs(rows)]


def _exam(c: _Ctx) -> list[Flowable]:
    rows = fact_rows(c.t, "exam", c.doc.case.exam)
    if c.doc.not_examined_reason:  # signed without the neurological items: say why
        rows = [(c.label("not_examined"), escape(c.doc.not_examined_reason)), *rows]
    return [*c.heading("exam"), *c.pairs(rows)]


def _imaging(c: _Ctx) -> list[Flowable]:
    return [*c.heading("imaging"), *c.pairs(fact_rows(c.t, "imaging", c.doc.case.imaging))]


def _treatment(c: _Ctx) -> list[Flowable]:
    treatment = c.doc.case.treatment
    out: list[Flowable] = [
        *c.heading("treatment"),
        *c.pairs(fact_rows(c.t, "treatment", treatment, skip=("injections",))),
    ]
    injections = (treatment.injections if treatment else None) or ()
    if injections:
        out += [
            Spacer(1, c.s.size * 0.4),
            TextParagraph(c.label("injections"), c.s.subheading),
            _injection_table(c, injections),
        ]
    return out


#: The diagnostic injection: it has a response, and no durable benefit to judge (section 7).
_BLOCK = "medial_branch_block"


def _injection_table(c: _Ctx, injections: Sequence[Injection]) -> Flowable:
    """One row per injection, oldest first; a block's response in words when any was a block.

    A medial branch block is diagnostic: its row says whether it was positive or negative (or
    that nobody recorded it) and shows no "durable benefit", which would read as failed treatment.
    """
    t = c.t
    yes, no = t.plain("words.yes"), t.plain("words.no")
    missing = escape(t.plain("words.not_recorded"))
    blocks = any(i.type == _BLOCK for i in injections)
    keys = ["inj_date", "inj_type", "inj_relief", "inj_function", "inj_durable"]
    if blocks:
        keys.append("inj_response")
    rows = []
    for i in sorted(injections, key=lambda i: i.date):
        row = [
            escape(format_date(t, i.date)),
            code_text(t, i.type),
            value_text(t, "relief_weeks", i.relief_weeks)
            if i.relief_weeks is not None
            else missing,
            value_text(t, "function_improved", i.function_improved)
            if i.function_improved is not None
            else missing,
            "—" if i.type == _BLOCK else escape(yes if i.durable else no),
        ]
        if blocks:
            if i.type != _BLOCK:
                row.append("—")
            elif i.response is None:
                row.append(missing)
            else:
                row.append(f"<b>{escape(t.plain(f'responses.{i.response}'))}</b>")
        rows.append(row)
    fractions = (0.16, 0.24, 0.13, 0.16, 0.14, 0.17) if blocks else (0.2, 0.26, 0.18, 0.2, 0.16)
    return c.grid([c.label(k) for k in keys], rows, fractions)


def _scores(c: _Ctx) -> list[Flowable]:
    scores = c.doc.plan.get("scores") or {}
    rows = [list(r) for r in score_rows(c.t, scores)]
    if not rows:
        return [*c.heading("scores"), *c.pairs([])]
    head = [c.label(k) for k in ("instrument", "result", "interpretation", "note")]
    return [*c.heading("scores"), c.grid(head, rows, (0.27, 0.28, 0.15, 0.30))]


def _escalation(c: _Ctx) -> list[Flowable]:
    signs = c.doc.plan.get("escalation_signs") or []
    evidence = c.doc.plan.get("escalation_evidence") or {}
    out: list[Flowable] = [*c.heading("escalation")]
    if not signs:
        return [*out, c.p(escape(c.t.plain("words.none")))]
    out.append(c.p(c.label("sign_count", count=len(signs))))
    rows = [
        [f"<b>{code_text(c.t, s)}</b>", clinical_lines(c.t, evidence.get(s, []))] for s in signs
    ]
    return [*out, c.grid([c.label("sign"), c.label("evidence")], rows, (0.3, 0.7))]


def _rules(c: _Ctx) -> list[Flowable]:
    fired = c.doc.plan.get("rules_fired") or []
    rows = [
        [
            f"{rule_title(c.t, r.get('id', ''))}<br/>{clinical_line(c.t, r.get('reason', ''))}",
            "<br/>".join("– " + clinical_line(c.t, f) for f in r.get("findings") or []),
        ]
        for r in fired
    ]
    head = [c.label("rule"), c.label("findings")]
    return [*c.heading("rules"), c.grid(head, rows, (0.45, 0.55))]


def _workup(c: _Ctx) -> list[Flowable]:
    items = [f"<b>{code_text(c.t, w)}</b>" for w in c.doc.plan.get("workup") or []]
    return [
        *c.heading("workup"),
        *(bullets(items, c.s) if items else [c.p(escape(c.t.plain("words.none")))]),
    ]


_SECTIONS: dict[str, Callable[[_Ctx], list[Flowable]]] = {
    "identification": _identification,
    "recommendation": recommendation_section,
    "history": _history,
    "exam": _exam,
    "imaging": _imaging,
    "treatment": _treatment,
    "scores": _scores,
    "pattern": pattern_section,
    "escalation": _escalation,
    "framework": framework_section,
    "rules": _rules,
    "workup": _workup,
    "signature": signature_section,
    "trends": trends_section,
    "alerts": alerts_section,
    "follow_up": follow_up_section,
}
