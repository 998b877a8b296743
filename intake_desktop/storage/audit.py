"""The audit trail's hash chain: appending an entry, and checking that none was tampered with.

Each entry's ``hash`` is the SHA-256 of its canonical JSON (sorted keys, no spaces, UTC time in
ISO form) which includes ``prev_hash``, the hash of the entry before it; the first entry's
``prev_hash`` is 64 zeros. Editing an entry changes its hash; removing or reordering entries
breaks the link to the next one, or leaves a gap in ``seq``; removing the newest entries leaves
``audit_head`` pointing past the end. :func:`verify_chain` reports each of those.

Appends are serialised by the single ``audit_head`` row, updated in the same transaction as the
entries: on PostgreSQL its row lock makes a second workstation wait, and on SQLite the UPDATE
takes the database's write lock. The chain can therefore never fork. Because every audited
operation of every workstation takes that one row, it is taken as late as possible:
:func:`append_entry` only queues the entry in the session, and the queue is written just before
the transaction commits (after the operation's own writes are flushed), so the row is held for
one statement and the commit on PostgreSQL (``audit_pg``: the server hashes the entry), two on
SQLite, not for the whole operation. A session that reads the trail (the head or the entries)
through ``session.execute``/``scalars`` writes its queue first, so it always reads its own
entries; a read through ``session.connection()`` goes round the session and would not (nothing
reads the trail that way). The queue belongs to the whole transaction, so an entry is never
queued inside a savepoint (:func:`append_entry` refuses): rolling the savepoint back would not
take the entry with it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, event, insert, select, update
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction
from sqlalchemy.orm.util import identity_key
from sqlalchemy.sql.util import find_tables

from .audit_pg import append_one, put_back
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
#: Where a session keeps the entries it has still to write (``Session.info``).
_PENDING = "intake_desktop.audit_pending"
_TRAIL = (AuditEntry.__table__, AuditHead.__table__)


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
    head is put back before this is raised; raised by :func:`write_pending`, the caller's
    transaction may go on without the entries (see ``services.checkpoints`` for who may), raised
    at the commit, the transaction is rolled back.
    """


def entry_hash(fields: dict[str, Any]) -> str:
    """SHA-256 (hex) of the canonical JSON of an entry's fields, ``prev_hash`` included."""
    return hashlib.sha256(canonical_text(fields).encode("utf-8")).hexdigest()


