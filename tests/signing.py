"""What tests that sign a visit pass besides the case: a complete red-flag screen and an exam.

Signing requires every red-flag question answered and the neurological exam recorded (or "not
examined" with a reason, issue 13). Tests about something else (storage, export, conflicts) sign
with :data:`SIGN_OFF`; the signing checks themselves are tested in tests/services/test_signing.py
and tests/domain/test_signing.py without it.
"""

from __future__ import annotations

from typing import Any

from intake_desktop.domain.codes import RED_FLAGS

#: Every question answered "no" (a flag the case lists counts as yes whatever the screen says).
ALL_NO: dict[str, str] = dict.fromkeys(RED_FLAGS, "no")

SIGN_OFF: dict[str, Any] = {
    "red_flag_screen": ALL_NO,
    "not_examined_reason": "seen by video; exam at the next visit",
}


def signed_copy(db: Any, visit_id: int, **changes: Any) -> int:
    """A copy of signed visit ``visit_id`` as a new signed visit, with ``changes`` to its
    columns and its signature hash computed again: a visit as an earlier version of the program
    would have signed it (a rule set since replaced, say). A signed row is never updated in
    place (migration 0006), so tests that need one write it whole, as signing does."""
    from sqlalchemy import insert, select

    from intake_desktop.domain.signing import signature_hash
    from intake_desktop.storage.models import Visit

    table = Visit.__table__
    with db.engine.begin() as conn:
        row = dict(conn.execute(select(table).where(table.c.id == visit_id)).mappings().one())
        row.pop("id")
        row.update(changes)
        row["signature_hash"] = signature_hash(
            row["case_data"], row["plan"], row["final_level"], row["override_reason"],
            row["chosen_procedure"], row["signed_identity"],
        )  # fmt: skip
        return int(conn.execute(insert(table).values(**row).returning(table.c.id)).scalar_one())
