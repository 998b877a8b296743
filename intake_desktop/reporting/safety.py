"""The safety net and the call-back triggers of the patient sheet (CLINICAL_CONTENT.md s. 9).

Warning signs follow the pattern: the low back's (bladder or bowel, saddle numbness, foot drop,
leg weakness getting worse, fever with back pain …), the neck's (hands weaker or clumsier,
dropping things, arm weakness, walking or balance getting worse quickly, bladder or bowel) and
blood flow's (a foot that turns cold, pale or blue, foot pain at rest or at night, a sore that
does not heal); all that apply are printed. Each sign is either "go now" (emergency department)
or "call today".

Call-back triggers are relative to today: a sign the patient already has is never listed as
new ("your legs hurt more than your back" for someone whose legs already do); it reads as
getting worse, and walking is measured against the distance the patient gave today.
"""

from __future__ import annotations

from .patient_facts import SheetFacts

#: Every warning sign of the safety net and when to act on it ("now" or "today").
SIGNS: dict[str, str] = {
    "bladder_bowel": "now",
    "saddle_numbness": "now",
    "foot_cold": "now",
    "foot_drop": "today",
    "leg_weakness": "today",
    "hands_weaker": "today",
    "dropping_things": "today",
    "arm_weakness": "today",
    "balance_worse": "today",
    "walking_loss": "today",
    "numbness_spreading": "today",
    "fever": "today",
    "weight_loss": "today",
    "night_pain": "today",
    "foot_rest_pain": "today",
    "foot_sore": "today",
}

GROUP_SIGNS: dict[str, tuple[str, ...]] = {
    "lumbar": (
        "bladder_bowel",
        "saddle_numbness",
        "foot_drop",
        "leg_weakness",
        "walking_loss",
        "balance_worse",
        "numbness_spreading",
        "fever",
        "weight_loss",
        "night_pain",
    ),
    "cervical": (
        "bladder_bowel",
        "hands_weaker",
        "dropping_things",
        "arm_weakness",
        "balance_worse",
        "numbness_spreading",
        "fever",
        "weight_loss",
        "night_pain",
    ),
    "vascular": ("foot_cold", "foot_rest_pain", "foot_sore"),
}


#: The few "call today" signs of each group that page 1's short list names; every "go now" sign
#: is named there too. The full box lists them all.
SHORT_TODAY: dict[str, tuple[str, ...]] = {
    "lumbar": ("foot_drop", "leg_weakness", "fever"),
    "cervical": ("hands_weaker", "dropping_things", "arm_weakness", "balance_worse"),
    "vascular": ("foot_rest_pain", "foot_sore"),
}


#: Page 1's short list names at most this many "call today" signs (the first group's first).
SHORT_TODAY_MAX = 4


def warning_signs(groups: tuple[str, ...], when: str, *, short: bool = False) -> list[str]:
    """The signs of ``groups`` to act on ``when`` ("now" or "today"), each once; with
    ``short``, only the ones page 1 names, the first group's first."""
    if short and when == "today":
        picked = dict.fromkeys(s for g in groups for s in SHORT_TODAY[g])
        return list(picked)[:SHORT_TODAY_MAX]
    found: dict[str, None] = {}
    for group in groups:
        for sign in GROUP_SIGNS[group]:
            if SIGNS[sign] == when:
                found[sign] = None
    return sorted(found, key=list(SIGNS).index)


#: Escalation sign (s. 5) -> the trigger when it is new, and when the patient already has it.
_TRIGGERS: dict[str, tuple[str, str]] = {
    "leg_pain_dominant": ("leg_pain_new", "leg_pain_worse"),
    "sitting_breaks_increasing": ("sitting_new", "sitting_worse"),
    "home_measures_brief_benefit": ("home_measures_new", "home_measures_worse"),
    "activities_given_up": ("activities_new", "activities_worse"),
    "more_medication_less_activity": ("medication_new", "medication_worse"),
    "weakness_or_balance_or_flares": ("weakness_new", "weakness_worse"),
}
#: Every trigger the template words (``come_back.watch.<key>``).
TRIGGERS: tuple[str, ...] = (
    "walking_known",
    "walking",
    *(k for pair in _TRIGGERS.values() for k in pair),
    "arm",
)
#: Levels at which the sheet lists call-back triggers: once a procedure or a surgeon is next,
#: or for possible cord compression (where the safety net's signs are the triggers), the list
#: would only distract.
WATCH_LEVELS = frozenset({"conservative", "interventional"})


def triggers(facts: SheetFacts) -> list[str]:
    """The call-back triggers that fit this patient, relative to how things are today."""
    if facts.acute or facts.level not in WATCH_LEVELS or facts.pattern == "cervical_myelopathy":
        return []
    walking = "walking_known" if facts.walking_m is not None else "walking"
    if facts.pattern == "cervical_radiculopathy":
        return ["arm", *_signs(facts, ("activities_given_up", "more_medication_less_activity"))]
    if facts.vascular_first:
        return [walking, *_signs(facts, ("activities_given_up", "more_medication_less_activity"))]
    return [walking, *_signs(facts, tuple(_TRIGGERS))]


def _signs(facts: SheetFacts, signs: tuple[str, ...]) -> list[str]:
    return [_TRIGGERS[s][1 if s in facts.signs else 0] for s in signs]


def new_trigger(sign: str) -> str | None:
    """The trigger that would be wrong for a patient who already has ``sign`` (for checks)."""
    pair = _TRIGGERS.get(sign)
    return pair[0] if pair else None
