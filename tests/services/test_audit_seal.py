"""The sealed audit trail against someone who knows the format (issue 17).

Each attack recomputes ``entry_hash`` and fixes ``audit_head`` with raw SQL, so the hash chain
alone checks out (``audit --verify`` passed all four before sealing); the signed checkpoints,
in the database and in the seal file beside it, are what catch them.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from intake_desktop import services as s
from intake_desktop.cli import main
from intake_desktop.storage.audit import GENESIS_HASH, entry_hash
from intake_desktop.storage.seal_file import read_seal_file, seal_path
from tests.actors import TEST_PASSWORD, open_unlocked

_FIELDS = (
    "seq", "at", "user_id", "username", "workstation", "action", "outcome", "patient_id",
    "visit_id", "subject_user_id", "detail", "prev_hash",
)  # fmt: skip


def _rows(conn) -> list[dict]:
    rows = conn.execute(text(f"SELECT {', '.join(_FIELDS)}, hash FROM audit_entries ORDER BY seq"))
    return [dict(r._mapping) for r in rows]


def _unlock(db, conn) -> None:
    if db.dialect == "postgresql":
        conn.execute(text("ALTER TABLE audit_entries DISABLE TRIGGER USER"))
        conn.execute(text("ALTER TABLE audit_checkpoints DISABLE TRIGGER USER"))
    else:
        for name in ("entries_no_update", "entries_no_delete"):
            conn.execute(text(f"DROP TRIGGER audit_{name}"))
        for name in ("checkpoints_no_update", "checkpoints_no_delete"):
            conn.execute(text(f"DROP TRIGGER audit_{name}"))


def _rewrite(db, rows: list[dict], *, drop_checkpoints: bool = False) -> None:
    """Replace the whole trail with ``rows``, hashes recomputed and the head fixed."""
    with db.engine.begin() as conn:
        _unlock(db, conn)
        conn.execute(text("DELETE FROM audit_entries"))
        if drop_checkpoints:
            conn.execute(text("DELETE FROM audit_checkpoints"))
        prev = GENESIS_HASH
        for seq, row in enumerate(rows, start=1):
            fields = {**row, "seq": seq, "prev_hash": prev}
            fields["at"] = _aware(fields["at"])
            prev = entry_hash(fields)
            stored = {**fields, "hash": prev}
            if db.dialect == "sqlite":
                stored["at"] = stored["at"].replace(tzinfo=None)
            names = [*_FIELDS, "hash"]
            conn.execute(
                text(
                    f"INSERT INTO audit_entries ({', '.join(names)}) "
                    f"VALUES ({', '.join(':' + n for n in names)})"
                ),
                stored,
            )
        conn.execute(
            text("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1"),
            {"seq": len(rows), "hash": prev},
        )


def _aware(value):
    from datetime import UTC, datetime

    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _current(db) -> list[dict]:
    with db.engine.connect() as conn:
        return _rows(conn)


def _verify(capsys, url: str) -> tuple[int, str]:
    """``audit --verify``, after checking that the hash chain alone is fooled (as before)."""
    from intake_desktop.storage.audit import verify_chain

    with open_unlocked(url) as db, db.session() as session:
        assert verify_chain(session) == []
    code = main(["--db", url, "audit", "--verify", "--user", "admin.user"])
    return code, capsys.readouterr().out


@pytest.fixture
def sealed(database, patient):
    """A trail with some work, sealed by an administrator's sign-in after it."""
    s.sign_in(database, "admin.user", TEST_PASSWORD)  # the first checkpoint here, with the file
    desk = s.sign_in(database, "desk.user", TEST_PASSWORD)
    for _ in range(3):
        s.get_patient(database, patient.id, actor=desk)
    s.sign_in(database, "admin.user", TEST_PASSWORD)  # seals the visits above
    return database


