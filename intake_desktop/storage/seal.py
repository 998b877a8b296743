"""Sealing the audit trail: signed checkpoints of the chain's head, and the key that signs them.

The hash chain alone (``storage.audit``) shows an edit only to someone who cannot recompute the
hashes, and the recipe is public. So at moments only an administrator brings about (their
sign-in, a backup, a restore, once a day in their open session) the head of the chain, its
sequence number and hash, is signed with an Ed25519 key: a *checkpoint*. Whoever rewrites
history before a checkpoint can recompute every hash, but not the signature, so the checkpoint
no longer matches the chain and ``audit --verify`` says so.

The private key is stored only encrypted, once per administrator (a *wrap*): AES-GCM under a
key derived from that administrator's password with argon2id. Signing therefore needs an
administrator's password in this process; the database alone never can. The public key is
stored in the database and pinned in the seal file outside it (``storage.seal_file``), and
its fingerprint is shown by ``audit --verify``, to compare with the one the clinic printed:
otherwise an attacker could replace the key and re-sign.
"""

from __future__ import annotations

import dataclasses
import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .audit import GENESIS_HASH, verify_chain
from .keyring import WrapCost, derive_wrapping_key
from .models import AuditCheckpoint, AuditHead, AuditSealKey, AuditSealWrap, utc_now

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

# ``cryptography`` is imported by the functions that sign or unwrap, not with the module: the
# audit trail imports this one, and a start without an administrator never seals (~15 ms).

_DOMAIN = "intake-desktop audit checkpoint v1"


@dataclass(frozen=True, slots=True)
class KdfParameters:
    """argon2id cost of deriving a wrapping key from a password (stored with each wrap)."""

    time_cost: int = 3
    memory_cost: int = 65536  # KiB: 64 MiB
    parallelism: int = 1


#: The cost used for new wraps; tests lower it (tests/actors.py), as they do for passwords.
KDF = KdfParameters()


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A signed statement: the trail ended at entry ``seq`` with hash ``head_hash`` at ``at``."""

    seq: int
    head_hash: str
    at: datetime
    key_id: str
    reason: str
    made_by: str
    signature: str
    #: Set by a restore over a trail that no longer continued the backup's: the checkpoints
    #: made before this one that sealed entries after this number sealed the replaced history.
    replaces_after: int | None = None

    def message(self) -> bytes:
        """The exact bytes signed (every field but the signature)."""
        return checkpoint_message(
            self.seq,
            self.head_hash,
            self.at,
            self.key_id,
            self.reason,
            self.made_by,
            self.replaces_after,
        )

    def describe(self) -> str:
        """``the checkpoint of 2026-12-05 10:01 UTC (sign-in by admin)`` for messages."""
        return f"the checkpoint of {self.at:%Y-%m-%d %H:%M} UTC ({self.reason} by {self.made_by})"


@dataclass(frozen=True, slots=True)
class UnlockedKey:
    """A private sealing key an administrator unlocked, with its id."""

    key_id: str
    private_key: Ed25519PrivateKey


def checkpoint_message(
    seq: int,
    head_hash: str,
    at: datetime,
    key_id: str,
    reason: str,
    made_by: str,
    replaces_after: int | None = None,
) -> bytes:
    when = at.astimezone(UTC).isoformat(timespec="microseconds")
    parts = [_DOMAIN, str(seq), head_hash, when, key_id, reason, made_by]
    if replaces_after is not None:
        parts.append(f"replaces-after={replaces_after}")
    return "|".join(parts).encode()


def key_id_of(public_hex: str) -> str:
    """The id of a public key: the first 32 hex digits of the SHA-256 of its 32 raw bytes."""
    return hashlib.sha256(bytes.fromhex(public_hex)).hexdigest()[:32]


def fingerprint(key_id: str) -> str:
    """A key id as people compare it on paper: eight groups of four, upper case."""
    text = key_id.upper()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def public_hex(private_key: Ed25519PrivateKey) -> str:
    return private_key.public_key().public_bytes_raw().hex()


def verify_signature(checkpoint: Checkpoint, public_key_hex: str) -> bool:
    """Whether ``checkpoint`` was signed by the private half of ``public_key_hex``."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))
        key.verify(bytes.fromhex(checkpoint.signature), checkpoint.message())
    except (InvalidSignature, ValueError):
        return False
    return True


# --- keys and wraps --------------------------------------------------------------------------


def create_key(session: Session, created_by: str) -> UnlockedKey:
    """A new sealing key; its public half is stored, the private half wrapped by the caller."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private_key = Ed25519PrivateKey.generate()
    public = public_hex(private_key)
    key_id = key_id_of(public)
    session.add(
        AuditSealKey(key_id=key_id, public_key=public, created_at=utc_now(), created_by=created_by)
    )
    session.flush()
    return UnlockedKey(key_id, private_key)


def current_key(session: Session) -> AuditSealKey | None:
    """The newest sealing key (the one new checkpoints are signed with), or None yet."""
    return session.scalars(
        select(AuditSealKey).order_by(AuditSealKey.created_at.desc()).limit(1)
    ).first()


def public_keys(session: Session) -> dict[str, str]:
    """Every sealing key the database holds: key id → public key (hex)."""
    return dict(session.execute(select(AuditSealKey.key_id, AuditSealKey.public_key)).all())


def wrap_for(session: Session, key: UnlockedKey, user_id: int, password: str) -> None:
    """Store ``key`` encrypted under ``password`` for user ``user_id`` (replacing their wraps)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    drop_wraps(session, user_id)
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    params = KDF
    wrapping = _derive(password, salt, params)
    raw = key.private_key.private_bytes_raw()
    wrapped = AESGCM(wrapping).encrypt(nonce, raw, _aad(key.key_id, user_id))
    session.add(
        AuditSealWrap(
            user_id=user_id,
            key_id=key.key_id,
            salt=salt.hex(),
            nonce=nonce.hex(),
            wrapped=wrapped.hex(),
            time_cost=params.time_cost,
            memory_cost=params.memory_cost,
            parallelism=params.parallelism,
            created_at=utc_now(),
        )
    )
    session.flush()


