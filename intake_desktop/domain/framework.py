"""The four-question procedure-decision framework (CLINICAL_CONTENT.md section 6).

The state of the four questions lives here, not in a window: each answer is the clinician's when
given, otherwise derived from the findings or a default, and always says which and why.
"""

from __future__ import annotations

from .case import Case, FrameworkAnswers, History
from .findings import (
    MODERATE_DISTANCE_M,
    MODERATE_STANDING_MIN,
    SEVERE_DISTANCE_M,
    SEVERE_STANDING_MIN,
    fmt_num,
)
from .plan import FrameworkAnswer

#: More stenotic levels than this make the narrowing ``multilevel`` (section 7).
MAX_FOCAL_LEVELS = 2


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
    return out


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
        evidence.append("stenotic levels: " + ", ".join(levels))
    if not causes:
        if unstable:
            return FrameworkAnswer(
                "instability", "findings", (*evidence, "instability on flexion-extension films")
            )
        if multilevel:
            return FrameworkAnswer("multilevel", "findings", tuple(evidence))
        return FrameworkAnswer("unknown", "findings", (*evidence, "imaging names no cause"))
    first = causes[0]
    evidence.append("causes listed: " + ", ".join(c.replace("_", " ") for c in causes))
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
