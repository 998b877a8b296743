"""The urgency key stored beside each visit, so that every list can mark an emergency.

Like the search terms (:mod:`.search_text`), this is derived data kept in a column for the
lists to read without opening the case: ``visits.urgency`` (``emergency``, ``urgent`` or NULL)
and ``visits.red_flag_codes`` (the red flags present when the visit was last saved, comma
separated, in the order of CLINICAL_CONTENT.md section 3). The domain decides what a red flag is;
this only asks it, and copes with a draft that is not yet a valid case: a red flag typed on the
screen is never lost because, say, the pain rating is still out of range.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from intake_desktop.domain.codes import RED_FLAG_LEVELS, RED_FLAGS

URGENT_LEVELS = ("emergency", "urgent")
#: A draft's visit date may be any day: the date check belongs to signing, not to this key.
_ANY_DAY = date(9999, 12, 31)
#: The parts of a case a red flag can come from (the screen, the exam) and what they need.
_RED_FLAG_PARTS = ("format", "patient", "visit_date", "red_flags", "exam")


def draft_red_flags(data: Any) -> tuple[tuple[str, ...], str | None]:
    """(red-flag codes, urgency) of a draft's form data, valid or not.

    A valid case is evaluated by the engine (its level may be urgent without a red flag, e.g.
    for cord signs). Otherwise the screen and exam alone are parsed and the domain's red flags
    read from them; flags ticked on the screen count whatever else fails.
    """
    # Here rather than above: the lists read the stored key without evaluating anything, and the
    # engine, the case's parser and checks take longer to load than the window takes to appear.
    from intake_desktop.domain.engine import evaluate
    from intake_desktop.domain.findings import red_flags
    from intake_desktop.domain.validation import CaseValidationError, parse_case

    if not isinstance(data, Mapping):
        return (), None
    case_part = {k: v for k, v in data.items() if not str(k).startswith("_")}
    try:
        plan = evaluate(parse_case(case_part, today=_ANY_DAY))
    except CaseValidationError:
        pass
    else:
        codes = plan.red_flag_codes
        level = plan.level if plan.level in URGENT_LEVELS else None
        return codes, max_urgency(level, flag_urgency(codes))
    codes: set[str] = set()
    screen = data.get("red_flags")
    if isinstance(screen, list):
        codes.update(c for c in screen if isinstance(c, str) and c in RED_FLAG_LEVELS)
    for parts in (_RED_FLAG_PARTS, _RED_FLAG_PARTS[:-1]):
        try:
            case = parse_case({k: case_part[k] for k in parts if k in case_part}, today=_ANY_DAY)
        except CaseValidationError:
            continue
        codes.update(rf.code for rf in red_flags(case))
        break
    ordered = tuple(c for c in RED_FLAGS if c in codes)
    return ordered, flag_urgency(ordered)


def signed_urgency(
    plan: Mapping[str, Any] | None, computed_level: str | None, final_level: str | None
) -> tuple[tuple[str, ...], str | None]:
    """(red-flag codes, urgency) of a signed visit, from its stored plan and levels.

    The higher of the computed and the accepted level counts: an emergency the clinician
    overrode still shows in the lists (a red flag is never hidden).
    """
    stored = (plan or {}).get("red_flags") or []
    codes = tuple(c for c in RED_FLAGS if c in stored)
    levels = [lv for lv in (computed_level, final_level) if lv in URGENT_LEVELS]
    return codes, max_urgency(flag_urgency(codes), *levels)


def flag_urgency(codes: Iterable[str]) -> str | None:
    """The level the red flags demand (section 3): emergency, urgent, or None without flags."""
    levels = {RED_FLAG_LEVELS[c] for c in codes if c in RED_FLAG_LEVELS}
    return "emergency" if "emergency" in levels else "urgent" if levels else None


def max_urgency(*levels: str | None) -> str | None:
    """The most urgent of ``levels`` (None when none is urgent)."""
    present = set(levels)
    return next((lv for lv in URGENT_LEVELS if lv in present), None)


def join_codes(codes: Iterable[str]) -> str | None:
    """The column's form of a set of codes (None for no red flag)."""
    text = ",".join(codes)
    return text or None


def split_codes(text: str | None) -> tuple[str, ...]:
    return tuple(c for c in (text or "").split(",") if c)