def drop_wraps(session: Session, user_id: int) -> None:
    """Forget every wrap of user ``user_id`` (a new password, or no longer an administrator)."""
    session.execute(delete(AuditSealWrap).where(AuditSealWrap.user_id == user_id))


def unlock(session: Session, user_id: int, password: str) -> UnlockedKey | None:
    """The current sealing key, decrypted with ``password``; None when this user holds no wrap
    of it or the password does not open it."""
    key = current_key(session)
    if key is None:
        return None
    wrap = session.get(AuditSealWrap, (user_id, key.key_id))
    if wrap is None:
        return None
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    params = KdfParameters(wrap.time_cost, wrap.memory_cost, wrap.parallelism)
    try:
        wrapping = _derive(password, bytes.fromhex(wrap.salt), params)
        raw = AESGCM(wrapping).decrypt(
            bytes.fromhex(wrap.nonce), bytes.fromhex(wrap.wrapped), _aad(key.key_id, user_id)
        )
        private_key = Ed25519PrivateKey.from_private_bytes(raw)
    except (InvalidTag, ValueError):
        return None
    if public_hex(private_key) != key.public_key:
        return None
    return UnlockedKey(key.key_id, private_key)


def wrap_holders(session: Session) -> list[int]:
    """The users who can unlock the current key."""
    key = current_key(session)
    if key is None:
        return []
    return list(
        session.scalars(select(AuditSealWrap.user_id).where(AuditSealWrap.key_id == key.key_id))
    )


def _derive(password: str, salt: bytes, params: KdfParameters) -> bytes:
    cost = WrapCost(params.time_cost, params.memory_cost, params.parallelism)
    return derive_wrapping_key(password, salt, cost)


def _aad(key_id: str, user_id: int) -> bytes:
    return f"intake-desktop seal wrap v1|{key_id}|{user_id}".encode()


# --- checkpoints -----------------------------------------------------------------------------


def stored_checkpoints(session: Session) -> list[Checkpoint]:
    """Every checkpoint in the database, in the order they were made."""
    rows = session.scalars(select(AuditCheckpoint).order_by(AuditCheckpoint.id))
    return [
        Checkpoint(
            r.seq, r.head_hash, r.at, r.key_id, r.reason, r.made_by, r.signature, r.replaces_after
        )
        for r in rows
    ]


def chain_since_last_checkpoint_ok(session: Session) -> bool:
    """Whether the chain since the newest valid checkpoint is intact (a cheap check).

    A checkpoint vouches for what it seals, so it is made only over a chain that checks out
    from the last checkpoint on; the full check is ``audit --verify``'s.
    """
    keys = public_keys(session)
    after_seq, after_hash = 0, GENESIS_HASH
    # The newest made (not the highest number): after a restore that replaced a trail, older
    # checkpoints may name entries the restored trail numbers differently.
    for checkpoint in sorted(stored_checkpoints(session), key=lambda c: c.at, reverse=True):
        public = keys.get(checkpoint.key_id)
        if public is not None and verify_signature(checkpoint, public):
            after_seq, after_hash = checkpoint.seq, checkpoint.head_hash
            break
    if after_seq:
        from .models import AuditEntry

        stored = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == after_seq))
        if stored != after_hash:
            return False
    return not verify_chain(session, after_seq=after_seq, after_hash=after_hash)


def make_checkpoint(
    session: Session,
    key: UnlockedKey,
    *,
    reason: str,
    made_by: str,
    replaces_after: int | None = None,
) -> Checkpoint | None:
    """Sign the chain's head as it is in ``session``'s transaction and store the checkpoint.

    Returns None (nothing stored) when the chain since the last checkpoint does not check out:
    a damaged trail is never sealed as if it were sound.
    """
    if not chain_since_last_checkpoint_ok(session):
        return None
    seq, head_hash = session.execute(
        select(AuditHead.last_seq, AuditHead.last_hash).where(AuditHead.id == 1)
    ).one()
    at = utc_now()
    unsigned = Checkpoint(seq, head_hash, at, key.key_id, reason, made_by[:100], "", replaces_after)
    signature = key.private_key.sign(unsigned.message()).hex()
    checkpoint = dataclasses.replace(unsigned, signature=signature)
    session.add(
        AuditCheckpoint(
            seq=seq,
            head_hash=head_hash,
            at=at,
            key_id=key.key_id,
            reason=reason,
            made_by=checkpoint.made_by,
            signature=signature,
            replaces_after=replaces_after,
        )
    )
    session.flush()
    return checkpoint
