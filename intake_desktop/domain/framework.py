"""The four-question procedure-decision framework (CLINICAL_CONTENT.md section 6).

The state of the four questions lives here, not in a window: each answer is the clinician's when
given, otherwise derived from the findings or a default, and always says which and why.
"""

from __future__ import annotations

from .case import Case, Exam, FrameworkAnswers, History
from .findings import (
    MODERATE_DISTANCE_M,
    MODERATE_STANDING_MIN,
    SEVERE_DISTANCE_M,
    SEVERE_STANDING_MIN,
    cervical_involved,
    lumbar_involved,
)
from .messages import Message, msg
from .plan import FrameworkAnswer

#: More stenotic levels than this make the narrowing ``multilevel`` (section 7).
MAX_FOCAL_LEVELS = 2
#: A canal area under this (mm², on MRI) correlates with symptoms (section 7, block 8).
NARROW_CANAL_MM2 = 100
_REGION_ORDER = "CTLS"


def answer_framework(case: Case) -> dict[str, FrameworkAnswer]:
    """All four answers, in the order the clinician steps through them."""
    given = case.framework or FrameworkAnswers()
    derived = {
        "cause": derive_cause(case),
        "limitation": derive_limitation(case),
        "goal": FrameworkAnswer("symptom_management", "default", (msg("framework.goal_default"),)),
        "recovery": FrameworkAnswer(
            "short_recovery",
            "default",
            (msg("framework.recovery_default"),),
        ),
    }
    out: dict[str, FrameworkAnswer] = {}
    scan = scan_check(case)
    for question, auto in derived.items():
        mine = getattr(given, question)
        if mine is None:
            out[question] = auto
        else:
            hint = (
                ()
                if auto.answer in (None, mine)
                else (msg("framework.findings_suggest", answer=auto.answer),)
            )
            out[question] = FrameworkAnswer(
                mine, "clinician", (msg("framework.set_by_clinician"), *hint)
            )
    if scan is not None:  # block 8: the scan-versus-symptoms check belongs with the cause
        cause = out["cause"]
        out["cause"] = FrameworkAnswer(cause.answer, cause.source, (*cause.evidence, scan[1]))
    return out


def spinal_order(levels: tuple[str, ...] | list[str]) -> list[str]:
    """Levels from the top of the spine down, whatever order they were recorded in."""

    def key(level: str) -> tuple[int, int]:
        upper = level.split("-")[0]
        return _REGION_ORDER.index(upper[0]), int(upper[1:])

    return sorted(levels, key=key)


def scan_check(case: Case) -> tuple[str, Message] | None:
    """Does the scan match the symptoms? ``("matches" | "mismatch", why)`` or None.

    A canal area under 100 mm² matches symptoms; imaging that shows no stenotic level, or none in
    the region the symptoms come from, is a mismatch to review (block 8, since rules 2026.12).
    """
    img = case.imaging
    if img is None:
        return None
    h, e = case.history or History(), case.exam or Exam()
    where = []
    if lumbar_involved(h):
        where.append("lumbar")
    if cervical_involved(h, e):
        where.append("cervical")
    levels = img.levels
    if img.modality is not None and levels == ():
        return "mismatch", msg("scan.no_level")
    if levels and where:
        fitting = [lv for lv in levels if ("cervical" if lv.startswith("C") else "lumbar") in where]
        if not fitting:
            return "mismatch", msg(
                "scan.levels_elsewhere", levels=spinal_order(levels), where=where
            )
    if img.canal_area_mm2 is not None and img.canal_area_mm2 < NARROW_CANAL_MM2:
        return "matches", msg("scan.narrow_canal", area=img.canal_area_mm2, limit=NARROW_CANAL_MM2)
    return None


def derive_cause(case: Case) -> FrameworkAnswer:
    """Main cause of the narrowing from imaging; instability and multilevel outrank flavum."""
    img = case.imaging
    if img is None or (img.modality is None and not img.causes):
        return FrameworkAnswer("unknown", "findings", (msg("cause.no_imaging"),))
    causes = img.causes or ()
    levels = img.levels or ()
    unstable = "instability" in causes or bool(img.instability_on_flexion_extension)
    multilevel = "multilevel" in causes or len(levels) > MAX_FOCAL_LEVELS
    evidence = [
        msg("cause.imaging", modality=img.modality)
        if img.modality
        else msg("cause.imaging_no_modality")
    ]
    if levels:
        evidence.append(msg("cause.levels", levels=spinal_order(levels)))
    if not causes:
        if unstable:
            return FrameworkAnswer(
                "instability", "findings", (*evidence, msg("cause.unstable_films"))
            )
        if multilevel:
            return FrameworkAnswer("multilevel", "findings", tuple(evidence))
        return FrameworkAnswer("unknown", "findings", (*evidence, msg("cause.none_named")))
    first = causes[0]
    evidence.append(msg("cause.main", cause=first))
    if len(causes) > 1:  # the others in a fixed order: only the first one's place matters
        evidence.append(msg("cause.also", causes=sorted(causes[1:])))
    if first == "ligamentum_flavum_hypertrophy" and unstable:
        return FrameworkAnswer(
            "instability", "findings", (*evidence, msg("cause.instability_outranks"))
        )
    if first == "ligamentum_flavum_hypertrophy" and multilevel:
        return FrameworkAnswer(
            "multilevel",
            "findings",
            (*evidence, msg("cause.multilevel_outranks")),
        )
    return FrameworkAnswer(first, "findings", tuple(evidence))


def derive_limitation(case: Case) -> FrameworkAnswer:
    """Limitation from painless walking distance and standing tolerance, the worse of the two."""
    h = case.history or History()
    grades: list[tuple[int, Message]] = []
    dist, stand = h.painless_walking_distance_m, h.standing_tolerance_min
    if dist is not None:
        grade = 2 if dist < SEVERE_DISTANCE_M else 1 if dist < MODERATE_DISTANCE_M else 0
        grades.append((grade, msg("limitation.distance", metres=dist)))
    if stand is not None:
        grade = 2 if stand < SEVERE_STANDING_MIN else 1 if stand < MODERATE_STANDING_MIN else 0
        grades.append((grade, msg("limitation.standing", minutes=stand)))
    if not grades:
        return FrameworkAnswer(None, "unanswered", (msg("limitation.unanswered"),))
    worst = max(g for g, _ in grades)
    answer = ("mild", "moderate", "severe")[worst]
    return FrameworkAnswer(answer, "findings", tuple(text for _, text in grades))
