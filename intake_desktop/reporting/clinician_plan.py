"""The plan's own sections of the clinician summary: level and procedures, pattern, the four
questions, and the follow-up the clinician set.

Split from :mod:`.clinician` (which lays out the document and the recorded facts) so that what
the engine decided reads in one place. Since rules 2026.12 the plan names the procedures it
suggests (``procedures``, in order of preference), the evidence behind the pattern
(``pattern_evidence``) and whether the scan matches the symptoms (rules ``R8.imaging_matches`` /
``R8.imaging_mismatch``, also among the cause's evidence): all three print here, in words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from intake_desktop.domain.labels import label, procedure_label

from .blocks import bullets
from .facts import code_text
from .layout import format_date
from .paragraphs import TextParagraph
from .templates import Template
from .wording import clinical_line, clinical_lines

if TYPE_CHECKING:
    from .clinician_context import ClinicianContext as ClinicianCtx

#: The rules of the scan-versus-symptoms check (block 8) and the template word for each.
SCAN_RULES: dict[str, str] = {"R8.imaging_matches": "matches", "R8.imaging_mismatch": "mismatch"}


def procedure_text(t: Template, code: str) -> str:
    """A procedure in the reader's words: the template's ``codes`` table, else the domain's
    procedure name (``mild`` is the MILD procedure here, not a degree of limitation)."""
    return escape(t.raw("codes", {}).get(code) or procedure_label(code))


def procedures_text(t: Template, plan: Mapping[str, Any], level: str) -> str | None:
    """The plan's suggested procedures, numbered in order of preference, as markup.

    ``None`` when there is nothing to say: a plan stored before rules 2026.12 has no
    ``procedures`` at all, and the levels that suggest none (conservative, urgent, emergency)
    leave the line out. An interventional plan with an empty list says so: no procedure is left
    to suggest, the diagnosis is to be reviewed (CLINICAL_CONTENT.md section 7, block 6).
    """
    procedures = plan.get("procedures")
    if procedures is None:
        return None
    if not procedures:
        return escape(t.plain("labels.procedures_none")) if level == "interventional" else None
    if len(procedures) == 1:
        return f"<b>{procedure_text(t, procedures[0])}</b>"
    ranked = (
        f"{n}. " + (f"<b>{procedure_text(t, p)}</b>" if n == 1 else procedure_text(t, p))
        for n, p in enumerate(procedures, 1)
    )
    return "<br/>".join([*ranked, f"<i>({escape(t.plain('labels.procedures_order'))})</i>"])


def recommendation_section(c: ClinicianCtx) -> list[Flowable]:
    """Recommended and accepted level, the suggested procedures, the clinician's choice."""
    doc, t = c.doc, c.t
    accepted = (
        code_text(t, doc.accepted_level)
        if doc.accepted_level
        else escape(t.plain("labels.not_accepted"))
    )
    rows = [
        (c.label("recommended"), f"<b>{code_text(t, doc.recommended_level)}</b>"),
        (c.label("accepted"), f"<b>{accepted}</b>"),
    ]
    suggested = procedures_text(t, doc.plan, doc.recommended_level)
    if suggested is not None:
        rows.append((c.label("procedures"), suggested))
    if doc.chosen_procedure:
        rows.append((c.label("chosen_procedure"), procedure_text(t, doc.chosen_procedure)))
    if doc.override_reason or doc.overridden:
        reason = doc.override_reason or t.plain("labels.no_reason")
        rows.append((c.label("override_reason"), escape(reason)))
    alternatives = doc.plan.get("alternatives") or []
    if alternatives:
        rows.append((c.label("alternatives"), ", ".join(code_text(t, a) for a in alternatives)))
    out: list[Flowable] = [
        *c.heading("recommendation"),
        c.grid(None, [[f"<b>{a}</b>", b] for a, b in rows], (0.25, 0.75)),
    ]
    warnings = doc.plan.get("warnings") or []
    if warnings:
        out.append(TextParagraph(c.label("warnings"), c.s.subheading))
        out += bullets([clinical_line(c.t, w) for w in warnings], c.s)
    return out


