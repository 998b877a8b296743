"""The key file beside an encrypted SQLite database: its one random key, wrapped per person.

The database is encrypted (SQLCipher) with a random 256-bit key that no person ever types. That
key is kept in ``<database>.keys`` wrapped (AES-256-GCM) once for every user, under a key derived
from the user's password with argon2id, and once under the recovery key printed at first start.
Changing a password re-wraps the same database key: the database itself is never rewritten. A
stolen laptop's key file gives an intruder what a password guess gives, at argon2id's cost per
guess; the file holds no password, no hash and no patient data.

Before the first administrator exists the key is kept *unclaimed* (unwrapped) in the file: the
database holds no records then, and a first start cut short must not leave a file nobody can
open. Creating the first administrator wraps it and removes the unclaimed copy.

The argon2id cost of the wraps is chosen in one place, :data:`WRAP_COST` (tests lower it).
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw

from intake_desktop.private_files import write_private

from .errors import StorageError

KEY_FILE_SUFFIX = ".keys"
FORMAT = "intake-desktop-keys/1"
KEY_BYTES = 32
#: The recovery key: 25 characters of Crockford's base32 in five groups (125 bits).
_RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_RECOVERY_GROUPS, _RECOVERY_GROUP = 5, 5
_DUMMY_SALT = b"intake-desktop-no-such-user-salt"


class KeyFileError(StorageError):
    """The key file is missing, damaged or not ours; nothing was changed."""


@dataclass(frozen=True, slots=True)
class WrapCost:
    """argon2id's cost for one wrap: passes, memory (KiB) and lanes."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4


#: The cost of every new wrap (argon2id, RFC 9106's low-memory profile, as the password hashes).
WRAP_COST = WrapCost()


@dataclass(frozen=True, slots=True)
class Wrap:
    """The database key under one secret: argon2id salt and cost, AES-GCM nonce and ciphertext."""

    salt: bytes
    nonce: bytes
    sealed: bytes
    cost: WrapCost
    #: made at conversion from the salt and output of the user's password hash (see
    #: :mod:`.convert`): replaced by a fresh wrap at their next sign-in
    from_hash: bool = False

    def to_json(self) -> dict[str, Any]:
        c = self.cost
        data: dict[str, Any] = {
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "sealed": _b64(self.sealed),
            "argon2id": [c.time_cost, c.memory_kib, c.parallelism],
        }
        if self.from_hash:
            data["from_hash"] = True
        return data

    @classmethod
    def from_json(cls, data: Any) -> Wrap:
        try:
            t, m, p = (int(v) for v in data["argon2id"])
            return cls(_unb64(data["salt"]), _unb64(data["nonce"]), _unb64(data["sealed"]),
                       WrapCost(t, m, p), bool(data.get("from_hash")))  # fmt: skip
        except (KeyError, TypeError, ValueError, binascii.Error) as exc:
            raise KeyFileError(f"a wrap in the key file is damaged ({exc})") from None


@dataclass(slots=True)
class KeyFile:
    """What ``<database>.keys`` holds."""

    users: dict[str, Wrap] = field(default_factory=dict)
    recovery: Wrap | None = None
    unclaimed: bytes | None = None

    def to_bytes(self) -> bytes:
        data: dict[str, Any] = {
            "format": FORMAT,
            "users": {name: w.to_json() for name, w in sorted(self.users.items())},
            "recovery": self.recovery.to_json() if self.recovery else None,
        }
        if self.unclaimed is not None:
            data["unclaimed"] = self.unclaimed.hex()
        return (json.dumps(data, indent=1) + "\n").encode()

    @classmethod
    def from_bytes(cls, raw: bytes, where: Path) -> KeyFile:
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise KeyFileError(f"{where} is not a key file of intake-desktop") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise KeyFileError(f"{where} is not a key file of intake-desktop")
        users = data.get("users") or {}
        unclaimed = data.get("unclaimed")
        return cls(
            users={str(k): Wrap.from_json(v) for k, v in users.items()},
            recovery=Wrap.from_json(data["recovery"]) if data.get("recovery") else None,
            unclaimed=bytes.fromhex(unclaimed) if isinstance(unclaimed, str) else None,
        )


def key_file_for(database: Path) -> Path:
    """Where the key file of the database file ``database`` lives: beside it, ``NAME.keys``."""
    return database.with_name(database.name + KEY_FILE_SUFFIX)


def new_database_key() -> bytes:
    """A fresh random 256-bit database key."""
    return secrets.token_bytes(KEY_BYTES)


