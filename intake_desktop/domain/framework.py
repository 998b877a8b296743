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
    fmt_num,
    lumbar_involved,
)
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
        "goal": FrameworkAnswer(
            "symptom_management", "default", ("no goal recorded: symptom management assumed",)
        ),
        "recovery": FrameworkAnswer(
            "short_recovery",
            "default",
            ("no recovery preference recorded: short recovery assumed",),
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
                else (f"the findings suggest {auto.answer.replace('_', ' ')}",)
            )
            out[question] = FrameworkAnswer(mine, "clinician", ("set by the clinician", *hint))
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


def scan_check(case: Case) -> tuple[str, str] | None:
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
        return "mismatch", "imaging recorded with no stenotic level"
    if levels and where:
        fitting = [lv for lv in levels if ("cervical" if lv.startswith("C") else "lumbar") in where]
        if not fitting:
            return "mismatch", (
                f"stenotic levels {', '.join(spinal_order(levels))} do not fit "
                f"{' and '.join(where)} symptoms"
            )
    if img.canal_area_mm2 is not None and img.canal_area_mm2 < NARROW_CANAL_MM2:
        return "matches", (
            f"canal area {fmt_num(img.canal_area_mm2)} mm² (under {NARROW_CANAL_MM2} mm²): "
            "the imaging matches the symptoms"
        )
    return None


def derive_cause(case: Case) -> FrameworkAnswer:
    """Main cause of the narrowing from imaging; instability and multilevel outrank flavum."""
    img = case.imaging
    if img is None or (img.modality is None and not img.causes):
        return FrameworkAnswer("unknown", "findings", ("no imaging recorded",))
    causes = img.causes or ()
    levels = img.levels or ()
    unstable = "instability" in causes or bool(img.instability_on_flexion_extension)
    multilevel = "multilevel" in causes or len(levels) > MAX_FOCAL_LEVELS
    evidence = [f"imaging ({img.modality or 'modality not recorded'})"]
    if levels:
        evidence.append("stenotic levels: " + ", ".join(spinal_order(levels)))
    if not causes:
        if unstable:
            return FrameworkAnswer(
                "instability", "findings", (*evidence, "instability on flexion-extension films")
            )
        if multilevel:
            return FrameworkAnswer("multilevel", "findings", tuple(evidence))
        return FrameworkAnswer("unknown", "findings", (*evidence, "imaging names no cause"))
    first = causes[0]
    evidence.append(f"main cause listed: {first.replace('_', ' ')}")
    if len(causes) > 1:  # the others in a fixed order: only the first one's place matters
        others = sorted(c.replace("_", " ") for c in causes[1:])
        evidence.append("also listed: " + ", ".join(others))
    if first == "ligamentum_flavum_hypertrophy" and unstable:
        return FrameworkAnswer(
            "instability", "findings", (*evidence, "instability outranks a first-listed flavum")
        )
    if first == "ligamentum_flavum_hypertrophy" and multilevel:
        return FrameworkAnswer(
            "multilevel",
            "findings",
            (*evidence, "more than two levels outrank a first-listed flavum"),
        )
    return FrameworkAnswer(first, "findings", tuple(evidence))


def derive_limitation(case: Case) -> FrameworkAnswer:
    """Limitation from painless walking distance and standing tolerance, the worse of the two."""
    h = case.history or History()
    grades: list[tuple[int, str]] = []
    dist, stand = h.painless_walking_distance_m, h.standing_tolerance_min
    if dist is not None:
        grade = 2 if dist < SEVERE_DISTANCE_M else 1 if dist < MODERATE_DISTANCE_M else 0
        grades.append((grade, f"painless walking distance {fmt_num(dist)} m"))
    if stand is not None:
        grade = 2 if stand < SEVERE_STANDING_MIN else 1 if stand < MODERATE_STANDING_MIN else 0
        grades.append((grade, f"standing tolerance {fmt_num(stand)} min"))
    if not grades:
        return FrameworkAnswer(
            None, "unanswered", ("no walking distance or standing tolerance recorded",)
        )
    worst = max(g for g, _ in grades)
    answer = ("mild", "moderate", "severe")[worst]
    return FrameworkAnswer(answer, "findings", tuple(text for _, text in grades))
