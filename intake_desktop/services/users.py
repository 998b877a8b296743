"""Running the accounts from the app: details, password resets, deactivation, own language.

The rules of passwords (hashing, strength, lockout) stay in :mod:`.auth`; this module calls its
functions and adds what an administrator's Users window needs: the full list with names and
credentials, a reset that makes the user choose a new password at the next sign-in, and
deactivation (a user with history is never deleted: the audit trail and signatures name them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from intake_desktop.storage.audit import NewEntry, append_entry
from intake_desktop.storage.database import Database
from intake_desktop.storage.models import User, utc_now

from . import auth, checkpoints, dbkey
from ._common import reader, transaction
from .actor import Actor
from .errors import InputError, PermissionDenied
from .permissions import authorize, roles_by_user, roles_of

#: Interface languages the app is translated into (English needs no translation file).
LANGUAGES: tuple[str, ...] = ("en", "es")


@dataclass(frozen=True, slots=True)
class UserDetails:
    """A user as the Users window lists one (never the password hash)."""

    id: int
    username: str
    full_name: str | None
    credentials: str | None
    roles: frozenset[str]
    active: bool
    locked_until: datetime | None
    must_change_password: bool
    language: str | None


def user_details(db: Database, actor: Actor) -> list[UserDetails]:
    """Every user, active or not, by user name (admins only)."""
    with transaction(db) as session:
        authorize(session, actor, "user.list")
        roles = roles_by_user(session)
        return [
            _details(u, roles.get(u.id, set()))
            for u in session.scalars(select(User).order_by(User.username))
        ]


def first_administrator(
    db: Database,
    username: str,
    password: str,
    *,
    clinician: bool = False,
    full_name: str | None = None,
    credentials: str | None = None,
    workstation: str | None = None,
) -> Actor:
    """The first user: an administrator, and also a clinician only when asked (a clinic's
    administrator is often the practice manager, who must not sign visits)."""
    actor = auth.create_first_admin(
        db,
        username,
        password,
        workstation=workstation,
        full_name=full_name,
        credentials=credentials,
    )
    if not clinician:
        return actor
    record = auth.set_roles(db, actor, actor.username, {"admin", "clinician"})
    return Actor(actor.user_id, actor.username, record.roles, actor.workstation)


def update_user(
    db: Database,
    actor: Actor,
    username: str,
    *,
    full_name: str | None,
    credentials: str | None,
    language: str | None = None,
) -> UserDetails:
    """An admin changes the name and credentials printed with a user's signature, and their
    interface language (None: the clinic's default)."""
    signer = auth.check_signer_details(full_name, credentials)
    language = check_language(language)
    with transaction(db) as session:
        user = _user_named(session, username)
        authorize(session, actor, "user.update", subject_user_id=user.id)
        user.full_name, user.credentials = signer["full_name"], signer["credentials"]
        user.language = language
        user.updated_at, user.updated_by = utc_now(), actor.username
        return _details(user, roles_of(session, user.id))


def reset_password(db: Database, actor: Actor, username: str, temporary: str) -> None:
    """An admin sets a temporary password; the user must choose their own at the next sign-in.

    One's own password is changed with the old one (:func:`change_own_password`), never reset.
    """
    if isinstance(actor, Actor) and username == actor.username:
        raise InputError("change your own password with 'Change my password'", "username")
    auth.change_password(db, actor, username, temporary)
    with transaction(db) as session:
        user = _user_named(session, username)
        user.must_change_password = True


def change_own_password(db: Database, actor: Actor, old: str, new: str) -> Actor:
    """The signed-in user replaces their password (the old one is checked by :mod:`.auth`).

    Returns the actor to go on with: after a reset, signing in gave one with no role (see
    ``auth._check_password``); the old password just checked, this one holds the user's roles.
    """
    auth.change_password(db, actor, actor.username, new, old_password=old)
    with transaction(db) as session:
        user = _user_named(session, actor.username)
        if not user.active:  # deactivated meanwhile: the new password is kept, no role given
            raise PermissionDenied("this account is deactivated: ask an administrator")
        reset = user.must_change_password
        user.must_change_password = False
        roles = frozenset(roles_of(session, user.id))
    signed = Actor(actor.user_id, actor.username, roles, actor.workstation)
    if reset:  # what signing in with one's own password does for an administrator (the
        # sealing key unlocked), which the reset password's session could not
        checkpoints.after_sign_in(db, signed, new)
    return signed


def must_change_password(db: Database, actor: Actor) -> bool:
    """Whether the signed-in user's password was reset and must be replaced before work."""
    if not isinstance(actor, Actor):
        raise PermissionDenied("not signed in: sign in first")
    with reader(db) as session:
        return bool(
            session.scalar(select(User.must_change_password).where(User.id == actor.user_id))
        )


def set_active(db: Database, actor: Actor, username: str, active: bool) -> UserDetails:
    """Deactivate (or reactivate) a user: a deactivated user cannot sign in; nothing is deleted.

    On an encrypted database their wrap of the key goes too, so their password no longer opens
    the file at all (not even to be refused inside it). Reactivated, they get a wrap again from
    an administrator's new password for them (:func:`reset_password`), or from their own at
    their next sign-in where the database is open already."""
    with transaction(db) as session:
        user = _user_named(session, username)
        authorize(
            session,
            actor,
            "user.deactivate",
            subject_user_id=user.id,
            detail="active" if active else "inactive",
        )
        if user.id == actor.user_id and not active:
            raise InputError("an administrator cannot deactivate their own account", "username")
        user.active = bool(active)
        user.updated_at, user.updated_by = utc_now(), actor.username
        details = _details(user, roles_of(session, user.id))
    if not active:
        dbkey.drop_wrap(db, details.username)
    return details


def own_language(db: Database, actor: Actor) -> str | None:
    """The signed-in user's interface language, or None for the clinic's default."""
    if not isinstance(actor, Actor):
        raise PermissionDenied("not signed in: sign in first")
    with reader(db) as session:
        return session.scalar(select(User.language).where(User.id == actor.user_id))


def set_own_language(db: Database, actor: Actor, language: str | None) -> None:
    """The signed-in user chooses their interface language (audited, like any change)."""
    language = check_language(language)
    if not isinstance(actor, Actor) or actor.user_id is None:
        raise PermissionDenied("not signed in: sign in first")
    with transaction(db) as session:
        user = _user_named(session, actor.username)
        user.language = language
        user.updated_at, user.updated_by = utc_now(), actor.username
        append_entry(
            session,
            NewEntry(
                username=actor.username,
                workstation=actor.workstation,
                user_id=actor.user_id,
                action="user.set_language",
                outcome="ok",
                subject_user_id=user.id,
                detail=f"language={language or 'default'}",
            ),
        )


def check_language(language: str | None) -> str | None:
    """``en``, ``es`` or None (the clinic's default)."""
    if language is None or (isinstance(language, str) and not language.strip()):
        return None
    if not isinstance(language, str) or language.strip() not in LANGUAGES:
        raise InputError(f"must be one of {', '.join(LANGUAGES)}", "language")
    return language.strip()


def _details(user: User, roles: Iterable[str]) -> UserDetails:
    return UserDetails(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        credentials=user.credentials,
        roles=frozenset(roles),
        active=user.active,
        locked_until=user.locked_until,
        must_change_password=bool(user.must_change_password),
        language=user.language,
    )


def _user_named(session, username: str) -> User:
    name = username.strip() if isinstance(username, str) else ""
    user = session.scalars(select(User).where(User.username == name)).one_or_none()
    if user is None:
        raise InputError("there is no such user", "username")
    return user
