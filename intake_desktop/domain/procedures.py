"""Which procedures a plan suggests (CLINICAL_CONTENT.md section 7, blocks 6 and 8, rules 2026.12).

The level says how far care goes; ``procedures`` says what, in order of preference. For the
interventional level the injection history decides, one procedure type at a time: a failed
epidural steroid injection never stops a medial branch block and a diagnostic block is never a
failed treatment. When nothing remains to suggest, the plan says so (diagnostic review) rather
than naming a procedure the history has ruled out.
"""

from __future__ import annotations

from .framework import MAX_FOCAL_LEVELS
from .injections import (
    INJECTION_CAP,
    ablation_on_or_after,
    describe,
    injections_of,
    latest_block,
    most_recent,
    of_type,
    short_relief,
)
from .messages import Message, msg
from .rules import Work

_ROOT_PATTERNS = frozenset({"cervical_radiculopathy", "disc_herniation_suspected"})
_STABILISE = ("instability", "spondylolisthesis", "multilevel")


def suggest(w: Work, level: str) -> None:
    """Block 8: fill ``w.procedures`` for the plan's level (empty for the other levels)."""
    if level == "interventional":
        _interventional(w)
        return
    if level == "minimally_invasive":
        chosen = {
            "R5.mild": "mild",
            "R5.outpatient_spacer": "interspinous_spacer",
            "R5.outpatient_scs": "spinal_cord_stimulation",
        }.get(w.structural_rule or "")
        if chosen:
            w.procedures.append(chosen)
    elif level == "surgical":
        reasons = stabilisation_reasons(w)
        w.procedures.append("decompression_with_stabilisation" if reasons else "decompression")
    if w.procedures:
        why = [msg("finding.level", level=level), *stabilisation_reasons(w)]
        if w.structural_rule:
            why.append(msg("finding.chosen_by", rule=w.structural_rule))
        w.fire(
            "R8.procedures",
            why,
            procedures=list(w.procedures),
        )


def stabilisation_reasons(w: Work) -> list[Message]:
    """Instability, spondylolisthesis or multilevel narrowing: decompression with stabilisation."""
    img = w.case.imaging
    causes = set((img.causes if img else None) or ())
    causes.add(w.fw["cause"].answer or "unknown")
    found = [c for c in _STABILISE if c in causes]
    out = [msg("finding.code", code=c) for c in found]
    if img and img.instability_on_flexion_extension and "instability" not in found:
        out.append(msg("cause.unstable_films"))
    if img and len(img.levels or ()) > MAX_FOCAL_LEVELS and "multilevel" not in found:
        out.append(msg("finding.stenotic_levels", count=len(img.levels or ())))
    return out


def _interventional(w: Work) -> None:
    """Block 6: epidural steroid for root symptoms, facet blocks for back-dominant pain."""
    blocked = _esi_blocked(w)
    root = _root_evidence(w)
    facet = w.f.back_dominant or bool(of_type(injections_of(w.case), "medial_branch_block"))
    notes: list[Message] = []
    if w.f.back_dominant:  # the dominant complaint's procedure first
        if facet:
            _facet_path(w, notes)
        if root:
            _root_path(w, root, blocked, notes)
    else:
        if root:
            _root_path(w, root, blocked, notes)
        if facet:
            _facet_path(w, notes)
    if not w.procedures:
        if not root and not facet:
            notes.append(msg("note.no_root_no_back"))
        w.fire(
            "R6.diagnostic_review",
            notes,
        )
        w.warn("warning.diagnostic_review")


def _esi_blocked(w: Work) -> bool:
    """ESI cap reached, or the most recent ESI gave short relief without functional gain."""
    capped = len(w.f.esi_12m) >= INJECTION_CAP
    last = most_recent(of_type(injections_of(w.case), "epidural_steroid"))
    short = short_relief(last)
    if not (capped or short):
        return False
    why = []
    if capped:
        why.append(msg("finding.esi_cap", count=len(w.f.esi_12m), cap=INJECTION_CAP))
    if short and last is not None:
        why.append(msg("finding.last_esi", injection=describe(last)))
    w.fire(
        "R6.no_repeat_injection",
        why,
    )
    w.warn("warning.no_repeat_esi")
    return True


def _root_evidence(w: Work) -> list[Message]:
    """Why the symptoms look leg-dominant or radicular (empty when they do not)."""
    out: list[Message] = []
    if "leg_pain_dominant" in w.signs:
        out.extend(w.f.escalation["leg_pain_dominant"])
    elif w.f.leg_symptoms and not w.f.back_dominant:
        out.append(msg("finding.leg_not_back"))
    if w.case.exam and w.case.exam.straight_leg_raise_positive:
        out.append(msg("exam.slr_positive"))
    if w.cls.pattern in _ROOT_PATTERNS:
        out.append(msg("finding.pattern", pattern=w.cls.pattern))
    return out


def _root_path(w: Work, root: list[Message], blocked: bool, notes: list[Message]) -> None:
    if blocked:
        notes.append(msg("note.esi_not_repeated"))
        return
    w.procedures.append("epidural_steroid")
    w.fire(
        "R6.epidural_steroid",
        root,
    )


#: A medial branch block that cannot lead to ablation, by its response: the rule that fires,
#: the warning and the note (block 6: a negative block rules the facets out; an unrecorded
#: response leaves the question open).
_UNUSABLE_BLOCK: dict[str | None, tuple[str, str, str]] = {
    "negative": ("R6.negative_block", "warning.negative_block", "note.facets_ruled_out"),
    None: (
        "R6.block_response_missing",
        "warning.block_response_missing",
        "note.block_response_missing",
    ),
}


def _facet_path(w: Work, notes: list[Message]) -> None:
    block = latest_block(w.case)
    if block is None:
        w.procedures.append("medial_branch_block")
        w.add_workup("medial_branch_block")
        w.fire(
            "R6.medial_branch_block",
            [msg("finding.back_exceeds_leg")],
        )
        return
    unusable = _UNUSABLE_BLOCK.get(block.response)
    if unusable is not None:  # a negative block, or one whose response was not recorded
        rule, warning, note = unusable
        w.fire(rule, [describe(block)])
        w.warn(warning)
        notes.append(msg(note))
        return
    ablation = ablation_on_or_after(w.case, block.date)
    if ablation is not None:
        notes.append(msg("note.ablation_done", injection=describe(ablation)))
        return
    w.procedures.append("radiofrequency_ablation")
    w.fire(
        "R6.radiofrequency_ablation",
        [describe(block)],
    )
