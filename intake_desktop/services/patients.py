"""Register, update, read and find patients.

Every change keeps the patient's search terms (see ``storage.search_text``) in step in the same
transaction, so a patient is findable by any word of the name, without accents or case, the
moment the front desk has saved them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from intake_desktop.domain.codes import Sex
from intake_desktop.domain.text_check import text_problem
from intake_desktop.domain.validation import EARLIEST_BIRTH
from intake_desktop.storage.database import Database
from intake_desktop.storage.models import Patient, PatientSearchTerm, utc_now
from intake_desktop.storage.search_text import normalise_text, search_terms

from ._common import (
    check_actor,
    check_version,
    patient_record,
    transaction,
)
from .actor import Actor
from .draft_identity import correct_open_drafts, patient_identity
from .errors import InputError, NotFoundError
from .permissions import authorize, record, require
from .records import PatientDetails, PatientRecord, PatientSummary

_SEXES = frozenset(Sex.__args__)  # type: ignore[attr-defined]
_BCP47 = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9+()./ \-]{3,64}$")
_EDITABLE = (
    "record_number",
    "name",
    "date_of_birth",
    "sex",
    "phone",
    "email",
    "address",
    "language",
)
_LIMITS = {"record_number": 64, "name": 200, "phone": 64, "email": 254, "address": 2000}


def register_patient(db: Database, details: PatientDetails, *, actor: Actor) -> PatientRecord:
    """Add a patient; the record number, when given, must not belong to anyone else."""
    author = check_actor(actor)
    with transaction(db) as session:
        require(session, actor, "patient.register")
        details = clean_details(details, require_name=True)
        _check_record_number_free(session, details.record_number, None)
        patient = insert_patient(session, details, author)
        record(session, actor, "patient.register", patient_id=patient.id)
        return patient_record(patient)


def update_patient(
    db: Database,
    patient_id: int,
    details: PatientDetails,
    *,
    expected_version: int,
    actor: Actor,
) -> PatientRecord:
    """Replace a patient's details, unless someone changed them since ``expected_version``.

    The patient's open drafts take the corrected identity in the same transaction
    (:func:`.draft_identity.correct_open_drafts`); signed versions keep what was signed.
    """
    author = check_actor(actor)
    with transaction(db) as session:
        require(session, actor, "patient.update", patient_id=patient_id)
        details = clean_details(details, require_name=True)
        patient = get_patient_row(session, patient_id)
        record(session, actor, "patient.update", patient_id=patient_id)
        check_version(patient, expected_version, "patient")
        _check_record_number_free(session, details.record_number, patient_id)
        renamed = (patient.name, patient.record_number) != (details.name, details.record_number)
        identity = patient_identity(patient)  # as the open drafts name the patient until now
        for field in _EDITABLE:
            setattr(patient, field, getattr(details, field))
        patient.search_name = normalise_text(details.name or "")
        patient.updated_at = utc_now()
        patient.updated_by = author
        session.flush()  # the version check happens here (UPDATE ... WHERE version = ?)
        if renamed:
            _store_search_terms(session, patient)
        correct_open_drafts(session, actor, patient, identity)
        return patient_record(patient)


def get_patient(db: Database, patient_id: int, *, actor: Actor) -> PatientRecord:
    """One patient, or :class:`NotFoundError`; a view, so it is audited."""
    with transaction(db) as session:
        require(session, actor, "patient.view", patient_id=patient_id)
        patient = get_patient_row(session, patient_id)
        record(session, actor, "patient.view", patient_id=patient_id)
        return patient_record(patient)


def find_patient(db: Database, record_number: str, *, actor: Actor) -> PatientRecord | None:
    """The patient with exactly this clinic record number, if any (a view when found)."""
    with transaction(db) as session:
        require(session, actor, "patient.view")
        patient = session.scalars(
            select(Patient).where(Patient.record_number == record_number.strip())
        ).one_or_none()
        if patient is None:
            return None
        record(session, actor, "patient.view", patient_id=patient.id)
        return patient_record(patient)


def possible_duplicates(
    db: Database, details: PatientDetails, *, actor: Actor
) -> list[PatientSummary]:
    """The patients already registered with this date of birth and this name, before a new
    one is registered: the front desk is asked whether the person is one of them.

    Names compare as the search compares them (``normalise_text``: case, accents, spacing and
    punctuation aside), the words in any order ("García, María" is "María García"). A search,
    so not audited when allowed; the patients found are only listed, not opened.
    """
    words = sorted(normalise_text(details.name or "").split())
    if not words or not isinstance(details.date_of_birth, date):
        return []
    with transaction(db) as session:
        authorize(session, actor, "patient.search")
        born = session.scalars(
            select(Patient)
            .where(Patient.date_of_birth == details.date_of_birth)
            .order_by(Patient.id)
        )
        return [
            PatientSummary(p.id, p.record_number, p.name, p.date_of_birth, p.sex)
            for p in born
            if sorted(p.search_name.split()) == words
        ]


def clean_details(details: PatientDetails, *, require_name: bool) -> PatientDetails:
    """Trimmed details with empty text as None, or :class:`InputError` naming the field."""
    changes: dict[str, str | None] = {}
    for field, limit in _LIMITS.items():
        value = getattr(details, field)
        if value is not None and not isinstance(value, str):
            raise InputError("must be text", field)
        value = (value or "").strip() or None
        if value is not None and len(value) > limit:
            raise InputError(f"is longer than {limit} characters", field)
        problem = None if value is None else text_problem(value, multiline=field == "address")
        if problem is not None:
            raise InputError(problem, field)
        changes[field] = value
    for field in ("sex", "language"):
        value = getattr(details, field)
        changes[field] = (value.strip() or None) if isinstance(value, str) else value
    cleaned = replace(details, **changes)  # type: ignore[arg-type]
    if require_name and not cleaned.name:
        raise InputError("is required", "name")
    dob = cleaned.date_of_birth
    if not isinstance(dob, date):
        raise InputError("must be a date", "date_of_birth")
    if dob > date.today() or dob < EARLIEST_BIRTH:
        raise InputError(  # the date is not repeated: messages may reach a terminal or a log
            f"is not a possible date of birth (in the future, or before {EARLIEST_BIRTH.year})",
            "date_of_birth",
        )
    if cleaned.sex is not None and cleaned.sex not in _SEXES:
        raise InputError(f"must be one of {', '.join(sorted(_SEXES))}", "sex")
    if cleaned.language is not None and not _BCP47.match(cleaned.language):
        raise InputError("must be a language tag such as en or es", "language")
    if cleaned.email is not None and not _EMAIL.match(cleaned.email):
        raise InputError("is not an e-mail address", "email")
    if cleaned.phone is not None and not _PHONE.match(cleaned.phone):
        raise InputError("may hold only digits, spaces and + ( ) - . /", "phone")
    return cleaned


def insert_patient(session: Session, details: PatientDetails, author: str) -> Patient:
    """Add a patient (details already cleaned) with its search terms, in ``session``."""
    now = utc_now()
    patient = Patient(
        record_number=details.record_number,
        name=details.name or None,
        search_name=normalise_text(details.name or ""),
        date_of_birth=details.date_of_birth,
        sex=details.sex,
        phone=details.phone,
        email=details.email,
        address=details.address,
        language=details.language,
        created_at=now,
        created_by=author,
        updated_at=now,
        updated_by=author,
    )
    session.add(patient)
    session.flush()
    _store_search_terms(session, patient)
    return patient


def _store_search_terms(session: Session, patient: Patient) -> None:
    session.execute(delete(PatientSearchTerm).where(PatientSearchTerm.patient_id == patient.id))
    terms = search_terms(patient.name, patient.record_number)
    if terms:
        session.execute(
            insert(PatientSearchTerm),
            [{"term": term, "patient_id": patient.id} for term in sorted(terms)],
        )


def get_patient_row(session: Session, patient_id: int) -> Patient:
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise NotFoundError(f"there is no patient {patient_id}", "patient")
    return patient


def _check_record_number_free(session: Session, number: str | None, own_id: int | None) -> None:
    if number is None:
        return
    other = session.scalar(select(Patient.id).where(Patient.record_number == number))
    if other is not None and other != own_id:
        raise InputError("is already the record number of another patient", "record_number")