def test_a_sealed_trail_verifies_and_shows_the_key_fingerprint(
    database_url, sealed, capsys
) -> None:
    code, out = _verify(capsys, database_url)
    assert code == 0, out
    assert "intact" in out and "Sealing key fingerprint: " in out
    admin = s.sign_in(sealed, "admin.user", TEST_PASSWORD)
    status = s.audit_seal_status(sealed, admin)
    assert status.fingerprint and status.fingerprint in out
    assert len(status.fingerprint.split()) == 8
    seal_file = read_seal_file(seal_path(sealed))
    assert seal_file.exists and seal_file.checkpoints and seal_file.pins
    assert (seal_path(sealed).stat().st_mode & 0o777) == 0o600


def test_forged_append_dated_in_the_past_is_found(database_url, sealed, capsys) -> None:
    rows = _current(sealed)
    forged = dict(rows[2])  # someone "signed in" yesterday, written in today
    forged["at"] = _aware(rows[0]["at"]) - timedelta(days=1)
    forged["action"], forged["detail"] = "session.sign_in", None
    _rewrite(sealed, [*rows, forged])
    code, out = _verify(capsys, database_url)
    assert code == 4, out
    assert f"entry {len(rows) + 1} is dated" in out and "false date" in out


def test_truncation_below_a_checkpoint_is_found(database_url, sealed, capsys) -> None:
    rows = _current(sealed)
    _rewrite(sealed, rows[:-6])  # the newest six, the sealed sign-in among them
    code, out = _verify(capsys, database_url)
    assert code == 4, out
    assert "entries were removed and the chain made again" in out


def test_edit_and_rechain_is_found(database_url, sealed, capsys) -> None:
    rows = _current(sealed)
    edited = [dict(r) for r in rows]
    reads = [r for r in edited if r["action"] == "patient.view"]
    reads[0]["username"] = "admin.user"  # blame someone else for a look at the record
    _rewrite(sealed, edited)
    code, out = _verify(capsys, database_url)
    assert code == 4, out
    assert "rewritten and re-chained" in out


@pytest.mark.parametrize("depth", ["entries", "and-checkpoints"])
def test_wipe_and_reset_is_found(database_url, sealed, capsys, depth) -> None:
    rows = _current(sealed)
    # A fresh-looking trail: only the first administrator's creation and first sign-in.
    _rewrite(sealed, rows[:2], drop_checkpoints=depth == "and-checkpoints")
    code, out = _verify(capsys, database_url)
    assert code == 4, out
    if depth == "entries":
        assert "entries were removed and the chain made again" in out
    else:  # the seal file outside the database still holds them
        assert "in the seal file" in out and "removed from the database" in out


def test_wiping_the_seal_file_too_leaves_the_printed_fingerprint(
    database_url, sealed, capsys
) -> None:
    admin = s.sign_in(sealed, "admin.user", TEST_PASSWORD)
    printed = s.audit_seal_status(sealed, admin).fingerprint
    rows = _current(sealed)
    _rewrite(sealed, rows[:2], drop_checkpoints=True)
    seal_path(sealed).unlink()
    # The attacker also makes a key of their own and seals the reset trail with it.
    with sealed.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_seal_wraps"))
    admin = s.sign_in(sealed, "admin.user", TEST_PASSWORD)
    s.new_seal_key(sealed, admin, TEST_PASSWORD)
    code, out = _verify(capsys, database_url)
    # Everything in reach was remade consistently: only the printed fingerprint tells.
    assert code == 0, out
    assert printed not in out  # what the clinic compares with its printed copy
    assert "Sealing key fingerprint: " in out


def test_checkpoints_before_the_attack_in_the_file_catch_a_new_key(
    database_url, sealed, capsys
) -> None:
    rows = _current(sealed)
    _rewrite(sealed, rows[:2], drop_checkpoints=True)
    with sealed.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_seal_wraps"))
    admin = s.sign_in(sealed, "admin.user", TEST_PASSWORD)
    s.new_seal_key(sealed, admin, TEST_PASSWORD)
    code, out = _verify(capsys, database_url)
    assert code == 4, out
    assert "removed from the database" in out


