"""Who may do what: one table from operation to the roles allowed, and the check that audits it.

Every operation of the services calls :func:`authorize` first thing in its transaction; the
windows may hide what a role cannot do, but the refusal happens here, so the command line and any
future caller obey the same table. Each check leaves an audit entry, allowed or refused, except
that an *allowed* search or list (not a view of a record) is not recorded: the search box asks
at every keystroke, and lists show no record in detail.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake_desktop.storage.audit import NewEntry, append_entry
from intake_desktop.storage.models import UserRole

from .actor import Actor
from .errors import PermissionDenied

FRONT_DESK, CLINICIAN, ADMIN = "front_desk", "clinician", "admin"
_DESK_AND_CLINIC = frozenset({FRONT_DESK, CLINICIAN})
_CLINIC = frozenset({CLINICIAN})
_ADMIN = frozenset({ADMIN})

#: operation (also the audit entry's action) → the roles that may perform it.
PERMISSIONS: dict[str, frozenset[str]] = {
    # the front desk: registers patients, records intake, prints patient summaries
    "patient.search": _DESK_AND_CLINIC,
    "patient.register": _DESK_AND_CLINIC,
    "patient.update": _DESK_AND_CLINIC,
    "patient.view": _DESK_AND_CLINIC,
    "visit.list": _DESK_AND_CLINIC,
    "visit.view": _DESK_AND_CLINIC,
    "visit.start": _DESK_AND_CLINIC,
    "visit.save": _DESK_AND_CLINIC,
    "visit.discard": _DESK_AND_CLINIC,
    "case.import": _DESK_AND_CLINIC,
    "summary.print_patient": _DESK_AND_CLINIC,
    # the day's board: read by everyone at work, bookings and check-ins by the desk too
    "board.view": _DESK_AND_CLINIC,
    "board.book": _DESK_AND_CLINIC,
    "board.check_in": _DESK_AND_CLINIC,
    "board.update": _DESK_AND_CLINIC,
    # clinicians: all clinical work, and signing
    "visit.sign": _CLINIC,
    "visit.amend": _CLINIC,
    "case.export": _CLINIC,
    "fhir.export": _CLINIC,
    "summary.print_clinician": _CLINIC,
    # the exam, imaging, four questions and level override of a draft (refused for the desk)
    "visit.edit_clinical": _CLINIC,
    # the red-flag alerts every clinician's window shows, and their acknowledgement
    "alert.list": _CLINIC,
    "alert.acknowledge": _CLINIC,
    # admins: users, the audit trail, the database as a whole
    "user.list": _ADMIN,
    "user.add": _ADMIN,
    "user.set_roles": _ADMIN,
    "user.set_password": _ADMIN,
    "user.update": _ADMIN,
    "user.deactivate": _ADMIN,
    "settings.change": _ADMIN,
    "audit.view": _ADMIN,
    "audit.export": _ADMIN,
    "audit.verify": _ADMIN,
    "database.backup": _ADMIN,
    "database.restore": _ADMIN,
    "database.upgrade": _ADMIN,
    "database.grant": _ADMIN,
    "database.recovery_key": _ADMIN,
    "demo.build": _ADMIN,
}

#: Allowed checks of these are not audited (lists and searches, not views of a record).
UNAUDITED_WHEN_ALLOWED = frozenset({"patient.search", "visit.list", "alert.list", "board.view"})


def allowed(actor: Actor, operation: str) -> bool:
    """Whether ``actor``'s roles allow ``operation`` (for windows deciding what to show)."""
    return bool(PERMISSIONS[operation] & actor.roles)


def authorize(
    session: Session,
    actor: Actor,
    operation: str,
    *,
    patient_id: int | None = None,
    visit_id: int | None = None,
    subject_user_id: int | None = None,
    detail: str | None = None,
) -> None:
    """Check ``actor`` may perform ``operation`` and record it in the audit trail.

    Allowed: the entry is appended in ``session``'s transaction, so it is committed with the
    operation (or rolled back with it, when the operation fails). Refused: the entry is committed
    in a transaction of its own and :class:`PermissionDenied` is raised, so a refusal is always
    on record even though the operation's transaction is rolled back.
    """
    ids = {
        "patient_id": patient_id,
        "visit_id": visit_id,
        "subject_user_id": subject_user_id,
        "detail": detail,
    }
    require(session, actor, operation, **ids)
    if operation not in UNAUDITED_WHEN_ALLOWED:
        record(session, actor, operation, **ids)


def require(session: Session, actor: Actor, operation: str, **ids: int | str | None) -> None:
    """The permission check alone; a refusal is audited (committed) and raised.

    For creations, which record the new record's id: ``require`` first, then :func:`record`.
    """
    roles = PERMISSIONS[operation]  # KeyError: a programming error, not a user's
    if not isinstance(actor, Actor):
        raise PermissionDenied("not signed in: sign in first")
    if roles & actor.roles:
        return
    record_separately(session, _entry(actor, operation, "refused", **ids))
    held = ", ".join(sorted(actor.roles)) or "no role"
    needed = " or ".join(sorted(roles))
    raise PermissionDenied(
        f"{actor.username} ({held}) may not do this ({operation}); it needs the role {needed}"
    )


def record(session: Session, actor: Actor, operation: str, **ids: int | str | None) -> None:
    """Append the allowed ``operation``'s audit entry in ``session``'s transaction."""
    append_entry(session, _entry(actor, operation, "allowed", **ids))


def record_separately(session: Session, entry: NewEntry) -> None:
    """Append ``entry`` in its own transaction, committed now whatever ``session`` does next."""
    with Session(bind=session.get_bind()) as own, own.begin():
        append_entry(own, entry)


def _entry(actor: Actor, operation: str, outcome: str, **ids: int | str | None) -> NewEntry:
    return NewEntry(
        username=actor.username,
        workstation=actor.workstation,
        user_id=actor.user_id,
        action=operation,
        outcome=outcome,
        **ids,  # type: ignore[arg-type]
    )


def roles_of(session: Session, user_id: int) -> set[str]:
    """The roles ``user_id`` holds."""
    return set(session.scalars(select(UserRole.role).where(UserRole.user_id == user_id)))


def roles_by_user(session: Session) -> dict[int, set[str]]:
    """Every user's roles, by user id, in one statement (the user lists read them so)."""
    roles: dict[int, set[str]] = {}
    for user_id, role in session.execute(select(UserRole.user_id, UserRole.role)):
        roles.setdefault(user_id, set()).add(role)
    return roles
