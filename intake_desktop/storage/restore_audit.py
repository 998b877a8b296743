"""A restore never rolls the audit trail back: checking a backup's trail, carrying newer entries.

Before a backup replaces the records, its trail is checked: its own hash chain and checkpoints,
and the live database's signed checkpoints (database and seal file) up to the backup's last
entry, which a genuine backup of this clinic matches. A backup that fails is refused.

Then the entries the live database holds beyond the backup's last one are written into the
restored copy. Normally the live trail continues the backup's (the backup was made from it), so
they are copied as they are, hashes and all, with the checkpoints that sealed them. If the live
trail differs from the backup's (it was tampered with, or the backup is of another database),
the live entries dated after the backup's last one are appended after an ``audit.carried`` entry
that says so, re-chained (new numbers and hashes, their other fields kept); the database as it
was stays in the restore's safety copy.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .audit import (
    GENESIS_HASH,
    HASHED_FIELDS,
    ChainProblem,
    NewEntry,
    append_entry,
    entry_hash,
    verify_chain,
)
from .models import AuditCheckpoint, AuditEntry, AuditHead, AuditSealKey, AuditSealWrap, User
from .seal import current_key
from .seal_check import checkpoints_against, valid_checkpoints
from .seal_file import SealFile

#: What an entry says, apart from its place in a chain (its number and the hash before it).
_FIELDS = tuple(f for f in HASHED_FIELDS if f not in ("seq", "prev_hash"))


@dataclass(frozen=True, slots=True)
class Carried:
    """How many live entries went into the restored trail, and whether they were re-chained."""

    entries: int
    rechained: bool
    #: The backup's last entry, after which the carried entries follow.
    after: int = 0
    #: The backup was sealed with other keys than the live database (another installation).
    foreign: bool = False


def backup_trail_problems(
    backup: Session, live: Session, seal_file: SealFile
) -> list[ChainProblem]:
    """Why the backup's trail cannot be trusted (empty: it can).

    The live database's checkpoints are held against the backup only when both were sealed
    with the same keys: a backup of another installation (the clinic's records restored onto a
    new computer) has a trail of its own, checked by its own checkpoints, and a different key
    fingerprint, which ``audit --verify`` shows after the restore.
    """
    problems = verify_chain(backup)
    own = valid_checkpoints(backup, SealFile(seal_file.path, exists=False), problems)
    problems.extend(checkpoints_against(backup, own))
    end = backup.scalar(select(AuditHead.last_seq).where(AuditHead.id == 1)) or 0
    if same_lineage(backup, live):
        known = [c for c in valid_checkpoints(live, seal_file, []) if c.seq <= end]
        problems.extend(checkpoints_against(backup, known, late_entries=False))
    return problems


def same_lineage(backup: Session, live: Session) -> bool:
    """Whether the backup was sealed with the live database's current key (or has no key
    yet: a backup from before sealing, of this database)."""
    theirs = set(backup.scalars(select(AuditSealKey.key_id)))
    ours = current_key(live)
    return not theirs or ours is None or ours.key_id in theirs


def carry_newer_entries(backup: Session, live: Session) -> Carried:
    """Write the live trail's newer entries (and keys, wraps, checkpoints) into ``backup``."""
    end, end_hash = backup.execute(
        select(AuditHead.last_seq, AuditHead.last_hash).where(AuditHead.id == 1)
    ).one()
    live_end = live.scalar(select(AuditHead.last_seq).where(AuditHead.id == 1)) or 0
    if not same_lineage(backup, live):
        # Another installation's keys and checkpoints mean nothing here; its entries are
        # still carried (re-chained, below), so nothing done on it is lost.
        return _rechain(backup, live, end, live_end, foreign=True)
    _carry_keys(backup, live)
    at_end = (
        GENESIS_HASH
        if end == 0
        else live.scalar(select(AuditEntry.hash).where(AuditEntry.seq == end))
    )
    if at_end == end_hash and live_end >= end:
        rows = _live_rows(live, AuditEntry.seq > end, live_end)
        for row in rows:
            backup.add(AuditEntry(**{c: getattr(row, c) for c in (*_FIELDS, "seq")},
                                  prev_hash=row.prev_hash, hash=row.hash))  # fmt: skip
        if rows:
            _set_head(backup, rows[-1].seq, rows[-1].hash)
        _carry_checkpoints(backup, live, end)
        return Carried(len(rows), False, end)
    return _rechain(backup, live, end, live_end, foreign=False)


