"""When the audit trail is sealed, and who holds the key: the services' side of ``storage.seal``.

**The key.** It is made when the first administrator is created (or, on a database made before
sealing existed, at the first administrator sign-in), and wrapped under that administrator's
password. An administrator who adds another administrator, or sets an administrator's password,
wraps the key they unlocked for that person under the new password; a user who changes their
own password re-wraps it under the new one. A user who loses the admin role loses their wrap.
An administrator made by a role change, or whose password was set by an administrator who had
not unlocked the key, holds none until an administrator who holds it sets their password.
If no administrator can unlock the key any more (every holder gone or forgotten), nothing seals
the trail: sign-ins work, ``audit --verify`` still checks the chain and the old checkpoints, and
says who holds the key; an administrator then runs ``audit --new-seal-key``, which makes a new
key (its fingerprint must be printed again; the old public key stays, so old checkpoints still
verify).

**When.** A checkpoint is made at every administrator sign-in (the app's and each command's), at
every backup (before the copy, so the backup holds it), after every restore, and from an
administrator's open app session once a day (:func:`seal_if_due`, called by a timer). A clinic
where no administrator signs in for days gets no checkpoint for those days: the README says so.

The unlocked key lives only in this process's memory, for the signed-in administrator, until
they sign out or their session locks; it is never written anywhere unencrypted.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy.orm import Session

from intake_desktop.storage import seal as _seal
from intake_desktop.storage import seal_file as _file
from intake_desktop.storage.database import Database
from intake_desktop.storage.models import utc_now

from ._common import transaction
from .actor import Actor

log = logging.getLogger(__name__)

ADMIN = "admin"
#: How old the last checkpoint may be before an administrator's open session makes one.
DAILY = timedelta(hours=24)

_ring: dict[tuple[str, int], _seal.UnlockedKey] = {}


def unlocked_key(db: Database, actor: Actor) -> _seal.UnlockedKey | None:
    """The sealing key ``actor`` unlocked in this process, if any."""
    if actor.user_id is None:
        return None
    return _ring.get(_slot(db, actor.user_id))


def after_first_admin(db: Database, actor: Actor, password: str) -> None:
    """Make the sealing key for a new database's first administrator, and the first checkpoint."""
    if actor.user_id is None:
        return
    with transaction(db) as session:
        key = _seal.create_key(session, actor.username)
        _seal.wrap_for(session, key, actor.user_id, password)
    _ring[_slot(db, actor.user_id)] = key
    _pin(db, key)
    seal(db, actor, "first-admin")


def after_sign_in(db: Database, actor: Actor, password: str) -> None:
    """An administrator signed in: unlock the key (make one if the database has none) and seal.

    Never fails the sign-in: a key that cannot be unlocked, or a trail that cannot be sealed,
    is reported by ``audit --verify`` rather than locking the administrator out.
    """
    if ADMIN not in actor.roles or actor.user_id is None:
        return
    try:
        with transaction(db) as session:
            key = _seal.unlock(session, actor.user_id, password)
            new = key is None and _seal.current_key(session) is None
            if new:
                key = _seal.create_key(session, actor.username)
                _seal.wrap_for(session, key, actor.user_id, password)
        if key is None:
            log.warning("this administrator holds no usable wrap of the sealing key")
            return
        _ring[_slot(db, actor.user_id)] = key
        if new:
            _pin(db, key)
        seal(db, actor, "sign-in")
    except Exception:  # the sign-in itself succeeded; sealing is best effort here
        log.warning("could not seal the audit trail at sign-in", exc_info=True)


def forget(db: Database, actor: Actor) -> None:
    """The administrator signed out or their session locked: drop the unlocked key."""
    if actor.user_id is not None:
        _ring.pop(_slot(db, actor.user_id), None)


