"""Signing and amending a visit: the checks, the electronic signature, the versions kept.

* Signing validates the case, runs the checks of :mod:`intake_desktop.domain.signing` (every
  red-flag question answered, the neurological exam recorded or "not examined" with a reason, a
  reason for an overridden level), computes the plan and stores it *as computed* with its rule-set
  version, the accepted level, the patient's identification as it is now (name, date of birth,
  record number) and a SHA-256 of all of that. The audit entry (``visit.sign``)
  carries the hash; the signer's full name and credentials come from the users table.
* A signed visit is never changed in place. An amendment is *opened* with a reason
  (:func:`open_amendment`): its case is edited as a draft while the signed version stays valid
  and printed. Signing it (:func:`sign_visit` again, with the same checks) copies the signed
  version into the append-only ``visit_versions`` table and stores the new one.
These rules live here, not in a window, so the app, the command line and any import obey them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake_desktop.domain.codes import LEVELS, PROCEDURES
from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.followup import carried_paths
from intake_desktop.domain.signing import (
    NOT_EXAMINED_KEY,
    SCREEN_PATH,
    missing_for_signature,
    signature_hash,
    signed_identity,
)
from intake_desktop.storage.models import Patient, User, Visit, VisitVersion, utc_now
from intake_desktop.storage.urgency import join_codes, signed_urgency, split_codes

from . import board
from ._common import check_actor, check_version, transaction, visit_record
from .actor import Actor
from .alerts import raise_if_new
from .errors import IncompleteError, InputError, VisitLockedError
from .permissions import authorize, record, require
from .records import SIGNED_STATUSES, VisitRecord
from .visits import (
    MAX_REASON,
    case_json,
    check_case_patient,
    get_visit_row,
    locked_message,
    parse_or_explain,
    touch,
)


def sign_visit(
    db: Any,
    visit_id: int,
    *,
    expected_version: int,
    actor: Actor,
    override_level: str | None = None,
    override_reason: str | None = None,
    chosen_procedure: str | None = None,
    red_flag_screen: Mapping[str, str] | None = None,
    not_examined_reason: str | None = None,
    today: date | None = None,
) -> VisitRecord:
    """Sign a draft, or the open amendment of a signed visit.

    Without ``override_level`` (or with the computed level) the clinician accepts the engine's
    level; any other level needs ``override_reason``. ``chosen_procedure`` must be one of the
    plan's suggested procedures (or None). ``red_flag_screen`` (code → yes/no) and
    ``not_examined_reason`` complete what the window stored beside the draft (the command line
    passes them; the app has saved them already). Anything missing raises
    :class:`IncompleteError` naming every field. ``today`` pins the date a visit may not be after.
    """
    author = check_actor(actor)
    with transaction(db) as session:
        require(session, actor, "visit.sign", visit_id=visit_id)
        visit = get_visit_row(session, visit_id)
        check_version(visit, expected_version, "visit")
        _sign(session, visit, actor, author, override_level=override_level,
              override_reason=override_reason, chosen_procedure=chosen_procedure,
              red_flag_screen=red_flag_screen, not_examined_reason=not_examined_reason,
              today=today)  # fmt: skip
        return visit_record(visit)


def _sign(
    session: Session,
    visit: Visit,
    actor: Actor,
    author: str,
    *,
    override_level: str | None,
    override_reason: str | None,
    chosen_procedure: str | None,
    red_flag_screen: Mapping[str, str] | None,
    not_examined_reason: str | None,
    today: date | None,
) -> None:
    amending = visit.status in SIGNED_STATUSES and visit.pending_amendment_reason is not None
    if visit.status != "draft" and not amending:
        raise VisitLockedError(locked_message(visit))
    # Loaded before the visit changes (a query after would flush the change half made, one
    # more UPDATE) and held, so that the checks below find it in the session, not the server.
    patient = session.get(Patient, visit.patient_id)
    assert patient is not None  # the foreign key guarantees it
    _complete_ui_state(visit, red_flag_screen, not_examined_reason)
    if amending:
        session.add(_earlier_version(visit, author))
        # Archived before the visit row changes: the database refuses a new signature whose
        # predecessor is not in visit_versions (migration 0006).
        session.flush()
    before = split_codes(visit.red_flag_codes)
    digest = _store_signed(visit, visit.draft_data, author, override_level, override_reason,
                           chosen_procedure, today, session, patient)  # fmt: skip
    if amending:
        visit.status = "amended"
        visit.revision += 1
        visit.amendment_reason = visit.pending_amendment_reason
        visit.pending_amendment_reason = None
    else:
        visit.status = "signed"
        visit.revision = 0
    visit.draft_data = None  # identical to case_data now; the draft is done
    raise_if_new(session, actor, visit_id=visit.id, patient_id=visit.patient_id,
                 before=before, now=split_codes(visit.red_flag_codes))  # fmt: skip
    record(session, actor, "visit.sign", patient_id=visit.patient_id, visit_id=visit.id,
           detail=digest)  # fmt: skip
    session.flush()
    board.advance(session, visit.id, "signed", author)
    board.book_follow_up(session, visit, author)


def open_amendment(
    db: Any,
    visit_id: int,
    reason: str,
    case_data: Mapping[str, Any] | None = None,
    *,
    expected_version: int,
    actor: Actor,
    today: date | None = None,
) -> VisitRecord:
    """Open an amendment of a signed visit: its case (the signed one, or ``case_data``, which must
    be a valid case) becomes a draft to edit, signed later with :func:`sign_visit`. The signed
    version stays the visit's valid record, printed and exported, until then."""
    author = check_actor(actor)
    reason = check_reason(reason)
    with transaction(db) as session:
        authorize(session, actor, "visit.amend", visit_id=visit_id)
        visit = _signed_row(session, visit_id)
        check_version(visit, expected_version, "visit")
        _open(session, visit, reason, case_data, author, today)
        return visit_record(visit)


