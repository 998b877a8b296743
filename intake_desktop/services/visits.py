"""A visit's life: drafts saved as the user types, signing, amendments.

* A draft holds the form data exactly as typed, valid or not, so nothing entered is lost;
  ``save_draft`` is one UPDATE, cheap enough to call every few seconds.
* Signing validates the case, runs the engine and stores the plan *as computed*, with its rule-set
  version, the level the clinician accepted or chose instead (with a reason), and the procedure
  the clinician chose among the plan's suggestions, if any.
* A signed visit is never changed in place: an amendment copies the signed version into the
  append-only ``visit_versions`` table, then stores the new one with its author, time and reason.
These rules live here, not in a window, so every path (UI, CLI, import) obeys them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from intake_desktop.domain.case import Case
from intake_desktop.domain.codes import LEVELS, PROCEDURES
from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.validation import CaseValidationError, case_to_dict, parse_case
from intake_desktop.storage.database import Database
from intake_desktop.storage.models import Patient, Visit, VisitVersion, utc_now
from intake_desktop.storage.urgency import draft_red_flags, join_codes, signed_urgency, split_codes

from ._common import CHANGED_MEANWHILE, check_actor, check_version, transaction, visit_record
from .actor import Actor
from .alerts import raise_if_new
from .clinical_fields import check_clinical_edit
from .errors import CaseInvalidError, ConflictError, InputError, NotFoundError, VisitLockedError
from .permissions import authorize, record, require
from .records import DraftSaved, VisitRecord

MAX_REASON = 2000


def start_draft(
    db: Database, patient_id: int, data: Mapping[str, Any], *, actor: Actor
) -> DraftSaved:
    """Open a new draft visit for a patient with whatever has been typed so far."""
    author = check_actor(actor)
    with transaction(db) as session:
        require(session, actor, "visit.start", patient_id=patient_id)
        payload = _draft_payload(data)
        if session.get(Patient, patient_id) is None:
            raise NotFoundError(f"there is no patient {patient_id}", "patient")
        check_clinical_edit(session, actor, payload, patient_id=patient_id)
        visit = new_draft(session, patient_id, payload, author)
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
) -> DraftSaved:
    """Store the form data of a draft as it is now (autosave), one UPDATE in one transaction.

    ``expected_version`` is the version of the previous save (or of the load); if another
    workstation saved the draft meanwhile this raises :class:`ConflictError`, and if the
    visit has been signed, :class:`VisitLockedError`: nothing is ever overwritten.

    A user without the clinician role may not change the exam, imaging, four questions or
    level override (:class:`PermissionDenied`, audited). A red flag the draft did not have
    before raises an alert for every clinician (:mod:`.alerts`), in this transaction.
    """
    author = check_actor(actor)
    payload = _draft_payload(data)
    codes, urgency = draft_red_flags(payload)
    values: dict[str, Any] = {
        "draft_data": payload,
        "updated_at": utc_now(),
        "updated_by": author,
        "version": Visit.version + 1,
        "urgency": urgency,
        "red_flag_codes": join_codes(codes),
    }
    visit_date = _typed_visit_date(payload)
    if visit_date is not None:
        values["visit_date"] = visit_date
    with transaction(db) as session:
        check_clinical_edit(session, actor, payload, visit_id=visit_id)
        authorize(session, actor, "visit.save", visit_id=visit_id)
        before = session.execute(
            select(Visit.patient_id, Visit.red_flag_codes).where(Visit.id == visit_id)
        ).first()
        result = session.execute(
            update(Visit)
            .where(
                Visit.id == visit_id,
                Visit.version == expected_version,
                Visit.status == "draft",
            )
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1 or before is None:  # type: ignore[attr-defined]
            _explain_refused_save(session, visit_id)
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
    """Set a draft aside (status ``discarded``); its data stays in the database.

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
        _touch(visit, author)
        session.flush()
        return visit_record(visit)


def sign_visit(
    db: Database,
    visit_id: int,
    *,
    expected_version: int,
    actor: Actor,
    override_level: str | None = None,
    override_reason: str | None = None,
    chosen_procedure: str | None = None,
    today: date | None = None,
) -> VisitRecord:
    """Sign a draft: validate it, compute the plan and store both for good.

    Without ``override_level`` (or with the computed level) the clinician accepts the engine's
    level; any other level needs ``override_reason``. ``chosen_procedure`` must be one of the
    plan's suggested procedures (or None). ``today`` pins the date a visit may not be after
    (tests, imports of old files).
    """
    author = check_actor(actor)
    with transaction(db) as session:
        authorize(session, actor, "visit.sign", visit_id=visit_id)
        visit = get_visit_row(session, visit_id)
        _require_draft(visit)
        check_version(visit, expected_version, "visit")
        case = parse_or_explain(visit.draft_data, today)
        _check_case_patient(session, visit.patient_id, case)
        before = split_codes(visit.red_flag_codes)
        _store_signed(visit, case, author, override_level, override_reason, chosen_procedure)
        raise_if_new(session, actor, visit_id=visit.id, patient_id=visit.patient_id,
                     before=before, now=split_codes(visit.red_flag_codes))  # fmt: skip
        visit.status = "signed"
        visit.revision = 0
        visit.draft_data = None  # identical to case_data now; the draft is done
        session.flush()
        return visit_record(visit)