def canonical_text(fields: dict[str, Any]) -> str:
    """The canonical JSON of an entry's fields (sorted keys, no spaces), which is hashed."""
    canonical = {name: _canonical_value(fields[name]) for name in HASHED_FIELDS}
    return json.dumps(canonical, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def append_entry(session: Session, entry: NewEntry) -> None:
    """Add ``entry`` at the end of the chain in ``session``'s transaction (committed with it).

    The entry is queued and written at the end of the transaction, or before the session next
    reads the trail (see the module docstring); :func:`write_pending` writes it at once.
    """
    if session.in_nested_transaction():
        raise RuntimeError("audit entries belong to the whole transaction, not to a savepoint")
    session.info.setdefault(_PENDING, []).append(entry)


def write_pending(session: Session) -> None:
    """Write the entries ``session`` has queued, now, in its transaction.

    For callers that must know now whether the entries can be written (a damaged trail raises
    :class:`AuditDamagedError` here, with the head put back and the queue dropped, so that the
    transaction may go on without them); everyone else lets the commit write them.
    """
    entries = session.info.pop(_PENDING, None)
    if not entries:
        return
    # The operation's own writes go first: their row locks are taken before the head's, and
    # nothing is taken after it, so the head is held for this function and the commit only.
    session.flush()
    connection = session.connection()
    if connection.get_execution_options().get("isolation_level") == "AUTOCOMMIT":
        raise RuntimeError("audit entries must be written in a transaction, not in autocommit")
    patients, unknown = _patients_held(session, entries)
    if connection.dialect.name == "postgresql" and len(entries) == 1:
        # One statement, the head held for it and the commit (see ``audit_pg``).
        fields = _fields(entries[0], 0, "", patients)
        template = canonical_text(fields | {"patient_id": 0})
        seq, prev, added = append_one(connection, fields, template, patient_known=not unknown)
        if not added:
            put_back(connection, seq, prev)
            raise AuditDamagedError(f"entry {seq} exists already although the head says {seq - 1}")
        return
    count = len(entries)
    head = cast(Table, AuditHead.__table__)
    numbers = AuditEntry.__table__.c.seq
    taken = (
        select(numbers)
        .where(numbers > head.c.last_seq - count, numbers <= head.c.last_seq)
        .exists()
        .correlate(head)
    )
    visits = Visit.__table__
    # The patients of the visits the session does not hold come back with the head: no round
    # trip of their own (a primary-key lookup each).
    lookups = [
        select(visits.c.patient_id).where(visits.c.id == v).scalar_subquery() for v in unknown
    ]
    last_seq, prev_hash, forged, *found = connection.execute(
        update(head)
        .where(head.c.id == 1)
        .values(last_seq=head.c.last_seq + count)
        .returning(head.c.last_seq, head.c.last_hash, taken, *lookups)
    ).one()
    patients.update(zip(unknown, found, strict=True))
    first = last_seq - count + 1
    if forged:
        connection.execute(
            update(head).where(head.c.id == 1).values(last_seq=head.c.last_seq - count)
        )
        raise AuditDamagedError(f"entry {first} exists already although the head says {first - 1}")
    rows = []
    for seq, entry in enumerate(entries, start=first):
        fields = _fields(entry, seq, prev_hash, patients)
        prev_hash = entry_hash(fields)
        rows.append({**fields, "hash": prev_hash})
    appended = insert(cast(Table, AuditEntry.__table__)).values(rows)
    set_hash = update(head).where(head.c.id == 1).values(last_hash=prev_hash)
    if connection.dialect.name == "postgresql":
        # One statement (one round trip) for both while the head is held.
        connection.execute(set_hash.add_cte(appended.cte("appended")))
    else:
        connection.execute(appended)
        connection.execute(set_hash)


def _fields(
    entry: NewEntry, seq: int, prev_hash: str, patients: dict[int, int | None]
) -> dict[str, Any]:
    patient_id = entry.patient_id
    if patient_id is None and entry.visit_id is not None:
        # A view of a visit also names its patient.
        patient_id = patients.get(entry.visit_id)
    return {
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


def _patients_held(
    session: Session, entries: list[NewEntry]
) -> tuple[dict[int, int | None], list[int]]:
    """The patient of each visit an entry names without its patient, from the visits the
    session holds; and the visits it does not hold (looked up with the head)."""
    wanted = {e.visit_id for e in entries if e.patient_id is None and e.visit_id is not None}
    found: dict[int, int | None] = {}
    for visit_id in wanted:
        held = session.identity_map.get(identity_key(Visit, visit_id))
        if held is not None and "patient_id" in held.__dict__:
            found[visit_id] = held.patient_id
    return found, sorted(wanted - set(found))


@event.listens_for(Session, "before_commit")
def _write_before_commit(session: Session) -> None:
    write_pending(session)


@event.listens_for(Session, "after_transaction_end")
def _drop_with_rollback(session: Session, transaction: SessionTransaction) -> None:
    # Entries of a transaction that did not commit were never written: they go with it.
    if transaction.parent is None:
        session.info.pop(_PENDING, None)


@event.listens_for(Session, "do_orm_execute")
def _write_before_reading_trail(state: ORMExecuteState) -> None:
    if state.session.info.get(_PENDING) and state.is_select and _reads_trail(state.statement):
        write_pending(state.session)


def _reads_trail(statement: Any) -> bool:
    return any(t in _TRAIL for t in find_tables(statement, include_crud=True))


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
