"""Why the patient sheet recommends what it does: one sentence per fact that holds.

CLINICAL_CONTENT.md s. 9, "only true sentences": each reason is printed only when its facts hold
for this visit (the rules the plan fired, and the case's own record): weeks of care as
recorded, "months" only after 26 weeks, "your scan shows" only with a scan that shows it, the
injection not to repeat named from the case. A vascular pattern gets the blood-flow reason alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .layout import format_number
from .patient_facts import structural_weeks_reached

if TYPE_CHECKING:
    from .sheet_context import SheetContext

_IMAGING_TESTS = frozenset({"urgent_mri", "mri", "ct_myelogram"})
#: The structural-relief rules (block 5), old and new.
_STRUCTURAL = frozenset(
    {"R5.surgical", "R5.mild", "R5.outpatient_scs", "R5.outpatient_spacer", "R5.no_imaging"}
)


def reasons(c: SheetContext) -> list[tuple[str, dict[str, Any]]]:
    """The "why" as (template key, values): each one only when its facts hold."""
    f = c.facts
    fired = f.fired
    r: list[tuple[str, dict[str, Any]]] = []

    def add(key: str, **values: Any) -> None:
        r.append((f"care.reasons.{key}", values))

    if f.acute:
        if c.doc.red_flags:
            add("red_flag")
        return r
    if f.vascular_first:
        add("vascular")
        return r
    weeks = f.weeks_of_care
    if "R2.cord_signs" in fired:
        add("cord_signs")
    if "R3.conservative_first" in fired:
        if weeks:
            add("first_weeks", weeks=_weeks(c, weeks))
        else:
            add("first_none")
        if not _IMAGING_TESTS & set(f.workup):
            add("scan_can_wait")
    if "R3.deficit_imaging" in fired:
        add("deficit_imaging")
    if "R4.stable" in fired:
        add("stable")
    if fired & _STRUCTURAL:
        if weeks:
            add(
                "care_months" if structural_weeks_reached(f) else "care_weeks",
                weeks=_weeks(c, weeks),
            )
        if f.latest_injection_failed:
            add("injection_failed")
        elif f.esi_capped:
            add("esi_capped")
        elif f.goal_structural:
            add("goal_structural")
        scan = f.imaging and bool(f.imaging_causes)
        if "R5.mild" in fired:
            flavum = scan and "ligamentum_flavum_hypertrophy" in f.imaging_causes
            add("scan_mild" if flavum else "anatomy_mild")
        elif "R5.surgical" in fired:
            add("scan_surgical" if scan else "anatomy_surgical")
        elif "R5.outpatient_scs" in fired:
            add("outpatient_scs")
        elif "R5.outpatient_spacer" in fired:
            add("outpatient_spacer")
        elif "R5.no_imaging" in fired:
            add("no_imaging")
    if "R6.interventional" in fired and weeks:
        add("interventional", weeks=_weeks(c, weeks))
    for kind in f.not_repeated:
        add("not_repeated", injection=c.plain(f"procedures.{kind}.name"))
    if f.procedure == "medial_branch_block" and "R6.medial_branch_block" in fired:
        add("medial_branch_block")
    if f.vascular_check:
        add("vascular_check")
    if "R7.neuropathy_emg" in fired:
        add("neuropathy_emg")
    if "R7.under_40" in fired:
        add("under_40")
    return r


def _weeks(c: SheetContext, weeks: float) -> str:
    unit = "week" if weeks == 1 else "weeks"
    return f"{format_number(c.t, weeks)} {c.plain(f'units.{unit}')}"
