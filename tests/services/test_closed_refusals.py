"""Sign-ins refused while the encrypted file is still closed: the lockout holds, and the next
unlock writes them into the audit trail and the counters.

Every attempt opens the real encrypted SQLite file afresh, as each command-line run and each
start of the app does, so the file is closed when the password is typed.
"""

from __future__ import annotations

import os
import re
import stat
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from intake_desktop import services as s
from intake_desktop.services import PermissionDenied, auth
from intake_desktop.storage import keyring, refusal_file
from intake_desktop.storage.database import open_database
from intake_desktop.storage.models import AuditEntry, User, utc_now
from intake_desktop.storage.refusal_file import Refusal
from tests.actors import TEST_PASSWORD

pytestmark = pytest.mark.parametrize("dialect", ["sqlite"], indirect=True)
WRONG_PASSWORD = "Not-the-password-9"


def _path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def _closed_sign_in(url: str, username: str, password: str) -> str:
    """Open the file afresh and sign in: "ok", or "refused" with the file still closed."""
    with open_database(url) as db:
        assert db.locked
        try:
            s.sign_in(db, username, password)
        except PermissionDenied as exc:
            assert str(exc) == auth.WRONG
            assert db.locked, "a refused sign-in must leave the file closed"
            return "refused"
        return "ok"


def _failures(url: str) -> list[tuple[str, str]]:
    with open_database(url) as db:
        s.sign_in(db, "admin.user", TEST_PASSWORD)
        with db.session() as session:
            rows = session.execute(
                select(AuditEntry.username, AuditEntry.detail)
                .where(AuditEntry.action == "session.sign_in_failed")
                .order_by(AuditEntry.seq)
            )
            return [(who, detail or "") for who, detail in rows]


def _user(url: str, name: str) -> User:
    with open_database(url) as db:
        s.sign_in(db, "admin.user", TEST_PASSWORD)
        with db.session() as session:
            user = session.scalars(select(User).where(User.username == name)).one()
            session.expunge(user)
            return user


def test_the_lockout_holds_before_the_file_is_opened(database_url) -> None:
    for _ in range(auth.MAX_FAILED_SIGN_INS):
        assert _closed_sign_in(database_url, "desk.user", WRONG_PASSWORD) == "refused"
    # The right password now: refused, and the file stays closed (it is not even opened).
    assert _closed_sign_in(database_url, "desk.user", TEST_PASSWORD) == "refused"
    noted = refusal_file.read(refusal_file.side_file_for(_path(database_url)))
    assert [r.reason for r in noted] == ["wrong password"] * 5 + ["locked"]
    assert {r.username for r in noted} == {"desk.user"}
    # Someone else signs in: the six refusals go into the trail and the counters.
    failures = _failures(database_url)
    assert [who for who, _ in failures] == ["desk.user"] * 6
    reasons = [why.split(" (while the database was closed, at ")[0] for _, why in failures]
    assert reasons == ["wrong password"] * 4 + ["wrong password; account locked", "locked"]
    assert all(re.search(r" UTC; note [0-9a-f]{12}\)$", why) for _, why in failures)
    desk = _user(database_url, "desk.user")
    assert desk.locked_until is not None
    expected = noted[4].at + auth.LOCKOUT
    assert abs(desk.locked_until.replace(tzinfo=expected.tzinfo) - expected) < timedelta(seconds=1)
    # The side file is empty now, and the lock stays, the open database's own one: the right
    # password opens the file, to be refused there (same answer, same argon2 work).
    assert refusal_file.read(refusal_file.side_file_for(_path(database_url))) == []
    with open_database(database_url) as db, pytest.raises(PermissionDenied, match="refused"):
        s.sign_in(db, "desk.user", TEST_PASSWORD)
    assert _failures(database_url)[-1] == ("desk.user", "locked")


