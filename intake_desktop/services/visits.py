"""A visit's drafts: started, saved as the user types, discarded (signing is in ``signing``).

* A draft holds the case exactly as typed, valid or not, so nothing entered is lost;
  ``save_draft`` is one UPDATE, cheap enough to call every few seconds. What the window keeps
  for itself (the red-flag screen's answers, the step, ...) is stored beside it, in
  ``ui_state``, never inside it: a stored draft is always a case file (migration 0005).
* An amendment opened on a signed visit is edited the same way (its draft), by clinicians.
These rules live here, not in a window, so every path (UI, CLI, import) obeys them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from intake_desktop.domain.case import Case
from intake_desktop.domain.validation import CaseValidationError, case_to_dict, parse_case
from intake_desktop.storage.database import Database
from intake_desktop.storage.models import Patient, Visit, utc_now
from intake_desktop.storage.urgency import draft_red_flags, join_codes, split_codes

from ._common import CHANGED_MEANWHILE, check_actor, check_version, transaction, visit_record
from .actor import Actor
from .alerts import raise_if_new
from .clinical_fields import check_clinical_edit
from .draft_identity import keep_identity, record_identity
from .errors import CaseInvalidError, ConflictError, InputError, NotFoundError, VisitLockedError
from .permissions import allowed, authorize, record, require
from .records import SIGNED_STATUSES, DraftSaved, VisitRecord

MAX_REASON = 2000
#: The record's identifying columns, in :func:`.draft_identity.record_identity`'s order.
_IDENTITY = (Patient.record_number, Patient.name, Patient.date_of_birth, Patient.sex,
             Patient.language)  # fmt: skip


def start_draft(
    db: Database,
    patient_id: int,
    data: Mapping[str, Any],
    *,
    actor: Actor,
    ui_state: Mapping[str, Any] | None = None,
) -> DraftSaved:
    """Open a new draft visit for a patient with whatever has been typed so far."""
    author = check_actor(actor)
    with transaction(db) as session:
        require(session, actor, "visit.start", patient_id=patient_id)
        payload = _draft_payload(data)
        state = _draft_payload(ui_state, "ui_state") if ui_state is not None else None
        if session.get(Patient, patient_id) is None:
            raise NotFoundError(f"there is no patient {patient_id}", "patient")
        check_clinical_edit(session, actor, payload, ui_state=state, patient_id=patient_id)
        visit = new_draft(session, patient_id, payload, author, ui_state=state)
        record(session, actor, "visit.start", patient_id=patient_id, visit_id=visit.id)
        raise_new_draft_alert(session, actor, visit)
        return DraftSaved(visit.id, visit.version, visit.updated_at)


def save_draft(
    db: Database,
    visit_id: int,
    data: Mapping[str, Any],
    *,
    expected_version: int,
    actor: Actor,
    ui_state: Mapping[str, Any] | None = None,
) -> DraftSaved:
    """Store the case of a draft as it is now (autosave), one UPDATE in one transaction.

    A patient block that still names the patient as before a correction of the record (a window
    opened before it) keeps the corrected identity stored (:func:`.draft_identity.keep_identity`).
    ``ui_state`` (the window's own state) is stored beside it when given. A clinician saves an
    open amendment of a signed visit the same way. ``expected_version`` is the version of the
    previous save (or of the load); if another workstation saved the draft meanwhile this
    raises :class:`ConflictError`, and if the visit has been signed, :class:`VisitLockedError`:
    nothing is ever overwritten.

    A user without the clinician role may not change the exam, imaging, four questions or
    level override (:class:`PermissionDenied`, audited). A red flag the draft did not have
    before raises an alert for every clinician (:mod:`.alerts`), in this transaction.
    """
    author = check_actor(actor)
    payload = _draft_payload(data)
    codes, urgency = draft_red_flags(payload)  # before the transaction: it holds locks
    values: dict[str, Any] = {
        "updated_at": utc_now(),
        "updated_by": author,
        "version": Visit.version + 1,
    }
    if ui_state is not None:
        values["ui_state"] = _draft_payload(ui_state, "ui_state")
    visit_date = _typed_visit_date(payload)
    if visit_date is not None:
        values["visit_date"] = visit_date
    with transaction(db) as session:
        check_clinical_edit(
            session, actor, payload, ui_state=values.get("ui_state"), visit_id=visit_id
        )
        authorize(session, actor, "visit.save", visit_id=visit_id)
        before = session.execute(
            select(Visit.patient_id, Visit.red_flag_codes, Visit.draft_data, *_IDENTITY)
            .join(Patient, Patient.id == Visit.patient_id)
            .where(Visit.id == visit_id)
        ).first()
        if before is not None:  # a window's copy from before a correction does not come back
            kept = keep_identity(payload, before.draft_data, record_identity(*before[3:]))
            if kept != payload:  # rare: a window opened before a correction
                payload = kept
                codes, urgency = draft_red_flags(payload)
        values.update(draft_data=payload, urgency=urgency, red_flag_codes=join_codes(codes))
        editable = Visit.status == "draft"
        may_amend = allowed(actor, "visit.amend")
        if may_amend:
            editable = or_(editable, Visit.pending_amendment_reason.is_not(None))
        else:
            values.pop("visit_date", None)
        result = session.execute(
            update(Visit)
            .where(
                Visit.id == visit_id,
                Visit.version == expected_version,
                editable,
            )
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1 or before is None:  # type: ignore[attr-defined]
            _explain_refused_save(session, visit_id, may_amend=may_amend)
        raise_if_new(session, actor, visit_id=visit_id, patient_id=before.patient_id,
                     before=split_codes(before.red_flag_codes), now=codes)  # fmt: skip
        return DraftSaved(visit_id, expected_version + 1, values["updated_at"])


def discard_draft(
    db: Database,
    visit_id: int,
    *,
    expected_version: int,
    actor: Actor,
    reason: str | None = None,
) -> VisitRecord:
    """Set a draft aside (status ``discarded``); its data stays in the database. On a signed
    visit with an amendment open, this cancels the amendment.

    A draft with a red flag (or an urgent level) is not set aside quietly: ``reason`` is
    required, stored with the visit, and the audit entry says a flagged draft was discarded.
    """
    author = check_actor(actor)
    reason = (reason or "").strip() or None
    if reason is not None and len(reason) > MAX_REASON:
        raise InputError(f"is longer than {MAX_REASON} characters", "reason")
    with transaction(db) as session:
        require(session, actor, "visit.discard", visit_id=visit_id)
        visit = get_visit_row(session, visit_id)
        if visit.pending_amendment_reason is not None and visit.status in SIGNED_STATUSES:
            # Cancelling an open amendment: the signed version is untouched (clinicians).
            require(session, actor, "visit.amend", visit_id=visit_id)
            check_version(visit, expected_version, "visit")
            record(session, actor, "visit.discard", visit_id=visit_id, detail="amendment")
            visit.draft_data = None
            visit.pending_amendment_reason = None
            touch(visit, author)
            session.flush()
            return visit_record(visit)
        _require_draft(visit)
        check_version(visit, expected_version, "visit")
        flagged = bool(visit.red_flag_codes or visit.urgency)
        if flagged and reason is None:
            raise InputError(
                "is required: this draft has a red flag; say why it is discarded", "reason"
            )
        detail = "red flag; reason given" if flagged else ("reason given" if reason else None)
        record(session, actor, "visit.discard", visit_id=visit_id, detail=detail)
        visit.status = "discarded"
        visit.discard_reason = reason
        touch(visit, author)
        session.flush()
        return visit_record(visit)


def parse_or_explain(data: Any, today: date | None) -> Case:
    """The validated case, or :class:`CaseInvalidError` naming every field at fault."""
    try:
        return parse_case(data, today=today)
    except CaseValidationError as exc:
        raise CaseInvalidError([(e.path, e.message) for e in exc.errors], exc.more) from exc


def case_json(case: Case) -> dict[str, Any]:
    """The case as stored and exported: ``case_to_dict`` with ``format`` first, as in a file."""
    data = case_to_dict(case)
    return {"format": data.pop("format"), **data}


def new_draft(
    session: Session,
    patient_id: int,
    payload: dict[str, Any],
    author: str,
    *,
    ui_state: dict[str, Any] | None = None,
) -> Visit:
    """Insert a draft visit (payload already checked) in ``session``."""
    now = utc_now()
    codes, urgency = draft_red_flags(payload)
    visit = Visit(
        patient_id=patient_id,
        visit_date=_typed_visit_date(payload) or date.today(),
        status="draft",
        draft_data=payload,
        ui_state=ui_state,
        revision=0,
        created_at=now,
        created_by=author,
        updated_at=now,
        updated_by=author,
        urgency=urgency,
        red_flag_codes=join_codes(codes),
    )
    session.add(visit)
    session.flush()
    return visit


def raise_new_draft_alert(session: Session, actor: Actor, visit: Visit) -> None:
    """The alert for a new draft (start, import) that arrives with a red flag."""
    raise_if_new(session, actor, visit_id=visit.id, patient_id=visit.patient_id,
                 before=(), now=split_codes(visit.red_flag_codes))  # fmt: skip


def get_visit_row(session: Session, visit_id: int) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFoundError(f"there is no visit {visit_id}", "visit")
    return visit


def touch(visit: Visit, author: str, now: Any = None) -> None:
    visit.updated_at = now or utc_now()
    visit.updated_by = author


def _require_draft(visit: Visit) -> None:
    if visit.status != "draft":
        raise VisitLockedError(locked_message(visit))


def locked_message(visit: Visit) -> str:
    """Why a signed or discarded visit refuses a save, in the user's words."""
    if visit.status == "discarded":
        return f"visit {visit.id} was discarded; nothing was saved"
    when = visit.signed_at.strftime("%Y-%m-%d %H:%M UTC") if visit.signed_at else "?"
    return (
        f"visit {visit.id} was signed by {visit.signed_by} at {when}; nothing was saved. "
        "A signed visit changes only by amendment, with a reason"
    )


def _explain_refused_save(session: Session, visit_id: int, *, may_amend: bool) -> None:
    visit = session.execute(
        select(Visit).where(Visit.id == visit_id).execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if visit is None:
        raise NotFoundError(f"there is no visit {visit_id}", "visit")
    if visit.status != "draft" and (visit.pending_amendment_reason is None or not may_amend):
        raise VisitLockedError(locked_message(visit))
    raise ConflictError(CHANGED_MEANWHILE.format(what="draft"))


def check_case_patient(session: Session, patient_id: int, case: Case) -> None:
    patient = session.get(Patient, patient_id)
    assert patient is not None  # the foreign key guarantees it
    if case.patient.id and patient.record_number and case.patient.id != patient.record_number:
        raise InputError(
            "differs from the record number of the visit's patient (not repeated here)",
            "patient.id",
        )
    if case.patient.date_of_birth != patient.date_of_birth:
        raise InputError("does not match the patient's record", "patient.date_of_birth")


def _draft_payload(data: Mapping[str, Any], field: str = "draft") -> dict[str, Any]:
    """The draft as storable JSON; anything JSON can hold is accepted, valid or not."""
    if not isinstance(data, Mapping):
        raise InputError("must be an object (the form's fields)", field)
    try:
        return json.loads(json.dumps(dict(data), allow_nan=False))
    except (TypeError, ValueError) as exc:
        raise InputError(f"cannot be stored as JSON ({exc})", field) from exc


def _typed_visit_date(payload: Mapping[str, Any]) -> date | None:
    value = payload.get("visit_date")
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None
