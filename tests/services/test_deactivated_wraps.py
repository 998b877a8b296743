"""A deactivated user's wrap of the database key leaves the key file: their password opens
nothing any more, while everyone else's still does; an administrator's new password for them,
once reactivated, wraps the key for them again. Real encrypted SQLite files, opened afresh."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake_desktop import services as s
from intake_desktop.services import PermissionDenied
from intake_desktop.services.users import reset_password, set_active
from intake_desktop.storage import keyring
from intake_desktop.storage.database import open_database
from tests.actors import TEST_PASSWORD

pytestmark = pytest.mark.parametrize("dialect", ["sqlite"], indirect=True)
NEW_PASSWORD = "Fresh-start-password-42"


def _keys(url: str) -> keyring.KeyFile:
    return keyring.read_key_file(keyring.key_file_for(Path(url.removeprefix("sqlite:///"))))


def _opens(url: str, username: str, password: str) -> bool:
    """Whether ``username`` signs in on the file opened afresh (closed until then)."""
    with open_database(url) as db:
        assert db.locked
        try:
            s.sign_in(db, username, password)
        except PermissionDenied:
            return False
        return True


def _as_admin(url: str, change) -> None:
    with open_database(url) as db:
        change(db, s.sign_in(db, "admin.user", TEST_PASSWORD))


def test_a_deactivated_user_s_password_no_longer_opens_the_file(database_url) -> None:
    assert _opens(database_url, "desk.user", TEST_PASSWORD)
    _as_admin(database_url, lambda db, admin: set_active(db, admin, "desk.user", False))
    keys = _keys(database_url)
    assert "desk.user" not in keys.users
    assert keyring.unwrap_for_user(keys, "desk.user", TEST_PASSWORD) is None
    with open_database(database_url) as db:
        with pytest.raises(PermissionDenied):
            s.sign_in(db, "desk.user", TEST_PASSWORD)
        assert db.locked  # not opened at all
    for other in ("admin.user", "clin.user", "front.desk", "dr.x", "tester"):
        assert _opens(database_url, other, TEST_PASSWORD), other


def test_reactivated_with_a_new_password_the_user_opens_it_again(database_url) -> None:
    _as_admin(database_url, lambda db, admin: set_active(db, admin, "desk.user", False))

    def bring_back(db, admin) -> None:
        set_active(db, admin, "desk.user", True)
        reset_password(db, admin, "desk.user", NEW_PASSWORD)

    _as_admin(database_url, bring_back)
    assert "desk.user" in _keys(database_url).users
    assert not _opens(database_url, "desk.user", TEST_PASSWORD)
    assert _opens(database_url, "desk.user", NEW_PASSWORD)


def test_reactivation_alone_wraps_nothing_until_an_open_sign_in(database_url) -> None:
    _as_admin(database_url, lambda db, admin: set_active(db, admin, "desk.user", False))
    with open_database(database_url) as db:
        admin = s.sign_in(db, "admin.user", TEST_PASSWORD)
        set_active(db, admin, "desk.user", True)
        assert "desk.user" not in _keys(database_url).users
        # The file is open in this window: their old password signs in and wraps it again.
        s.sign_in(db, "desk.user", TEST_PASSWORD)
    assert "desk.user" in _keys(database_url).users
    assert _opens(database_url, "desk.user", TEST_PASSWORD)
