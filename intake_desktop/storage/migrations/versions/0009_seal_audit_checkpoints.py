"""Signed checkpoints of the audit trail, and the sealing key wrapped for each administrator.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

Written out by hand (it never imports the application's models).

* ``audit_seal_keys``: the public half of each Ed25519 sealing key (``key_id`` is the start of
  the SHA-256 of the raw public key). Public keys are never removed: old checkpoints stay
  checkable after a new key is made.
* ``audit_seal_wraps``: the private key, encrypted (AES-GCM) under a key derived with argon2id
  from one administrator's password; one row per administrator who can unlock it.
* ``audit_checkpoints``: signed statements "the trail ended at entry ``seq`` with hash
  ``head_hash`` at ``at``". Append-only, like ``audit_entries`` (triggers refuse UPDATE and
  DELETE; on PostgreSQL also TRUNCATE). Each one is also appended to a file outside the database
  (see ``storage.seal_file``), since whoever holds an SQLite file can drop triggers.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MESSAGE = "audit_checkpoints is append-only: a checkpoint is never changed or removed"


def _when() -> sa.types.TypeEngine:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "audit_seal_keys",
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_audit_seal_keys")),
    )
    op.create_table(
        "audit_seal_wraps",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("salt", sa.String(length=64), nullable=False),
        sa.Column("nonce", sa.String(length=24), nullable=False),
        sa.Column("wrapped", sa.String(length=160), nullable=False),
        sa.Column("time_cost", sa.Integer(), nullable=False),
        sa.Column("memory_cost", sa.Integer(), nullable=False),
        sa.Column("parallelism", sa.Integer(), nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_audit_seal_wraps_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["key_id"],
            ["audit_seal_keys.key_id"],
            name=op.f("fk_audit_seal_wraps_key_id_audit_seal_keys"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("user_id", "key_id", name=op.f("pk_audit_seal_wraps")),
    )
    op.create_table(
        "audit_checkpoints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.Column("at", _when(), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("made_by", sa.String(length=100), nullable=False),
        sa.Column("signature", sa.String(length=128), nullable=False),
        sa.Column("replaces_after", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_checkpoints")),
    )
    op.create_index(op.f("ix_audit_checkpoints_seq"), "audit_checkpoints", ["seq"])
    _create_append_only_triggers()


def downgrade() -> None:
    _drop_append_only_triggers()
    op.drop_index(op.f("ix_audit_checkpoints_seq"), table_name="audit_checkpoints")
    op.drop_table("audit_checkpoints")
    op.drop_table("audit_seal_wraps")
    op.drop_table("audit_seal_keys")


def _create_append_only_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_checkpoints_append_only() RETURNS trigger "
            f"LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{_MESSAGE}'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE "
            "ON audit_checkpoints FOR EACH ROW EXECUTE FUNCTION audit_checkpoints_append_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoints_append_only()"
        )
        return
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_checkpoints_no_{event.lower()} BEFORE {event} "
            f"ON audit_checkpoints BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END"
        )


def _drop_append_only_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_checkpoints_no_truncate ON audit_checkpoints")
        op.execute("DROP TRIGGER audit_checkpoints_append_only ON audit_checkpoints")
        op.execute("DROP FUNCTION audit_checkpoints_append_only()")
        return
    for event in ("update", "delete"):
        op.execute(f"DROP TRIGGER audit_checkpoints_no_{event}")
