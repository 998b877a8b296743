"""Signing in: wrong passwords, lockout, unknown users, empty and hostile input: refused cleanly.

Every refusal is :class:`PermissionDenied` (exit 3) with the same words whether the name exists
or not, leaves one audit entry, and never echoes the password typed.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from intake_desktop import services as s
from intake_desktop.services import PermissionDenied, auth
from intake_desktop.services.errors import ConflictError, InputError
from intake_desktop.storage.models import AuditEntry, User, utc_now
from tests.actors import TEST_PASSWORD, as_user

HOSTILE = [
    "' OR '1'='1",
    "admin.user'; DROP TABLE users; --",
    '" OR ""="',
    "%",
    "_",
    "admin.user\x00",
    "a" * 10_000,
    "ä" * 10_000,
    "\u202e" + "resu.nimda",
]


def _entries(db, action: str | None = None) -> list[AuditEntry]:
    with db.session() as session:
        stmt = select(AuditEntry).order_by(AuditEntry.seq)
        if action:
            stmt = stmt.where(AuditEntry.action == action)
        return list(session.scalars(stmt))


def _failures(db) -> int:
    return len(_entries(db, "session.sign_in_failed"))


def test_the_right_password_signs_in_with_the_users_roles(database) -> None:
    actor = s.sign_in(database, " desk.user ", TEST_PASSWORD, workstation="front-1")
    assert (actor.username, actor.roles, actor.workstation) == (
        "desk.user",
        {"front_desk"},
        "front-1",
    )
    entry = _entries(database)[-1]
    assert (entry.action, entry.outcome, entry.user_id) == ("session.sign_in", "ok", actor.user_id)


@pytest.mark.parametrize(
    ("username", "password"),
    [
        ("desk.user", "wrong password"),
        ("desk.user", TEST_PASSWORD.upper()),
        ("desk.user", TEST_PASSWORD + " "),
        ("nobody", TEST_PASSWORD),
        ("", TEST_PASSWORD),
        ("desk.user", ""),
        ("", ""),
        (None, None),
    ],
)
def test_wrong_unknown_and_empty_are_refused_alike(database, username, password) -> None:
    before = _failures(database)
    with pytest.raises(PermissionDenied) as refused:
        s.sign_in(database, username, password)  # type: ignore[arg-type]
    assert str(refused.value) == auth.WRONG
    assert refused.value.exit_code == 3
    assert _failures(database) == before + 1


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_names_and_passwords_are_refused_cleanly(database, text: str) -> None:
    for username, password in ((text, TEST_PASSWORD), ("desk.user", text), (text, text)):
        with pytest.raises(PermissionDenied) as refused:
            s.sign_in(database, username, password)
        assert str(refused.value) == auth.WRONG
        assert text not in str(refused.value)
    with database.session() as session:  # the users table is untouched
        assert session.scalar(select(func.count()).select_from(User)) == 6
    entries = _entries(database, "session.sign_in_failed")[-3:]
    assert all(len(e.username) <= 100 and "\x00" not in e.username for e in entries)
    assert all(text not in (e.detail or "") for e in entries)
    s.sign_in(database, "desk.user", TEST_PASSWORD)  # still works


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_search_text_finds_nothing_and_breaks_nothing(database, patient, text) -> None:
    actor = s.sign_in(database, "desk.user", TEST_PASSWORD)
    assert s.search_patients(database, text, actor=actor) == []
    assert [p.id for p in s.search_patients(database, "garc", actor=actor)] == [patient.id]


def test_repeated_failures_lock_the_account(database, monkeypatch) -> None:
    for _ in range(auth.MAX_FAILED_SIGN_INS):
        with pytest.raises(PermissionDenied, match="wrong"):
            s.sign_in(database, "clin.user", "guess")
    with pytest.raises(PermissionDenied) as locked:
        s.sign_in(database, "clin.user", TEST_PASSWORD)  # even the right password
    assert str(locked.value) == auth.WRONG  # the same words as any refusal (they name the lock)
    assert "15 minutes" in str(locked.value)
    assert _entries(database)[-1].detail == "locked"
    s.sign_in(database, "desk.user", TEST_PASSWORD)  # others are not affected
    # Time passes: the lock ends and the right password works again.
    with database.session.begin() as session:
        session.execute(
            update(User)
            .where(User.username == "clin.user")
            .values(locked_until=utc_now() - timedelta(seconds=1))
        )
    assert s.sign_in(database, "clin.user", TEST_PASSWORD).username == "clin.user"


def test_a_success_resets_the_failure_count(database) -> None:
    for _ in range(auth.MAX_FAILED_SIGN_INS - 1):
        with pytest.raises(PermissionDenied):
            s.sign_in(database, "clin.user", "guess")
    s.sign_in(database, "clin.user", TEST_PASSWORD)
    for _ in range(auth.MAX_FAILED_SIGN_INS - 1):
        with pytest.raises(PermissionDenied):
            s.sign_in(database, "clin.user", "guess")
    s.sign_in(database, "clin.user", TEST_PASSWORD)


def test_first_admin_only_on_an_empty_user_table(database) -> None:
    assert s.has_users(database)
    with pytest.raises(PermissionDenied):
        s.create_first_admin(database, "intruder", TEST_PASSWORD)


def test_adding_users_checks_names_passwords_and_roles(database) -> None:
    admin = s.sign_in(database, "admin.user", TEST_PASSWORD)
    for name in ("", "a b", "x" * 101, "' OR 1=1 --", "ünï"):
        with pytest.raises(InputError) as err:
            s.add_user(database, admin, name, TEST_PASSWORD, ["front_desk"])
        assert err.value.field == "username"
    for password in ("", "short", "x" * 2000):
        with pytest.raises(InputError) as err:
            s.add_user(database, admin, "new.one", password, ["front_desk"])
        assert err.value.field == "password"
    with pytest.raises(InputError):
        s.add_user(database, admin, "new.one", TEST_PASSWORD, ["superuser"])
    with pytest.raises(ConflictError):
        s.add_user(database, admin, "desk.user", TEST_PASSWORD, ["front_desk"])
    user = s.add_user(database, admin, "new.one", TEST_PASSWORD, ["front_desk", "clinician"])
    assert user.roles == {"front_desk", "clinician"}
    assert s.sign_in(database, "new.one", TEST_PASSWORD).roles == {"front_desk", "clinician"}


def test_changing_roles_and_passwords(database) -> None:
    admin = s.sign_in(database, "admin.user", TEST_PASSWORD)
    s.set_roles(database, admin, "desk.user", ["front_desk", "clinician"])
    desk = s.sign_in(database, "desk.user", TEST_PASSWORD)
    assert desk.roles == {"front_desk", "clinician"}
    with pytest.raises(InputError):  # an admin keeps their own admin role
        s.set_roles(database, admin, "admin.user", ["clinician"])
    with pytest.raises(PermissionDenied):  # one's own password needs the current one
        s.change_password(database, desk, "desk.user", "An0ther-pass", old_password="wrong")
    s.change_password(database, desk, "desk.user", "An0ther-pass", old_password=TEST_PASSWORD)
    with pytest.raises(PermissionDenied):
        s.sign_in(database, "desk.user", TEST_PASSWORD)
    assert s.sign_in(database, "desk.user", "An0ther-pass").username == "desk.user"
    with pytest.raises(PermissionDenied):  # someone else's: admins only
        s.change_password(database, desk, "clin.user", "An0ther-pass")
    actions = [e.action for e in _entries(database) if e.action.startswith("user.")]
    assert actions[-4:] == [
        "user.set_roles",
        "user.change_password",
        "user.change_password",
        "user.set_password",
    ]


def test_sign_out_lock_and_unlock_are_audited(database) -> None:
    actor = s.sign_in(database, "desk.user", TEST_PASSWORD)
    s.lock_session(database, actor)
    with pytest.raises(PermissionDenied):
        s.unlock_session(database, actor, "wrong")
    again = s.unlock_session(database, actor, TEST_PASSWORD)
    s.sign_out(database, again)
    assert [e.action for e in _entries(database)][-5:] == [
        "session.sign_in",
        "session.lock",
        "session.sign_in_failed",
        "session.sign_in",
        "session.sign_out",
    ]


def test_unknown_users_cost_a_password_check(database, monkeypatch) -> None:
    """No shortcut for names that do not exist (timing would tell which names do)."""
    checked: list[str] = []
    real = auth._verify
    monkeypatch.setattr(auth, "_verify", lambda h, p: checked.append(h) or real(h, p))
    with pytest.raises(PermissionDenied):
        s.sign_in(database, "nobody.here", "whatever")
    with pytest.raises(PermissionDenied):
        s.sign_in(database, "x" * 10_000, "whatever")
    assert len(checked) == 2 and all(h.startswith("$argon2id$") for h in checked)


def test_actors_made_up_outside_a_sign_in_still_obey_the_table(database, patient) -> None:
    with pytest.raises(PermissionDenied):
        s.get_patient(database, patient.id, actor=as_user("made.up", ()))