def pattern_section(c: ClinicianCtx) -> list[Flowable]:
    """Pattern and region, and the findings that made the pattern (``pattern_evidence``)."""
    plan = c.doc.plan
    rows = [
        (c.label("pattern"), code_text(c.t, plan.get("pattern"))),
        (c.label("region"), code_text(c.t, plan.get("region"))),
    ]
    out = [*c.heading("pattern"), *c.pairs(rows)]
    evidence = plan.get("pattern_evidence") or []
    if evidence:
        why = [[f"<b>{c.label('pattern_evidence')}</b>", clinical_lines(c.t, evidence)]]
        out.append(c.grid(None, why, (0.19, 0.81)))
    return out


def framework_section(c: ClinicianCtx) -> list[Flowable]:
    """The four questions: answer, where it came from, and the evidence.

    The first question's evidence carries the scan-versus-symptoms check, named in words ahead of
    its sentence so that a mismatch is not lost in a list of findings.
    """
    framework = c.doc.plan.get("framework") or {}
    scan = scan_checks(c.doc.plan.get("rules_fired") or [])
    rows = []
    for question, a in framework.items():
        answer = a.get("answer")
        source = a.get("source", "")
        evidence = list(a.get("evidence") or [])
        shown = (
            _cause_evidence(c.t, evidence, scan)
            if question == "cause"
            else clinical_lines(c.t, evidence)
        )
        rows.append(
            [
                escape(c.t.plain(f"questions.{question}"))
                if c.t.has(f"questions.{question}")
                else escape(label(question)),
                f"<b>{_answer_text(c.t, question, answer)}</b>",
                escape(c.t.plain(f"sources.{source}"))
                if c.t.has(f"sources.{source}")
                else clinical_line(c.t, source),
                shown,
            ]
        )
    head = [c.label(k) for k in ("question", "answer", "source", "evidence")]
    return [*c.heading("framework"), c.grid(head, rows, (0.27, 0.2, 0.13, 0.4))]


def scan_checks(rules_fired: Iterable[Mapping[str, Any]]) -> list[tuple[str, list[str]]]:
    """(``matches`` | ``mismatch``, the rule's findings) for each scan check the plan made."""
    return [
        (SCAN_RULES[r["id"]], list(r.get("findings") or []))
        for r in rules_fired
        if r.get("id") in SCAN_RULES
    ]


def _cause_evidence(t: Template, evidence: Sequence[str], scan: list[tuple[str, list[str]]]) -> str:
    """The cause's evidence, then the scan check on a line of its own, named in words.

    The engine puts the check's sentence among the cause's evidence; it is taken out of the list
    and printed once, after "Scan matches the symptoms" (or "do not match: review"). A check that
    is only among the rules still prints here.
    """
    checked = {line for _, findings in scan for line in findings}
    lines = [clinical_lines(t, [e for e in evidence if e not in checked])]
    for kind, findings in scan:
        name = escape(t.plain(f"scan.{kind}"))
        lines.append(f"<b>{name}:</b> " + clinical_lines(t, findings))
    return "<br/>".join(x for x in lines if x)


def _answer_text(t: Template, question: str, answer: str | None) -> str:
    """A framework answer in words; the limitation's "mild" is not the MILD procedure."""
    if not answer:
        return escape(t.plain("sources.unanswered"))
    key = f"answers.{question}.{answer}"
    return escape(t.plain(key)) if t.has(key) else code_text(t, answer)


def follow_up_section(c: ClinicianCtx) -> list[Flowable]:
    """The next visit and the clinician's note for the patient (``follow_up``), when recorded.

    Left out when neither was recorded: an emergency or a first draft has no next visit yet, and
    a heading over "nothing recorded" pushed the signature alone onto a page of its own.
    """
    follow = c.doc.case.follow_up
    rows: list[list[str]] = []
    if follow is not None and follow.next_visit_date is not None:
        rows.append(
            [f"<b>{c.label('next_visit')}</b>", escape(format_date(c.t, follow.next_visit_date))]
        )
    if follow is not None and follow.note_for_patient and follow.note_for_patient.strip():
        note = "<br/>".join(escape(x) for x in follow.note_for_patient.strip().splitlines())
        rows.append([f"<b>{c.label('note_for_patient')}</b>", note])
    if not rows:  # nothing planned yet: no section, as for any other empty part of the case
        return []
    return [*c.heading("follow_up"), c.grid(None, rows, (0.25, 0.75))]
