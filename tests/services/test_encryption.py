"""The embedded database encrypted at rest: what the file shows, what opens it, and its copies.

Real SQLCipher files on disk, real key files, the services as the app and the command line call
them. The argon2id cost of the wraps is the tests' (see tests/actors.py), the rest as shipped.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from intake_desktop import services as s
from intake_desktop.services import dbkey
from intake_desktop.services.errors import PermissionDenied
from intake_desktop.services.records import PatientDetails
from intake_desktop.storage import cipher, keyring
from intake_desktop.storage.database import open_database
from tests.actors import TEST_PASSWORD

NAMES = ("Zebulon Quackenbush", "Philippa Wrzesniewski", "Octavia Thistlewood")
ADMIN_PASSWORD = "Clinic-admin-pass-1"


def _new_clinic(path: Path) -> tuple[str, str]:
    """A new encrypted clinic with an administrator, a desk user and three patients; returns
    the URL and the recovery key shown at first start."""
    url = f"sqlite:///{path}"
    with s.open_database(url) as db:
        admin = s.create_first_admin(db, "boss", ADMIN_PASSWORD)
        recovery = s.issue_recovery_key(db, admin)
        s.add_user(db, admin, "desk", TEST_PASSWORD, ["front_desk"])
        desk = s.sign_in(db, "desk", TEST_PASSWORD)
        for i, name in enumerate(NAMES):
            details = PatientDetails(name=name, date_of_birth=date(1950, 1, 1 + i))
            s.register_patient(db, details, actor=desk)
    assert recovery is not None
    return url, recovery


def _holds_a_name(path: Path) -> list[str]:
    data = path.read_bytes()
    found = []
    for name in NAMES:
        for part in name.split():
            for encoded in (part.encode(), part.lower().encode(), part.encode("utf-16-le")):
                if encoded in data:
                    found.append(part)
    return found


def test_the_database_file_and_a_backup_hold_none_of_the_stored_names(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite3"
    url, _ = _new_clinic(path)
    with s.open_database(url) as db:
        admin = s.sign_in(db, "boss", ADMIN_PASSWORD)
        assert (
            len(s.search_patients(db, "quackenbush", actor=s.sign_in(db, "desk", TEST_PASSWORD)))
            == 1
        )
        backup = s.backup_database(db, tmp_path / "backups" / "copy.sqlite3", actor=admin)
        # While the database is open its WAL holds the newest pages: encrypted as well.
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            assert _holds_a_name(wal) == []
    files = [path, backup, keyring.key_file_for(path), keyring.key_file_for(backup)]
    assert all(f.exists() for f in files)
    assert {f: _holds_a_name(f) for f in files} == {f: [] for f in files}
    assert not path.read_bytes().startswith(cipher.PLAIN_HEADER)
    # The key file holds wraps only: no password, no hash, no key in the clear.
    text = keyring.key_file_for(path).read_text()
    assert ADMIN_PASSWORD not in text and "argon2id$" not in text and "unclaimed" not in text
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT count(*) FROM patients").fetchone()


def test_the_file_opens_with_a_password_or_the_recovery_key_and_not_without(
    tmp_path: Path,
) -> None:
    path = tmp_path / "records.sqlite3"
    url, recovery = _new_clinic(path)
    with s.open_database(url) as db:
        assert db.locked and s.has_users(db)
        # Nothing is read before a sign-in: a service call is refused, not answered.
        with pytest.raises((PermissionDenied, cipher.DatabaseLocked), match="encrypted"):
            s.search_patients(
                db, "quackenbush", actor=s.Actor(None, "x", frozenset({"front_desk"}))
            )
        for name, password in (
            ("boss", "wrong-password-1"),
            ("nobody", ADMIN_PASSWORD),
            ("boss", ""),
        ):
            with pytest.raises(PermissionDenied, match="user name or the password is wrong"):
                s.sign_in(db, name, password)
            assert db.locked
        desk = s.sign_in(db, "desk", TEST_PASSWORD)
        assert not db.locked
        assert [p.name for p in s.search_patients(db, "octavia", actor=desk)] == [NAMES[2]]
    # No key, a wrong key: SQLCipher reads nothing.
    assert not cipher.key_opens(path, keyring.new_database_key())
    # Every password lost: the recovery key gives the administrator a new one.
    with s.open_database(url) as db:
        with pytest.raises(PermissionDenied, match="recovery key is wrong"):
            s.reset_password_with_recovery_key(
                db, "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA", "boss", "Some-new-pass-7"
            )
        assert db.locked
        typed = recovery.lower().replace("-", " ")  # as someone types it back from paper
        s.reset_password_with_recovery_key(db, typed, "boss", "A-new-admin-pass-2")
        assert not db.locked
    with s.open_database(url) as db:
        with pytest.raises(PermissionDenied):
            s.sign_in(db, "boss", ADMIN_PASSWORD)
        admin = s.sign_in(db, "boss", "A-new-admin-pass-2")
        entries = s.audit_entries(db, admin)
        assert any(
            e.username == "(recovery key)" and e.action == "user.set_password" for e in entries
        )


def test_password_changes_rewrap_the_key(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite3"
    url, _ = _new_clinic(path)
    with s.open_database(url) as db:
        admin = s.sign_in(db, "boss", ADMIN_PASSWORD)
        s.change_password(db, admin, "desk", "Reset-by-admin-3")  # an administrator's reset
        s.add_user(db, admin, "dr.new", TEST_PASSWORD, ["clinician"])
        doctor = s.sign_in(db, "dr.new", TEST_PASSWORD)
        s.change_password(db, doctor, "dr.new", "Own-new-pass-4", old_password=TEST_PASSWORD)
    for name, old, new in (
        ("desk", TEST_PASSWORD, "Reset-by-admin-3"),
        ("dr.new", TEST_PASSWORD, "Own-new-pass-4"),
    ):
        with s.open_database(url) as db:
            with pytest.raises(PermissionDenied):
                s.sign_in(db, name, old)
            assert db.locked
            assert s.sign_in(db, name, new).username == name


def test_backup_and_restore_round_trip_with_the_password_or_the_recovery_key(
    tmp_path: Path,
) -> None:
    path = tmp_path / "records.sqlite3"
    url, recovery = _new_clinic(path)
    backup = tmp_path / "copy.sqlite3"
    with s.open_database(url) as db:
        admin = s.sign_in(db, "boss", ADMIN_PASSWORD)
        s.backup_database(db, backup, actor=admin)
        desk = s.sign_in(db, "desk", TEST_PASSWORD)
        s.register_patient(db, PatientDetails("After Thebackup", date(1960, 1, 1)), actor=desk)
        result = s.restore_database(db, backup, actor=admin, password=ADMIN_PASSWORD)
        assert s.search_patients(db, "thebackup", actor=desk) == []
        assert len(s.search_patients(db, "zebulon", actor=desk)) == 1
    assert _holds_a_name(result.safety_copy) == []

    # Another installation (a new computer): its own key; the old backup restores there with
    # the old recovery key, and the database takes the backup's key and key file.
    other = tmp_path / "new-computer" / "records.sqlite3"
    other.parent.mkdir()
    with s.open_database(f"sqlite:///{other}") as db:
        someone = s.create_first_admin(db, "newboss", "New-computer-pass-5")
        with pytest.raises(PermissionDenied, match="does not open this backup"):
            s.restore_database(db, backup, actor=someone, password="New-computer-pass-5")
        s.restore_database(db, backup, actor=someone, recovery_key=recovery)
        assert s.search_patients(db, "octavia", actor=s.sign_in(db, "desk", TEST_PASSWORD))
    with s.open_database(f"sqlite:///{other}") as db:
        assert db.locked
        s.sign_in(db, "boss", ADMIN_PASSWORD)  # the restored records' users, their passwords
        assert not db.locked


def test_a_plain_database_is_encrypted_on_upgrade_and_everyone_keeps_their_password(
    tmp_path: Path,
) -> None:
    path = tmp_path / "records.sqlite3"
    url = f"sqlite:///{path}"
    with open_database(url, encrypt=False) as db:
        assert not db.encrypted
        admin = s.create_first_admin(db, "boss", ADMIN_PASSWORD)
        s.add_user(db, admin, "desk", TEST_PASSWORD, ["front_desk"])
        for i, name in enumerate(NAMES):
            details = PatientDetails(name=name, date_of_birth=date(1950, 1, 1 + i))
            s.register_patient(
                db, details, actor=admin.__class__(admin.user_id, "boss", frozenset({"front_desk"}))
            )
    assert _holds_a_name(path)  # plain: the names are there to read
    result = s.upgrade_database(url, sign_in_as=lambda db: s.sign_in(db, "boss", ADMIN_PASSWORD))
    assert result.encrypted and result.recovery_key and result.users_without_key == ()
    assert _holds_a_name(path) == []
    # No plain copy is left; beside the database: its key file and the audit trail's seal file.
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "records.sqlite3",
        "records.sqlite3.audit-seal",
        "records.sqlite3.keys",
    ]
    keys = keyring.read_key_file(keyring.key_file_for(path))
    assert set(keys.users) == {"boss", "desk"} and all(w.from_hash for w in keys.users.values())
    with s.open_database(url) as db:
        assert db.locked
        desk = s.sign_in(db, "desk", TEST_PASSWORD)  # the password of before
        assert [p.name for p in s.search_patients(db, "philippa", actor=desk)] == [NAMES[1]]
    # The wrap made from the old hash is replaced by a fresh one at that first sign-in.
    keys = keyring.read_key_file(keyring.key_file_for(path))
    assert not keys.users["desk"].from_hash and keys.users["boss"].from_hash
    with s.open_database(url) as db:
        assert dbkey.recovery_key_opens(db, result.recovery_key)
    # Upgrading again changes nothing.
    again = s.upgrade_database(url, sign_in_as=lambda db: s.sign_in(db, "boss", ADMIN_PASSWORD))
    assert not again.encrypted and not again.changed
