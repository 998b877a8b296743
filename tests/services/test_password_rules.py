"""Weak passwords are refused wherever a password is set: one character repeated, only blanks, or
on the shipped list of the most common passwords. The refusal names the field and says why."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

import pytest
from sqlalchemy import select

from intake_desktop import services as s
from intake_desktop.services import auth, password_rules
from intake_desktop.services.password_rules import WeakPasswordError, check_new_password
from intake_desktop.storage.models import User
from tests.actors import TEST_PASSWORD

ROOT = Path(__file__).resolve().parents[2]

WEAK = {
    "aaaaaaaaaaaa": "repeated",
    "7777777777": "repeated",
    "            ": "blank",
    " \t \u00a0  \n  ": "blank",
    "password": "common",
    "PassWord1": "common",  # case does not make a common password rare
    "  12345678 ": "common",
    "qwertyuiop": "common",
    "iloveyou": "common",
    "short": "short",
}


@pytest.mark.parametrize(("password", "reason"), WEAK.items(), ids=range(len(WEAK)))
def test_weak_passwords_are_refused_with_their_reason(password: str, reason: str) -> None:
    with pytest.raises(WeakPasswordError) as refused:
        check_new_password(password)
    assert (refused.value.field, refused.value.reason) == ("password", reason)
    # Fixed words naming the field and the rule: the password typed is never repeated.
    assert str(refused.value) == f"password: {password_rules.REASONS[reason]}"


@pytest.mark.parametrize("password", [TEST_PASSWORD, "correct horse battery staple", "aaaaaaab"])
def test_other_passwords_pass(password: str) -> None:
    assert check_new_password(password) == password


def test_the_list_is_package_data_read_through_importlib_resources() -> None:
    common = password_rules.common_passwords()
    assert len(common) > 9_900 and {"password", "letmein", "trustno1"} <= common
    shipped = ROOT / "intake_desktop" / "services" / password_rules.COMMON_PASSWORDS
    assert shipped.is_file()
    assert "MIT" in (shipped.parent / "README.md").read_text(encoding="utf-8")
    # It goes into a wheel: pyproject's package data names it.
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["intake_desktop"]
    inside = f"services/{password_rules.COMMON_PASSWORDS}"
    assert any(fnmatch.fnmatch(inside, p) for p in patterns), patterns


def _hash_of(db, username: str) -> str:
    with db.session() as session:
        return session.scalar(select(User.password_hash).where(User.username == username))


def test_every_path_that_sets_a_password_refuses_a_weak_one(database, empty_database_url):
    admin = s.sign_in(database, "admin.user", TEST_PASSWORD)
    desk = s.sign_in(database, "desk.user", TEST_PASSWORD)
    before = _hash_of(database, "desk.user")
    attempts = {
        "add a user": lambda pw: s.add_user(database, admin, "new.one", pw, ["front_desk"]),
        "change one's own": lambda pw: s.change_password(
            database, desk, "desk.user", pw, old_password=TEST_PASSWORD
        ),
        "an admin's reset": lambda pw: s.change_password(database, admin, "desk.user", pw),
    }
    for what, attempt in attempts.items():
        for password, reason in (("Qwerty123", "common"), ("zzzzzzzzzz", "repeated")):
            with pytest.raises(WeakPasswordError) as refused:
                attempt(password)
            assert refused.value.reason == reason, what
    assert _hash_of(database, "desk.user") == before
    with database.session() as session:
        assert session.scalar(select(User.id).where(User.username == "new.one")) is None
    with s.open_database(empty_database_url) as fresh:
        with pytest.raises(WeakPasswordError):
            s.create_first_admin(fresh, "boss", "Password1")
        assert not s.has_users(fresh)
    assert auth.check_new_password is check_new_password  # one rule, wherever it is imported
