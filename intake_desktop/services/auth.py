"""Users and sessions: first administrator, sign-in with lockout, sign-out, lock, user changes.

Passwords are hashed with argon2id (argon2-cffi's :class:`PasswordHasher`); only the encoded hash
(``$argon2id$v=19$...``) is stored, and no password is ever logged or put in an audit entry or an
error message. An unknown user name costs the same as a wrong password (a dummy hash is checked),
so timing does not tell which names exist. Every attempt, good or bad, leaves an audit entry.

A refused sign-in says the same thing, in about the same time, whatever the cause: an unknown
name, a wrong or empty password, a locked or inactive account. Each costs exactly one argon2
check with the current parameters (:func:`_verify_or_dummy`), and the lock is looked at only
after it; the cause goes to the audit trail alone. Otherwise "locked" would confirm that a name
exists, and a quick answer to an empty password would too (2 ms against 105 ms before).
New passwords follow :mod:`.password_rules` (too short, blank, repeated, common: refused).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from intake_desktop.storage.audit import (
    AuditDamagedError,
    NewEntry,
    append_entry,
    write_pending,
)
from intake_desktop.storage.database import Database
from intake_desktop.storage.models import User, UserRole, utc_now

from . import checkpoints, dbkey, early_password
from ._common import reader, transaction
from .accounts import MAX_SIGNER_TEXT as MAX_SIGNER_TEXT
from .accounts import MAX_USERNAME as MAX_USERNAME
from .accounts import USERNAME_FORM as _USERNAME
from .accounts import UserRecord, check_roles, check_signer_details, check_username
from .actor import Actor, this_workstation
from .errors import AuditTrailDamaged, ConflictError, InputError, PermissionDenied
from .password_rules import (  # the rules' names stay importable from here, as before
    MAX_PASSWORD,
    MIN_PASSWORD,  # noqa: F401
    WeakPasswordError,  # noqa: F401
    check_new_password,
)
from .permissions import authorize, record, record_separately, require, roles_by_user, roles_of

# Failed sign-ins in a row that lock an account, for how long, and the name of nobody's: one
# rule for the open database (here) and the closed one (:mod:`.refusals`).
from .refusals import LOCKOUT as LOCKOUT
from .refusals import MAX_FAILED_SIGN_INS as MAX_FAILED_SIGN_INS
from .refusals import UNKNOWN_USER as UNKNOWN_USER

#: argon2id with argon2-cffi's defaults (RFC 9106 low-memory profile); tests may swap it.
PASSWORD_HASHER = PasswordHasher()
#: The one answer to every refused sign-in (unknown, wrong, empty, locked, inactive).
WRONG = (
    "sign-in refused: the user name or the password is wrong, or the account is locked "
    f"(after {MAX_FAILED_SIGN_INS} failed tries in a row, for "
    f"{int(LOCKOUT.total_seconds() // 60)} minutes; an administrator can unlock it sooner)"
)

_dummy_hash: dict[str, str] = {}


def has_users(db: Database) -> bool:
    """Whether anyone can sign in yet (False on first run: ask for an administrator).

    A locked encrypted database cannot be read before a sign-in: there, anyone holding a wrap
    of its key counts (the first administrator's wrap is made with their account)."""
    if db.locked:
        return dbkey.has_key_holders(db)
    with reader(db) as session:
        return session.scalar(select(func.count()).select_from(User)) > 0


def create_first_admin(
    db: Database,
    username: str,
    password: str,
    *,
    workstation: str | None = None,
    full_name: str | None = None,
    credentials: str | None = None,
) -> Actor:
    """Create the first user, an administrator, and return them signed in.

    Allowed only while there is no user at all; afterwards users are added by an admin.
    """
    username = check_username(username)
    encoded = _hash(check_new_password(password))
    signer = check_signer_details(full_name, credentials)
    with transaction(db) as session:
        if session.scalar(select(func.count()).select_from(User)) > 0:
            raise PermissionDenied("there are users already: an administrator adds new ones")
        user = _insert_user(session, username, encoded, {"admin"}, created_by=username, **signer)
        actor = Actor(user.id, username, frozenset({"admin"}), workstation or this_workstation())
        _audit(session, actor, "user.create_first_admin", subject_user_id=user.id)
        _audit(session, actor, "session.sign_in")
    dbkey.wrap_for(db, username, password)
    checkpoints.after_first_admin(db, actor, password)
    return actor


def sign_in(db: Database, username: str, password: str, *, workstation: str | None = None) -> Actor:
    """The signed-in user, or :class:`PermissionDenied` (exit 3) with nothing given away.

    After :data:`MAX_FAILED_SIGN_INS` failures in a row the account is locked for
    :data:`LOCKOUT`, even for the right password; each attempt is audited.
    """
    station = workstation or this_workstation()
    name = username.strip() if isinstance(username, str) else ""
    secret = password if isinstance(password, str) else ""
    known_form = bool(_USERNAME.match(name))
    # An encrypted database opens only once the name and password unwrap its key; a name that
    # unwraps nothing costs one unwrap all the same. Refused here, the refusal is noted beside
    # the file for the lockout and the trail (see .refusals), and one argon2 check is made as
    # a locked account's right password makes one once the file is open: the same work always.
    if not dbkey.unlock_for_sign_in(db, name if known_form else "", secret):
        _verify_or_dummy(None, secret)
        raise PermissionDenied(WRONG)
    with transaction(db) as session:
        user = None
        if known_form:
            user = session.scalars(
                select(User).where(User.username == name).with_for_update()
            ).one_or_none()
        outcome, actor = _check_password(session, user, secret)
        try:
            _record_attempt(session, user, outcome, actor, station)
            write_pending(session)  # here, so that a damaged trail keeps the counters
            damaged = False
        except AuditDamagedError:  # the counters (lockout) are still committed
            damaged = True
    if damaged:
        return _sign_in_despite_damage(db, actor, station, secret)
    if actor is None:
        raise PermissionDenied(WRONG)  # the reason is in the audit trail only
    dbkey.ensure_wrap(db, actor.username, secret)
    signed = Actor(actor.user_id, actor.username, actor.roles, station)
    checkpoints.after_sign_in(db, signed, secret)
    return signed


def _record_attempt(
    session: Session, user: User | None, outcome: str, actor: Actor | None, station: str
) -> None:
    # A name that is no user's is not kept: people type their password there by mistake.
    who = Actor(
        user.id if user else None,
        user.username if user else UNKNOWN_USER,
        actor.roles if actor else frozenset(),
        station,
    )
    _audit(
        session,
        who,
        "session.sign_in" if actor else "session.sign_in_failed",
        outcome="ok" if actor else "refused",
        detail=None if actor else outcome,
    )


def _sign_in_despite_damage(
    db: Database, actor: Actor | None, station: str, password: str
) -> Actor:
    """The attempt could not be recorded because the trail holds a forged entry.

    An administrator with the right password is let in (unrecorded: nothing can be), so that
    they can check the trail and restore a backup; anyone else is refused, in those words.
    """
    if actor is None or "admin" not in actor.roles:
        raise AuditTrailDamaged(
            "sign-in refused: the audit trail is damaged (it holds an entry this program never "
            "wrote), so no sign-in can be recorded; ask an administrator to check it "
            "(audit --verify) and restore a backup"
        )
    signed = Actor(actor.user_id, actor.username, actor.roles, station)
    checkpoints.after_sign_in(db, signed, password)  # unlocks the key; seals nothing damaged
    return signed


def sign_out(db: Database, actor: Actor) -> None:
    """Record that ``actor`` signed out (and drop the sealing key they unlocked)."""
    _audit_alone(db, actor, "session.sign_out")
    checkpoints.forget(db, actor)


def lock_session(db: Database, actor: Actor) -> None:
    """Record that ``actor``'s session was locked (idle, or on request)."""
    _audit_alone(db, actor, "session.lock")
    checkpoints.forget(db, actor)


def unlock_session(db: Database, actor: Actor, password: str) -> Actor:
    """Resume a locked session: the same user's password again (lockout rules apply)."""
    return sign_in(db, actor.username, password, workstation=actor.workstation)


def add_user(
    db: Database,
    actor: Actor,
    username: str,
    password: str,
    roles: Iterable[str],
    *,
    full_name: str | None = None,
    credentials: str | None = None,
) -> UserRecord:
    """An admin adds a user with one or more roles; a clinician's full name and credentials
    are printed with their electronic signature.

    Anyone else is refused (and the refusal audited) before the new user's name or password is
    looked at: whether a password would pass is not for a non-administrator to learn.
    """
    wanted = check_roles(roles)
    detail = f"roles={','.join(sorted(wanted))}"
    with transaction(db) as session:
        require(session, actor, "user.add", detail=detail)
    username = check_username(username)
    encoded = _hash(check_new_password(password))
    signer = check_signer_details(full_name, credentials)
    with transaction(db) as session:
        require(session, actor, "user.add", detail=detail)
        if session.scalar(select(User.id).where(User.username == username)) is not None:
            raise ConflictError(f"there is already a user {username}")
        user = _insert_user(session, username, encoded, wanted, created_by=actor.username, **signer)
        checkpoints.wrap_for_user(session, db, actor, user.id, password, wanted)
        record(session, actor, "user.add", subject_user_id=user.id, detail=detail)
        added = UserRecord(user.id, username, frozenset(wanted), True, None)
    dbkey.wrap_for(db, username, password)
    return added


def set_roles(db: Database, actor: Actor, username: str, roles: Iterable[str]) -> UserRecord:
    """An admin replaces a user's roles (an admin cannot take their own admin role away)."""
    wanted = check_roles(roles)
    with transaction(db) as session:
        user = _user_named(session, username)
        authorize(
            session,
            actor,
            "user.set_roles",
            subject_user_id=user.id,
            detail=f"roles={','.join(sorted(wanted))}",
        )
        if user.id == actor.user_id and "admin" not in wanted:
            raise InputError("an administrator cannot remove their own admin role", "roles")
        session.execute(delete(UserRole).where(UserRole.user_id == user.id))
        session.execute(insert(UserRole), [{"user_id": user.id, "role": r} for r in wanted])
        checkpoints.drop_if_not_admin(session, user.id, wanted)
        user.updated_at, user.updated_by = utc_now(), actor.username
        return UserRecord(user.id, user.username, frozenset(wanted), user.active, user.locked_until)


def change_password(
    db: Database, actor: Actor, username: str, new_password: str, *, old_password: str = ""
) -> None:
    """Change a password: one's own with the old one, or anyone's as an admin (unlocks too).

    On an encrypted database the key is re-wrapped under the new password once it is stored."""
    encoded = _hash(check_new_password(new_password))
    own = isinstance(actor, Actor) and username == actor.username
    with transaction(db) as session:
        user = _user_named(session, username)
        if own:
            if not _verify(
                user.password_hash, old_password if isinstance(old_password, str) else ""
            ):
                record_separately(
                    session,
                    _entry(actor, "user.change_password", "refused", subject_user_id=user.id),
                )
                raise PermissionDenied("the current password is wrong; nothing was changed")
            _audit(session, actor, "user.change_password", subject_user_id=user.id)
            checkpoints.rewrap_own(session, user.id, old_password, new_password)
        else:
            authorize(session, actor, "user.set_password", subject_user_id=user.id)
            roles = roles_of(session, user.id)
            checkpoints.wrap_for_user(session, db, actor, user.id, new_password, roles)
        user.password_hash = encoded
        user.failed_attempts, user.locked_until = 0, None
        user.updated_at, user.updated_by = utc_now(), actor.username
        name = user.username
    dbkey.wrap_for(db, name, new_password)


def list_users(db: Database, actor: Actor) -> list[UserRecord]:
    """Every user with their roles (admins only)."""
    with transaction(db) as session:
        authorize(session, actor, "user.list")
        roles = roles_by_user(session)
        return [
            UserRecord(u.id, u.username, frozenset(roles.get(u.id, ())), u.active, u.locked_until)
            for u in session.scalars(select(User).order_by(User.username))
        ]


def signer_label(db: Database, actor: Actor, username: str | None = None) -> str:
    """``username — Full Name, credentials`` as a signature names its signer: the signed-in
    user's own, or the one who signed a visit the user may already read (no audit entry: a
    signature's name is part of the visit they opened)."""
    name = username or actor.username
    with reader(db) as session:
        row = session.execute(
            select(User.full_name, User.credentials).where(User.username == name)
        ).one_or_none()
    extra = ", ".join(v for v in (row or ()) if v)
    return f"{name} — {extra}" if extra else name


def _check_password(session: Session, user: User | None, password: str) -> tuple[str, Actor | None]:
    """``("ok", actor)`` or the reason of the failure, with the user's counters updated.

    The password is checked first, always at the same cost; only then are the account's state
    and the lock looked at, so that none of them changes how long the answer takes.
    """
    now = utc_now()
    active = user is not None and user.active
    matches = _verify_or_dummy(user.password_hash if active else None, password)
    if user is None or not user.active:
        return ("unknown" if user is None else "inactive"), None
    if user.locked_until is not None and user.locked_until > now:
        return "locked", None
    if not matches:
        user.failed_attempts += 1
        if user.failed_attempts >= MAX_FAILED_SIGN_INS:
            user.failed_attempts, user.locked_until = 0, now + LOCKOUT
            return "wrong password; account locked", None
        return ("empty password" if not password else "wrong password"), None
    user.failed_attempts, user.locked_until = 0, None
    if PASSWORD_HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = _hash(password)
    # A password an administrator reset is known to them: until its owner chooses their own
    # (users.change_own_password, which hands out the actor with their roles), it allows no
    # operation at all, whichever program signed in with it.
    roles = frozenset() if user.must_change_password else frozenset(roles_of(session, user.id))
    return "ok", Actor(user.id, user.username, roles)


def _verify_or_dummy(encoded: str | None, password: str) -> bool:
    """Whether ``password`` matches ``encoded``, at the cost of one argon2 check in every case.

    Without a hash to check (no such user, an inactive one) or without a usable password (empty,
    or longer than :data:`MAX_PASSWORD`), a dummy hash made with the current parameters is
    checked instead and the answer is False: the time taken tells nothing about the name or the
    account. Anything else done at sign-in that costs time in proportion to the password (a
    database key unwrapped with it) belongs beside this check and must follow the same rule.
    """
    usable = 0 < len(password) <= MAX_PASSWORD
    if encoded is None or not usable:
        _verify(_dummy(), password if usable else "not a usable password")
        return False
    return _verify(encoded, password)


def _verify(encoded: str, password: str) -> bool:
    early = early_password.offered_answer(encoded, password)  # started at launch, if any
    if early is not None:
        return early
    try:
        return PASSWORD_HASHER.verify(encoded, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _hash(password: str) -> str:
    return PASSWORD_HASHER.hash(password)


def _dummy() -> str:
    key = repr(PASSWORD_HASHER)
    if key not in _dummy_hash:
        _dummy_hash.clear()
        _dummy_hash[key] = _hash("not-a-password-of-anyone")
    return _dummy_hash[key]


def _insert_user(
    session: Session,
    username: str,
    encoded: str,
    roles: set[str],
    *,
    created_by: str,
    full_name: str | None = None,
    credentials: str | None = None,
) -> User:
    now = utc_now()
    user = User(
        username=username,
        password_hash=encoded,
        full_name=full_name,
        credentials=credentials,
        active=True,
        failed_attempts=0,
        locked_until=None,
        created_at=now,
        created_by=created_by,
        updated_at=now,
        updated_by=created_by,
    )
    session.add(user)
    session.flush()
    session.execute(insert(UserRole), [{"user_id": user.id, "role": r} for r in sorted(roles)])
    return user


def _user_named(session: Session, username: str) -> User:
    name = username.strip() if isinstance(username, str) else ""
    user = (
        session.scalars(select(User).where(User.username == name)).one_or_none()
        if (_USERNAME.match(name))
        else None
    )
    if user is None:
        raise InputError("there is no such user", "username")
    return user


def _entry(actor: Actor, action: str, outcome: str = "ok", **ids: int | str | None) -> NewEntry:
    return NewEntry(
        username=actor.username,
        workstation=actor.workstation,
        user_id=actor.user_id,
        action=action,
        outcome=outcome,
        **ids,  # type: ignore[arg-type]
    )


def _audit(
    session: Session, actor: Actor, action: str, outcome: str = "ok", **ids: int | str | None
) -> None:
    append_entry(session, _entry(actor, action, outcome, **ids))


def _audit_alone(db: Database, actor: Actor, action: str) -> None:
    if not isinstance(actor, Actor):
        raise PermissionDenied("not signed in")
    # A damaged trail records nothing; leaving is never refused for that.
    with transaction(db) as session, contextlib.suppress(AuditDamagedError):
        _audit(session, actor, action)
        write_pending(session)
