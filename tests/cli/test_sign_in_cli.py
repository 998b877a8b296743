"""The command line's side of sign-in: the four refusals read alike on standard error, and
``users add`` refuses a weak password, naming the field and the reason."""

from __future__ import annotations

import io
import re
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from intake_desktop.cli import main
from intake_desktop.services import auth
from intake_desktop.services.password_rules import REASONS
from intake_desktop.storage import refusal_file
from intake_desktop.storage.models import utc_now
from tests.actors import TEST_PASSWORD, connect_file
from tests.conftest import with_users


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "records.sqlite3"
    with_users(f"sqlite:///{path}")
    locked = (utc_now() + timedelta(minutes=10)).isoformat(" ")
    with connect_file(path) as con:
        con.execute("UPDATE users SET locked_until = ? WHERE username = 'clin.user'", (locked,))
    return path


def run(capsys, db_path: Path, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(["--db", f"sqlite:///{db_path}", *argv])
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return code, out, err


def test_the_four_refusals_read_alike_on_standard_error(capsys, db_path, monkeypatch) -> None:
    answers = {}
    for why, user, password in (
        ("unknown user", "nobody.here", TEST_PASSWORD),
        ("wrong password", "desk.user", "Not-the-password-9"),
        ("empty password", "desk.user", ""),
        ("locked account", "clin.user", TEST_PASSWORD),
    ):
        monkeypatch.setenv("INTAKE_DESKTOP_PASSWORD", password)
        answers[why] = run(capsys, db_path, "--user", user, "audit")
    assert set(answers.values()) == {(3, "", f"intake-desktop: {auth.WRONG}\n")}, answers
    rows = connect_file(db_path).execute(
        "SELECT username, detail FROM audit_entries WHERE action = 'session.sign_in_failed' "
        "ORDER BY seq"
    )
    # Each command opens the encrypted file afresh: the first three leave it closed and are
    # noted beside it; the locked account's right password opens it (only to be refused), and
    # the noted refusals are replayed into the trail first, each with the time it happened.
    trail = [
        (who, re.sub(r" at [0-9: -]+ UTC; note [0-9a-f]{12}", " at …", why)) for who, why in rows
    ]
    closed = "(while the database was closed, at …)"
    assert trail == [
        (auth.UNKNOWN_USER, f"unknown {closed}"),
        ("desk.user", f"wrong password {closed}"),
        ("desk.user", f"empty password {closed}"),
        ("clin.user", "locked"),
    ]
    assert not refusal_file.read(refusal_file.side_file_for(db_path))


@pytest.mark.parametrize(
    ("password", "reason"),
    [("Password1", "common"), ("mmmmmmmmmm", "repeated"), ("          ", "blank")],
)
def test_users_add_refuses_a_weak_password(capsys, db_path, password, reason) -> None:
    code, out, err = run(
        capsys, db_path, "users", "add", "newbie", "--role", "clinician", "--user", "admin.user",
        stdin=f"{password}\n",
    )  # fmt: skip
    assert (code, out) == (2, "")
    assert err == f"intake-desktop: password: {REASONS[reason]}\n"
    count = connect_file(db_path).execute("SELECT count(*) FROM users WHERE username = 'newbie'")
    assert count.fetchone()[0] == 0


def test_the_first_administrator_gets_the_same_rules(capsys, tmp_path) -> None:
    path = tmp_path / "new.sqlite3"
    code, _, err = run(capsys, path, "users", "add", "boss", "--role", "admin", stdin="letmein1\n")
    assert code == 2 and err == f"intake-desktop: password: {REASONS['common']}\n"
    code, out, err = run(
        capsys, path, "users", "add", "boss", "--role", "admin", stdin="Rare-0ne!\n"
    )
    assert code == 0 and "boss" in out, err