def amend_visit(
    db: Database,
    visit_id: int,
    case_data: Mapping[str, Any],
    *,
    expected_version: int,
    actor: Actor,
    reason: str,
    override_level: str | None = None,
    override_reason: str | None = None,
    chosen_procedure: str | None = None,
    today: date | None = None,
) -> VisitRecord:
    """Change a signed visit: keep the signed version as it was, store the amended one.

    The amended case gets a plan computed now (with the rules of today, recorded in its
    ``rules_version``); every earlier version keeps its own plan and rules version verbatim.
    ``chosen_procedure`` is checked against the amended plan's suggestions, as at signing.
    """
    author = check_actor(actor)
    reason = (reason or "").strip()
    if not reason:
        raise InputError("is required: say why the signed visit is changed", "reason")
    if len(reason) > MAX_REASON:
        raise InputError(f"is longer than {MAX_REASON} characters", "reason")
    with transaction(db) as session:
        authorize(session, actor, "visit.amend", visit_id=visit_id)
        visit = get_visit_row(session, visit_id)
        if visit.status == "draft":
            raise InputError(f"visit {visit_id} is a draft: save it or sign it instead", "visit")
        if visit.status == "discarded":
            raise VisitLockedError(f"visit {visit_id} was discarded and cannot be amended")
        check_version(visit, expected_version, "visit")
        case = parse_or_explain(case_data, today)
        _check_case_patient(session, visit.patient_id, case)
        now = utc_now()
        session.add(_earlier_version(visit, now, author))
        before = split_codes(visit.red_flag_codes)
        _store_signed(visit, case, author, override_level, override_reason, chosen_procedure)
        raise_if_new(session, actor, visit_id=visit.id, patient_id=visit.patient_id,
                     before=before, now=split_codes(visit.red_flag_codes))  # fmt: skip
        visit.status = "amended"
        visit.revision += 1
        visit.amendment_reason = reason
        session.flush()
        return visit_record(visit)


def parse_or_explain(data: Any, today: date | None) -> Case:
    """The validated case, or :class:`CaseInvalidError` naming every field at fault."""
    try:
        return parse_case(data, today=today)
    except CaseValidationError as exc:
        raise CaseInvalidError([(e.path, e.message) for e in exc.errors]) from exc


def case_json(case: Case) -> dict[str, Any]:
    """The case as stored and exported: ``case_to_dict`` with ``format`` first, as in a file."""
    data = case_to_dict(case)
    return {"format": data.pop("format"), **data}