def test_other_users_and_an_expired_lock_sign_in(database_url) -> None:
    side = refusal_file.side_file_for(_path(database_url))
    long_ago = utc_now() - auth.LOCKOUT - timedelta(minutes=1)
    for _ in range(auth.MAX_FAILED_SIGN_INS):
        refusal_file.append(side, Refusal(long_ago, "desk.user", "wrong password", "elsewhere"))
    assert _closed_sign_in(database_url, "desk.user", TEST_PASSWORD) == "ok"
    # Replayed with their own (old) times: the lock they made is over already.
    assert len(_failures(database_url)) == 5
    assert _user(database_url, "desk.user").failed_attempts == 0
    for _ in range(auth.MAX_FAILED_SIGN_INS):
        _closed_sign_in(database_url, "desk.user", WRONG_PASSWORD)
    assert _closed_sign_in(database_url, "clin.user", TEST_PASSWORD) == "ok"


def test_an_unknown_name_is_noted_as_nobody_s(database_url) -> None:
    """As the open database's trail does: people type their password in the name field."""
    assert _closed_sign_in(database_url, "desk.usr", TEST_PASSWORD) == "refused"
    assert _closed_sign_in(database_url, TEST_PASSWORD, TEST_PASSWORD) == "refused"
    side = refusal_file.side_file_for(_path(database_url))
    assert TEST_PASSWORD.encode() not in side.read_bytes()
    assert b"desk.usr" not in side.read_bytes()
    noted = refusal_file.read(side)
    assert [(r.username, r.reason) for r in noted] == [(auth.UNKNOWN_USER, "unknown")] * 2
    stamps = [(r.at.strftime("%Y-%m-%d %H:%M:%S UTC"), r.ref) for r in noted]
    assert _failures(database_url) == [
        (auth.UNKNOWN_USER, f"unknown (while the database was closed, at {when}; note {ref})")
        for when, ref in stamps
    ]


def test_every_closed_refusal_costs_the_same_argon2_work(database_url, monkeypatch) -> None:
    """One unwrap and one password check each: what a locked account's right password costs
    once the file is open (unwrap, then the check that finds the lock)."""
    side = refusal_file.side_file_for(_path(database_url))
    for _ in range(auth.MAX_FAILED_SIGN_INS):
        refusal_file.append(side, Refusal(utc_now(), "clin.user", "wrong password", "here"))
    calls: list[str] = []
    derive, verify = keyring.derive_wrapping_key, auth._verify
    monkeypatch.setattr(
        keyring, "derive_wrapping_key", lambda *a: calls.append("unwrap") or derive(*a)
    )
    monkeypatch.setattr(auth, "_verify", lambda h, p: calls.append("check") or verify(h, p))
    for username, password in (
        ("nobody.here", TEST_PASSWORD),
        ("desk.user", WRONG_PASSWORD),
        ("desk.user", ""),
        ("clin.user", TEST_PASSWORD),  # locked by the side file: the right password, refused
    ):
        calls.clear()
        assert _closed_sign_in(database_url, username, password) == "refused"
        assert sorted(calls) == ["check", "unwrap"], username


def test_the_side_file_is_private_and_bounded(database_url) -> None:
    side = refusal_file.side_file_for(_path(database_url))
    old = os.umask(0o022)
    try:
        _closed_sign_in(database_url, "desk.user", WRONG_PASSWORD)
    finally:
        os.umask(old)
    assert stat.S_IMODE(side.stat().st_mode) == 0o600
    now = utc_now()
    for i in range(3000):
        name = ("desk.user", "clin.user", auth.UNKNOWN_USER)[i % 3]
        refusal_file.append(side, Refusal(now, name, "wrong password", "station-" + "x" * 40))
        assert side.stat().st_size <= refusal_file.MAX_BYTES + 512
    assert stat.S_IMODE(side.stat().st_mode) == 0o600
    # Folded, not forgotten: the lockout still holds, and the trail counts every refusal.
    assert _closed_sign_in(database_url, "clin.user", TEST_PASSWORD) == "refused"
    failures = _failures(database_url)
    summaries = [why for _, why in failures if "kept as one line" in why]
    assert summaries
    total = sum(int(why.split()[0]) for why in summaries)
    assert total + len(failures) - len(summaries) == 3000 + 2


