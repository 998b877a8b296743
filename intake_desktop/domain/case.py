"""The case file: everything recorded for one visit, as typed, immutable data.

The shape follows ``case.schema.json`` field for field. Every optional field defaults to ``None``,
which means *not recorded* (never *no*); a list given as ``[]`` stays an empty tuple, so a case
survives ``parse_case`` -> ``case_to_dict`` unchanged. Parsing is in :mod:`.validation`. Every
list has a maximum: its ``max_items``, its fixed ``length``, or (distinct codes) how many codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .codes import (
    Aggravator,
    BlockResponse,
    Cause,
    Comorbidity,
    Goal,
    HomeBenefit,
    ImagingCause,
    InjectionType,
    LegWeakness,
    Limitation,
    Modality,
    Onset,
    PedalPulses,
    Recovery,
    RedFlag,
    Reliever,
    Sensation,
    Sex,
    SymptomSite,
    Trend,
)


def rng(minimum: float, maximum: float) -> dict[str, float]:
    """Field metadata: the inclusive range a number must fall in."""
    return {"minimum": minimum, "maximum": maximum}


@dataclass(frozen=True, slots=True)
class Patient:
    date_of_birth: date
    id: str | None = field(default=None, metadata={"max_length": 64})
    name: str | None = field(default=None, metadata={"max_length": 200})
    sex: Sex | None = None
    weight_kg: float | None = field(default=None, metadata=rng(20, 400))
    height_cm: float | None = field(default=None, metadata=rng(50, 250))
    language: str | None = field(default=None, metadata={"pattern": "bcp47"})


@dataclass(frozen=True, slots=True)
class PainNrs:
    back: int | None = field(default=None, metadata=rng(0, 10))
    leg: int | None = field(default=None, metadata=rng(0, 10))
    neck: int | None = field(default=None, metadata=rng(0, 10))
    arm: int | None = field(default=None, metadata=rng(0, 10))


@dataclass(frozen=True, slots=True)
class History:
    symptom_sites: tuple[SymptomSite, ...] | None = field(default=None, metadata={"unique": True})
    bilateral: bool | None = None
    leg_pain_exceeds_back_pain: bool | None = None
    onset: Onset | None = None
    onset_after_lifting_or_twisting: bool | None = None
    duration_weeks: float | None = field(default=None, metadata=rng(0, 5200))
    worse_with: tuple[Aggravator, ...] | None = field(default=None, metadata={"unique": True})
    eased_by: tuple[Reliever, ...] | None = field(default=None, metadata={"unique": True})
    seconds_to_relief_on_sitting: float | None = field(default=None, metadata=rng(0, 86400))
    shopping_cart_sign: bool | None = None
    painless_walking_distance_m: float | None = field(default=None, metadata=rng(0, 100000))
    standing_tolerance_min: float | None = field(default=None, metadata=rng(0, 1440))
    sensations: tuple[Sensation, ...] | None = field(default=None, metadata={"unique": True})
    hand_clumsiness: bool | None = None
    balance_problems: bool | None = None
    arm_symptoms: bool | None = None
    sleep_disrupted: bool | None = None
    pain_nrs: PainNrs | None = None


@dataclass(frozen=True, slots=True)
class Exam:
    shopping_cart_sign: bool | None = None
    flexion_relief: bool | None = None
    extension_provokes: bool | None = None
    walking_test_distance_m: float | None = field(default=None, metadata=rng(0, 100000))
    walking_test_minutes_to_onset: float | None = field(default=None, metadata=rng(0, 600))
    straight_leg_raise_positive: bool | None = None
    achilles_reflex_abnormal: bool | None = None
    foot_drop: bool | None = None
    leg_weakness: LegWeakness | None = None
    saddle_sensation_reduced: bool | None = None
    gait_unsteady: bool | None = None
    romberg_positive: bool | None = None
    hoffmann_sign: bool | None = None
    hand_dexterity_reduced: bool | None = None
    pedal_pulses: PedalPulses | None = None
    ankle_brachial_index: float | None = field(default=None, metadata=rng(0.1, 2.5))
    temperature_c: float | None = field(default=None, metadata=rng(30, 45))


@dataclass(frozen=True, slots=True)
class Imaging:
    modality: Modality | None = None
    date: date | None = None
    levels: tuple[str, ...] | None = field(
        default=None, metadata={"unique": True, "pattern": "spinal_level", "max_items": 20}
    )
    causes: tuple[ImagingCause, ...] | None = field(default=None, metadata={"unique": True})
    canal_area_mm2: float | None = field(default=None, metadata=rng(0, 500))
    instability_on_flexion_extension: bool | None = None


@dataclass(frozen=True, slots=True)
class Injection:
    date: date
    type: InjectionType
    relief_weeks: float | None = field(default=None, metadata=rng(0, 520))
    function_improved: bool | None = None
    response: BlockResponse | None = None

    @property
    def durable(self) -> bool:
        """Durable benefit means function improved *and* relief lasted 6 weeks or more (s. 7)."""
        return bool(self.function_improved) and (self.relief_weeks or 0) >= 6


@dataclass(frozen=True, slots=True)
class Treatment:
    conservative_care_weeks: float | None = field(default=None, metadata=rng(0, 5200))
    physical_therapy_weeks: float | None = field(default=None, metadata=rng(0, 5200))
    injections: tuple[Injection, ...] | None = field(default=None, metadata={"max_items": 50})
    medication_trend: Trend | None = None
    activity_trend: Trend | None = None
    opioid_use: bool | None = None
    home_measures_benefit: HomeBenefit | None = None


@dataclass(frozen=True, slots=True)
class Function:
    walking_distance_shrinking: bool | None = None
    sitting_breaks_increasing: bool | None = None
    activities_given_up: bool | None = None
    flares_increasing: bool | None = None
    previous_painless_walking_distance_m: float | None = field(
        default=None, metadata=rng(0, 100000)
    )


@dataclass(frozen=True, slots=True)
class Zcq:
    symptom_severity: tuple[int | None, ...] | None = field(
        default=None, metadata={"length": 7, **rng(1, 5)}
    )
    physical_function: tuple[int | None, ...] | None = field(
        default=None, metadata={"length": 5, **rng(1, 4)}
    )
    satisfaction: tuple[int | None, ...] | None = field(
        default=None, metadata={"length": 6, **rng(1, 4)}
    )


@dataclass(frozen=True, slots=True)
class Mjoa:
    upper_motor: int = field(metadata=rng(0, 5))
    lower_motor: int = field(metadata=rng(0, 7))
    upper_sensation: int = field(metadata=rng(0, 3))
    bladder: int = field(metadata=rng(0, 3))


@dataclass(frozen=True, slots=True)
class Questionnaires:
    odi: tuple[int | None, ...] | None = field(default=None, metadata={"length": 10, **rng(0, 5)})
    ndi: tuple[int | None, ...] | None = field(default=None, metadata={"length": 10, **rng(0, 5)})
    zcq: Zcq | None = None
    mjoa: Mjoa | None = None


@dataclass(frozen=True, slots=True)
class FollowUp:
    """What the clinician tells the patient happens next (printed on page 1 of the sheet)."""

    next_visit_date: date | None = None
    note_for_patient: str | None = field(
        default=None, metadata={"max_length": 2000, "multiline": True}
    )


@dataclass(frozen=True, slots=True)
class FrameworkAnswers:
    """The clinician's own answers to the four questions; ``None`` leaves it to the findings."""

    cause: Cause | None = None
    limitation: Limitation | None = None
    goal: Goal | None = None
    recovery: Recovery | None = None


@dataclass(frozen=True, slots=True)
class Case:
    patient: Patient
    visit_date: date
    format: str = field(default="spine-intake-case/1", metadata={"const": "spine-intake-case/1"})
    history: History | None = None
    red_flags: tuple[RedFlag, ...] | None = field(default=None, metadata={"unique": True})
    comorbidities: tuple[Comorbidity, ...] | None = field(default=None, metadata={"unique": True})
    exam: Exam | None = None
    imaging: Imaging | None = None
    treatment: Treatment | None = None
    function: Function | None = None
    questionnaires: Questionnaires | None = None
    follow_up: FollowUp | None = None
    framework: FrameworkAnswers | None = None

    def has_comorbidity(self, code: str) -> bool:
        """True when the comorbidity was recorded as present."""
        return code in (self.comorbidities or ())
