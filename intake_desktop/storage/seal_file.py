"""The seal file: the audit trail's checkpoints, and the sealing key's pin, outside the database.

Whoever holds an SQLite file can drop its triggers and delete the checkpoints stored in it; a
copy in a second file is one more thing they must find and edit consistently, and the key pinned
there (its first line) is what a replaced key is compared with. The file sits beside an SQLite
database (``records.sqlite3.audit-seal``, so beside the backups made next to it), and in the
user's data folder for a PostgreSQL database (one file per server and database name).

One JSON object per line, only ever appended: a ``key`` line when a sealing key is made (or the
file is started), a ``checkpoint`` line per checkpoint. It holds hashes, times, user names and
signatures, never patient data. It is created 0600 (its folder 0700) whatever the umask, never
through a symbolic link, and each line is written with one ``write`` in append mode and flushed
to disk, so a crash leaves at most one torn last line, which the reader skips and reports.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import platformdirs

from intake_desktop.private_files import (
    FILE_MODE,
    UnsafeTargetError,
    WriteFailedError,
    fsync_folder,
    make_private_folder,
)

from .database import APP_NAME, Database
from .seal import Checkpoint

SUFFIX = ".audit-seal"
# O_NONBLOCK: a FIFO put in the file's place fails at once instead of hanging the sign-in.
_FLAGS = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)


@dataclass(frozen=True, slots=True)
class SealFile:
    """What the seal file holds: pinned keys (first one first), checkpoints, unreadable lines."""

    path: Path
    exists: bool
    pins: dict[str, str] = field(default_factory=dict)
    checkpoints: list[Checkpoint] = field(default_factory=list)
    unreadable_lines: int = 0

    @property
    def first_pin(self) -> str | None:
        return next(iter(self.pins), None)


def seal_path(db: Database) -> Path:
    """Where ``db``'s seal file lives (see the module docstring)."""
    path = db.sqlite_path
    if path is not None:
        return path.with_name(path.name + SUFFIX)
    url = db.url
    name = f"{url.host or 'local'}-{url.port or 5432}-{url.database or ''}"
    digest = hashlib.sha256(name.encode()).hexdigest()[:12]
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:80]
    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return folder / f"{safe}-{digest}{SUFFIX}"


def read_seal_file(path: Path) -> SealFile:
    """The seal file at ``path``; a missing file is an empty one with ``exists`` False."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return SealFile(path, exists=False)
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeTargetError(path, "the seal file is not a regular file")
    pins: dict[str, str] = {}
    checkpoints: list[Checkpoint] = []
    bad = 0
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                item = json.loads(line)
                if item["type"] == "key":
                    pins.setdefault(str(item["key_id"]), str(item["public_key"]))
                elif item["type"] == "checkpoint":
                    checkpoints.append(
                        Checkpoint(
                            int(item["seq"]),
                            str(item["head_hash"]),
                            datetime.fromisoformat(item["at"]),
                            str(item["key_id"]),
                            str(item["reason"]),
                            str(item["made_by"]),
                            str(item["signature"]),
                            _optional_int(item.get("replaces_after")),
                        )
                    )
                else:
                    bad += 1
            except (ValueError, KeyError, TypeError):
                bad += 1
    return SealFile(path, True, pins, checkpoints, bad)


def append_key(path: Path, key_id: str, public_key: str) -> None:
    """Pin a sealing key in the seal file."""
    _append(path, {"type": "key", "key_id": key_id, "public_key": public_key})


def append_checkpoint(path: Path, checkpoint: Checkpoint, *, key_id: str, public_key: str) -> None:
    """Add ``checkpoint`` to the seal file, pinning its key first if the file lacks it.

    Only a key an administrator's password unlocked signs, so pinning it here is safe: a key
    slipped into the database cannot be unlocked by anyone's password (a new key made on
    another workstation of a PostgreSQL clinic is pinned here at this workstation's next
    checkpoint).
    """
    if key_id not in read_seal_file(path).pins:
        append_key(path, key_id, public_key)
    _append(
        path,
        {
            "type": "checkpoint",
            "seq": checkpoint.seq,
            "head_hash": checkpoint.head_hash,
            "at": checkpoint.at.isoformat(timespec="microseconds"),
            "key_id": checkpoint.key_id,
            "reason": checkpoint.reason,
            "made_by": checkpoint.made_by,
            "signature": checkpoint.signature,
            "replaces_after": checkpoint.replaces_after,
        },
    )


def _optional_int(value: object) -> int | None:
    return None if value is None else int(value)  # type: ignore[call-overload]


def _append(path: Path, item: dict[str, object]) -> None:
    line = (json.dumps(item, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")
    make_private_folder(path.parent)
    try:
        fd = os.open(path, _FLAGS, FILE_MODE)
    except OSError as exc:
        if exc.errno is not None and os.path.islink(path):
            raise UnsafeTargetError(path, "is a symbolic link; never written through") from None
        raise WriteFailedError(path, exc) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeTargetError(path, "the seal file is not a regular file")
        os.fchmod(fd, FILE_MODE)
        os.write(fd, line)
        os.fsync(fd)
    except OSError as exc:
        if isinstance(exc, UnsafeTargetError):
            raise
        raise WriteFailedError(path, exc) from None
    finally:
        os.close(fd)
    fsync_folder(path.parent)