def _open(
    session: Session,
    visit: Visit,
    reason: str,
    case_data: Mapping[str, Any] | None,
    author: str,
    today: date | None,
) -> None:
    if visit.pending_amendment_reason is not None:
        raise InputError(
            f"visit {visit.id} has an amendment open already: sign it or cancel it first",
            "visit",
        )
    if case_data is None:
        data = dict(visit.case_data or {})
    else:
        case = parse_or_explain(case_data, today)
        check_case_patient(session, visit.patient_id, case)
        data = case_json(case)
    visit.draft_data = data
    visit.pending_amendment_reason = reason
    touch(visit, author)
    session.flush()


def amend_visit(
    db: Any,
    visit_id: int,
    case_data: Mapping[str, Any],
    *,
    expected_version: int,
    actor: Actor,
    reason: str,
    override_level: str | None = None,
    override_reason: str | None = None,
    chosen_procedure: str | None = None,
    red_flag_screen: Mapping[str, str] | None = None,
    not_examined_reason: str | None = None,
    today: date | None = None,
) -> VisitRecord:
    """Open an amendment with ``case_data`` and sign it at once, in one transaction (the same
    checks as signing; on any refusal nothing is changed)."""
    author = check_actor(actor)
    reason = check_reason(reason)
    with transaction(db) as session:
        authorize(session, actor, "visit.amend", visit_id=visit_id)
        visit = _signed_row(session, visit_id)
        check_version(visit, expected_version, "visit")
        _open(session, visit, reason, case_data, author, today)
        require(session, actor, "visit.sign", visit_id=visit_id)
        _sign(session, visit, actor, author, override_level=override_level,
              override_reason=override_reason, chosen_procedure=chosen_procedure,
              red_flag_screen=red_flag_screen, not_examined_reason=not_examined_reason,
              today=today)  # fmt: skip
        return visit_record(visit)


