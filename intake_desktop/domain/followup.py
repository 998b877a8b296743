"""Follow-up visits: what carries forward, the trends across visits and the alerts they raise.

Stenosis care is judged over time by function (CLINICAL_CONTENT.md section 7, "Outcomes judged by
function first"), so the same pure functions feed the patient view, its charts and the printouts.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from .case import Case
from .findings import WALKING_FALL_FRACTION
from .injections import INJECTION_CAP, esi_in_year
from .instruments import ndi_score, odi_score, zcq_score
from .messages import Message, msg

#: Changes at least this large are clinically meaningful (INSTRUMENTS.md; CLINICAL issue 7).
MEANINGFUL_CHANGE = {"odi": 10, "ndi": 5, "nrs": 2}

#: Sections of a case that describe the patient rather than the day, and so carry forward.
CARRIED_SECTIONS = ("history", "comorbidities", "treatment", "imaging", "questionnaires")


@dataclass(frozen=True, slots=True)
class VisitSnapshot:
    """One visit as the trends need it: its case and the levels recommended and accepted."""

    case: Case
    level_recommended: str | None = None
    level_accepted: str | None = None


@dataclass(frozen=True, slots=True)
class Alert:
    """Something that slipped (or improved) since the previous visit, with its numbers."""

    code: str
    message: str
    direction: str = "worse"  # worse | better


#: Where a follow-up draft's window state keeps the dotted paths still carried forward (not yet
#: confirmed or changed), and the date of the visit they came from. Beside the case, never in it.
CARRIED_KEY = "carried"
CARRIED_FROM_KEY = "carried_from"


def carried_paths(ui_state: Mapping[str, Any] | None) -> tuple[str, ...]:
    """The paths a window state says are still carried forward (anything else there ignored)."""
    paths = (ui_state or {}).get(CARRIED_KEY)
    if not isinstance(paths, list):
        return ()
    return tuple(p for p in paths if isinstance(p, str))


def carry_forward(previous: dict[str, Any], visit_date: date) -> tuple[dict[str, Any], list[str]]:
    """Start a follow-up case from the previous visit's case file.

    Returns the new case data and the dotted paths of every carried field, so the form can mark
    them as carried forward until someone confirms or edits them. The previous painless walking
    distance is filled in so the 15 % rule can work without anyone retyping it.
    """
    data: dict[str, Any] = {
        "format": previous.get("format", "spine-intake-case/1"),
        "patient": copy.deepcopy(previous.get("patient", {})),
        "visit_date": visit_date.isoformat(),
    }
    carried: list[str] = []
    for section in CARRIED_SECTIONS:
        if section in previous:
            data[section] = copy.deepcopy(previous[section])
            carried.extend(_paths(section, previous[section]))
    distance = previous.get("history", {}).get("painless_walking_distance_m")
    if distance is not None:
        data.setdefault("function", {})["previous_painless_walking_distance_m"] = distance
    return data, carried


def _paths(prefix: str, value: Any) -> list[str]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _paths(f"{prefix}.{k}", v)]
    return [prefix]


def trends(visits: Sequence[VisitSnapshot]) -> dict[str, list[tuple[date, Any]]]:
    """Every trend series, oldest visit first; a visit that did not record a value is skipped."""
    ordered = sorted(visits, key=lambda v: v.case.visit_date)
    series: dict[str, list[tuple[date, Any]]] = {}

    def add(name: str, day: date, value: Any) -> None:
        if value is not None:
            series.setdefault(name, []).append((day, value))

    for v in ordered:
        c, day = v.case, v.case.visit_date
        h, t, q = c.history, c.treatment, c.questionnaires
        add("walking_distance_m", day, h and h.painless_walking_distance_m)
        add("standing_tolerance_min", day, h and h.standing_tolerance_min)
        if h and h.pain_nrs:
            for site in ("back", "leg", "neck", "arm"):
                add(f"nrs_{site}", day, getattr(h.pain_nrs, site))
        if q and q.odi:
            add("odi_percent", day, odi_score(q.odi)["percent"])
        if q and q.ndi:
            add("ndi_percent", day, ndi_score(q.ndi)["percent"])
        if q and q.zcq:
            z = zcq_score(q.zcq)
            for key in ("symptom_severity", "physical_function", "satisfaction"):
                add(f"zcq_{key}", day, z[key])
        add("medication_trend", day, t and t.medication_trend)
        add("opioid_use", day, t and t.opioid_use)
        add("injections_last_12_months", day, injections_in_year(c))
        add("level_recommended", day, v.level_recommended)
        add("level_accepted", day, v.level_accepted)
    return series


def injection_dates(visits: Sequence[VisitSnapshot]) -> list[date]:
    """Every injection recorded on any visit, once each, for marking treatments on a time axis."""
    days = {
        i.date for v in visits for i in ((v.case.treatment and v.case.treatment.injections) or ())
    }
    return sorted(days)


def injections_in_year(case: Case) -> int:
    """Epidural steroid injections in the rolling 12 months up to and including the visit date.

    Only these count towards the cap (section 7, since rules 2026.12): diagnostic blocks and
    radiofrequency ablation do not.
    """
    return len(esi_in_year(case))


def alerts(previous: VisitSnapshot | None, current: VisitSnapshot) -> list[Alert]:
    """Alerts for the current visit against the previous one (issue 7; section 5 for walking)."""
    out: list[Alert] = []
    c = current.case
    count = injections_in_year(c)
    if count >= INJECTION_CAP:
        out.append(
            Alert(
                "injection_cap_reached",
                msg("alert.injection_cap", count=count, cap=INJECTION_CAP),
            )
        )
    t = c.treatment
    if t and t.medication_trend == "increasing" and t.activity_trend == "decreasing":
        out.append(Alert("more_medication_less_activity", msg("alert.medication_activity")))
    if previous is None:
        return out
    p = previous.case
    before = p.history and p.history.painless_walking_distance_m
    now = c.history and c.history.painless_walking_distance_m
    if before and now is not None:
        fall = (Decimal(str(before)) - Decimal(str(now))) / Decimal(str(before))
        if fall >= WALKING_FALL_FRACTION:
            out.append(
                Alert(
                    "walking_distance_shrinking",
                    msg("alert.walking_fall", percent=float(fall * 100), before=before, now=now),
                )
            )
    out.extend(_questionnaire_changes(p, c))
    return out


def _questionnaire_changes(p: Case, c: Case) -> list[Alert]:
    out: list[Alert] = []
    pairs: list[tuple[str, Message, Any, Any]] = []
    pq, cq = p.questionnaires, c.questionnaires
    if pq and cq and pq.odi and cq.odi:
        pairs.append(
            (
                "odi",
                msg("alert.name_odi"),
                odi_score(pq.odi)["percent"],
                odi_score(cq.odi)["percent"],
            )
        )
    if pq and cq and pq.ndi and cq.ndi:
        pairs.append(
            ("ndi", msg("alert.name_ndi"), ndi_score(pq.ndi)["raw"], ndi_score(cq.ndi)["raw"])
        )
    ph, ch = p.history, c.history
    if ph and ch and ph.pain_nrs and ch.pain_nrs:
        for site in ("back", "leg", "neck", "arm"):
            a, b = getattr(ph.pain_nrs, site), getattr(ch.pain_nrs, site)
            pairs.append(("nrs", msg("alert.name_nrs", site=site), a, b))
    for kind, name, a, b in pairs:
        if a is None or b is None or abs(b - a) < MEANINGFUL_CHANGE[kind]:
            continue
        direction = "worse" if b > a else "better"  # higher is worse on all three
        out.append(
            Alert(
                f"{kind}_change",
                msg(
                    f"alert.change_{direction}",
                    name=name,
                    before=a,
                    after=b,
                    points=MEANINGFUL_CHANGE[kind],
                ),
                direction,
            )
        )
    return out
