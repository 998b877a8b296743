"""What the operations hand back: plain frozen records, never ORM objects.

A window keeps these as long as it likes; they cannot reach the database lazily or be saved by
accident. Each carries the ``version`` it was read at, which the caller passes back when it saves,
so that a change made meanwhile on another workstation is reported instead of overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

SIGNED_STATUSES = ("signed", "amended")
"""The statuses of a visit whose case and plan are signed (``VisitRecord.is_signed``)."""


@dataclass(frozen=True, slots=True)
class PatientDetails:
    """What the front desk types for a patient; input of register and update."""

    name: str
    date_of_birth: date
    record_number: str | None = None
    sex: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    language: str | None = None


class PatientSummary(NamedTuple):
    """One line of a patient search.

    A named tuple, as frozen as the other records: a search makes a hundred of these at every
    keystroke, and a tuple is made in a third of a frozen dataclass's time (issue 8).
    """

    id: int
    record_number: str | None
    name: str | None
    date_of_birth: date
    sex: str | None
    #: The urgency of the patient's latest visit (``emergency``, ``urgent`` or None).
    urgency: str | None = None


@dataclass(frozen=True, slots=True)
class PatientRecord:
    """A patient as stored, with the version to pass back on update."""

    id: int
    version: int
    record_number: str | None
    name: str | None
    date_of_birth: date
    sex: str | None
    phone: str | None
    email: str | None
    address: str | None
    language: str | None
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str

    @property
    def details(self) -> PatientDetails:
        """The editable part, e.g. ``dataclasses.replace(record.details, phone=...)``."""
        return PatientDetails(
            name=self.name or "",
            date_of_birth=self.date_of_birth,
            record_number=self.record_number,
            sex=self.sex,
            phone=self.phone,
            email=self.email,
            address=self.address,
            language=self.language,
        )


@dataclass(frozen=True, slots=True)
class VisitSummary:
    """One line of a visit list (today's visits, a patient's history, open drafts)."""

    id: int
    version: int
    patient_id: int
    patient_name: str | None
    record_number: str | None
    visit_date: date
    status: str
    level: str | None
    revision: int
    updated_at: datetime
    updated_by: str
    #: ``emergency``, ``urgent`` or None: the lists mark these with a red sign and the word.
    urgency: str | None = None
    #: A signed visit with an amendment opened and not yet signed: open work like a draft
    #: (listed among the open drafts, offered back after a crash), marked as an amendment.
    amending: bool = False


@dataclass(frozen=True, slots=True)
class VisitRecord:
    """A visit as stored: the draft as typed, or the signed case with its plan verbatim."""

    id: int
    version: int
    patient_id: int
    visit_date: date
    status: str
    draft_data: dict[str, Any] | None
    case_data: dict[str, Any] | None
    plan: dict[str, Any] | None
    rules_version: str | None
    computed_level: str | None
    final_level: str | None
    override_reason: str | None
    #: The procedure the clinician chose among the signed plan's ``procedures`` (None: none).
    chosen_procedure: str | None
    revision: int
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    signed_at: datetime | None
    signed_by: str | None
    amendment_reason: str | None
    signature_hash: str | None = None
    pending_amendment_reason: str | None = None
    ui_state: dict[str, Any] | None = None
    #: The patient's name, date of birth and record number as signed (None on a draft, and on
    #: visits signed before the identification was part of the signature).
    signed_identity: dict[str, Any] | None = None

    @property
    def is_signed(self) -> bool:
        return self.status in SIGNED_STATUSES

    @property
    def amending(self) -> bool:
        """A signed visit with an amendment opened and not yet signed (its case in the draft)."""
        return self.is_signed and self.pending_amendment_reason is not None

    @property
    def level_overridden(self) -> bool:
        return self.final_level is not None and self.final_level != self.computed_level

    @property
    def data(self) -> dict[str, Any] | None:
        """The visit's case: the draft as typed (also an open amendment's), else the signed one."""
        if self.is_signed and not self.amending:
            return self.case_data
        return self.draft_data


@dataclass(frozen=True, slots=True)
class VisitVersionRecord:
    """One signed version of a visit; ``superseded_at`` is None for the current one."""

    visit_id: int
    revision: int
    visit_date: date
    case_data: dict[str, Any]
    plan: dict[str, Any]
    rules_version: str
    computed_level: str
    final_level: str
    override_reason: str | None
    chosen_procedure: str | None
    signed_at: datetime
    signed_by: str
    amendment_reason: str | None
    superseded_at: datetime | None
    superseded_by: str | None
    signature_hash: str | None = None
    signed_identity: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class DraftSaved:
    """Answer of an autosave: the version to pass to the next save, and when it was stored."""

    visit_id: int
    version: int
    saved_at: datetime


@dataclass(frozen=True, slots=True)
class ImportResult:
    """Where an imported case went."""

    visit_id: int
    patient_id: int
    patient_created: bool
