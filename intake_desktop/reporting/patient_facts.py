"""What the patient sheet may say about this patient: facts of the case and the plan, nothing else.

CLINICAL_CONTENT.md section 9 (since rules 2026.12): a printout that contradicts the plan is a
clinical error. Every sentence of the sheet is chosen from these facts, so "months of care" is
only said after months, "your scan shows" only with a scan that shows it, and an injection the
plan does not suggest is never booked. The plan is read through its contract (level, pattern,
region, red_flags, escalation_signs, workup, procedures, warnings, rules_fired ids), never
through the engine's internals, so a stored plan prints as it was decided.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from intake_desktop.domain.case import Case, Injection
from intake_desktop.domain.codes import level_rank
from intake_desktop.domain.findings import one_year_before

from .document import VisitDocument

#: Injections that treat (a medial branch block only tests, CLINICAL_CONTENT.md s. 7 block 5).
THERAPEUTIC = frozenset({"epidural_steroid", "radiofrequency_ablation"})
#: Levels at which the plan's ``procedures`` are suggested to the patient.
PROCEDURE_LEVELS = frozenset({"interventional", "minimally_invasive", "surgical"})
ESI_CAP = 3
DURABLE_WEEKS = 6
STRUCTURAL_WEEKS = 26
VASCULAR_WORKUP = frozenset({"abi", "vascular_referral"})
#: Work-up that is itself a spinal injection (never put to a vascular pattern).
SPINAL_PROCEDURE_WORKUP = frozenset({"medial_branch_block"})
CERVICAL_PATTERNS = frozenset({"cervical_myelopathy", "cervical_radiculopathy"})
LUMBAR_PATTERNS = frozenset({"lumbar_neurogenic_claudication", "disc_herniation_suspected"})
VASCULAR = "vascular_claudication_suspected"
#: The rule set from which plans list their suggested procedures (CLINICAL_CONTENT.md s. 7.8).
PROCEDURES_SINCE = (2026, 12)


@dataclass(frozen=True, slots=True)
class SheetFacts:
    """The facts the sentences of one patient sheet are chosen from."""

    level: str
    pattern: str
    #: Safety-net groups that apply, in printing order: "lumbar", "cervical", "vascular".
    groups: tuple[str, ...]
    #: A red flag, or a same-day or emergency level: what to do now comes first.
    acute: bool
    #: The pattern is vascular: nothing about the spine's procedures is said.
    vascular_first: bool
    #: Vascular features beside a spinal pattern: blood flow is checked before any procedure.
    vascular_check: bool
    #: The procedure the sheet names (the plan's first at the level the patient is told).
    procedure: str | None
    #: No procedure remains to suggest at the interventional level: the diagnosis is reviewed.
    review: bool
    #: Injection types the plan says not to repeat (from the case, named in the "why").
    not_repeated: tuple[str, ...]
    weeks_of_care: float | None
    imaging: bool
    imaging_causes: tuple[str, ...]
    walking_m: float | None
    signs: frozenset[str]
    fired: frozenset[str]
    workup: tuple[str, ...]
    latest_injection_failed: bool
    esi_capped: bool
    goal_structural: bool


def sheet_facts(doc: VisitDocument) -> SheetFacts:
    """The facts of ``doc`` the patient sheet may state."""
    plan, case = doc.plan, doc.case
    level, pattern = doc.level, str(plan.get("pattern"))
    fired = frozenset(str(r.get("id")) for r in plan.get("rules_fired") or () if r.get("id"))
    workup = tuple(plan.get("workup") or ())
    acute = bool(doc.red_flags) or level_rank(level) >= level_rank("urgent")
    vascular_first = pattern == VASCULAR
    if vascular_first:  # spinal procedures wait for the vascular assessment (s. 7, block 2b)
        workup = tuple(w for w in workup if w not in SPINAL_PROCEDURE_WORKUP)
    vascular_check = not vascular_first and (
        bool(VASCULAR_WORKUP & set(workup)) or "R7.vascular" in fired
    )
    procedure, review = _procedure(doc, plan, level, fired, vascular_first, acute)
    injections = (case.treatment.injections if case.treatment else None) or ()
    imaging = case.imaging
    history = case.history
    framework = plan.get("framework") or {}
    goal = (framework.get("goal") or {}).get("answer") if isinstance(framework, Mapping) else None
    return SheetFacts(
        level=level,
        pattern=pattern,
        groups=_groups(pattern, str(plan.get("region")), vascular_first or vascular_check),
        acute=acute,
        vascular_first=vascular_first,
        vascular_check=vascular_check,
        procedure=procedure,
        review=review,
        not_repeated=_not_repeated(injections, plan, fired),
        weeks_of_care=_weeks(case),
        imaging=imaging is not None and imaging.modality is not None,
        imaging_causes=tuple((imaging.causes if imaging else None) or ()),
        walking_m=history.painless_walking_distance_m if history else None,
        signs=frozenset(plan.get("escalation_signs") or ()),
        fired=fired,
        workup=workup,
        latest_injection_failed=_latest_failed(injections),
        esi_capped=_esi_count(case, injections) >= ESI_CAP,
        goal_structural=goal == "structural_relief",
    )


def _procedure(
    doc: VisitDocument,
    plan: Mapping[str, Any],
    level: str,
    fired: frozenset[str],
    vascular_first: bool,
    acute: bool,
) -> tuple[str | None, bool]:
    """(the procedure to name, whether the diagnosis is reviewed instead).

    The plan's procedures belong to its own level: when the clinician chose another level they
    are not named. The procedure the clinician chose with the patient comes first. Plans from
    before rules 2026.12 did not fill ``procedures``; for them "do not repeat"
    (R6.no_repeat_injection) without a test injection to offer means a review, and otherwise
    no procedure is named.
    """
    if vascular_first or acute or level not in PROCEDURE_LEVELS or doc.overridden:
        return None, False
    if doc.chosen_procedure:  # the clinician's pick among the plan's, checked at signing
        return doc.chosen_procedure, False
    if "procedures" in plan and _version(plan.get("rules_version")) >= PROCEDURES_SINCE:
        listed = [p for p in plan.get("procedures") or () if isinstance(p, str)]
        if listed:
            return listed[0], False
        return None, level == "interventional"
    if "R6.no_repeat_injection" in fired:
        mbb = "medial_branch_block" in (plan.get("workup") or ())
        return ("medial_branch_block", False) if mbb else (None, True)
    return None, False


def _version(text: Any) -> tuple[int, ...]:
    """ "2026.12.0" -> (2026, 12, 0); anything unreadable counts as old."""
    try:
        return tuple(int(part) for part in str(text).split("."))
    except ValueError:
        return (0,)


def _groups(pattern: str, region: str, vascular: bool) -> tuple[str, ...]:
    """Which warning signs fit: the spine's by region (lumbar by default), and blood flow's."""
    groups: list[str] = []
    if pattern in LUMBAR_PATTERNS or region in ("lumbar", "both"):
        groups.append("lumbar")
    if pattern in CERVICAL_PATTERNS or region in ("cervical", "both"):
        groups.insert(0 if pattern in CERVICAL_PATTERNS else len(groups), "cervical")
    if not groups:
        groups.append("lumbar")
    if vascular:  # the pattern's own signs first
        groups.insert(0 if pattern == VASCULAR else len(groups), "vascular")
    return tuple(groups)


def _weeks(case: Case) -> float | None:
    """Weeks of conservative care (s. 7: the recorded weeks, else physical therapy weeks)."""
    t = case.treatment
    if t is None:
        return None
    return (
        t.conservative_care_weeks
        if t.conservative_care_weeks is not None
        else t.physical_therapy_weeks
    )


def _latest_failed(injections: tuple[Injection, ...]) -> bool:
    """The latest therapeutic injection gave no durable benefit (on a tie, the least durable)."""
    treated = [i for i in injections if i.type in THERAPEUTIC]
    if not treated:
        return False
    day = max(i.date for i in treated)
    return not all(i.durable for i in treated if i.date == day)


def _esi_count(case: Case, injections: tuple[Injection, ...]) -> int:
    since = one_year_before(case.visit_date)
    return sum(
        1 for i in injections if i.type == "epidural_steroid" and since <= i.date <= case.visit_date
    )


def _not_repeated(
    injections: tuple[Injection, ...], plan: Mapping[str, Any], fired: frozenset[str]
) -> tuple[str, ...]:
    """The treatment types the plan rules out: the latest therapeutic type when the plan says
    "do not repeat" and does not suggest that type again."""
    if "R6.no_repeat_injection" not in fired:
        return ()
    treated = [i for i in injections if i.type in THERAPEUTIC]
    if not treated:
        return ()
    day = max(i.date for i in treated)
    suggested = set(plan.get("procedures") or ())
    latest = dict.fromkeys(i.type for i in treated if i.date == day)
    return tuple(t for t in latest if t not in suggested)


def structural_weeks_reached(facts: SheetFacts) -> bool:
    """Six months of care or more: only then may the sheet speak of months."""
    return facts.weeks_of_care is not None and facts.weeks_of_care >= STRUCTURAL_WEEKS
