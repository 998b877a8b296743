"""The recovery key of an encrypted database: issued to an administrator, used when every
password is lost.

The key is issued once at first start (the first administrator's dialog, or the command line's
first ``users add``) and again whenever an administrator asks (the old one stops working):
printed, it goes to the clinic's safe. With it, anyone at the workstation can give a user a new
password without signing in, so using it is audited under :data:`RECOVERY_ACTOR_NAME`.
"""

from __future__ import annotations

from sqlalchemy import select

from intake_desktop.storage.database import Database
from intake_desktop.storage.models import User, utc_now

from . import dbkey
from ._common import transaction
from .actor import Actor, this_workstation
from .auth import _hash as hash_password  # one hashing of passwords, auth's
from .auth import check_new_password, check_username
from .errors import InputError, PermissionDenied
from .permissions import authorize, record

#: Who the audit trail names for a password reset made with the recovery key.
RECOVERY_ACTOR_NAME = "(recovery key)"


def issue_recovery_key(db: Database, actor: Actor) -> str | None:
    """A new recovery key (the previous one stops working), to show once; administrators only.

    None for a database that is not encrypted (PostgreSQL, or a plain file before ``db upgrade``).
    """
    with transaction(db) as session:
        authorize(session, actor, "database.recovery_key")
    return dbkey.issue_recovery_key(db)


def reset_password_with_recovery_key(
    db: Database, recovery_key: str, username: str, new_password: str
) -> None:
    """Give ``username`` a new password (and unlock their account) with the recovery key.

    The recovery key must open this database even when it is open already; a wrong one changes
    nothing. The key is then wrapped under the new password, so the user signs in as usual.
    """
    if not db.encrypted:
        raise InputError("this database is not encrypted: it has no recovery key")
    name = check_username(username)
    encoded = hash_password(check_new_password(new_password))
    if not dbkey.recovery_key_opens(db, recovery_key):
        raise PermissionDenied(dbkey.WRONG_RECOVERY_KEY)
    actor = Actor(None, RECOVERY_ACTOR_NAME, frozenset({"admin"}), this_workstation())
    with transaction(db) as session:
        user = session.scalars(select(User).where(User.username == name)).one_or_none()
        if user is None:
            raise InputError("there is no such user", "username")
        record(session, actor, "user.set_password", subject_user_id=user.id)
        user.password_hash = encoded
        user.failed_attempts, user.locked_until = 0, None
        user.updated_at, user.updated_by = utc_now(), RECOVERY_ACTOR_NAME
    dbkey.wrap_for(db, name, new_password)
