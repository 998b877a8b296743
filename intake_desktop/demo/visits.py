"""Synthetic visits for a demo patient: real cases from the templates, real plans from the engine.

Each template is parsed once; a visit is the parsed case with the patient, the visit date (all
other dates shifted alike) and the pain scores changed through ``dataclasses.replace``, so every
visit is a valid case without parsing 150,000 files. Plans are ``evaluate(case)`` for that very
case, remembered per :class:`PlanMemo` key: the engine reads the patient only for the age on the
visit date (and the sex, kept in the key) and the visit date only for the age and against the
injections' dates (the only other dates it reads), so two visits alike in template, age, sex and
pain scores (and, for a template with injections, visit date) have the same plan. Evaluating
1.5 million visits of half a million patients would otherwise take most of an hour; every
:data:`PlanMemo.CHECK_EVERY`-th reuse is evaluated again and must agree, and the demo tests
evaluate every visit they build.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from intake_desktop.domain.case import Case, Patient
from intake_desktop.domain.codes import LEVELS
from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.findings import age_on
from intake_desktop.domain.injections import injections_of
from intake_desktop.domain.validation import parse_case
from intake_desktop.services.visits import case_json

from .cases import TEMPLATES
from .people import DemoPerson

CLINICIANS = ("dr.ames", "dr.baker", "dr.chen", "dr.diaz", "dr.evans")
FRONT_DESK = ("desk.north", "desk.south")
OVERRIDE_REASONS = (
    "Patient prefers to try one more step before escalating.",
    "Travels far for care; combined the next step into this visit.",
    "Findings on examination today weigh more than the questionnaire.",
)
AMENDMENT_REASONS = (
    "Pain scores corrected after the patient reviewed the form.",
    "Imaging report arrived after signing.",
    "Typo in the treatment history.",
)
_UNFINISHED = ("exam", "imaging", "treatment", "function", "questionnaires", "framework")
#: Patients on a demo clinic's board today: one booked every :data:`SLOT_MIN` minutes (two
#: clinicians), half before now and half after.
DAY_SIZE = 24
SLOT_MIN = 10
#: Minutes after the booked time at which each state begins. Each state lasts at least
#: SLOT_MIN minutes, so a board made at any time of the day shows every state at least once.
_PACE = (("checked_in", -5), ("answering", 5), ("ready", 20), ("with_clinician", 35),
         ("signed", 60), ("printed", 70))  # fmt: skip
#: The demo day's red flag: one waiting patient reports a foot that drags (urgent).
DAY_RED_FLAG = "foot_drop"


@dataclass(frozen=True, slots=True)
class DaySlot:
    """One patient's place on today's board: booked when, in which state now, since when."""

    booked: datetime
    state: str
    timeline: dict[str, str]

    def at(self, state: str) -> datetime:
        return datetime.fromisoformat(self.timeline[state])


def day_slots(count: int, now: datetime) -> list[DaySlot]:
    """``count`` bookings around ``now`` (UTC), half of them before, each as far on as the
    clock says."""
    midnight = now.astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    start = max(midnight.astimezone(UTC), now - timedelta(minutes=SLOT_MIN * count // 2))
    start = start.replace(minute=start.minute - start.minute % SLOT_MIN, second=0, microsecond=0)
    slots = []
    for i in range(count):
        booked = start + timedelta(minutes=SLOT_MIN * i)
        timeline = {"expected": (booked - timedelta(days=1)).isoformat()}
        state = "expected"
        for name, minutes in _PACE:
            when = booked + timedelta(minutes=minutes)
            if when > now:
                break
            timeline[name], state = when.isoformat(), name
        slots.append(DaySlot(booked, state, timeline))
    return slots


@dataclass(frozen=True, slots=True)
class DemoVisit:
    """A visits-table row (without patient_id) and, if amended, the version it replaced."""

    row: dict[str, Any]
    earlier: dict[str, Any] | None


class PlanMemo:
    """The engine's plan per (template, age, sex, pain scores[, visit date]); see the module."""

    #: One reuse in this many is evaluated again and compared (a cheap guard on the key).
    CHECK_EVERY = 500

    def __init__(self, cases: dict[str, Case]) -> None:
        self._plans: dict[tuple[Any, ...], dict[str, Any]] = {}
        self._cases: dict[tuple[Any, ...], dict[str, Any]] = {}
        self._dated = {name: _has_other_dates(case) for name, case in cases.items()}
        self._injections = {name: bool(injections_of(case)) for name, case in cases.items()}
        self._reused = 0

    def case_json(self, template: str, case: Case) -> dict[str, Any]:
        """``case_json(case)`` (a new top-level dict; the sections inside are shared): the
        template's sections as varied, with this patient and visit date."""
        nrs = case.history.pain_nrs if case.history else None
        day = case.visit_date if self._dated[template] else None
        key = (template, nrs, day)
        known = self._cases.get(key)
        if known is None:
            known = self._cases[key] = case_json(case)
        data = dict(known)
        data["patient"] = {
            f.name: v.isoformat() if isinstance(v, date) else v
            for f in fields(case.patient)
            if (v := getattr(case.patient, f.name)) is not None
        }
        data["visit_date"] = case.visit_date.isoformat()
        self._reused += 1
        if self._reused % self.CHECK_EVERY == 0 and case_json(case) != data:
            raise RuntimeError(f"demo case memo: a reused case differs ({template})")
        return data

    def plan(self, template: str, case: Case) -> dict[str, Any]:
        """``evaluate(case).to_dict()``, shared with earlier visits of the same key: the caller
        must not change it."""
        nrs = case.history.pain_nrs if case.history else None
        age = age_on(case.patient.date_of_birth, case.visit_date)
        day = case.visit_date if self._injections[template] else None
        key = (template, age, case.patient.sex, nrs, day)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = evaluate(case).to_dict()
            return plan
        self._reused += 1
        if self._reused % self.CHECK_EVERY == 0 and evaluate(case).to_dict() != plan:
            raise RuntimeError(f"demo plan memo: a reused plan differs ({template})")
        return plan


