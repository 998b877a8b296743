"""A refused sign-in gives nothing away: an unknown name, a wrong password, an empty password and
a locked account get the same answer in about the same time (within 25 %), and the lockout still
applies and is audited under its real reason.

The timing test uses the hasher the app ships (argon2-cffi's defaults, not the tests' fast one):
one argon2 check then dominates, as at a clinic. It compares the medians of interleaved rounds, so
a busy machine slows every case alike, and it measures again a few times before it fails.
"""

from __future__ import annotations

import statistics
import time
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, update

from intake_desktop import services as s
from intake_desktop.services import PermissionDenied, auth
from intake_desktop.storage.models import AuditEntry, User, utc_now
from tests.actors import TEST_PASSWORD

PASSWORD = "Plenty-long-and-rare-7"
#: The four failures: who signs in, with what.
FAILURES = {
    "unknown user": ("nobody.here", PASSWORD),
    "wrong password": ("wrong.pw", "Not-the-password-9"),
    "empty password": ("empty.pw", ""),
    "locked account": ("locked.pw", PASSWORD),
}
ATTEMPTS = 4
ROUNDS = 7


def _make_users(db) -> None:
    admin = s.sign_in(db, "admin.user", TEST_PASSWORD)
    for name in ("wrong.pw", "empty.pw", "locked.pw"):
        s.add_user(db, admin, name, PASSWORD, ["front_desk"])
    _reset(db)


def _reset(db) -> None:
    """No failures counted yet; locked.pw locked for a while."""
    with db.session.begin() as session:
        session.execute(update(User).values(failed_attempts=0, locked_until=None))
        session.execute(
            update(User)
            .where(User.username == "locked.pw")
            .values(locked_until=utc_now() + timedelta(minutes=10))
        )


def _refusal(db, username: str, password: str) -> str:
    with pytest.raises(PermissionDenied) as refused:
        s.sign_in(db, username, password)
    return str(refused.value)


def _last_detail(db) -> str | None:
    with db.session() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
        return entry.detail if entry.action == "session.sign_in_failed" else "not a failure"


@pytest.fixture
def users(database):
    _make_users(database)
    return database


def test_the_four_failures_say_the_same(users) -> None:
    messages = {why: _refusal(users, *who) for why, who in FAILURES.items()}
    assert set(messages.values()) == {auth.WRONG}, messages
    assert "locked" in auth.WRONG  # a locked user still learns what to do, as everyone does


def test_the_reason_is_audited_and_the_lockout_still_applies(users) -> None:
    details = {}
    for why, who in FAILURES.items():
        _refusal(users, *who)
        details[why] = _last_detail(users)
    assert details == {
        "unknown user": "unknown",
        "wrong password": "wrong password",
        "empty password": "empty password",
        "locked account": "locked",
    }
    _reset(users)
    for _ in range(auth.MAX_FAILED_SIGN_INS):
        _refusal(users, "wrong.pw", "guess-again-1")
    assert _last_detail(users) == "wrong password; account locked"
    assert _refusal(users, "wrong.pw", PASSWORD) == auth.WRONG  # locked: even the right one
    assert _last_detail(users) == "locked"


def test_each_failure_costs_exactly_one_argon2_check(users, monkeypatch) -> None:
    """The cause of the 2 ms answer to an empty password: it skipped the hash check."""
    checked: list[str] = []
    real = auth._verify
    monkeypatch.setattr(auth, "_verify", lambda h, p: checked.append(h) or real(h, p))
    for why, who in FAILURES.items():
        checked.clear()
        _refusal(users, *who)
        assert len(checked) == 1 and checked[0].startswith("$argon2id$"), why
    checked.clear()
    _refusal(users, "empty.pw", "x" * (auth.MAX_PASSWORD + 1))  # too long: still one check
    assert len(checked) == 1


def _median_seconds(db, rounds: int = ROUNDS) -> dict[str, float]:
    times: dict[str, list[float]] = {why: [] for why in FAILURES}
    order = list(FAILURES)
    for round_ in range(rounds):
        _reset(db)
        turn = order[round_ % len(order) :] + order[: round_ % len(order)]
        for why in turn:
            username, password = FAILURES[why]
            started = time.perf_counter()
            with pytest.raises(PermissionDenied):
                s.sign_in(db, username, password)
            times[why].append(time.perf_counter() - started)
    return {why: statistics.median(values) for why, values in times.items()}


@pytest.mark.slow
@pytest.mark.parametrize("dialect", ["sqlite"], indirect=True)
def test_the_four_failures_take_about_the_same_time(database, monkeypatch) -> None:
    monkeypatch.setattr(auth, "PASSWORD_HASHER", PasswordHasher())  # the shipped cost
    _make_users(database)
    _median_seconds(database, 1)  # warm up: the dummy hash, the connection, the statements
    tries = []
    for _ in range(ATTEMPTS):
        medians = _median_seconds(database)
        spread = max(medians.values()) / min(medians.values())
        tries.append((round(spread, 3), {k: round(v * 1000, 1) for k, v in medians.items()}))
        if spread <= 1.25:
            break
    print(f"median ms per failure, each try: {tries}")  # shown with -s or -rP
    assert tries[-1][0] <= 1.25, f"median ms per failure, each try: {tries}"