def read_key_file(path: Path) -> KeyFile:
    """The key file at ``path`` (:class:`KeyFileError` when missing or damaged)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KeyFileError(f"the key file {path} is missing") from None
    except OSError as exc:
        raise KeyFileError(f"the key file {path} cannot be read: {exc.strerror}") from None
    return KeyFile.from_bytes(raw, path)


def write_key_file(path: Path, keys: KeyFile, *, force: bool = True) -> None:
    """Write ``keys`` to ``path``: 0600, through a temporary file renamed into place."""
    write_private(path, keys.to_bytes(), force=force)


def wrap(key: bytes, secret: str, label: str) -> Wrap:
    """``key`` sealed under ``secret`` (a password or a recovery key) for ``label``."""
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    cost = WRAP_COST
    sealed = _aesgcm(derive_wrapping_key(secret, salt, cost)).encrypt(nonce, key, _aad(label))
    return Wrap(salt, nonce, sealed, cost)


def wrap_under(key: bytes, derived: bytes, salt: bytes, cost: WrapCost, label: str) -> Wrap:
    """``key`` sealed under an argon2id output already computed (a password hash's), which
    :func:`unwrap` recomputes from the password with the same ``salt`` and ``cost``."""
    nonce = secrets.token_bytes(12)
    sealed = _aesgcm(derived).encrypt(nonce, key, _aad(label))
    return Wrap(salt, nonce, sealed, cost, from_hash=True)


def needs_fresh_wrap(keys: KeyFile, username: str) -> bool:
    """Whether ``username`` has no wrap, or one made from their old password hash."""
    sealed = keys.users.get(username)
    return sealed is None or sealed.from_hash


def unwrap(sealed: Wrap, secret: str, label: str) -> bytes | None:
    """The database key, or None when ``secret`` is not the one it was wrapped under."""
    try:
        key = _aesgcm(derive_wrapping_key(secret, sealed.salt, sealed.cost)).decrypt(
            sealed.nonce, sealed.sealed, _aad(label)
        )
    except _invalid_tag():
        return None
    return key if len(key) == KEY_BYTES else None


def dummy_unwrap(secret: str) -> None:
    """The cost of an unwrap where there is nothing to unwrap (an unknown user name), so that
    how long a refusal takes does not tell which user names have a key."""
    derive_wrapping_key(secret or "x", _DUMMY_SALT, WRAP_COST)


def unwrap_for_user(keys: KeyFile, username: str, password: str) -> bytes | None:
    """The database key from ``username``'s wrap; an unknown name costs the same as a known one."""
    sealed = keys.users.get(username)
    if sealed is None:
        dummy_unwrap(password)
        return None
    return unwrap(sealed, password, _user_label(username))


def unwrap_with_recovery(keys: KeyFile, recovery_key: str) -> bytes | None:
    """The database key from the recovery wrap (None: wrong key, or the file has none)."""
    if keys.recovery is None:
        return None
    return unwrap(keys.recovery, normalise_recovery_key(recovery_key), "recovery")


def wrap_for_user(keys: KeyFile, username: str, password: str, key: bytes) -> None:
    """Add or replace ``username``'s wrap; the unclaimed copy goes once someone holds a wrap."""
    keys.users[username] = wrap(key, password, _user_label(username))
    keys.unclaimed = None


def new_recovery_key(keys: KeyFile, key: bytes) -> str:
    """A new recovery key wrapping ``key`` (replacing an older one); returned formatted."""
    letters = "".join(
        secrets.choice(_RECOVERY_ALPHABET) for _ in range(_RECOVERY_GROUPS * _RECOVERY_GROUP)
    )
    keys.recovery = wrap(key, letters, "recovery")
    return format_recovery_key(letters)


def format_recovery_key(letters: str) -> str:
    """``ABCDE-FGHJK-...``: five groups of five, easy to read aloud and to type back."""
    size = _RECOVERY_GROUP
    return "-".join(letters[i : i + size] for i in range(0, len(letters), size))


def normalise_recovery_key(text: str) -> str:
    """What was typed, as it was wrapped: case, spaces and dashes ignored, O read as 0, I and L
    as 1 (Crockford's base32 forgives the letters people confuse)."""
    cleaned = "".join(ch for ch in str(text).upper() if ch.isalnum())
    return cleaned.translate(str.maketrans("OIL", "011"))


def pragma_key(key: bytes) -> str:
    """The ``PRAGMA key`` statement for a raw 256-bit key (SQLCipher skips its own KDF)."""
    if len(key) != KEY_BYTES:
        raise ValueError("a database key has 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def derive_wrapping_key(secret: str, salt: bytes, cost: WrapCost) -> bytes:
    """The AES-256 key argon2id derives from ``secret`` (also the audit seal's wraps')."""
    return hash_secret_raw(
        secret.encode("utf-8", "surrogatepass"),
        salt,
        time_cost=cost.time_cost,
        memory_cost=cost.memory_kib,
        parallelism=cost.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def _aesgcm(key: bytes) -> Any:
    """AES-GCM under ``key``. ``cryptography`` is imported here, not with the module: a plain
    database never wraps a key, and its start need not load it (about 10 ms)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


def _invalid_tag() -> type[Exception]:
    from cryptography.exceptions import InvalidTag

    return InvalidTag


def _aad(label: str) -> bytes:
    # The wrap is bound to whose it is: a user's wrap copied under another name does not open.
    return f"{FORMAT}|{label}".encode()


def _user_label(username: str) -> str:
    return f"user:{username}"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def key_file_exists(database: Path) -> bool:
    """Whether ``database`` has a key file beside it (so it is, or is to be, encrypted)."""
    return os.path.lexists(key_file_for(database))