def test_the_key_opens_only_with_an_admins_password(database, sealed) -> None:
    from intake_desktop.storage import seal

    with sealed.session() as session:
        admin_id = session.execute(
            text("SELECT id FROM users WHERE username = 'admin.user'")
        ).scalar_one()
        assert seal.unlock(session, admin_id, TEST_PASSWORD) is not None
        assert seal.unlock(session, admin_id, "not-the-password") is None
        desk_id = session.execute(
            text("SELECT id FROM users WHERE username = 'desk.user'")
        ).scalar_one()
        assert seal.unlock(session, desk_id, TEST_PASSWORD) is None
        wrapped = session.execute(text("SELECT wrapped FROM audit_seal_wraps")).scalars().all()
    assert wrapped and all(len(w) == 96 for w in wrapped)  # 32 bytes + the GCM tag, as hex


def test_a_new_admin_and_a_reset_password_get_the_key(database, sealed) -> None:
    from intake_desktop.storage import seal

    admin = s.sign_in(sealed, "admin.user", TEST_PASSWORD)
    s.add_user(sealed, admin, "second.admin", "Second-admin-pw-1", ["admin"])
    s.change_password(sealed, admin, "second.admin", "Second-admin-pw-2")
    second = s.sign_in(sealed, "second.admin", "Second-admin-pw-2")
    with sealed.session() as session:
        assert seal.unlock(session, second.user_id, "Second-admin-pw-2") is not None
        assert seal.unlock(session, second.user_id, "Second-admin-pw-1") is None
    s.set_roles(sealed, admin, "second.admin", ["clinician"])
    with sealed.session() as session:
        assert seal.unlock(session, second.user_id, "Second-admin-pw-2") is None


def test_a_database_sealed_by_nobody_yet_gets_its_key_at_an_admin_sign_in(database, capsys) -> None:
    """As a database upgraded from before sealing: users, entries, no key and no checkpoint."""
    from intake_desktop.storage import seal

    with database.engine.begin() as conn:
        _unlock(database, conn)
        for table in ("audit_checkpoints", "audit_seal_wraps", "audit_seal_keys"):
            conn.execute(text(f"DELETE FROM {table}"))
    desk = s.sign_in(database, "desk.user", TEST_PASSWORD)  # no key for a desk sign-in
    with database.session() as session:
        assert seal.current_key(session) is None
    admin = s.sign_in(database, "admin.user", TEST_PASSWORD)
    with database.session() as session:
        assert seal.current_key(session) is not None
        assert [c.reason for c in seal.stored_checkpoints(session)] == ["sign-in"]
    assert s.verify_audit(database, admin) == []
    assert desk.username == "desk.user"


def test_a_key_slipped_into_the_database_is_not_the_pinned_one(
    database_url, sealed, capsys
) -> None:
    """The attacker rewrites history, then signs it with a key of their own, in raw SQL."""
    from intake_desktop.storage import seal

    rows = _current(sealed)
    _rewrite(sealed, rows[:2], drop_checkpoints=True)
    with sealed.session.begin() as session:
        theirs = seal.create_key(session, "admin.user")
        assert seal.make_checkpoint(session, theirs, reason="sign-in", made_by="admin.user")
    code, out = _verify(capsys, database_url)
    assert code == 4, out
    assert "is not the one pinned" in out and "the key was replaced" in out
    assert "unknown key" in out


def test_new_seal_key_on_the_command_line(database_url, sealed, capsys) -> None:
    admin = s.sign_in(sealed, "admin.user", TEST_PASSWORD)
    old = s.audit_seal_status(sealed, admin).fingerprint
    code = main(["--db", database_url, "audit", "--new-seal-key", "--user", "admin.user"])
    out = capsys.readouterr().out
    assert code == 0 and "fingerprint: " in out
    new = out.split("fingerprint: ")[1].splitlines()[0]
    assert new != old
    code, out = _verify(capsys, database_url)
    assert code == 0, out  # the old checkpoints still verify with the old, pinned key
    assert f"Sealing key fingerprint: {new}" in out
    code = main(["--db", database_url, "audit", "--new-seal-key", "--user", "desk.user"])
    assert code == 3
