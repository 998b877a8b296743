"""The tables of the audit trail: its append-only entries and head, and the keys and signed
checkpoints that seal it (see ``storage.audit`` and ``storage.seal``).

Importable from :mod:`.models` like every other table class.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .model_base import Base


class AuditEntry(Base):
    """One line of the audit trail: who did what to which record, from where, and the outcome.

    Append-only (triggers in migration 0002 refuse UPDATE and DELETE) and tamper-evident: ``hash``
    is the SHA-256 of the entry's canonical JSON including ``prev_hash``, the previous entry's
    hash, so an edited, removed or reordered entry breaks the chain (see ``storage.audit``).
    Entries hold ids and action names only, never names or case data.
    """

    __tablename__ = "audit_entries"

    #: Position in the chain, 1, 2, 3 ... with no gaps (allocated from ``audit_head``).
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime]
    user_id: Mapped[int | None] = mapped_column(Integer, index=True)
    username: Mapped[str] = mapped_column(String(100))
    workstation: Mapped[str] = mapped_column(String(255))
    action: Mapped[str] = mapped_column(String(40), index=True)
    outcome: Mapped[str] = mapped_column(String(16))
    patient_id: Mapped[int | None] = mapped_column(Integer, index=True)
    visit_id: Mapped[int | None] = mapped_column(Integer)
    subject_user_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str | None] = mapped_column(String(200))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The single row naming the chain's last entry; appends lock it, so the chain never forks."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)


class AuditSealKey(Base):
    """The public half of a key that signs audit checkpoints (see ``storage.seal``)."""

    __tablename__ = "audit_seal_keys"

    #: The first 32 hex digits of the SHA-256 of the raw public key.
    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(100))


class AuditSealWrap(Base):
    """The private sealing key, encrypted under a key derived from one administrator's password."""

    __tablename__ = "audit_seal_wraps"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    key_id: Mapped[str] = mapped_column(
        ForeignKey("audit_seal_keys.key_id", ondelete="RESTRICT"), primary_key=True
    )
    salt: Mapped[str] = mapped_column(String(64))
    nonce: Mapped[str] = mapped_column(String(24))
    wrapped: Mapped[str] = mapped_column(String(160))
    time_cost: Mapped[int] = mapped_column(Integer)
    memory_cost: Mapped[int] = mapped_column(Integer)
    parallelism: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]


class AuditCheckpoint(Base):
    """A signed statement that the trail ended at entry ``seq`` with ``head_hash`` at ``at``.

    Append-only (triggers in migration 0009); each one is also written to a file outside the
    database, so that removing them here is noticed (``storage.seal_file``).
    """

    __tablename__ = "audit_checkpoints"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, index=True)
    head_hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]
    key_id: Mapped[str] = mapped_column(String(32))
    #: ``sign-in``, ``backup``, ``restore``, ``daily``, ``new-key``.
    reason: Mapped[str] = mapped_column(String(16))
    made_by: Mapped[str] = mapped_column(String(100))
    signature: Mapped[str] = mapped_column(String(128))
    #: A restore's: checkpoints made before it beyond this entry sealed the replaced history.
    replaces_after: Mapped[int | None] = mapped_column(Integer)
