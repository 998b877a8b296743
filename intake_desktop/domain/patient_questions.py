"""The questions a patient answers alone on a tablet, one per screen, and where each answer goes.

Data in, data out: :func:`questions_for` says which questions to ask given the answers so far
(the pain ratings follow the symptom sites; the NDI is asked only when the neck or arms are
involved, the ODI when the low back or legs are, as the intake's questionnaire step does), and
:func:`apply_answers` writes the answers into a draft case, returning the paths it set so the
caller can mark them "patient-reported" beside the case. The wording of each question lives in
the interface (translated); here each has an id, a kind, its answer values and its case path.

A "yes" to a red flag whose level is ``emergency`` (CLINICAL_CONTENT.md, red flags) ends the
questions at once: :func:`stops_questions` says so.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .codes import CERVICAL_SITES, LUMBAR_SITES, RED_FLAG_LEVELS, RED_FLAGS
from .signing import SCREEN_PATH

#: The answer kinds a screen can show.
YES_NO, ONE_OF, ANY_OF, RATING, SITES = "yes_no", "one_of", "any_of", "rating", "sites"

SYMPTOM_SITES = ("low_back", "buttock", "groin", "thigh", "calf", "foot",
                 "neck", "shoulder", "arm", "hand")  # fmt: skip
LEG_SITES = frozenset({"buttock", "groin", "thigh", "calf", "foot"})
ARM_SITES = frozenset({"shoulder", "arm", "hand"})
WORSE_WITH = ("walking", "standing", "back_extension", "bending_forward", "sitting",
              "coughing_sneezing", "neck_movement")  # fmt: skip
EASED_BY = ("sitting", "bending_forward", "stopping_while_standing", "lying_down")
#: Walking and standing: the patient picks the figure nearest to theirs (what is stored).
WALKING_METRES = (0, 50, 100, 200, 500, 1000, 2000)
STANDING_MINUTES = (0, 5, 10, 15, 30, 60)
THERAPY_WEEKS = (0, 2, 6, 12, 26)
DURATION_WEEKS = (1, 4, 12, 26, 52, 104)
ONSETS = ("gradual", "sudden")
#: Seconds until sitting eases the leg pain (the engine's quick relief is at most 120 s).
RELIEF_SECONDS = (60, 300, 1200)
HOME_MEASURES = ("lasting", "brief", "none")
ODI_ITEMS = NDI_ITEMS = 10
ZCQ_PARTS: tuple[tuple[str, int, tuple[int, ...]], ...] = (
    ("symptom_severity", 7, (1, 2, 3, 4, 5)),
    ("physical_function", 5, (1, 2, 3, 4)),
)
#: The ZCQ's seventh symptom item (balance) takes 1, 3 or 5 only (INSTRUMENTS.md).
ZCQ_BALANCE_CHOICES = (1, 3, 5)

#: Where the source of an answer is kept beside the case (``visits.ui_state``): path -> source.
#: A path is a case path (``history.onset``, ``questionnaires.odi[3]``) or, for one answer of
#: the red-flag screen, ``red_flag_screen.<code>`` (the screen lives beside the case too).
SOURCES_KEY = "sources"
PATIENT_REPORTED = "patient-reported"


def screen_answer_path(code: str) -> str:
    """The source path of one red-flag question's answer (the screen holds code -> yes/no)."""
    return f"{SCREEN_PATH}.{code}"


@dataclass(frozen=True, slots=True)
class Question:
    """One screen: ``id`` names its wording, ``path`` where the answer goes in the case."""

    id: str
    kind: str
    path: str
    choices: tuple[Any, ...] = ()
    #: For questionnaire items: the instrument ("odi", "ndi", "zcq.symptom_severity", ...)
    #: and the item's position in its list.
    instrument: str | None = None
    item: int | None = None
    #: For red flags: the flag's code.
    flag: str | None = None


def _fixed_questions() -> tuple[list[Question], list[Question], list[Question]]:
    first = [Question("sites", SITES, "history.symptom_sites", SYMPTOM_SITES)]
    pains = [
        Question(f"pain_{part}", RATING, f"history.pain_nrs.{part}", tuple(range(11)))
        for part in ("back", "leg", "neck", "arm")
    ]
    flags = [
        Question(f"flag_{code}", YES_NO, "red_flags", (True, False), flag=code)
        for code in RED_FLAGS
    ]
    return first, pains, flags


def _story_questions(lumbar: bool) -> list[Question]:
    """How it began and how long ago; on which side; for the low back and legs, what the
    shopping cart and sitting do (the intake's symptom and walking steps ask the same)."""
    out = [
        Question("duration", ONE_OF, "history.duration_weeks", DURATION_WEEKS),
        Question("onset", ONE_OF, "history.onset", ONSETS),
        Question("bilateral", YES_NO, "history.bilateral", (True, False)),
    ]
    if lumbar:
        out += [
            Question("cart", YES_NO, "history.shopping_cart_sign", (True, False)),
            Question("relief", ONE_OF, "history.seconds_to_relief_on_sitting", RELIEF_SECONDS),
        ]
    return out