def cancel_amendment(visit: Visit, author: str) -> None:
    """Drop an open amendment's draft; the signed version is untouched (called by discard)."""
    visit.draft_data = None
    visit.pending_amendment_reason = None
    touch(visit, author)


def signer_details(session: Session, username: str | None) -> tuple[str | None, str | None]:
    """The signer's full name and credentials as stored with their user (None when not set)."""
    if not username:
        return None, None
    row = session.execute(
        select(User.full_name, User.credentials).where(User.username == username)
    ).one_or_none()
    return (row[0], row[1]) if row is not None else (None, None)


def check_reason(reason: str | None, field: str = "reason") -> str:
    """An amendment's reason: required, at most :data:`MAX_REASON` characters."""
    reason = (reason or "").strip() if isinstance(reason, str) else ""
    if not reason:
        raise InputError("is required: say why the signed visit is changed", field)
    if len(reason) > MAX_REASON:
        raise InputError(f"is longer than {MAX_REASON} characters", field)
    return reason


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


def _signed_row(session: Session, visit_id: int) -> Visit:
    visit = get_visit_row(session, visit_id)
    if visit.status == "draft":
        raise InputError(f"visit {visit_id} is a draft: save it or sign it instead", "visit")
    if visit.status == "discarded":
        raise VisitLockedError(f"visit {visit_id} was discarded and cannot be amended")
    return visit


def _complete_ui_state(
    visit: Visit, screen: Mapping[str, str] | None, not_examined_reason: str | None
) -> None:
    """Record what the caller attests beside the case (kept after signing: what was asked)."""
    if screen is None and not_examined_reason is None:
        return
    state = dict(visit.ui_state or {})
    if screen is not None:
        state[SCREEN_PATH] = {**(state.get(SCREEN_PATH) or {}), **dict(screen)}
    if not_examined_reason is not None:
        state[NOT_EXAMINED_KEY] = not_examined_reason
    visit.ui_state = state


def _store_signed(
    visit: Visit,
    data: Any,
    author: str,
    override_level: str | None,
    override_reason: str | None,
    chosen_procedure: str | None,
    today: date | None,
    session: Session,
    patient: Patient,
) -> str:
    case = parse_or_explain(data, today)
    check_case_patient(session, visit.patient_id, case)
    plan_obj = evaluate(case)
    plan = plan_obj.to_dict()
    state = visit.ui_state or {}
    missing = missing_for_signature(
        case,
        red_flag_screen=state.get(SCREEN_PATH),
        not_examined_reason=state.get(NOT_EXAMINED_KEY),
        region=plan.get("region"),
        recommended_level=plan["level"],
        override_level=override_level,
        override_reason=override_reason,
        carried=carried_paths(state),
    )
    if missing:
        raise IncompleteError([(m.path, m.message) for m in missing])
    final, reason = check_level_decision(plan["level"], override_level, override_reason)
    procedure = check_procedure_choice(plan.get("procedures") or (), chosen_procedure)
    stored = case_json(case)
    identity = signed_identity(patient.name, patient.date_of_birth, patient.record_number)
    digest = signature_hash(stored, plan, final, reason, procedure, identity)
    now = utc_now()
    visit.visit_date = case.visit_date
    visit.case_data = stored
    visit.plan = plan
    visit.rules_version = plan["rules_version"]
    visit.computed_level = plan["level"]
    visit.final_level = final
    visit.override_reason = reason
    visit.chosen_procedure = procedure
    visit.signature_hash = digest
    visit.signed_identity = identity
    visit.signed_at = now
    visit.signed_by = author
    codes, urgency = signed_urgency(plan, plan["level"], final)
    visit.urgency, visit.red_flag_codes = urgency, join_codes(codes)
    touch(visit, author, now)
    return digest


def _earlier_version(visit: Visit, author: str) -> VisitVersion:
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
        signature_hash=visit.signature_hash,
        signed_identity=visit.signed_identity,
        superseded_at=utc_now(),
        superseded_by=author,
    )
