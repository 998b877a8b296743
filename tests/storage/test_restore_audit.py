"""``restore`` never rolls the audit trail back, and refuses a backup whose trail fails (issue 17).

Before, restoring an older backup silently erased every entry made since, and a backup with a
broken chain was restored with exit 0.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from intake_desktop import services as s
from intake_desktop.cli import main
from intake_desktop.storage.audit import GENESIS_HASH, entry_hash
from tests.actors import TEST_PASSWORD, connect_file, copy_database, open_unlocked, seed_users
from tests.services.test_audit_damaged import forge_next_entry

_FIELDS = (
    "seq", "at", "user_id", "username", "workstation", "action", "outcome", "patient_id",
    "visit_id", "subject_user_id", "detail", "prev_hash",
)  # fmt: skip


@pytest.fixture
def clinic(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'clinic.sqlite3'}"
    with s.open_database(url) as db:
        seed_users(db)
        yield url, db


def _trail(db) -> list[tuple[int, str, str]]:
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT seq, action, hash FROM audit_entries ORDER BY seq")
        return [tuple(r) for r in rows]


def _run(capsys, url: str, *argv: str) -> tuple[int, str]:
    code = main(["--db", url, *argv, "--user", "admin.user"])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_restore_carries_the_newer_entries_then_records_itself(
    clinic, tmp_path: Path, capsys
) -> None:
    url, db = clinic
    backup = tmp_path / "monday.sqlite3"
    assert _run(capsys, url, "backup", str(backup))[0] == 0
    desk = s.sign_in(db, "desk.user", TEST_PASSWORD)
    s.register_patient(db, s.PatientDetails(name="Added After", date_of_birth=_dob()), actor=desk)
    before = _trail(db)
    code, out = _run(capsys, url, "restore", str(backup))
    assert code == 0, out
    after = _trail(db)
    assert after[: len(before)] == before  # nothing rolled back, hashes and all
    assert [a for _, a, _ in after[len(before) :]][-1] == "database.restore"
    assert s.search_patients(db, "added", actor=desk) == []  # the records are the backup's
    code, out = _run(capsys, url, "audit", "--verify")
    assert code == 0, out


def test_a_backup_with_a_broken_chain_is_refused(clinic, tmp_path: Path, capsys) -> None:
    url, db = clinic
    backup = tmp_path / "edited.sqlite3"
    assert _run(capsys, url, "backup", str(backup))[0] == 0
    conn = connect_file(backup)
    conn.execute("DROP TRIGGER audit_entries_no_update")
    conn.execute("UPDATE audit_entries SET username = 'someone' WHERE seq = 3")
    conn.commit()
    conn.close()
    before = _trail(db)
    code, out = _run(capsys, url, "restore", str(backup))
    assert code == 4, out
    assert "fails its check" in out and "entry 3 was edited" in out
    assert _trail(db)[: len(before)] == before  # nothing was replaced
    assert not list(tmp_path.glob("clinic.before-restore-*"))


def test_a_rechained_backup_that_contradicts_a_checkpoint_is_refused(
    clinic, tmp_path: Path, capsys
) -> None:
    url, _db = clinic
    backup = tmp_path / "forged.sqlite3"
    assert _run(capsys, url, "backup", str(backup))[0] == 0
    _rechain_file(backup, edit_seq=2)  # hashes recomputed, head fixed: the chain checks out
    code, out = _run(capsys, url, "restore", str(backup))
    assert code == 4, out
    assert "rewritten and re-chained" in out


def test_an_admin_restores_a_trail_with_a_forged_entry(clinic, tmp_path: Path, capsys) -> None:
    url, db = clinic
    backup = tmp_path / "good.sqlite3"
    assert _run(capsys, url, "backup", str(backup))[0] == 0
    forge_next_entry(db)
    with pytest.raises(s.PermissionDenied, match="damaged"):
        s.sign_in(db, "desk.user", TEST_PASSWORD)
    code, out = _run(capsys, url, "restore", str(backup))
    assert code == 0, out
    assert s.sign_in(db, "desk.user", TEST_PASSWORD).username == "desk.user"
    assert _run(capsys, url, "audit", "--verify")[0] == 0


def _rechain_file(path: Path, *, edit_seq: int) -> None:
    copy_database(path, path.with_suffix(".orig"))
    conn = connect_file(path)  # the backup is encrypted like the database
    for trigger in ("audit_entries_no_update", "audit_entries_no_delete"):
        conn.execute(f"DROP TRIGGER {trigger}")
    cursor = conn.execute("SELECT * FROM audit_entries ORDER BY seq")
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, r, strict=True)) for r in cursor]
    conn.execute("DELETE FROM audit_entries")
    prev = GENESIS_HASH
    from tests.services.test_audit_seal import _aware

    for row in rows:
        if row["seq"] == edit_seq:
            row["username"] = "someone.else"
        fields = {k: row[k] for k in _FIELDS} | {"prev_hash": prev, "at": _aware(row["at"])}
        prev = entry_hash(fields)
        row.update(prev_hash=fields["prev_hash"], hash=prev)
        names = list(row)
        marks = ", ".join("?" * len(names))
        conn.execute(
            f"INSERT INTO audit_entries ({', '.join(names)}) VALUES ({marks})",
            [row[n] for n in names],
        )
    conn.execute("UPDATE audit_head SET last_hash = ?", (prev,))
    conn.commit()
    conn.close()


def _dob():
    from datetime import date

    return date(1960, 5, 5)


def test_restoring_over_a_rechained_trail_carries_it_marked_and_verifies_again(
    clinic, tmp_path: Path, capsys
) -> None:
    from tests.services.test_audit_seal import _current, _rewrite

    url, db = clinic
    backup = tmp_path / "before.sqlite3"
    assert _run(capsys, url, "backup", str(backup))[0] == 0
    desk = s.sign_in(db, "desk.user", TEST_PASSWORD)
    s.register_patient(db, s.PatientDetails(name="Seen Later", date_of_birth=_dob()), actor=desk)
    s.sign_in(db, "admin.user", TEST_PASSWORD)  # a checkpoint beyond the backup
    rows = _current(db)
    rows[2] = {**rows[2], "username": "someone.else"}
    _rewrite(db, rows)  # history before the backup's end edited and re-chained
    assert _run(capsys, url, "audit", "--verify")[0] == 4
    code, out = _run(capsys, url, "restore", str(backup))
    assert code == 0, out
    actions = [a for _, a, _ in _trail(db)]
    assert "audit.carried" in actions
    assert actions.index("audit.carried") < actions.index("patient.register", 5)
    code, out = _run(capsys, url, "audit", "--verify")
    assert code == 0, out


def test_a_new_installation_restores_the_clinics_backup(clinic, tmp_path: Path, capsys) -> None:
    """Disaster recovery: a new computer, its own first administrator and key, the old backup."""
    url, _db = clinic
    backup = tmp_path / "clinic-backup.sqlite3"
    assert _run(capsys, url, "backup", str(backup))[0] == 0
    new_url = f"sqlite:///{tmp_path / 'new' / 'records.sqlite3'}"
    with s.open_database(new_url) as new:
        seed_users(new)  # the same names; a new key all the same
        code, out = _run(capsys, new_url, "restore", str(backup))
        assert code == 0, out
    # The restored records keep the backup's own key: open them again, as the app does.
    with open_unlocked(new_url) as new:
        actions = [a for _, a, _ in _trail(new)]
        assert "audit.carried" in actions  # the new installation's own entries are kept
        code, out = _run(capsys, new_url, "audit", "--verify")
        assert code == 0, out
        assert list((tmp_path / "new").glob("records.sqlite3.audit-seal.before-restore-*"))