def new_draft(session: Session, patient_id: int, payload: dict[str, Any], author: str) -> Visit:
    """Insert a draft visit (payload already checked) in ``session``."""
    now = utc_now()
    codes, urgency = draft_red_flags(payload)
    visit = Visit(
        patient_id=patient_id,
        visit_date=_typed_visit_date(payload) or date.today(),
        status="draft",
        draft_data=payload,
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


def check_level_decision(
    computed: str, override_level: str | None, override_reason: str | None
) -> tuple[str, str | None]:
    """The final level and the reason to store; an override without a reason is refused."""
    if override_level is None or override_level == computed:
        return computed, None
    if override_level not in LEVELS:
        raise InputError(f"must be one of {', '.join(LEVELS)}", "override_level")
    reason = (override_reason or "").strip()
    if not reason:
        raise InputError(
            f"is required when the level is changed from {computed} to {override_level}",
            "override_reason",
        )
    if len(reason) > MAX_REASON:
        raise InputError(f"is longer than {MAX_REASON} characters", "override_reason")
    return override_level, reason


def check_procedure_choice(suggested: Sequence[str], chosen: str | None) -> str | None:
    """The procedure to store: None, or one the plan suggests; anything else is refused.

    A procedure the plan does not suggest may be one it rules out (block 6: "do not repeat"), so
    it is never stored quietly; the clinician overrides the level instead, with a reason.
    """
    if not chosen:
        return None
    if chosen not in PROCEDURES:
        raise InputError(f"must be one of {', '.join(PROCEDURES)}", "chosen_procedure")
    if chosen not in suggested:
        offered = ", ".join(suggested) if suggested else "none: the plan suggests no procedure"
        raise InputError(
            f"{chosen} is not among the plan's suggested procedures ({offered})",
            "chosen_procedure",
        )
    return chosen


def check_follow_up(case: Case) -> None:
    """A next visit before this visit's date is refused at signing (the schema cannot say so)."""
    next_visit = case.follow_up.next_visit_date if case.follow_up else None
    if next_visit is not None and next_visit < case.visit_date:
        raise InputError(
            f"{next_visit} is before the visit date {case.visit_date}", "follow_up.next_visit_date"
        )


def _store_signed(
    visit: Visit,
    case: Case,
    author: str,
    override_level: str | None,
    override_reason: str | None,
    chosen_procedure: str | None = None,
) -> None:
    check_follow_up(case)
    plan = evaluate(case).to_dict()
    final, reason = check_level_decision(plan["level"], override_level, override_reason)
    procedure = check_procedure_choice(plan.get("procedures") or (), chosen_procedure)
    now = utc_now()
    visit.visit_date = case.visit_date
    visit.case_data = case_json(case)
    visit.plan = plan
    visit.rules_version = plan["rules_version"]
    visit.computed_level = plan["level"]
    visit.final_level = final
    visit.override_reason = reason
    visit.chosen_procedure = procedure
    visit.signed_at = now
    visit.signed_by = author
    codes, urgency = signed_urgency(plan, plan["level"], final)
    visit.urgency, visit.red_flag_codes = urgency, join_codes(codes)
    _touch(visit, author, now)


def _earlier_version(visit: Visit, now: Any, author: str) -> VisitVersion:
    assert visit.case_data is not None and visit.plan is not None
    return VisitVersion(
        visit_id=visit.id,
        revision=visit.revision,
        visit_date=visit.visit_date,
        case_data=visit.case_data,
        plan=visit.plan,
        rules_version=visit.rules_version,
        computed_level=visit.computed_level,
        final_level=visit.final_level,
        override_reason=visit.override_reason,
        chosen_procedure=visit.chosen_procedure,
        signed_at=visit.signed_at,
        signed_by=visit.signed_by,
        amendment_reason=visit.amendment_reason,
        superseded_at=now,
        superseded_by=author,
    )


def _touch(visit: Visit, author: str, now: Any = None) -> None:
    visit.updated_at = now or utc_now()
    visit.updated_by = author


def _require_draft(visit: Visit) -> None:
    if visit.status != "draft":
        raise VisitLockedError(_locked_message(visit))


def _locked_message(visit: Visit) -> str:
    if visit.status == "discarded":
        return f"visit {visit.id} was discarded; nothing was saved"
    when = visit.signed_at.strftime("%Y-%m-%d %H:%M UTC") if visit.signed_at else "?"
    return (
        f"visit {visit.id} was signed by {visit.signed_by} at {when}; nothing was saved. "
        "A signed visit changes only by amendment, with a reason"
    )


def _explain_refused_save(session: Session, visit_id: int) -> None:
    visit = session.execute(
        select(Visit).where(Visit.id == visit_id).execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if visit is None:
        raise NotFoundError(f"there is no visit {visit_id}", "visit")
    if visit.status != "draft":
        raise VisitLockedError(_locked_message(visit))
    raise ConflictError(CHANGED_MEANWHILE.format(what="draft"))


def _check_case_patient(session: Session, patient_id: int, case: Case) -> None:
    patient = session.get(Patient, patient_id)
    assert patient is not None  # the foreign key guarantees it
    if case.patient.id and patient.record_number and case.patient.id != patient.record_number:
        raise InputError(
            f"is {case.patient.id} but the visit belongs to record {patient.record_number}",
            "patient.id",
        )
    if case.patient.date_of_birth != patient.date_of_birth:
        raise InputError("does not match the patient's record", "patient.date_of_birth")


def _draft_payload(data: Mapping[str, Any]) -> dict[str, Any]:
    """The draft as storable JSON; anything JSON can hold is accepted, valid or not."""
    if not isinstance(data, Mapping):
        raise InputError("must be an object (the form's fields)", "draft")
    try:
        return json.loads(json.dumps(dict(data), allow_nan=False))
    except (TypeError, ValueError) as exc:
        raise InputError(f"cannot be stored as JSON ({exc})", "draft") from exc


def _typed_visit_date(payload: Mapping[str, Any]) -> date | None:
    value = payload.get("visit_date")
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None