def _has_other_dates(case: Case) -> bool:
    """Whether the case holds dates besides the visit date and the date of birth."""
    data = case_json(case)
    data.pop("visit_date", None)
    data.pop("patient", None)
    return re.search(r"\d{4}-\d{2}-\d{2}", json.dumps(data)) is not None


class VisitFactory:
    def __init__(self, seed: int, today: date) -> None:
        self._today = today
        self._names = list(TEMPLATES)
        self._weights = [TEMPLATES[n][0] for n in self._names]
        self._cases = {n: parse_case(TEMPLATES[n][1]) for n in self._names}
        self._plans = PlanMemo(self._cases)

    def visits_for(self, person: DemoPerson, slot: DaySlot | None = None) -> list[DemoVisit]:
        """The person's visits, oldest first; with a ``slot`` past "expected" the last one is
        today's, a draft or signed as the slot's state says."""
        rng = random.Random(person.seed)
        count = rng.randint(1, 5)
        days = sorted(rng.sample(range(1, 3 * 365), count))
        dates = [self._today - timedelta(days=d) for d in reversed(days)]
        if rng.random() < 0.002 or (slot is not None and slot.state != "expected"):
            dates[-1] = self._today  # today's list at the front desk
        template = rng.choices(self._names, self._weights)[0]
        out = []
        for i, day in enumerate(dates):
            if i and rng.random() < 0.3:
                template = rng.choices(self._names, self._weights)[0]
            case = self._vary(self._cases[template], person, day, rng)
            today = slot if i == count - 1 and day == self._today else None
            out.append(self._visit(template, case, rng, last=i == count - 1, slot=today))
        return out

    def _visit(
        self,
        template: str,
        case: Case,
        rng: random.Random,
        last: bool,
        slot: DaySlot | None = None,
    ) -> DemoVisit:
        opened = datetime.combine(case.visit_date, time(8), UTC) + timedelta(
            minutes=rng.randint(0, 9 * 60)
        )
        if slot is not None and "checked_in" in slot.timeline:
            opened = slot.at("checked_in")
        desk = rng.choice(FRONT_DESK)
        row: dict[str, Any] = {
            "visit_date": case.visit_date,
            "status": "draft",
            "draft_data": None,
            "case_data": None,
            "plan": None,
            "rules_version": None,
            "computed_level": None,
            "final_level": None,
            "override_reason": None,
            "revision": 0,
            "created_at": opened,
            "created_by": desk,
            "updated_at": opened,
            "updated_by": desk,
            "signed_at": None,
            "signed_by": None,
            "amendment_reason": None,
            "version": 1,
        }
        roll = rng.random()
        if slot is not None:  # the board's state decides: a draft until the signature
            roll = 1.0 if slot.state in ("signed", "printed") else 0.0
        if last and (roll < 0.15 or (case.visit_date == self._today and roll < 0.5)):
            data = self._plans.case_json(template, case)
            for section in rng.sample(_UNFINISHED, rng.randint(1, 3)):
                data.pop(section, None)
            row["draft_data"] = data
            row["version"] = rng.randint(2, 40)  # autosaved while typing
            return DemoVisit(row, None)
        signed_at = opened + timedelta(minutes=rng.randint(15, 90))
        if slot is not None:
            signed_at = slot.at("signed")
        row.update(self._signed(template, case, rng, signed_at))
        if slot is not None or rng.random() > 0.06:
            row["version"] = 2
            return DemoVisit(row, None)
        # Amended: the first signature had other pain scores; keep it as revision 0.
        original = self._vary(case, None, case.visit_date, rng)
        earlier = self._signed(template, original, rng, signed_at)
        amended_at = signed_at + timedelta(days=rng.randint(0, 10), hours=2)
        earlier.update(revision=0, superseded_at=amended_at, superseded_by=row["signed_by"])
        row.update(
            status="amended",
            revision=1,
            signed_at=amended_at,
            updated_at=amended_at,
            amendment_reason=rng.choice(AMENDMENT_REASONS),
            version=3,
        )
        for key in ("status", "created_at", "created_by", "updated_at", "updated_by", "version"):
            earlier.pop(key, None)
        earlier.pop("draft_data", None)
        return DemoVisit(row, earlier)

    def _signed(
        self, template: str, case: Case, rng: random.Random, when: datetime
    ) -> dict[str, Any]:
        plan = self._plans.plan(template, case)
        level = plan["level"]
        final, reason = level, None
        if rng.random() < 0.08 and level in LEVELS[:4]:
            i = LEVELS.index(level)
            final = LEVELS[i + 1] if i < 3 else LEVELS[i - 1]
            reason = rng.choice(OVERRIDE_REASONS)
        clinician = rng.choice(CLINICIANS)
        return {
            "status": "signed",
            "visit_date": case.visit_date,
            "case_data": self._plans.case_json(template, case),
            "plan": plan,
            "rules_version": plan["rules_version"],
            "computed_level": level,
            "final_level": final,
            "override_reason": reason,
            "signed_at": when,
            "signed_by": clinician,
            "updated_at": when,
            "updated_by": clinician,
        }

    @staticmethod
    def _vary(case: Case, person: DemoPerson | None, day: date, rng: random.Random) -> Case:
        """The template case for this patient on ``day``: dates shifted, pain scores jittered."""
        shift = day - case.visit_date
        patient = case.patient
        if person is not None:
            patient = Patient(
                date_of_birth=person.date_of_birth,
                id=person.record_number,
                name=person.name,
                sex=person.sex,  # type: ignore[arg-type]
                language=person.language,
            )
        history = case.history
        if history and history.pain_nrs:
            nrs = history.pain_nrs
            history = replace(
                history,
                pain_nrs=replace(
                    nrs,
                    **{
                        k: max(0, min(10, v + rng.randint(-2, 2)))
                        for k in ("back", "leg", "neck", "arm")
                        if (v := getattr(nrs, k)) is not None
                    },
                ),
            )
        imaging = case.imaging
        if imaging and imaging.date:
            imaging = replace(imaging, date=imaging.date + shift)
        treatment = case.treatment
        if treatment and treatment.injections:
            treatment = replace(
                treatment,
                injections=tuple(replace(j, date=j.date + shift) for j in treatment.injections),
            )
        return replace(
            case,
            patient=patient,
            visit_date=day,
            history=history,
            imaging=imaging,
            treatment=treatment,
        )


def board_row(slot: DaySlot, patient_id: int, visit_id: int | None, day: date) -> dict[str, Any]:
    """A ``board_entries`` row for a demo patient's place on today's board."""
    return {
        "patient_id": patient_id,
        "day": day,
        "booked_time": slot.booked.astimezone().time().replace(tzinfo=None),
        "visit_id": visit_id if slot.state != "expected" else None,
        "state": slot.state,
        "state_since": slot.at(slot.state),
        "timeline": slot.timeline,
        "created_at": slot.at("expected"),
        "created_by": FRONT_DESK[0],
        "updated_at": slot.at(slot.state),
        "updated_by": FRONT_DESK[0],
    }