@pytest.mark.parametrize("content", ["garbage", "huge", "fifo", "link"])
def test_a_damaged_side_file_never_stops_a_sign_in(database_url, tmp_path, content) -> None:
    side = refusal_file.side_file_for(_path(database_url))
    if content == "garbage":
        side.write_bytes(b'{"at": "yesterday"}\n\x00\xff not json\n{"user": 3}\n')
    elif content == "huge":
        with side.open("wb") as fh:
            fh.truncate(50 * 1024 * 1024)  # 50 MB of zeros: read from its end only
    elif content == "fifo":
        os.mkfifo(side)
    else:
        (tmp_path / "elsewhere").write_text("not ours")
        side.symlink_to(tmp_path / "elsewhere")
    outcome: list[str] = []
    worker = threading.Thread(
        target=lambda: outcome.extend(
            [
                _closed_sign_in(database_url, "desk.user", WRONG_PASSWORD),
                _closed_sign_in(database_url, "desk.user", TEST_PASSWORD),
            ]
        ),
        daemon=True,
    )
    worker.start()
    worker.join(60)
    assert outcome == ["refused", "ok"], "a sign-in hung or was refused"
    if content == "link":
        assert (tmp_path / "elsewhere").read_text() == "not ours"


@pytest.mark.slow
def test_the_four_closed_refusals_take_about_the_same_time(dialect, tmp_path, monkeypatch) -> None:
    """With the shipped argon2id costs (wraps and password hashes), on a file opened afresh
    each time: unknown name, wrong password, empty password, locked name (right password)."""
    import statistics
    import time

    from argon2 import PasswordHasher

    monkeypatch.setattr(keyring, "WRAP_COST", keyring.WrapCost())
    monkeypatch.setattr(auth, "PASSWORD_HASHER", PasswordHasher())
    url = f"sqlite:///{tmp_path / 'records.sqlite3'}"
    with open_database(url) as db:
        admin = s.create_first_admin(db, "boss", TEST_PASSWORD)
        for name in ("wrong.pw", "locked.pw"):
            s.add_user(db, admin, name, TEST_PASSWORD, ["front_desk"])
    side = refusal_file.side_file_for(_path(url))
    cases = {
        "unknown user": ("nobody.here", TEST_PASSWORD),
        "wrong password": ("wrong.pw", WRONG_PASSWORD),
        "empty password": ("wrong.pw", ""),
        "locked account": ("locked.pw", TEST_PASSWORD),
    }

    def medians(rounds: int) -> dict[str, float]:
        times: dict[str, list[float]] = {why: [] for why in cases}
        order = list(cases)
        for round_ in range(rounds):
            side.unlink(missing_ok=True)  # wrong.pw never locks; locked.pw always is
            for _ in range(auth.MAX_FAILED_SIGN_INS):
                refusal_file.append(side, Refusal(utc_now(), "locked.pw", "wrong password", "x"))
            for why in order[round_ % 4 :] + order[: round_ % 4]:
                started = time.perf_counter()
                assert _closed_sign_in(url, *cases[why]) == "refused"
                times[why].append(time.perf_counter() - started)
        return {why: statistics.median(values) for why, values in times.items()}

    medians(1)  # warm up
    tries = []
    for _ in range(4):
        found = medians(5)
        spread = max(found.values()) / min(found.values())
        tries.append((round(spread, 3), {k: round(v * 1000, 1) for k, v in found.items()}))
        if spread <= 1.25:
            break
    print(f"median ms per closed refusal, each try: {tries}")
    assert tries[-1][0] <= 1.25, tries


def test_a_damaged_trail_keeps_the_refusals_and_lets_the_administrator_in(database_url) -> None:
    from tests.services.test_audit_damaged import forge_next_entry

    with open_database(database_url) as db:
        s.sign_in(db, "admin.user", TEST_PASSWORD)
        forge_next_entry(db)
    assert _closed_sign_in(database_url, "desk.user", WRONG_PASSWORD) == "refused"
    # The replay cannot be recorded: the refusal waits beside the file, the admin gets in.
    assert _closed_sign_in(database_url, "admin.user", TEST_PASSWORD) == "ok"
    side = refusal_file.side_file_for(_path(database_url))
    assert [(r.username, r.reason) for r in refusal_file.read(side)] == [
        ("desk.user", "wrong password")
    ]


