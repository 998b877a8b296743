"""What a printed visit summary is made from: plain data, no database.

A signed visit keeps its plan exactly as it was computed, so the document prints the *stored* plan
(the ``plan.to_dict()`` shape of plan.schema.json with the extra keys ``red_flag_sources``,
``escalation_evidence`` and ``scores``) and never re-runs the engine. A fresh :class:`Plan` is
accepted too and converted to that same shape, so there is one code path for both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any, Literal

from intake_desktop.catalogue.messages import with_messages
from intake_desktop.domain.case import Case
from intake_desktop.domain.codes import LEVELS, PROCEDURES, RED_FLAG_LEVELS, level_rank
from intake_desktop.domain.findings import age_on
from intake_desktop.domain.followup import VisitSnapshot
from intake_desktop.domain.plan import Plan

from .clinic_overrides import ClinicOverrides

Status = Literal["draft", "signed", "amended"]
STATUSES: tuple[str, ...] = ("draft", "signed", "amended")


@dataclass(frozen=True, slots=True)
class Amendment:
    """A change made to a signed visit: who, when, and why."""

    author: str
    time: datetime
    reason: str


@dataclass(frozen=True)
class VisitDocument:
    """One visit as the summaries need it.

    ``plan`` may be a :class:`Plan` or the stored plan dict; it is kept as a read-only dict.
    ``accepted_level`` is the level the clinician accepted (``None`` while undecided);
    ``override_reason`` explains an accepted level that differs from the recommendation.
    ``amendments`` takes :class:`Amendment` objects or ``(author, time, reason)`` tuples.
    ``language`` is the patient's preferred language for printouts (a BCP 47 tag, from the
    patient record); when ``None``, the case's ``patient.language`` is used.
    ``signer_name`` and ``signer_credentials`` (the signer's full name and e.g. "MD, FRCPC")
    and ``content_hash`` (the fingerprint of the signed content) print on the signature line
    when given; ``signed_by`` is the signing user's name, as the audit trail has it.
    ``history`` is the patient's other signed visits as :class:`VisitSnapshot` objects, in any
    order, for the trends, the alerts and the patient's walking-distance picture. The caller that
    reads the visit from the records (cli/reports.py ``visit_document`` or its successor) fills
    it with one snapshot per signed visit of the patient: ``VisitSnapshot(parse_case(
    record.case_data), record.computed_level, record.final_level)``. This visit may be among them
    or not; visits after it are left out, so a reprint of an old visit shows what was known then.
    ``chosen_procedure`` is the procedure the clinician chose among the plan's ``procedures``
    (``None`` when none was chosen); the services check it against the plan at signing.
    A signed visit's ``patient_name`` and ``record_number`` are the ones signed
    (``details_updated_at`` says when the record changed since).
    """

    case: Case
    plan: Mapping[str, Any]
    patient_name: str
    record_number: str | None = None
    visit_id: str | int | None = None
    status: Status = "draft"
    accepted_level: str | None = None
    override_reason: str | None = None
    signed_by: str | None = None
    signed_at: datetime | None = None
    amendments: tuple[Amendment, ...] = field(default=())
    language: str | None = None
    history: tuple[VisitSnapshot, ...] = field(default=())
    signer_name: str | None = None
    signer_credentials: str | None = None
    content_hash: str | None = None
    #: Why the neurological exam was not done, when the clinician signed without it.
    not_examined_reason: str | None = None
    chosen_procedure: str | None = None
    #: When the patient record's identification (name, date of birth, record number) last
    #: changed, if it differs now from what was signed; ``patient_name`` and ``record_number``
    #: are then the signed ones, and both summaries say the details were updated since.
    details_updated_at: datetime | None = None
    #: The clinic's settings stored with the records (name, emergency number, logo, page
    #: size ...), laid over ``clinic.toml`` when the summary is printed; None: the file alone.
    clinic: ClinicOverrides | None = None

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {self.status!r}")
        if self.accepted_level is not None and self.accepted_level not in LEVELS:
            raise ValueError(f"accepted_level must be a level of care, not {self.accepted_level!r}")
        if self.chosen_procedure is not None and self.chosen_procedure not in PROCEDURES:
            raise ValueError(f"chosen_procedure must be a procedure, not {self.chosen_procedure!r}")
        plan = plan_as_dict(self.plan)
        for key in ("level", "pattern", "region", "red_flags", "workup", "framework"):
            if key not in plan:
                raise ValueError(f"the plan has no {key!r}; is it a spine-intake-plan/1 plan?")
        object.__setattr__(self, "plan", MappingProxyType(plan))
        object.__setattr__(self, "amendments", _amendments(self.amendments))
        object.__setattr__(self, "history", tuple(self.history))

    @property
    def visits(self) -> tuple[VisitSnapshot, ...]:
        """This visit and the ones before it, oldest first (this visit's date is its own)."""
        day = self.case.visit_date
        this = VisitSnapshot(self.case, self.recommended_level, self.accepted_level)
        earlier = [v for v in self.history if v.case.visit_date < day]
        return (*sorted(earlier, key=lambda v: v.case.visit_date), this)

    @property
    def is_draft(self) -> bool:
        """An unsigned visit prints with a DRAFT mark on every page."""
        return self.status == "draft"

    @property
    def preferred_language(self) -> str | None:
        """The patient's preferred language: the record's, else the case's (a BCP 47 tag)."""
        return self.language or self.case.patient.language or None

    @property
    def recommended_level(self) -> str:
        return str(self.plan["level"])

    @property
    def level(self) -> str:
        """The level the patient is told: the accepted one, else the recommendation."""
        return self.accepted_level or self.recommended_level

    @property
    def overridden(self) -> bool:
        return self.accepted_level is not None and self.accepted_level != self.recommended_level

    @property
    def red_flags(self) -> tuple[str, ...]:
        return tuple(self.plan.get("red_flags") or ())

    @property
    def red_flag_level(self) -> str | None:
        """The most pressing level among the red flags present (emergency over urgent)."""
        levels = [RED_FLAG_LEVELS.get(code, "urgent") for code in self.red_flags]
        return max(levels, key=level_rank, default=None)

    @property
    def age(self) -> int:
        return age_on(self.case.patient.date_of_birth, self.case.visit_date)


def plan_as_dict(plan: Plan | Mapping[str, Any]) -> dict[str, Any]:
    """The plan in its stored (``to_dict``) shape, whichever form it came in, with its sentences
    as messages (:func:`intake_desktop.catalogue.messages.with_messages`)."""
    if isinstance(plan, Plan):
        return plan.to_dict()
    if isinstance(plan, Mapping):
        return with_messages(plan)  # its sentences can be said in the reader's language
    raise TypeError(f"plan must be a Plan or a plan dict, not {type(plan).__name__}")


def _amendments(items: Iterable[Amendment | tuple[str, datetime, str]]) -> tuple[Amendment, ...]:
    return tuple(a if isinstance(a, Amendment) else Amendment(*a) for a in items)
