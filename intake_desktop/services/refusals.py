"""The lockout and the audit of sign-ins refused while the encrypted database is still closed.

The failed-attempt counters and the audit trail are inside the encrypted file, which a wrong
password does not open: every command-line run and the app's first sign-in of a start are
refused before there is anything to count in or write to. Such a refusal is noted in the side
file beside the database (:mod:`intake_desktop.storage.refusal_file`), and

* the lockout holds while the file stays closed: a name with :data:`MAX_FAILED_SIGN_INS` wrong or
  empty passwords in a row noted there is refused for :data:`LOCKOUT` from the last of them, even
  with the right password (the same rule, threshold and window as the open database's counters);
  a right password breaks the row, as it resets the open database's counters: where the name
  has failures waiting in the file, it is noted too (:data:`RIGHT_PASSWORD`), since they stay
  there when the replay below cannot be recorded (a damaged trail) and would otherwise keep
  counting towards the next lock;
* at the next unlock (anyone's right password, or the recovery key), or the next sign-in where
  the file is open already (an app open all day, a command line run refused meanwhile), the
  noted refusals are replayed into the audit trail, as ordinary ``session.sign_in_failed``
  entries that give the original time, and into the users' counters; then the side file is
  emptied.

The name noted is the one the audit trail would keep: a name that holds a wrap of the key (a
user's), else :data:`UNKNOWN_USER` (people type their password in the name field by mistake).
The caller refuses every case with the same message after the same argon2id work: this module
only reads and appends a short file, the same for every kind of refusal.

Someone who can delete the side file can also copy the database and its key file and guess
offline at argon2id's cost; the side file adds no protection against them, and claims none.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from intake_desktop.storage import refusal_file
from intake_desktop.storage.audit import NewEntry, append_entry
from intake_desktop.storage.database import Database
from intake_desktop.storage.models import AuditEntry, User, utc_now
from intake_desktop.storage.refusal_file import RIGHT_PASSWORD, Refusal

from ._common import transaction
from .actor import this_workstation
from .errors import AuditTrailDamaged, ServiceError
from .lockout import LOCKOUT as LOCKOUT
from .lockout import MAX_FAILED_SIGN_INS as MAX_FAILED_SIGN_INS

log = logging.getLogger(__name__)

#: The audit trail's name for a sign-in attempt under a name that is nobody's.
UNKNOWN_USER = "(unknown user)"
#: The reasons that count towards the lockout (as :func:`.auth._check_password` counts them).
COUNTED = frozenset({"wrong password", "empty password"})
#: What the trail's detail adds to a refusal replayed from the side file.
CLOSED_NOTE = "while the database was closed"
#: How a replayed refusal's entry names its line of the side file ("note 3f9a0c12b7e4").
_MARK = re.compile(r"; note ([0-9a-z]+)\)$")


def side_file(db: Database) -> Path | None:
    """The side file of ``db``'s refusals (None: not an encrypted SQLite file)."""
    cipher = db.cipher
    return refusal_file.side_file_for(cipher.path) if cipher is not None else None


def refuse_while_closed(db: Database, holder: str | None, password: str, opens: bool) -> bool:
    """Whether a sign-in on the closed database is refused; a refusal is noted beside it.

    ``holder`` is the name typed when it holds a wrap of the key (None: nobody's), ``opens``
    whether the password unwrapped it. A locked name is refused even when it opens.
    """
    path = side_file(db)
    assert path is not None
    now = utc_now()

    def decide(noted: list[Refusal]) -> Refusal | None:
        if holder is None:
            reason = "unknown"
        elif locked_until(noted, holder, now) is not None:
            reason = "locked"
        elif opens:
            if not _failures_in_a_row(noted, holder):
                return None  # nothing to end (the usual case: no file at all)
            return Refusal(now, holder, RIGHT_PASSWORD, this_workstation())
        else:
            reason = "empty password" if not password else "wrong password"
        name = holder if holder is not None else UNKNOWN_USER
        return Refusal(now, name, reason, this_workstation())

    try:
        noted = refusal_file.note_if(path, decide)
    except OSError as exc:
        # Not a regular file there, or no room: judged on what can be read, noted nowhere (the
        # refusal stands all the same; see the README on who can do that to the file).
        log.warning("a refused sign-in could not be noted beside the database: %s", exc.strerror)
        noted = decide(refusal_file.read(path))
    return noted is not None and noted.reason != RIGHT_PASSWORD


