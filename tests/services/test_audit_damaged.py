"""A forged row with the next sequence number: the trail is damaged, not a race (issue 17).

Before, every sign-in failed with "another workstation saved a conflicting record", the
administrator included, so nobody could check the trail or restore a backup.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from intake_desktop import services as s
from intake_desktop.cli import main
from intake_desktop.services.errors import AuditTrailDamaged, ConflictError
from intake_desktop.storage.audit import entry_hash
from tests.actors import TEST_PASSWORD


def forge_next_entry(db) -> int:
    """Insert a well-formed entry at the next number without moving ``audit_head``."""
    with db.engine.begin() as conn:
        seq, prev = conn.execute(text("SELECT last_seq, last_hash FROM audit_head")).one()
        row = (
            conn.execute(text("SELECT * FROM audit_entries WHERE seq = :seq"), {"seq": seq})
            .one()
            ._asdict()
        )
        row.update(seq=seq + 1, prev_hash=prev, action="visit.sign", detail=None)
        fields = {k: v for k, v in row.items() if k != "hash"}
        from tests.services.test_audit_seal import _aware

        fields["at"] = _aware(fields["at"])
        row["hash"] = entry_hash(fields)
        if db.dialect == "sqlite":
            row["at"] = fields["at"].replace(tzinfo=None)
        names = list(row)
        conn.execute(
            text(
                f"INSERT INTO audit_entries ({', '.join(names)}) "
                f"VALUES ({', '.join(':' + n for n in names)})"
            ),
            row,
        )
    return seq + 1


def test_a_forged_next_entry_lets_an_admin_in_and_refuses_others(database) -> None:
    forged = forge_next_entry(database)
    with pytest.raises(AuditTrailDamaged, match="audit trail is damaged") as refused:
        s.sign_in(database, "desk.user", TEST_PASSWORD)
    assert not isinstance(refused.value, ConflictError)
    assert "conflicting record" not in str(refused.value)
    with pytest.raises(s.PermissionDenied):  # a wrong password is still wrong
        s.sign_in(database, "admin.user", "not-the-password")
    with database.session() as session:  # and still counts towards the lockout
        failed = session.execute(
            text("SELECT failed_attempts FROM users WHERE username = 'admin.user'")
        ).scalar_one()
    assert failed == 1
    admin = s.sign_in(database, "admin.user", TEST_PASSWORD)
    problems = s.verify_audit(database, admin)
    assert any(p.seq == forged and "forged" in p.message for p in problems)
    # Work that must be recorded is refused in the same words, for the admin too.
    with pytest.raises(AuditTrailDamaged):
        s.list_users(database, admin)
    s.sign_out(database, admin)  # leaving is never refused


def test_the_command_line_says_the_trail_is_damaged(database_url, database, capsys) -> None:
    forge_next_entry(database)
    code = main(["--db", database_url, "audit", "--verify", "--user", "admin.user"])
    out = capsys.readouterr()
    assert code == 4
    assert "forged" in out.out and "Traceback" not in out.err
    code = main(["--db", database_url, "audit", "--user", "desk.user"])
    err = capsys.readouterr().err
    assert code == 3 and "audit trail is damaged" in err
