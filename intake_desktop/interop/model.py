"""What goes into a FHIR export and what comes out of an import: plain frozen data.

The builder never reaches for a database or a clock: everything a Bundle says is in a
:class:`FhirVisit`, so the same visit always gives the same Bundle, byte for byte.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from intake_desktop.domain.case import Case
from intake_desktop.domain.codes import LEVELS, PROCEDURES
from intake_desktop.domain.plan import Plan
from intake_desktop.domain.validation import case_to_dict

from .systems import BASE

#: Status of a visit in the app; a signed visit changes only by amendment.
VISIT_STATUSES: tuple[str, ...] = ("draft", "signed", "amended")

#: Namespace of the resource ids: uuid5 of the visit id and the resource's role in the Bundle.
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, BASE)


class NotExportable(ValueError):
    """The visit cannot be exported as it is; the message says which field and why."""


class BundleError(ValueError):
    """A Bundle cannot be imported; the message names the resource and the field at fault."""

    #: Longest message kept: a value quoted from a hostile Bundle may be megabytes long.
    MAX_LENGTH = 2000

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        text = f"{where}: {message}" if where else message
        if len(text) > self.MAX_LENGTH:
            text = text[: self.MAX_LENGTH] + "… (cut short)"
        super().__init__(text)


@dataclass(frozen=True, slots=True)
class PatientIdentity:
    """Who the visit belongs to, as registered (the case's own patient block may hold less)."""

    date_of_birth: date
    record_number: str | None = None
    name: str | None = None
    sex: str | None = None  # female | male | other | unknown
    language: str | None = None  # BCP 47 tag


@dataclass(frozen=True, slots=True)
class FhirVisit:
    """One visit, everything its FHIR Bundle holds.

    ``plan`` is a :class:`Plan` or the stored plan JSON (``Plan.to_dict()`` shape): a signed visit
    is exported with the plan as it was computed when it was signed, never a recomputed one.
    ``accepted_level`` is the level the clinician signed (the recommended one or an override, then
    with ``override_reason``). ``chosen_procedure`` is the procedure the clinician chose among
    the plan's ``procedures`` (never one the plan does not suggest).
    """

    visit_id: str
    case: Case
    plan: Plan | Mapping[str, Any]
    patient: PatientIdentity
    status: str = "draft"
    accepted_level: str | None = None
    override_reason: str | None = None
    chosen_procedure: str | None = None
    signed_by: str | None = None
    signed_at: datetime | None = None
    amendment_reason: str | None = None
    clinic_name: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.visit_id, str) or not self.visit_id:
            raise NotExportable("visit_id must be non-empty text")
        if self.status not in VISIT_STATUSES:
            raise NotExportable(f"status must be one of {', '.join(VISIT_STATUSES)}")
        signed = self.status != "draft"
        if signed and (not self.signed_by or self.signed_at is None):
            raise NotExportable(f"a {self.status} visit needs signed_by and signed_at")
        if not signed and (self.signed_by or self.signed_at):
            raise NotExportable("a draft has no signature")
        if self.accepted_level is not None and self.accepted_level not in LEVELS:
            raise NotExportable(f"accepted_level must be one of {', '.join(LEVELS)}")
        if self.chosen_procedure is not None:
            if self.chosen_procedure not in PROCEDURES:
                raise NotExportable(f"chosen_procedure must be one of {', '.join(PROCEDURES)}")
            if self.chosen_procedure not in (self.plan_data.get("procedures") or ()):
                raise NotExportable(
                    f"chosen_procedure {self.chosen_procedure} is not among the plan's "
                    "suggested procedures"
                )
        own = self.case.patient
        if own.date_of_birth != self.patient.date_of_birth:
            raise NotExportable(
                "the patient's date of birth differs from the case's patient.date_of_birth: "
                "the case is someone else's"
            )
        if own.id and self.patient.record_number and own.id != self.patient.record_number:
            raise NotExportable(
                "the patient's record number differs from the case's patient.id: "
                "the case is someone else's"
            )

    @property
    def plan_data(self) -> dict[str, Any]:
        """The plan as JSON data, whichever form it was given in."""
        return self.plan.to_dict() if isinstance(self.plan, Plan) else dict(self.plan)

    @property
    def is_signed(self) -> bool:
        return self.status != "draft"


@dataclass(frozen=True, slots=True)
class ImportedVisit:
    """What a Bundle held: the visit, ready to store or to export again unchanged."""

    visit: FhirVisit

    @property
    def case(self) -> dict[str, Any]:
        """The case file (``case.schema.json``), already validated."""
        return case_to_dict(self.visit.case)

    @property
    def plan(self) -> dict[str, Any]:
        """The plan as the Bundle recorded it (``Plan.to_dict()`` shape)."""
        return self.visit.plan_data


def resource_id(visit_id: str, *role: str) -> str:
    """Stable id of a resource of a visit's Bundle: the same visit always gives the same ids."""
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(("visit", visit_id, *role))))


def global_id(*role: str) -> str:
    """Stable id of a resource shared by every Bundle (the app's Questionnaires)."""
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(role)))
