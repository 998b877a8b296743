"""What a visit needs before a clinician may sign it, and the fingerprint of what was signed.

A signature says "this record is complete and right". Issue 13 (item 6) found a follow-up visit
signed with none of the ten red-flag questions answered and no exam, so signing now requires:

* every red-flag question of CLINICAL_CONTENT.md section 3 answered yes or no: a flag the case
  lists (``red_flags``) is a yes; a no exists only on the red-flag screen, which the case file has
  no place for (absent means *not recorded*, never *no*), so the screen's answers come in beside
  the case;
* the neurological items of the exam (section 8: strength, sensation, reflexes, straight-leg
  raise, gait and Romberg, and the cord signs when the region involves the neck) recorded, or
  the exam declared "not examined" with a reason;
* a reason when the clinician's level differs from the recommended one (section 4);
* a next visit (``follow_up.next_visit_date``) not before the visit itself (the schema cannot
  say so).

:func:`missing_for_signature` is the one place these rules live; the services refuse to sign
without them and the windows and the command line show what it returns, each item with the field
path it is about. Pure Python: data in, data out.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from .case import Case
from .codes import RED_FLAGS

#: Where the red-flag screen's answers are named in a missing item (``red_flag_screen.fever``).
SCREEN_PATH = "red_flag_screen"
#: Where the "not examined" reason is kept beside the case (the exam has no place for it).
NOT_EXAMINED_KEY = "not_examined_reason"
OVERRIDE_REASON_PATH = "override_reason"
NEXT_VISIT_PATH = "follow_up.next_visit_date"
SCREEN_ANSWERS = ("yes", "no")

#: Neurological exam items every signed visit records (section 8), in the exam page's order.
NEURO_ITEMS: tuple[str, ...] = (
    "gait_unsteady",
    "romberg_positive",
    "leg_weakness",
    "foot_drop",
    "saddle_sensation_reduced",
    "achilles_reflex_abnormal",
    "straight_leg_raise_positive",
)
#: Cord signs, required too when the region is cervical or both (section 6, cervical cord).
CORD_ITEMS: tuple[str, ...] = ("hoffmann_sign", "hand_dexterity_reduced")
CORD_REGIONS = frozenset({"cervical", "both"})


#: A carried-forward answer nobody confirmed (see :func:`missing_for_signature`).
CARRIED_MESSAGE = "carried forward from an earlier visit: confirm it or change it"


@dataclass(frozen=True, slots=True)
class MissingItem:
    """One thing missing before signing: the field's path and what to do, in plain words."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def missing_for_signature(
    case: Case,
    *,
    red_flag_screen: Mapping[str, Any] | None,
    not_examined_reason: str | None,
    region: str | None,
    recommended_level: str,
    override_level: str | None,
    override_reason: str | None,
    carried: Sequence[str] = (),
) -> list[MissingItem]:
    """Everything missing before ``case`` may be signed; an empty list means it may be.

    ``carried``: the fields a follow-up took from the patient's last signed visit that nobody
    has confirmed or changed yet (``domain.followup``); each must be, or today's visit would
    be signed with, say, a pain rating nobody asked today.

    ``red_flag_screen`` maps a red-flag code to ``"yes"`` or ``"no"`` (the screen's answers);
    ``not_examined_reason`` is ``None`` when the exam was done (then its items are required),
    else why it was not (then the reason is); ``region`` is the plan's region (``lumbar``,
    ``cervical``, ``both``, ``unclear``).
    """
    missing: list[MissingItem] = [MissingItem(path, CARRIED_MESSAGE) for path in carried]
    present = set(case.red_flags or ())
    screen = red_flag_screen or {}
    for code in RED_FLAGS:
        if code not in present and screen.get(code) not in SCREEN_ANSWERS:
            missing.append(MissingItem(f"{SCREEN_PATH}.{code}", "not answered: ask yes or no"))
    if not_examined_reason is not None and not not_examined_reason.strip():
        missing.append(
            MissingItem(f"exam.{NOT_EXAMINED_KEY}", "is required when the exam was not done")
        )
    elif not_examined_reason is None:
        items = NEURO_ITEMS + (CORD_ITEMS if region in CORD_REGIONS else ())
        exam = case.exam
        for item in items:
            if exam is None or getattr(exam, item) is None:
                missing.append(
                    MissingItem(
                        f"exam.{item}",
                        "not recorded: record it, or mark the exam not examined with a reason",
                    )
                )
    next_visit = case.follow_up.next_visit_date if case.follow_up else None
    if next_visit is not None and next_visit < case.visit_date:
        missing.append(
            MissingItem(
                NEXT_VISIT_PATH,
                f"{next_visit} is before the visit date {case.visit_date}; choose a later date",
            )
        )
    overridden = override_level is not None and override_level != recommended_level
    if overridden and not (override_reason or "").strip():
        missing.append(
            MissingItem(
                OVERRIDE_REASON_PATH,
                f"is required: the level is changed from {recommended_level} to {override_level}",
            )
        )
    return missing


def signature_hash(
    case_data: Mapping[str, Any],
    plan: Mapping[str, Any],
    accepted_level: str,
    override_reason: str | None,
    chosen_procedure: str | None = None,
    identity: Mapping[str, Any] | None = None,
) -> str:
    """SHA-256 (hex) of what is signed: canonical JSON of the case, the plan as computed, the
    accepted level, the override reason, the procedure chosen and the patient's identification
    as it was at signing (:func:`signed_identity`). Anyone holding the record can recompute it,
    so a later change to any of them shows.

    ``identity`` None gives the hash of visits signed before the identification was part of
    the signature (it is then left out of the JSON, not written as null), so they still verify.
    """
    signed: dict[str, Any] = {
        "case": case_data,
        "plan": plan,
        "accepted_level": accepted_level,
        "override_reason": override_reason,
        "chosen_procedure": chosen_procedure,
    }
    if identity is not None:
        signed["patient_identity"] = dict(identity)
    text = json.dumps(signed, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def signed_identity(
    name: str | None, date_of_birth: date, record_number: str | None
) -> dict[str, str | None]:
    """The patient's identification as a signature keeps it: the name, date of birth and record
    number the signer saw, stored with the visit so the summary prints them as signed even after
    the front desk corrects the patient record."""
    return {
        "name": name,
        "date_of_birth": date_of_birth.isoformat(),
        "record_number": record_number,
    }
