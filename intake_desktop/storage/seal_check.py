"""Checking the signed checkpoints against the chain: what ``audit --verify`` adds to the hashes.

Each checkpoint, from the database or the seal file, must carry a good signature by a known
key, and must still match the chain: entry ``seq`` must exist with the hash it sealed. History
rewritten before a checkpoint (edited and re-chained, truncated, wiped and started again) fails
that, because recomputing the hashes is easy and re-signing is not. An entry after a checkpoint
that is dated well before it was added later with a false date. Everything found is a
:class:`~intake_desktop.storage.audit.ChainProblem` of kind ``seal``, in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from .audit import ChainProblem
from .models import AuditEntry, AuditHead
from .seal import (
    Checkpoint,
    current_key,
    fingerprint,
    public_keys,
    verify_signature,
    wrap_holders,
)
from .seal_file import SealFile

#: Workstations' clocks differ; an entry dated this much before a checkpoint is still accepted.
CLOCK_TOLERANCE = timedelta(minutes=10)


@dataclass(frozen=True, slots=True)
class SealStatus:
    """What ``audit --verify`` shows beside the problems: the key, the checkpoints, the file."""

    fingerprint: str | None
    key_created_at: datetime | None
    checkpoints: int
    last_checkpoint: Checkpoint | None
    seal_file: str
    seal_file_exists: bool
    notes: tuple[str, ...]


def seal_problems(session: Session, seal_file: SealFile) -> list[ChainProblem]:
    """Every disagreement between the checkpoints (database and seal file) and the chain."""
    problems: list[ChainProblem] = []
    valid = valid_checkpoints(session, seal_file, problems)
    problems.extend(checkpoints_against(session, valid))
    return problems


def valid_checkpoints(
    session: Session, seal_file: SealFile, problems: list[ChainProblem]
) -> list[Checkpoint]:
    """The checkpoints (database and seal file) with a good signature by a trusted key; what
    is wrong with the others, and with the file, goes to ``problems``.

    When the seal file exists, only the keys pinned in it are trusted: a key put into the
    database alone could sign anything.
    """
    keys = public_keys(session)
    stored = _stored(session)
    if seal_file.exists and seal_file.pins:
        key = current_key(session)
        if key is not None and key.key_id not in seal_file.pins:
            problems.append(
                _problem(
                    None,
                    f"the sealing key in the database (fingerprint {fingerprint(key.key_id)}) is "
                    f"not the one pinned in {seal_file.path} (fingerprint "
                    f"{fingerprint(seal_file.first_pin or '')}): the key was replaced",
                )
            )
        known = dict(seal_file.pins)
    else:
        known = keys
    everything = {c.signature: c for c in [*stored, *seal_file.checkpoints]}
    valid: list[Checkpoint] = []
    for checkpoint in sorted(everything.values(), key=lambda c: (c.seq, c.at)):
        public = known.get(checkpoint.key_id)
        if public is None or not verify_signature(checkpoint, public):
            why = "an unknown key" if public is None else "a signature that does not verify"
            problems.append(
                _problem(
                    checkpoint.seq,
                    f"{checkpoint.describe()} has {why}: it was forged or altered",
                )
            )
            continue
        valid.append(checkpoint)
    replaced = _replaced_by_restores(valid)
    in_db = {c.signature for c in stored}
    for checkpoint in seal_file.checkpoints:
        if checkpoint.signature not in in_db and checkpoint.signature not in replaced:
            problems.append(
                _problem(
                    checkpoint.seq,
                    f"{checkpoint.describe()} is in the seal file {seal_file.path} but not in "
                    "the database: checkpoints were removed from the database",
                )
            )
    valid = [c for c in valid if c.signature not in replaced]
    return valid


def _replaced_by_restores(valid: list[Checkpoint]) -> set[str]:
    """Signatures of checkpoints that sealed history a later, signed restore replaced.

    A restore over a trail that no longer continued the backup's re-chains the newer entries;
    its checkpoint (signed, so no one else can claim this) names the backup's last entry, and
    the checkpoints made before it beyond that entry sealed the trail that was replaced.
    """
    restores = [c for c in valid if c.replaces_after is not None]
    return {
        c.signature
        for c in valid
        for r in restores
        if c.at < r.at and c.seq > (r.replaces_after or 0)
    }


def seal_status(session: Session, seal_file: SealFile) -> SealStatus:
    """The sealing key's fingerprint and what there is to say about the checkpoints."""
    key = current_key(session)
    stored = _stored(session)
    last = max(stored, key=lambda c: (c.at, c.seq), default=None)
    notes: list[str] = []
    if key is None:
        notes.append(
            "no sealing key yet: it is made at the next administrator sign-in, and the trail is "
            "protected by its hash chain alone until then"
        )
    elif not wrap_holders(session):
        notes.append(
            "no administrator can unlock the sealing key, so nothing new is sealed: an "
            "administrator should run audit --new-seal-key"
        )
    if not seal_file.exists:
        notes.append(
            f"there is no seal file at {seal_file.path}: the checkpoints were checked against "
            "the database's own copy only"
        )
    elif seal_file.unreadable_lines:
        notes.append(f"{seal_file.unreadable_lines} line(s) of the seal file could not be read")
    if last is not None:
        head = session.scalar(select(AuditHead.last_seq).where(AuditHead.id == 1)) or 0
        if head > last.seq:
            which = (
                f"entry {head} was"
                if head == last.seq + 1
                else f"entries {last.seq + 1} to {head} were"
            )
            notes.append(
                f"{which} written after the last checkpoint: protected by the hash chain only "
                "until the next one"
            )
    return SealStatus(
        fingerprint=fingerprint(key.key_id) if key else None,
        key_created_at=key.created_at if key else None,
        checkpoints=len(stored),
        last_checkpoint=last,
        seal_file=str(seal_file.path),
        seal_file_exists=seal_file.exists,
        notes=tuple(notes),
    )


