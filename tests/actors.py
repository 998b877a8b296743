"""Users for the tests: who signs in, with which roles, and the password they all share.

The database templates (``tests/conftest.py``) are seeded with :data:`SEEDED` users, so every
fresh test database has them and the command line can sign in as ``tester`` (the
``INTAKE_DESKTOP_USER``/``INTAKE_DESKTOP_PASSWORD`` of every test). Tests that call the services
directly and only need *someone* to author a change use :func:`as_user`: an
:class:`~intake_desktop.services.Actor` made directly, as the services would hand it out after a
sign-in, holding every clinical role (the permission table is tested on real sign-ins in
``tests/services/test_permissions.py``).
"""

from __future__ import annotations

from collections.abc import Iterable

from argon2 import PasswordHasher

from intake_desktop.services import Actor, add_user, create_first_admin
from intake_desktop.services import auth as _auth
from intake_desktop.storage import keyring as _keyring
from intake_desktop.storage import seal as _seal

#: The same for every seeded user; long enough for the password rules, never a real one.
TEST_PASSWORD = "Tr0ub4dor&3-intake-test"
WORKSTATION = "test-workstation"
ALL_ROLES = frozenset({"front_desk", "clinician", "admin"})
CLINICAL = frozenset({"front_desk", "clinician"})

#: username → roles, created in the test database templates (the first one is the first admin).
SEEDED: dict[str, frozenset[str]] = {
    "admin.user": frozenset({"admin"}),
    "tester": ALL_ROLES,
    "desk.user": frozenset({"front_desk"}),
    "clin.user": frozenset({"clinician"}),
    "front.desk": frozenset({"front_desk"}),
    "dr.x": frozenset({"clinician"}),
}

#: argon2id still, with the smallest cost: thousands of sign-ins in a test run stay fast.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
#: The same for the wraps of the encrypted databases' keys.
FAST_WRAPS = _keyring.WrapCost(time_cost=1, memory_kib=8, parallelism=1)
#: The seeded administrator, whose password unlocks the test databases for direct service calls.
KEY_HOLDER = "admin.user"


def use_fast_hashing() -> None:
    _auth.PASSWORD_HASHER = FAST_HASHER
    # The sealing key's wraps too (argon2id, smallest cost).
    _seal.KDF = _seal.KdfParameters(time_cost=1, memory_cost=8, parallelism=1)
    _keyring.WRAP_COST = FAST_WRAPS


def open_unlocked(url: str, **options):
    """``open_database(url)``, unlocked with the seeded administrator's password when the file
    is encrypted (what a sign-in does first), for tests that call the services directly."""
    from intake_desktop.services import dbkey
    from intake_desktop.storage.database import open_database

    db = open_database(url, **options)
    if db.locked:
        assert dbkey.unlock_for_sign_in(db, KEY_HOLDER, TEST_PASSWORD)
    return db


def connect_file(path):
    """A DB-API connection to the SQLite file at ``path`` as tests read it raw: SQLCipher
    under the key the seeded administrator's password unwraps when the file is encrypted,
    ``sqlite3`` for a plain one."""
    import sqlite3
    from pathlib import Path

    from intake_desktop.storage import cipher

    path = Path(path)
    if cipher.file_kind(path) is not cipher.FileKind.ENCRYPTED:
        return sqlite3.connect(path)
    keys = _keyring.read_key_file(_keyring.key_file_for(path))
    key = keys.unclaimed or _keyring.unwrap_for_user(keys, KEY_HOLDER, TEST_PASSWORD)
    assert key is not None, "the seeded administrator holds no key to this file"
    return cipher.connect(path, key)


def key_of(url: str) -> bytes:
    """The key of the encrypted test database at ``url`` (the seeded administrator's wrap)."""
    from pathlib import Path

    path = Path(url.removeprefix("sqlite:///"))
    keys = _keyring.read_key_file(_keyring.key_file_for(path))
    key = _keyring.unwrap_for_user(keys, KEY_HOLDER, TEST_PASSWORD)
    assert key is not None
    return key


def copy_database(source, target) -> None:
    """Copy a closed SQLite file (plain or encrypted) and its key file, if it has one."""
    import shutil
    from pathlib import Path

    shutil.copyfile(source, target)
    keys = _keyring.key_file_for(Path(source))
    if keys.exists():
        shutil.copyfile(keys, _keyring.key_file_for(Path(target)))


def as_user(username: str, roles: Iterable[str] = CLINICAL) -> Actor:
    """An actor named ``username`` (the author stored on what it changes)."""
    return Actor(user_id=None, username=username, roles=frozenset(roles), workstation=WORKSTATION)


def seed_users(db) -> None:
    """Create the :data:`SEEDED` users in ``db`` (which has none yet)."""
    names = iter(SEEDED)
    first = next(names)
    admin = create_first_admin(db, first, TEST_PASSWORD, workstation=WORKSTATION)
    for name in names:
        add_user(db, admin, name, TEST_PASSWORD, SEEDED[name])


#: Who reads in tests that only check what was stored (views are audited under this name).
READER = as_user("reader", ALL_ROLES)