def _rechain(backup: Session, live: Session, end: int, live_end: int, *, foreign: bool) -> Carried:
    last_at = backup.scalar(select(AuditEntry.at).where(AuditEntry.seq == end))
    condition = AuditEntry.at > last_at if last_at is not None else AuditEntry.seq > 0
    rows = _live_rows(live, condition, live_end)
    if not rows:
        return Carried(0, True, end, foreign)
    append_entry(
        backup,
        NewEntry(
            username="system",
            workstation="restore",
            action="audit.carried",
            outcome="ok",
            detail=f"the replaced trail differs from the backup's; its {len(rows)} entries "
            "since the backup follow, re-chained",
        ),
    )
    seq, prev = backup.execute(
        select(AuditHead.last_seq, AuditHead.last_hash).where(AuditHead.id == 1)
    ).one()
    for row in rows:
        seq += 1
        fields = {c: getattr(row, c) for c in _FIELDS} | {"seq": seq, "prev_hash": prev}
        prev = entry_hash(fields)
        backup.add(AuditEntry(**fields, hash=prev))
    _set_head(backup, seq, prev)
    return Carried(len(rows), True, end, foreign)


def _live_rows(live: Session, condition, live_end: int) -> list[AuditEntry]:
    # Only up to the live head: a row beyond it was never appended by the program (forged).
    stmt = select(AuditEntry).where(condition, AuditEntry.seq <= live_end)
    return list(live.scalars(stmt.order_by(AuditEntry.seq)))


def _set_head(session: Session, seq: int, digest: str) -> None:
    session.flush()
    session.execute(
        update(AuditHead)
        .where(AuditHead.id == 1)
        .values(last_seq=seq, last_hash=digest)
        .execution_options(synchronize_session=False)
    )


def _carry_keys(backup: Session, live: Session) -> None:
    """Public keys the backup lacks (never removed), and wraps for users it has."""
    have = set(backup.scalars(select(AuditSealKey.key_id)))
    for key in live.scalars(select(AuditSealKey)):
        if key.key_id not in have:
            backup.add(
                AuditSealKey(
                    key_id=key.key_id,
                    public_key=key.public_key,
                    created_at=key.created_at,
                    created_by=key.created_by,
                )
            )
    backup.flush()
    users = set(backup.scalars(select(User.id)))
    wraps = {tuple(r) for r in backup.execute(select(AuditSealWrap.user_id, AuditSealWrap.key_id))}
    columns = [c.key for c in AuditSealWrap.__table__.columns]
    for wrap in live.scalars(select(AuditSealWrap)):
        if wrap.user_id in users and (wrap.user_id, wrap.key_id) not in wraps:
            backup.add(AuditSealWrap(**{c: getattr(wrap, c) for c in columns}))
    backup.flush()


def _carry_checkpoints(backup: Session, live: Session, end: int) -> None:
    have = set(backup.scalars(select(AuditCheckpoint.signature)))
    columns = [c.key for c in AuditCheckpoint.__table__.columns if c.key != "id"]
    for checkpoint in live.scalars(
        select(AuditCheckpoint).where(AuditCheckpoint.seq > end).order_by(AuditCheckpoint.id)
    ):
        if checkpoint.signature not in have:
            backup.add(AuditCheckpoint(**{c: getattr(checkpoint, c) for c in columns}))
    backup.flush()
