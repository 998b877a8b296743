"""The password check started at launch (services.early_password): the sign-in takes its answer
only for the very hash it reads, and audits, counts and locks exactly as without it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from intake_desktop import services as s
from intake_desktop.services import PermissionDenied, auth, users
from intake_desktop.services.early_password import offered, start_early_check
from intake_desktop.storage.database import open_database
from intake_desktop.storage.models import AuditEntry, User
from intake_desktop.storage.password_peek import sqlite_file, stored_password_hash
from tests.actors import TEST_PASSWORD


class CountingHasher:
    """The sign-in's own hasher, counting the checks it runs itself."""

    def __init__(self, real) -> None:
        self.real, self.verified = real, 0

    def verify(self, encoded, password):
        self.verified += 1
        return self.real.verify(encoded, password)

    def __getattr__(self, name):
        return getattr(self.real, name)


@pytest.fixture
def plain(plain_url: str):
    db = open_database(plain_url)
    yield db
    db.dispose()


@pytest.fixture
def hasher(monkeypatch) -> CountingHasher:
    counting = CountingHasher(auth.PASSWORD_HASHER)
    monkeypatch.setattr(auth, "PASSWORD_HASHER", counting)
    return counting


def _last_entry(db) -> AuditEntry:
    with db.session() as session:
        return session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()


def _user(db, name: str) -> User:
    with db.session() as session:
        return session.scalars(select(User).where(User.username == name)).one()


def test_the_sign_in_takes_the_early_answer_and_still_audits(plain, plain_url, hasher):
    check = start_early_check(plain_url, "clin.user", TEST_PASSWORD)
    assert check is not None
    with offered(check):
        actor = s.sign_in(plain, "clin.user", TEST_PASSWORD)
    assert actor.username == "clin.user" and "clinician" in actor.roles
    assert hasher.verified == 0  # argon2 ran once, early, not again here
    entry = _last_entry(plain)
    assert (entry.action, entry.username, entry.outcome) == ("session.sign_in", "clin.user", "ok")


def test_a_wrong_password_checked_early_is_counted_and_locks(plain, plain_url, hasher):
    for _ in range(auth.MAX_FAILED_SIGN_INS):
        early = start_early_check(plain_url, "clin.user", "guess")
        with offered(early), pytest.raises(PermissionDenied):
            s.sign_in(plain, "clin.user", "guess")
        assert _last_entry(plain).action == "session.sign_in_failed"
    assert _user(plain, "clin.user").locked_until is not None
    # Locked: the right password, checked early, is refused all the same, and the refusal says
    # the lock in the audit trail.
    early = start_early_check(plain_url, "clin.user", TEST_PASSWORD)
    with offered(early), pytest.raises(PermissionDenied):
        s.sign_in(plain, "clin.user", TEST_PASSWORD)
    assert _last_entry(plain).detail == "locked"
    assert hasher.verified == 0


def test_a_hash_changed_since_the_early_check_is_checked_again(plain, plain_url, hasher):
    check = start_early_check(plain_url, "clin.user", TEST_PASSWORD)
    admin = s.sign_in(plain, "admin.user", TEST_PASSWORD)
    users.reset_password(plain, admin, "clin.user", "a-new-Temporary-9")
    hasher.verified = 0
    with offered(check), pytest.raises(PermissionDenied):
        s.sign_in(plain, "clin.user", TEST_PASSWORD)  # right before the reset: not now
    assert hasher.verified == 1  # the new hash was checked, not the early answer taken
    with offered(check):
        assert s.sign_in(plain, "clin.user", "a-new-Temporary-9").username == "clin.user"


def test_another_password_than_the_one_checked_early_is_checked_again(plain, plain_url, hasher):
    check = start_early_check(plain_url, "clin.user", "guess")
    with offered(check):
        assert s.sign_in(plain, "clin.user", TEST_PASSWORD).username == "clin.user"
    assert hasher.verified == 1


def test_only_a_plain_sqlite_file_is_read_early(tmp_path: Path, plain_url, database_url) -> None:
    path = sqlite_file(plain_url)
    assert path is not None and stored_password_hash(path, "clin.user").startswith("$argon2")
    assert stored_password_hash(path, "nobody.here") is None
    assert start_early_check(plain_url, "nobody.here", TEST_PASSWORD) is None
    # An encrypted SQLite file (the default) and PostgreSQL: the sign-in checks it itself.
    assert start_early_check(database_url, "clin.user", TEST_PASSWORD) is None
    assert stored_password_hash(tmp_path / "missing.db", "clin.user") is None
    assert not (tmp_path / "missing.db").exists()  # read-only: nothing made


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite:////srv/clinic/records.db", Path("/srv/clinic/records.db")),
        ("sqlite:///records.db", Path("records.db")),
        ("~/records.db", "~/records.db"),
        ("sqlite:///records.db?mode=ro", None),
        ("sqlite:///rec%20ords.db", None),
        ("postgresql://clinic@db.example/records", None),
        (None, None),
        ("  ", None),
    ],
)
def test_which_urls_name_a_file_to_read_early(url, path) -> None:
    expected = Path(path).expanduser() if isinstance(path, str) else path
    assert sqlite_file(url) == expected


def test_other_password_checks_ignore_an_early_check(plain, plain_url, hasher) -> None:
    """Unlocking a locked session asks the password again: an early check made for the
    sign-in is not taken for it (the block it was offered in has ended)."""
    with offered(start_early_check(plain_url, "clin.user", TEST_PASSWORD)):
        actor = s.sign_in(plain, "clin.user", TEST_PASSWORD)
    auth.lock_session(plain, actor)
    assert auth.unlock_session(plain, actor, TEST_PASSWORD).username == "clin.user"
    assert hasher.verified == 1