def seal(
    db: Database, actor: Actor, reason: str, *, replaces_after: int | None = None
) -> _seal.Checkpoint | None:
    """Make a checkpoint with ``actor``'s unlocked key (None: no key, or the trail is damaged).

    The checkpoint is stored in the database, then appended to the seal file. A restore that
    replaced a trail which no longer continued the backup's passes ``replaces_after``.
    """
    key = unlocked_key(db, actor)
    if key is None:
        return None
    with transaction(db) as session:
        public = _seal.current_key(session)
        if public is None or public.key_id != key.key_id:
            return None  # e.g. a restore brought back another key: its holders seal
        checkpoint = _seal.make_checkpoint(
            session, key, reason=reason, made_by=actor.username, replaces_after=replaces_after
        )
    if checkpoint is None:
        log.warning("the audit trail does not check out; no checkpoint was made")
        return None
    try:
        _file.append_checkpoint(
            _file.seal_path(db),
            checkpoint,
            key_id=key.key_id,
            public_key=public.public_key if public else _seal.public_hex(key.private_key),
        )
    except OSError:  # the database holds it; audit --verify says the file is missing
        log.warning("could not write the checkpoint to the seal file", exc_info=True)
    return checkpoint


def retire_seal_file(db: Database) -> None:
    """A restore brought back records sealed with another key: the seal file belonged to the
    replaced database, so it is renamed aside (kept) and the next checkpoint starts a new one."""
    path = _file.seal_path(db)
    stamp = utc_now().strftime("%Y%m%d-%H%M%S")
    try:
        path.rename(path.with_name(f"{path.name}.before-restore-{stamp}"))
    except FileNotFoundError:
        pass
    except OSError:
        log.warning("could not set the replaced database's seal file aside", exc_info=True)


def seal_if_due(db: Database, actor: Actor, max_age: timedelta = DAILY) -> bool:
    """Seal when the newest checkpoint is older than ``max_age`` (the daily timer's call)."""
    if unlocked_key(db, actor) is None:
        return False
    with db.session() as session:
        newest = max((c.at for c in _seal.stored_checkpoints(session)), default=None)
    if newest is not None and utc_now() - newest < max_age:
        return False
    return seal(db, actor, "daily") is not None


def wrap_for_user(
    session: Session, db: Database, actor: Actor, user_id: int, password: str, roles: set[str]
) -> bool:
    """In the transaction that creates a user or sets their password: their old wraps go, and
    an administrator gets the key ``actor`` unlocked, under ``password``. True when wrapped."""
    _seal.drop_wraps(session, user_id)
    key = unlocked_key(db, actor)
    if ADMIN not in roles or key is None:
        return False
    _seal.wrap_for(session, key, user_id, password)
    return True


def rewrap_own(session: Session, user_id: int, old_password: str, new_password: str) -> None:
    """A user changed their own password: their wrap follows it (or goes, if it would not open)."""
    key = _seal.unlock(session, user_id, old_password)
    _seal.drop_wraps(session, user_id)
    if key is not None:
        _seal.wrap_for(session, key, user_id, new_password)


def drop_if_not_admin(session: Session, user_id: int, roles: set[str]) -> None:
    """A user whose roles no longer include admin keeps no wrap of the key."""
    if ADMIN not in roles:
        _seal.drop_wraps(session, user_id)


def new_seal_key(db: Database, actor: Actor, password: str) -> _seal.UnlockedKey:
    """Make a new sealing key for ``actor`` (an administrator, checked by the caller)."""
    if actor.user_id is None:
        raise ValueError("a signed-in administrator is needed")
    with transaction(db) as session:
        key = _seal.create_key(session, actor.username)
        _seal.wrap_for(session, key, actor.user_id, password)
    _ring[_slot(db, actor.user_id)] = key
    _pin(db, key)
    seal(db, actor, "new-key")
    return key


def _pin(db: Database, key: _seal.UnlockedKey) -> None:
    try:
        _file.append_key(_file.seal_path(db), key.key_id, _seal.public_hex(key.private_key))
    except OSError:
        log.warning("could not pin the sealing key in the seal file", exc_info=True)


def _slot(db: Database, user_id: int) -> tuple[str, int]:
    return (db.url.render_as_string(hide_password=True), user_id)
