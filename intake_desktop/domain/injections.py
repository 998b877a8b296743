"""What the injection history says (CLINICAL_CONTENT.md section 7, blocks 5 and 6, rules 2026.12).

Injections are a set, not a sequence: the file may list them in any order, so every question here
is answered from dates and values alone. Epidural steroid injections and radiofrequency ablation
are treatments (they can succeed or fail); medial branch blocks are diagnostic tests (they answer
"is the pain from the facet joints?") and never count as a failed treatment or towards the cap.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from .case import Case, Injection
from .messages import Message, msg

#: Procedures that treat (and can fail); a medial branch block only tests.
THERAPEUTIC = frozenset({"epidural_steroid", "radiofrequency_ablation"})
#: At most this many epidural steroid injections in the 12 months before a visit (section 7).
INJECTION_CAP = 3
#: Relief shorter than this, without functional gain, means "do not repeat" (block 6).
SHORT_RELIEF_WEEKS = 2


def one_year_before(day: date) -> date:
    """The same calendar day a year earlier (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def injections_of(case: Case) -> tuple[Injection, ...]:
    """The recorded injections, in the file's order (callers must not depend on it)."""
    return (case.treatment.injections if case.treatment else None) or ()


def _least_durable_key(i: Injection) -> tuple[object, ...]:
    """Orders injections from least to most durable; every field takes part, so equal keys
    mean equal injections and the choice never depends on the order in the file."""
    return (
        i.durable,
        i.function_improved is True,
        -1.0 if i.relief_weeks is None else i.relief_weeks,
        i.function_improved is None,
        i.type,
        i.response or "",
    )


def most_recent(injections: Iterable[Injection]) -> Injection | None:
    """The latest injection; on a tie, the least durable of that day (the cautious reading)."""
    items = list(injections)
    if not items:
        return None
    latest = max(i.date for i in items)
    return min((i for i in items if i.date == latest), key=_least_durable_key)


def of_type(injections: Iterable[Injection], *types: str) -> tuple[Injection, ...]:
    return tuple(i for i in injections if i.type in types)


def most_recent_therapeutic(case: Case) -> Injection | None:
    """The injection that judges interventional care: the latest ESI or RFA (block 5)."""
    return most_recent(i for i in injections_of(case) if i.type in THERAPEUTIC)


def esi_in_year(case: Case) -> tuple[Injection, ...]:
    """Epidural steroid injections in the 12 months up to and including the visit date."""
    since = one_year_before(case.visit_date)
    return tuple(
        i
        for i in injections_of(case)
        if i.type == "epidural_steroid" and since <= i.date <= case.visit_date
    )


def short_relief(i: Injection | None) -> bool:
    """Relief under 2 weeks without functional gain: the injection is not worth repeating."""
    return (
        i is not None
        and i.relief_weeks is not None
        and i.relief_weeks < SHORT_RELIEF_WEEKS
        and not i.function_improved
    )


def latest_block(case: Case) -> Injection | None:
    """The most recent medial branch block, a negative answer winning a same-day tie."""
    blocks = of_type(injections_of(case), "medial_branch_block")
    if not blocks:
        return None
    latest = max(i.date for i in blocks)
    rank = {"negative": 0, None: 1, "positive": 2}
    return min(
        (i for i in blocks if i.date == latest),
        key=lambda i: (rank[i.response], _least_durable_key(i)),
    )


def ablation_on_or_after(case: Case, day: date) -> Injection | None:
    """A radiofrequency ablation done on or after ``day`` (the latest such), if any."""
    return most_recent(
        i for i in of_type(injections_of(case), "radiofrequency_ablation") if i.date >= day
    )


def describe(i: Injection) -> Message:
    """One injection in words, for the findings of a rule."""
    parts = [msg("injection.on", type=i.type, date=i.date.isoformat())]
    if i.relief_weeks is not None:
        parts.append(msg("injection.relief", weeks=i.relief_weeks))
    if i.function_improved is not None:
        parts.append(msg("injection.improved" if i.function_improved else "injection.no_gain"))
    if i.response is not None:
        parts.append(msg("injection.response", response=i.response))
    return msg("injection.summary", parts=parts)


def sorted_injections(injections: Sequence[Injection]) -> list[Injection]:
    """Injections in date order, a total order so displays never depend on the file's order."""
    return sorted(injections, key=lambda i: (i.date, _least_durable_key(i)))