def test_refusals_noted_by_another_process_reach_an_open_database(database_url) -> None:
    """The app has the file open all day; a command line run meanwhile is refused (closed)."""
    with open_database(database_url) as app:
        s.sign_in(app, "admin.user", TEST_PASSWORD)
        assert _closed_sign_in(database_url, "desk.user", WRONG_PASSWORD) == "refused"
        s.sign_in(app, "clin.user", TEST_PASSWORD)  # the next sign-in in the app
        with app.session() as session:
            details = session.scalars(
                select(AuditEntry.detail).where(AuditEntry.action == "session.sign_in_failed")
            ).all()
            failed = session.scalar(
                select(User.failed_attempts).where(User.username == "desk.user")
            )
    assert [d.split(" (")[0] for d in details if d] == ["wrong password"]
    assert failed == 1
    assert refusal_file.read(refusal_file.side_file_for(_path(database_url))) == []


def test_a_replay_cut_short_is_not_recorded_twice(database_url) -> None:
    """Killed between the replay's commit and the side file's emptying, the next unlock finds
    the same lines again: each refusal's entry names its line, so none is recorded twice and
    the counters are raised once (they were both doubled)."""
    from intake_desktop.services import refusals

    side = refusal_file.side_file_for(_path(database_url))
    for _ in range(2):
        refusal_file.append(side, Refusal(utc_now(), "desk.user", "wrong password", "there"))
    noted = refusal_file.read(side)
    with open_database(database_url) as db:
        s.sign_in(db, "admin.user", TEST_PASSWORD)  # replays and empties the file ...
    for refusal in noted:  # ... which a crash would have left as it was
        refusal_file.append(side, refusal)
    assert len(_failures(database_url)) == 2
    assert refusal_file.read(side) == []
    assert _user(database_url, "desk.user").failed_attempts == 2
    # A refusal noted after the cut-short replay still counts.
    refusal_file.append(side, Refusal(utc_now(), "desk.user", "wrong password", "there"))
    assert len(_failures(database_url)) == 3
    assert _user(database_url, "desk.user").failed_attempts == 3
    assert refusals.CLOSED_NOTE in _failures(database_url)[-1][1]


def test_a_right_password_ends_the_row_while_the_trail_cannot_take_the_refusals(
    database_url,
) -> None:
    """A damaged trail keeps the refusals beside the file; the administrator's right password
    still breaks the row there, as it resets the open database's counters. Before, four typos,
    a successful sign-in, then one more typo locked the administrator out for 15 minutes in
    the middle of mending the trail."""
    from tests.services.test_audit_damaged import forge_next_entry

    with open_database(database_url) as db:
        s.sign_in(db, "admin.user", TEST_PASSWORD)
        forge_next_entry(db)
    for _ in range(MAX := 4):
        assert _closed_sign_in(database_url, "admin.user", WRONG_PASSWORD) == "refused"
    assert _closed_sign_in(database_url, "admin.user", TEST_PASSWORD) == "ok"
    assert _closed_sign_in(database_url, "admin.user", WRONG_PASSWORD) == "refused"
    assert _closed_sign_in(database_url, "admin.user", TEST_PASSWORD) == "ok"  # not locked
    side = refusal_file.side_file_for(_path(database_url))
    reasons = [r.reason for r in refusal_file.read(side)]
    assert reasons == ["wrong password"] * MAX + [
        "right password", "wrong password", "right password"
    ]  # fmt: skip


def test_a_right_password_noted_beside_the_file_is_replayed_as_the_end_of_a_row(
    database_url,
) -> None:
    side = refusal_file.side_file_for(_path(database_url))
    for reason in ["wrong password"] * 3 + ["right password", "wrong password"]:
        refusal_file.append(side, Refusal(utc_now(), "desk.user", reason, "there"))
    assert len(_failures(database_url)) == 4  # no entry for the right password
    assert refusal_file.read(side) == []
    assert _user(database_url, "desk.user").failed_attempts == 1
