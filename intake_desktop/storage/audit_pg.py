"""The audit append on PostgreSQL in one statement, so the chain's head is held for no more.

:func:`.audit.write_pending` takes the head row at the end of the transaction; with the entry
hashed in Python that costs two round trips while the row is held (read the head, then write
the entry and the head's new hash), and on a busy machine each round trip may wait for the
workstation's process to be scheduled again. Here the server does it all in one statement: it
locks the head, puts the previous hash and the next number into the entry's canonical JSON,
which Python made with everything else already in place, hashes it (``sha256``, PostgreSQL 11
and later), inserts the entry and moves the head. The text hashed is exactly
:func:`.audit.canonical_text` of the stored entry, so :func:`.audit.verify_chain` checks these
entries like any other.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, bindparam, text

from .model_base import UtcDateTime

#: The canonical JSON has its keys sorted, so these three are side by side, in this order.
_SLOTS = '"patient_id":0,"prev_hash":"","seq":0,'

_PATIENT_GIVEN = "CAST(:patient_text AS TEXT)", "CAST(:patient_id AS INTEGER)"
_PATIENT_OF_VISIT = (
    "coalesce((SELECT CAST(patient_id AS TEXT) FROM visits "
    "WHERE id = CAST(:visit_id AS INTEGER)), 'null')",
    "(SELECT patient_id FROM visits WHERE id = CAST(:visit_id AS INTEGER))",
)

# ``old`` locks the head (a concurrent append waits there, then reads the head it left); the
# UPDATE moves it, hashing the entry's text with the old hash and the new number in place;
# the INSERT stores the entry unless its number is taken (a forged row: nothing is inserted).
_APPEND = """
WITH old AS (
    SELECT id, last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE
), head AS (
    UPDATE audit_head AS h
    SET last_seq = old.last_seq + 1,
        last_hash = encode(sha256(convert_to(
            CAST(:before_patient AS TEXT) || {patient_text} || CAST(:before_prev AS TEXT)
            || old.last_hash || CAST(:before_seq AS TEXT) || CAST(old.last_seq + 1 AS TEXT)
            || CAST(:after_seq AS TEXT), 'UTF8')), 'hex')
    FROM old
    WHERE h.id = old.id
    RETURNING h.last_seq AS seq, h.last_hash AS hash, old.last_hash AS prev_hash
), added AS (
    INSERT INTO audit_entries (seq, at, user_id, username, workstation, action, outcome,
                               patient_id, visit_id, subject_user_id, detail, prev_hash, hash)
    SELECT seq, :at, CAST(:user_id AS INTEGER), CAST(:username AS TEXT),
           CAST(:workstation AS TEXT), CAST(:action AS TEXT), CAST(:outcome AS TEXT),
           {patient_id}, CAST(:visit_id AS INTEGER), CAST(:subject_user_id AS INTEGER),
           CAST(:detail AS TEXT), prev_hash, hash
    FROM head
    ON CONFLICT (seq) DO NOTHING
    RETURNING seq
)
SELECT head.seq, head.prev_hash, EXISTS (SELECT 1 FROM added) FROM head
"""
_STATEMENTS = {
    known: text(_APPEND.format(patient_text=p_text, patient_id=p_id)).bindparams(
        bindparam("at", type_=UtcDateTime())
    )
    for known, (p_text, p_id) in ((True, _PATIENT_GIVEN), (False, _PATIENT_OF_VISIT))
}
_PUT_BACK = text("UPDATE audit_head SET last_seq = :seq - 1, last_hash = :prev WHERE id = 1")


def append_one(
    connection: Connection, fields: dict[str, Any], template: str, patient_known: bool
) -> tuple[int, str, bool]:
    """Append one entry: its hashed ``fields`` (``seq`` and ``prev_hash`` are the server's) and
    their canonical text ``template`` with the patient, the previous hash and the number as
    ``0``, ``""`` and ``0``. ``patient_known`` False: the server looks up the visit's patient.

    Returns the entry's number, the hash before it, and whether it was added (False: the
    number is taken by a row the program never wrote; the caller puts the head back).
    """
    if template.count(_SLOTS) != 1:  # cannot happen: values are escaped JSON strings
        raise ValueError("the entry's canonical text does not have its slots in one place")
    before, after = template.split(_SLOTS)
    params = {
        "before_patient": before + '"patient_id":',
        "before_prev": ',"prev_hash":"',
        "before_seq": '","seq":',
        "after_seq": "," + after,
        **{k: fields[k] for k in ("at", "user_id", "username", "workstation", "action")},
        **{k: fields[k] for k in ("outcome", "visit_id", "subject_user_id", "detail")},
    }
    if patient_known:
        patient = fields["patient_id"]
        params |= {
            "patient_id": patient,
            "patient_text": "null" if patient is None else str(patient),
        }
    seq, prev, added = connection.execute(_STATEMENTS[patient_known], params).one()
    return seq, prev, added


def put_back(connection: Connection, seq: int, prev_hash: str) -> None:
    """Undo an append whose entry was not added (the head as it was before it)."""
    connection.execute(_PUT_BACK, {"seq": seq, "prev": prev_hash})
