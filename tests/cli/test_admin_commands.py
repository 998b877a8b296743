"""``demo``, ``db upgrade`` and ``users add`` are an administrator's, and refusals are audited."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from intake_desktop.cli import main
from tests.actors import connect_file
from tests.conftest import with_users

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "03_interventional.json"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "records.sqlite3"
    with_users(f"sqlite:///{path}")
    return path


def run(capsys, db_path: Path, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(["--db", f"sqlite:///{db_path}", *argv])
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return code, out, err


def audit(db_path: Path, action: str) -> list[tuple[str, str]]:
    rows = connect_file(db_path).execute(
        "SELECT username, outcome FROM audit_entries WHERE action = ? ORDER BY seq", (action,)
    )
    return rows.fetchall()


def count(db_path: Path, table: str) -> int:
    return connect_file(db_path).execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_demo_needs_a_signed_in_administrator(capsys, db_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("INTAKE_DESKTOP_USER")
    code, _, err = run(capsys, db_path, "demo", "--patients", "3")
    assert code == 3 and "--user" in err
    code, _, err = run(capsys, db_path, "demo", "--patients", "3", "--user", "desk.user")
    assert code == 3 and "demo.build" in err
    assert audit(db_path, "demo.build") == [("desk.user", "refused")]
    assert count(db_path, "patients") == 0
    code, out, err = run(capsys, db_path, "demo", "--patients", "3", "--user", "admin.user")
    assert code == 0, err
    assert "Added 3 patients" in out
    assert ("admin.user", "allowed") in audit(db_path, "demo.build")


def test_demo_refuses_a_database_with_real_patients(capsys, db_path: Path) -> None:
    assert run(capsys, db_path, "import", str(EXAMPLE))[0] == 0
    code, out, err = run(capsys, db_path, "demo", "--patients", "3", "--user", "admin.user")
    assert (code, out) == (2, "")
    assert "holds 1 patients who are not demo patients" in err
    assert count(db_path, "patients") == 1


def test_db_upgrade_of_a_clinic_database_needs_an_administrator(
    capsys, db_path: Path, monkeypatch
) -> None:
    monkeypatch.delenv("INTAKE_DESKTOP_USER")
    code, _, err = run(capsys, db_path, "db", "upgrade")
    assert code == 3 and "--user" in err
    code, _, err = run(capsys, db_path, "db", "upgrade", "--user", "desk.user")
    assert code == 3 and "database.upgrade" in err
    assert audit(db_path, "database.upgrade") == [("desk.user", "refused")]
    code, out, err = run(capsys, db_path, "db", "upgrade", "--user", "admin.user")
    assert code == 0, err
    assert "up to date" in out
    assert audit(db_path, "database.upgrade")[-1] == ("admin.user", "allowed")


def test_users_add_by_a_non_administrator_is_refused_before_the_password_is_checked(
    capsys, db_path: Path
) -> None:
    code, _, err = run(
        capsys, db_path, "users", "add", "newbie", "--role", "clinician", "--user", "desk.user",
        stdin="x\n",
    )  # fmt: skip
    assert code == 3, err
    assert "user.add" in err and "password" not in err
    assert audit(db_path, "user.add")[-1] == ("desk.user", "refused")
    code, _, err = run(
        capsys, db_path, "users", "add", "newbie", "--role", "clinician", "--user", "admin.user",
        stdin="x\n",
    )  # fmt: skip
    assert code == 2 and "password" in err  # an administrator learns what the rule is