def locked_until(noted: list[Refusal], username: str, now: datetime) -> datetime | None:
    """Until when the side file's refusals lock ``username`` (None: not locked now).

    The open database's rule: :data:`MAX_FAILED_SIGN_INS` counted failures in a row lock the
    name for :data:`LOCKOUT` from the last of them; refusals during a lock do not count."""
    failures, until = 0, None
    for refusal in noted:
        if refusal.username != username:
            continue
        if until is not None and refusal.at < until:
            continue
        if refusal.reason == RIGHT_PASSWORD:
            failures = 0
            continue
        if refusal.reason not in COUNTED:
            continue
        failures += refusal.count
        if failures >= MAX_FAILED_SIGN_INS:
            failures, until = 0, refusal.at + LOCKOUT
    return until if until is not None and until > now else None


def _failures_in_a_row(noted: list[Refusal], username: str) -> int:
    """How many counted failures of ``username`` the file holds since its last right password."""
    failures = 0
    for refusal in noted:
        if refusal.username == username:
            if refusal.reason == RIGHT_PASSWORD:
                failures = 0
            elif refusal.reason in COUNTED:
                failures += refusal.count
    return failures


def replay(db: Database) -> None:
    """Move the side file's refusals into the (just unlocked) database: the audit trail and the
    users' counters, in one transaction; then empty the side file. A damaged trail (or any
    failure to record them) keeps them there for a later unlock, and never stops the sign-in
    that follows (which reports a damaged trail itself)."""
    path = side_file(db)
    if path is None:
        return
    try:
        refusal_file.take(path, lambda noted: _record(db, noted))
    except AuditTrailDamaged:
        log.warning("refused sign-ins noted beside the database wait: the audit trail is damaged")
    except (ServiceError, SQLAlchemyError, OSError) as exc:  # never a reason to refuse the
        # sign-in that follows (a read-only folder, a database error other than "busy")
        log.warning("refused sign-ins noted beside the database wait: %s", type(exc).__name__)


def _record(db: Database, noted: list[Refusal]) -> None:
    with transaction(db) as session:
        users: dict[str, User | None] = {}
        recorded = _recorded_refs(session, noted)
        for refusal in noted:
            if refusal.ref in recorded:  # a replay cut short after its commit: already there
                continue
            if refusal.username not in users:
                users[refusal.username] = session.scalars(
                    select(User).where(User.username == refusal.username)
                ).one_or_none()
            user = users[refusal.username]
            if refusal.reason == RIGHT_PASSWORD:  # ends the row; its sign-in is recorded
                if user is not None and not _locked_at(user, refusal):
                    user.failed_attempts = 0
                continue
            if user is None:
                reason = "unknown"
            elif not user.active:
                reason = "inactive"
            else:
                reason = _count(user, refusal)
            append_entry(
                session,
                NewEntry(
                    username=user.username if user else UNKNOWN_USER,
                    workstation=refusal.workstation or "unknown",
                    user_id=user.id if user else None,
                    action="session.sign_in_failed",
                    outcome="refused",
                    detail=_detail(reason, refusal),
                ),
            )


def _recorded_refs(session: Session, noted: list[Refusal]) -> set[str]:
    """The marks of ``noted`` refusals that the trail holds already (see Refusal.ref): only
    refusal entries written since the oldest of them can, so few are read."""
    since = min(_aware(r.at) for r in noted)
    details = session.scalars(
        select(AuditEntry.detail).where(
            AuditEntry.action == "session.sign_in_failed", AuditEntry.at >= since
        )
    )
    marks = {m.group(1) for d in details if d and (m := _MARK.search(d))}
    return {r.ref for r in noted if r.ref in marks}


def _locked_at(user: User, refusal: Refusal) -> bool:
    locked = user.locked_until
    return locked is not None and _aware(locked) > refusal.at


def _count(user: User, refusal: Refusal) -> str:
    """The refusal's reason as the open database would have given it, counted as it would."""
    if _locked_at(user, refusal):
        return "locked"
    if refusal.reason not in COUNTED:
        return refusal.reason
    user.failed_attempts += refusal.count
    if user.failed_attempts >= MAX_FAILED_SIGN_INS:
        user.failed_attempts, user.locked_until = 0, refusal.at + LOCKOUT
        return "wrong password; account locked"
    return refusal.reason


def _detail(reason: str, refusal: Refusal) -> str:
    when = _stamp(refusal.at)
    if refusal.count > 1:
        return (
            f"{refusal.count} refusals {CLOSED_NOTE}, from {_stamp(refusal.first or refusal.at)} "
            f"to {when} (kept as one line: the side file was full; note {refusal.ref})"
        )
    return f"{reason} ({CLOSED_NOTE}, at {when}; note {refusal.ref})"


def _stamp(moment: datetime) -> str:
    return _aware(moment).strftime("%Y-%m-%d %H:%M:%S UTC")


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