def _daily_questions() -> list[Question]:
    return [
        Question("walking", ONE_OF, "history.painless_walking_distance_m", WALKING_METRES),
        Question("standing", ONE_OF, "history.standing_tolerance_min", STANDING_MINUTES),
        Question("worse_with", ANY_OF, "history.worse_with", WORSE_WITH),
        Question("eased_by", ANY_OF, "history.eased_by", EASED_BY),
        Question("therapy", ONE_OF, "treatment.physical_therapy_weeks", THERAPY_WEEKS),
        Question("home_measures", ONE_OF, "treatment.home_measures_benefit", HOME_MEASURES),
        Question("opioids", YES_NO, "treatment.opioid_use", (True, False)),
    ]


def _items(name: str, path: str, count: int, choices: Sequence[int]) -> list[Question]:
    return [
        Question(f"{name}_{i + 1}", ONE_OF, path, tuple(choices), instrument=name, item=i)
        for i in range(count)
    ]


def questions_for(answers: Mapping[str, Any]) -> list[Question]:
    """The questions to ask, in order, given the answers so far (keyed by question id)."""
    first, pains, flags = _fixed_questions()
    sites = set(answers.get("sites") or ())
    lumbar, cervical = bool(sites & LUMBAR_SITES), bool(sites & CERVICAL_SITES)
    wanted = {
        "pain_back": "low_back" in sites or not sites,
        "pain_leg": bool(sites & LEG_SITES),
        "pain_neck": "neck" in sites,
        "pain_arm": bool(sites & ARM_SITES),
    }
    out = first + [q for q in pains if wanted[q.id]] + flags
    out += _story_questions(lumbar or not cervical) + _daily_questions()
    if lumbar or not cervical:
        out += _items("odi", "questionnaires.odi", ODI_ITEMS, range(6))
    if cervical:
        out += _items("ndi", "questionnaires.ndi", NDI_ITEMS, range(6))
    if lumbar or not cervical:
        for part, count, choices in ZCQ_PARTS:
            items = _items(f"zcq.{part}", f"questionnaires.zcq.{part}", count, choices)
            if part == "symptom_severity":
                last = items[-1]
                items[-1] = Question(last.id, ONE_OF, last.path, ZCQ_BALANCE_CHOICES,
                                     instrument=last.instrument, item=last.item)  # fmt: skip
            out += items
    return out


def stops_questions(question: Question, value: Any) -> bool:
    """A "yes" to an emergency red flag ends the questions: the patient goes to the desk now."""
    return (
        question.flag is not None
        and value is True
        and RED_FLAG_LEVELS[question.flag] == ("emergency")
    )


def apply_answers(
    draft: Mapping[str, Any], answers: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, str], list[str]]:
    """The draft with the patient's answers written in, the red-flag screen (code -> "yes" /
    "no") and the paths the patient answered, in order: case paths, then ``red_flags`` and one
    :func:`screen_answer_path` per red-flag question answered (the list alone cannot say which
    "no" the patient gave).

    Only questions that are asked (see :func:`questions_for`) and answered (not None) are
    written; anything the desk typed for a question the patient left is kept.
    """
    data = copy.deepcopy(dict(draft))
    screen: dict[str, str] = {}
    paths: list[str] = []
    asked = questions_for(answers)
    for question in asked:
        value = answers.get(question.id)
        if value is None:
            continue
        if question.flag is not None:
            screen[question.flag] = "yes" if value else "no"
            continue
        if question.item is not None:
            _set_item(data, question, int(value))
            path = f"{question.path}[{question.item}]"
        else:
            _set(data, question.path, list(value) if question.kind in (ANY_OF, SITES) else value)
            path = question.path
        paths.append(path)
    back, leg = answers.get("pain_back"), answers.get("pain_leg")
    if back is not None and leg is not None and {"pain_back", "pain_leg"} <= {q.id for q in asked}:
        # The patient's own two ratings say which is worse (the intake asks it as yes/no).
        _set(data, "history.leg_pain_exceeds_back_pain", leg > back)
        paths.append("history.leg_pain_exceeds_back_pain")
    if screen:
        flags = [c for c in (data.get("red_flags") or []) if c not in screen]
        data["red_flags"] = [c for c in RED_FLAGS if screen.get(c) == "yes"] + flags
        if not data["red_flags"]:
            del data["red_flags"]
        paths.append("red_flags")
        paths += [screen_answer_path(code) for code in RED_FLAGS if code in screen]
    return data, screen, paths


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    node = data
    for part in parents:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    node[last] = value


def _set_item(data: dict[str, Any], question: Question, value: int) -> None:
    size = {"odi": ODI_ITEMS, "ndi": NDI_ITEMS}.get(question.instrument or "")
    if size is None:
        size = next(n for part, n, _ in ZCQ_PARTS if question.path.endswith(part))
    node: Any = data
    *parents, last = question.path.split(".")
    for part in parents:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    items = node.get(last)
    if not isinstance(items, list) or len(items) != size:
        items = node[last] = [None] * size
    assert question.item is not None
    items[question.item] = value
