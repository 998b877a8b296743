"""The command line of an encrypted clinic: the recovery key at the first ``users add``, a
password reset with it, ``db upgrade`` encrypting a plain file, and a backup that stays closed."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

from intake_desktop.cli import main
from intake_desktop.storage import cipher, keyring
from intake_desktop.storage.database import open_database
from tests.actors import seed_users

RECOVERY = re.compile(r"\b[0-9A-Z]{5}(?:-[0-9A-Z]{5}){4}\b")


def run(capsys, db: Path, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(["--db", f"sqlite:///{db}", *argv])
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return code, out, err


def test_first_users_add_shows_the_recovery_key_that_resets_a_lost_password(
    capsys, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.delenv("INTAKE_DESKTOP_USER")
    monkeypatch.delenv("INTAKE_DESKTOP_PASSWORD")
    db = tmp_path / "records.sqlite3"
    code, out, err = run(
        capsys, db, "users", "add", "boss", "--role", "admin", stdin="First-pass-1\n"
    )
    assert code == 0, err
    assert "RECOVERY KEY" in out and "safe" in out
    recovery = RECOVERY.search(out).group()
    assert cipher.file_kind(db) is cipher.FileKind.ENCRYPTED
    # The password is lost; a wrong recovery key changes nothing (exit 3), the right one does.
    code, _, err = run(
        capsys, db, "users", "reset-password", "boss", "--recovery-key",
        stdin="ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ\nSecond-pass-2\n",
    )  # fmt: skip
    assert code == 3 and "recovery key is wrong" in err
    code, out, err = run(
        capsys, db, "users", "reset-password", "boss", "--recovery-key",
        stdin=f"{recovery}\nSecond-pass-2\n",
    )  # fmt: skip
    assert code == 0 and "new password" in out, err
    assert run(capsys, db, "--user", "boss", "audit", stdin="First-pass-1\n")[0] == 3
    code, out, _ = run(capsys, db, "--user", "boss", "audit", stdin="Second-pass-2\n")
    assert code == 0 and "(recovery key)" in out
    # A new recovery key replaces the old one.
    code, out, _ = run(
        capsys, db, "--user", "boss", "users", "recovery-key", stdin="Second-pass-2\n"
    )
    assert code == 0 and RECOVERY.search(out).group() != recovery


def test_db_upgrade_encrypts_a_plain_clinic_and_prints_its_recovery_key(
    capsys, tmp_path: Path
) -> None:
    db = tmp_path / "records.sqlite3"
    with open_database(f"sqlite:///{db}", encrypt=False) as plain:
        seed_users(plain)
    assert cipher.file_kind(db) is cipher.FileKind.PLAIN
    code, out, err = run(capsys, db, "db", "upgrade", "--user", "admin.user")
    assert code == 0, err
    assert "now encrypted" in out and RECOVERY.search(out)
    assert cipher.file_kind(db) is cipher.FileKind.ENCRYPTED
    # No plain copy is left; beside the database: its key file and the audit trail's seal file.
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "records.sqlite3",
        "records.sqlite3.audit-seal",
        "records.sqlite3.keys",
    ]
    # Every seeded user still signs in with the password of before (the tests' environment).
    code, _, err = run(capsys, db, "audit", "--user", "desk.user")
    assert code == 3 and "audit.view" in err  # signed in, then refused by role: the file opened
    backup = tmp_path / "copy.sqlite3"
    assert run(capsys, db, "backup", str(backup), "--user", "admin.user")[0] == 0
    assert cipher.file_kind(backup) is cipher.FileKind.ENCRYPTED
    assert keyring.key_file_for(backup).exists()
    assert run(capsys, db, "restore", str(backup), "--user", "admin.user")[0] == 0


@pytest.mark.parametrize("password", ["wrong-password-9", ""])
def test_a_wrong_or_empty_password_leaves_the_file_closed(
    capsys, tmp_path: Path, monkeypatch, password: str
) -> None:
    db = tmp_path / "records.sqlite3"
    with open_database(f"sqlite:///{db}") as new:
        seed_users(new)
    assert run(capsys, db, "audit", "--user", "admin.user")[0] == 0  # TEST_PASSWORD opens it
    monkeypatch.setenv("INTAKE_DESKTOP_PASSWORD", password)
    code, out, err = run(capsys, db, "audit", "--user", "admin.user")
    assert code == 3 and "user name or the password is wrong" in err and out == ""