def _stored(session: Session) -> list[Checkpoint]:
    from .seal import stored_checkpoints

    return stored_checkpoints(session)


def checkpoints_against(
    session: Session, checkpoints: list[Checkpoint], *, late_entries: bool = True
) -> list[ChainProblem]:
    """Where the chain in ``session`` no longer matches these (valid) checkpoints."""
    problems: list[ChainProblem] = []
    last_seq = session.scalar(select(AuditHead.last_seq).where(AuditHead.id == 1)) or 0
    newest = session.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1)) or 0
    end = max(last_seq, newest)
    for checkpoint in checkpoints:
        if checkpoint.seq == 0:
            continue  # sealed the empty trail: nothing to compare
        if checkpoint.seq > end:
            problems.append(
                _problem(
                    checkpoint.seq,
                    f"{checkpoint.describe()} sealed the trail at entry {checkpoint.seq}, but "
                    f"the trail now ends at entry {end}: entries were removed and the chain "
                    "made again",
                )
            )
            continue
        stored = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == checkpoint.seq))
        if stored != checkpoint.head_hash:
            problems.append(
                _problem(
                    checkpoint.seq,
                    f"{checkpoint.describe()} sealed entry {checkpoint.seq}, which is no longer "
                    "the entry it sealed: the history up to it was rewritten and re-chained",
                )
            )
    if late_entries:
        problems.extend(_late_entries(session, checkpoints))
    return problems


def _late_entries(session: Session, checkpoints: list[Checkpoint]) -> list[ChainProblem]:
    """Entries after a checkpoint dated before it (an append disguised as an old entry)."""
    problems: list[ChainProblem] = []
    bounds: list[tuple[int, datetime, Checkpoint]] = []
    for checkpoint in sorted(checkpoints, key=lambda c: c.seq):
        if not bounds or checkpoint.at > bounds[-1][1]:
            bounds.append((checkpoint.seq, checkpoint.at, checkpoint))
    if not bounds:
        return problems
    rows = session.execute(
        select(AuditEntry.seq, AuditEntry.at)
        .where(AuditEntry.seq > bounds[0][0])
        .order_by(AuditEntry.seq)
        .execution_options(yield_per=1000)
    )
    index = 0
    for seq, at in rows:
        while index + 1 < len(bounds) and bounds[index + 1][0] < seq:
            index += 1
        _, sealed_at, checkpoint = bounds[index]
        if at < sealed_at - CLOCK_TOLERANCE:
            problems.append(
                _problem(
                    seq,
                    f"entry {seq} is dated {at:%Y-%m-%d %H:%M} UTC, before "
                    f"{checkpoint.describe()} that sealed the trail at entry {checkpoint.seq}: "
                    "it was added afterwards with a false date",
                )
            )
    return problems


def _problem(seq: int | None, message: str) -> ChainProblem:
    return ChainProblem(seq, message, "seal")
