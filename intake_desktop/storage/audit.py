"""The audit trail's hash chain: appending an entry, and checking that none was tampered with.

Each entry's ``hash`` is the SHA-256 of its canonical JSON (sorted keys, no spaces, UTC time in
ISO form) which includes ``prev_hash``, the hash of the entry before it; the first entry's
``prev_hash`` is 64 zeros. Editing an entry changes its hash; removing or reordering entries
breaks the link to the next one, or leaves a gap in ``seq``; removing the newest entries leaves
``audit_head`` pointing past the end. :func:`verify_chain` reports each of those.

Appends are serialised by the single ``audit_head`` row: it is updated first thing, in the same
transaction as the entry, so on PostgreSQL the row lock makes a second workstation wait, and on
SQLite the UPDATE takes the database's write lock. The chain can therefore never fork.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .models import AuditEntry, AuditHead, Visit, utc_now

GENESIS_HASH = "0" * 64
HASHED_FIELDS = (
    "seq",
    "at",
    "user_id",
    "username",
    "workstation",
    "action",
    "outcome",
    "patient_id",
    "visit_id",
    "subject_user_id",
    "detail",
    "prev_hash",
)


@dataclass(frozen=True, slots=True)
class NewEntry:
    """What a caller says about an event; the chain adds ``seq``, ``at`` and the hashes."""

    username: str
    workstation: str
    action: str
    outcome: str
    user_id: int | None = None
    patient_id: int | None = None
    visit_id: int | None = None
    subject_user_id: int | None = None
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class ChainProblem:
    """One place where the stored trail is not what was appended.

    ``kind`` says which check found it: ``chain`` (the hash chain itself) or ``seal`` (a signed
    checkpoint, or the seal file beside the database, disagrees with the chain).
    """

    seq: int | None
    message: str
    kind: str = "chain"


class AuditDamagedError(Exception):
    """The next sequence number is already taken by a row the program never appended.

    Appends are serialised by ``audit_head``, so two workstations can never race for one
    number: a row already there was written behind the program's back (a forged entry). The
    head is put back before this is raised, so the caller's transaction may go on without the
    entry (see ``services.checkpoints`` for who may).
    """


def entry_hash(fields: dict[str, Any]) -> str:
    """SHA-256 (hex) of the canonical JSON of an entry's fields, ``prev_hash`` included."""
    canonical = {name: _canonical_value(fields[name]) for name in HASHED_FIELDS}
    text = json.dumps(canonical, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def append_entry(session: Session, entry: NewEntry) -> AuditEntry:
    """Add ``entry`` at the end of the chain, in ``session``'s transaction (committed with it)."""
    # Updating the head first takes the lock that serialises appends (see the module docstring).
    session.execute(
        update(AuditHead)
        .where(AuditHead.id == 1)
        .values(last_seq=AuditHead.last_seq + 1)
        .execution_options(synchronize_session=False)
    )
    seq, prev_hash = session.execute(
        select(AuditHead.last_seq, AuditHead.last_hash).where(AuditHead.id == 1)
    ).one()
    if session.scalar(select(AuditEntry.seq).where(AuditEntry.seq == seq)) is not None:
        session.execute(
            update(AuditHead)
            .where(AuditHead.id == 1)
            .values(last_seq=AuditHead.last_seq - 1)
            .execution_options(synchronize_session=False)
        )
        raise AuditDamagedError(f"entry {seq} exists already although the head says {seq - 1}")
    patient_id = entry.patient_id
    if patient_id is None and entry.visit_id is not None:
        # Looked up under the lock, so that a view of a visit also names its patient.
        patient_id = session.scalar(select(Visit.patient_id).where(Visit.id == entry.visit_id))
    fields: dict[str, Any] = {
        "seq": seq,
        "at": utc_now(),
        "user_id": entry.user_id,
        "username": _clip(entry.username, 100),
        "workstation": _clip(entry.workstation, 255),
        "action": entry.action,
        "outcome": entry.outcome,
        "patient_id": patient_id,
        "visit_id": entry.visit_id,
        "subject_user_id": entry.subject_user_id,
        "detail": _clip(entry.detail, 200) if entry.detail is not None else None,
        "prev_hash": prev_hash,
    }
    digest = entry_hash(fields)
    row = AuditEntry(**fields, hash=digest)
    session.add(row)
    session.execute(
        update(AuditHead)
        .where(AuditHead.id == 1)
        .values(last_hash=digest)
        .execution_options(synchronize_session=False)
    )
    session.flush()
    return row


def verify_chain(
    session: Session, *, after_seq: int = 0, after_hash: str = GENESIS_HASH
) -> list[ChainProblem]:
    """Every break in the stored chain, oldest first; an empty list means the trail is intact.

    ``after_seq``/``after_hash`` start the check after an entry already known good (a signed
    checkpoint's), so that a checkpoint costs the entries since the last one, not the whole trail.
    """
    problems: list[ChainProblem] = []
    expected_seq, prev = after_seq + 1, after_hash
    rows: Iterable[AuditEntry] = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.seq > after_seq)
        .order_by(AuditEntry.seq)
        .execution_options(yield_per=1000)
    )
    for row in rows:
        if row.seq > expected_seq:
            gap = (
                f"{expected_seq}"
                if row.seq == expected_seq + 1
                else (f"{expected_seq} to {row.seq - 1}")
            )
            problems.append(ChainProblem(row.seq, f"entry {gap} is missing (removed)"))
        if row.prev_hash != prev:
            problems.append(
                ChainProblem(
                    row.seq,
                    f"entry {row.seq} does not follow the entry before it "
                    "(an entry was removed, inserted or reordered)",
                )
            )
        fields = {name: getattr(row, name) for name in HASHED_FIELDS}
        if entry_hash(fields) != row.hash:
            problems.append(
                ChainProblem(row.seq, f"entry {row.seq} was edited after it was written")
            )
        expected_seq, prev = row.seq + 1, row.hash
    last_seq, last_hash = session.execute(
        select(AuditHead.last_seq, AuditHead.last_hash).where(AuditHead.id == 1)
    ).one()
    if last_seq < expected_seq - 1:
        problems.append(
            ChainProblem(
                last_seq + 1,
                f"the trail should end with entry {last_seq} but entries {last_seq + 1} to "
                f"{expected_seq - 1} follow it: they were written behind the program's back "
                "(forged), and every new entry is refused until the trail is repaired",
            )
        )
    elif last_seq != expected_seq - 1 or last_hash != prev:
        problems.append(
            ChainProblem(
                None,
                f"the trail should end with entry {last_seq} but ends with entry "
                f"{expected_seq - 1} (the newest entries were removed or replaced)",
            )
        )
    return problems


def _canonical_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
