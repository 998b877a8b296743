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
        why = [f"level {level.replace('_', ' ')}", *(stabilisation_reasons(w) or ())]
        if w.structural_rule:
            why.append(f"as chosen by {w.structural_rule}")
        w.fire(
            "R8.procedures",
            "Suggested procedure: " + ", ".join(p.replace("_", " ") for p in w.procedures) + ".",
            why,
        )


def stabilisation_reasons(w: Work) -> list[str]:
    """Instability, spondylolisthesis or multilevel narrowing: decompression with stabilisation."""
    img = w.case.imaging
    causes = set((img.causes if img else None) or ())
    causes.add(w.fw["cause"].answer or "unknown")
    out = [c for c in _STABILISE if c in causes]
    if img and img.instability_on_flexion_extension and "instability" not in out:
        out.append("instability on flexion-extension films")
    if img and len(img.levels or ()) > MAX_FOCAL_LEVELS and "multilevel" not in out:
        out.append(f"{len(img.levels or ())} stenotic levels")
    return out


def _interventional(w: Work) -> None:
    """Block 6: epidural steroid for root symptoms, facet blocks for back-dominant pain."""
    blocked = _esi_blocked(w)
    root = _root_evidence(w)
    facet = w.f.back_dominant or bool(of_type(injections_of(w.case), "medial_branch_block"))
    notes: list[str] = []
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
            notes.append("neither root symptoms nor back-dominant pain recorded")
        w.fire(
            "R6.diagnostic_review",
            "No injection remains to suggest: review the diagnosis before any procedure.",
            notes,
        )
        w.warn("No procedure to suggest now: review the diagnosis.")


def _esi_blocked(w: Work) -> bool:
    """ESI cap reached, or the most recent ESI gave short relief without functional gain."""
    capped = len(w.f.esi_12m) >= INJECTION_CAP
    last = most_recent(of_type(injections_of(w.case), "epidural_steroid"))
    short = short_relief(last)
    if not (capped or short):
        return False
    why = []
    if capped:
        why.append(
            f"{len(w.f.esi_12m)} epidural steroid injections in the last 12 months "
            f"(cap {INJECTION_CAP})"
        )
    if short and last is not None:
        why.append(f"most recent epidural steroid injection: {describe(last)}")
    w.fire(
        "R6.no_repeat_injection",
        "Do not repeat the epidural steroid injection: review the diagnosis instead.",
        why,
    )
    w.warn("Do not repeat the epidural steroid injection; review the diagnosis.")
    return True


def _root_evidence(w: Work) -> list[str]:
    """Why the symptoms look leg-dominant or radicular (empty when they do not)."""
    out: list[str] = []
    if "leg_pain_dominant" in w.signs:
        out.extend(w.f.escalation["leg_pain_dominant"])
    elif w.f.leg_symptoms and not w.f.back_dominant:
        out.append("leg symptoms, back pain not dominant")
    if w.case.exam and w.case.exam.straight_leg_raise_positive:
        out.append("exam: positive straight-leg raise")
    if w.cls.pattern in _ROOT_PATTERNS:
        out.append("pattern: " + w.cls.pattern.replace("_", " "))
    return out


def _root_path(w: Work, root: list[str], blocked: bool, notes: list[str]) -> None:
    if blocked:
        notes.append("epidural steroid injection not to be repeated")
        return
    w.procedures.append("epidural_steroid")
    w.fire(
        "R6.epidural_steroid",
        "Leg-dominant or nerve-root symptoms: epidural steroid injection.",
        root,
    )


def _facet_path(w: Work, notes: list[str]) -> None:
    block = latest_block(w.case)
    if block is None:
        w.procedures.append("medial_branch_block")
        w.add_workup("medial_branch_block")
        w.fire(
            "R6.medial_branch_block",
            "Back-dominant pain may come from the facet joints: test with medial branch blocks.",
            ["back pain exceeds leg pain"],
        )
        return
    if block.response == "negative":
        w.fire(
            "R6.negative_block",
            "A negative medial branch block makes the facet joints an unlikely source: no facet "
            "procedure; review the diagnosis.",
            [describe(block)],
        )
        w.warn("Negative medial branch block: no facet procedure; review the diagnosis.")
        notes.append("facet joints ruled out by a negative block")
        return
    if block.response is None:
        w.fire(
            "R6.block_response_missing",
            "The medial branch block has no recorded response: record it before deciding on "
            "radiofrequency ablation.",
            [describe(block)],
        )
        w.warn("Record the response of the medial branch block before any facet procedure.")
        notes.append("response of the medial branch block not recorded")
        return
    ablation = ablation_on_or_after(w.case, block.date)
    if ablation is not None:
        notes.append(f"radiofrequency ablation already done after the positive block: "
                     f"{describe(ablation)}")  # fmt: skip
        return
    w.procedures.append("radiofrequency_ablation")
    w.fire(
        "R6.radiofrequency_ablation",
        "A positive medial branch block and no ablation since: radiofrequency ablation.",
        [describe(block)],
    )
