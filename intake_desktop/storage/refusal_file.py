"""The side file of refused sign-ins: what happened while the encrypted database was closed.

The failed-attempt counters and the audit trail live inside the encrypted database, which a wrong
password cannot open. So a sign-in refused before the file is open (every command-line run, the
first sign-in of an app session) is noted here instead, in ``<database>.refusals`` beside the
database: one JSON line per refusal (when, the name, the reason, the workstation), no password,
no patient data. :mod:`intake_desktop.services.refusals` reads it for the lockout while the file
stays closed, and replays it into the trail and the counters at the next unlock, then empties it.

The file is written the careful way, because an intruder at the keyboard drives it:

* created 0600 whatever the umask, opened without following links, never a FIFO or device (a
  FIFO would hang the read): anything but a regular file is left alone and counts as empty;
* each refusal is one ``write`` of one short line to a file opened for appending, flushed to disk
  (appends from several processes do not mix; on POSIX an ``flock`` also keeps them away from a
  compaction or an emptying under way);
* bounded: past :data:`MAX_BYTES` the oldest lines of each name are folded into one summary line
  per name (how many, from when to when), so the file cannot grow without end and the lockout,
  which looks only at the latest refusals of a name, is unchanged;
* a file too large to be ours is read from its last :data:`MAX_BYTES` only, damaged lines
  skipped: a corrupt or huge file costs
  at most one bounded read and never stops a sign-in.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from intake_desktop.private_files import write_private

try:  # POSIX; elsewhere single appends stay whole, only the compaction race is unguarded
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

SUFFIX = ".refusals"
#: The file never grows past this (about 500 refusals; each costs an intruder seconds of argon2id).
MAX_BYTES = 64 * 1024
#: Refusals kept one by one per name when the file is compacted (more than a lockout needs),
#: and the fewest kept when there are many names (still more than the lockout's five).
KEEP_PER_NAME, MIN_KEEP_PER_NAME = 16, 8
#: A file larger than this was not written here: only its end is read.
READ_LIMIT = 2 * MAX_BYTES
_MAX_FIELD = 200
_FLAGS = os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
_FLAGS |= getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


#: The note of a right password, which ends a name's row of failures (see services.refusals).
RIGHT_PASSWORD = "right password"


@dataclass(frozen=True, slots=True)
class Refusal:
    """One refused sign-in (``count`` > 1: a summary of that many, from ``first`` to ``at``)."""

    at: datetime
    username: str
    reason: str
    workstation: str
    count: int = 1
    first: datetime | None = None
    #: A random mark of this line, which its audit entry repeats: a replay cut short between
    #: its commit and the file's emptying is not recorded twice at the next one.
    ref: str = dataclasses.field(default_factory=lambda: secrets.token_hex(6))

    def to_line(self) -> bytes:
        data: dict[str, Any] = {
            "at": self.at.astimezone(UTC).isoformat(),
            "user": self.username[:_MAX_FIELD],
            "why": self.reason[:_MAX_FIELD],
            "station": self.workstation[:_MAX_FIELD],
            "ref": self.ref,
        }
        if self.count > 1:
            data["count"] = self.count
            data["first"] = (self.first or self.at).astimezone(UTC).isoformat()
        return (json.dumps(data, ensure_ascii=True) + "\n").encode("ascii")

    @classmethod
    def from_line(cls, line: bytes) -> Refusal | None:
        """The refusal on ``line``, or None for a damaged one."""
        try:
            data = json.loads(line)
            at = _utc(datetime.fromisoformat(data["at"]))
            count = int(data.get("count", 1))
            first = _utc(datetime.fromisoformat(data["first"])) if "first" in data else None
            fields = (data["user"], data["why"], data.get("station", ""))
            if not all(isinstance(f, str) for f in fields) or count < 1:
                return None
            name, why, station = (f[:_MAX_FIELD] for f in fields)
            ref = data.get("ref")
            if not (isinstance(ref, str) and ref.isalnum() and len(ref) <= 32):
                return cls(at, name, why, station, count, first)
            return cls(at, name, why, station, count, first, ref)
        except (ValueError, TypeError, KeyError, AttributeError):
            return None


def side_file_for(database: Path) -> Path:
    """Where the refusals of the database file ``database`` are noted: ``NAME.refusals``."""
    return database.with_name(database.name + SUFFIX)


def read(path: Path) -> list[Refusal]:
    """The refusals noted at ``path``, oldest first (none when missing, damaged or not a file)."""
    try:
        fd = os.open(path, os.O_RDONLY | _nofollow_nonblock())
    except OSError:
        return []
    with os.fdopen(fd, "rb") as fh:
        return _read_open(fh.fileno())


def append(path: Path, refusal: Refusal) -> bool:
    """Note ``refusal`` at the end of the file (compacting it first when full); False when it
    could not be written (a link or a FIFO there, a full disk): the caller refuses all the same."""
    try:
        note_if(path, lambda _noted: refusal)
        return True
    except OSError as exc:
        log.warning("a refused sign-in could not be noted beside the database: %s", exc.strerror)
        return False


def note_if(path: Path, decide: Callable[[list[Refusal]], Refusal | None]) -> Refusal | None:
    """Under the file's lock: read the refusals noted, let ``decide`` say what to note (None:
    nothing), and note it; the refusal noted. Deciding and noting under one lock keeps
    sign-ins made at the same moment from all reading the file before any of them notes its
    failure (each would judge the name not yet locked). Raises OSError when the file cannot
    be used (see :func:`append` for what the caller then does)."""
    with _locked(path) as fd:
        refusal = decide(_read_open(fd))
        if refusal is not None:
            if os.fstat(fd).st_size >= MAX_BYTES:
                fd = _compact(path, fd)
            os.write(fd, refusal.to_line())
            os.fsync(fd)
        return refusal


def take(path: Path, apply: Callable[[list[Refusal]], None]) -> None:
    """Hand the noted refusals to ``apply`` (which records them elsewhere), then empty the file.

    The file is held locked meanwhile, so a refusal noted by another process is either handed
    over or kept; if ``apply`` raises, the file is left as it was and the error goes on.
    """
    try:
        info = os.lstat(path)
    except OSError:
        return
    if not stat.S_ISREG(info.st_mode) or info.st_size == 0:  # nothing noted (the usual case)
        return
    with contextlib.ExitStack() as stack:
        try:
            fd = stack.enter_context(_locked(path, create=False))
        except OSError:
            return
        refusals = _read_open(fd)
        if refusals:
            apply(refusals)
        os.ftruncate(fd, 0)
        os.fsync(fd)


def _read_open(fd: int) -> list[Refusal]:
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        return []
    size = os.fstat(fd).st_size
    start = 0 if size <= READ_LIMIT else size - MAX_BYTES
    os.lseek(fd, start, os.SEEK_SET)
    raw = b""
    while len(raw) < size - start:
        chunk = os.read(fd, size - start - len(raw))
        if not chunk:
            break
        raw += chunk
    lines = raw.split(b"\n")
    if start:  # the first line read is a tail of a line
        lines = lines[1:]
    found = [Refusal.from_line(line) for line in lines if line.strip()]
    return [r for r in found if r is not None]


@contextlib.contextmanager
def _locked(path: Path, *, create: bool = True) -> Iterator[int]:
    """The side file open for appending, 0600, locked; re-opened if it was replaced meanwhile."""
    for _ in range(5):
        flags = _FLAGS if create else _FLAGS & ~os.O_CREAT
        fd = os.open(path, flags, 0o600)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise OSError(0, "not a regular file")
            os.fchmod(fd, 0o600)
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                same = os.stat(path, follow_symlinks=False).st_ino == info.st_ino
            except FileNotFoundError:
                same = False
            if same:
                try:
                    yield fd
                    return
                finally:
                    if fcntl is not None:
                        fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
    raise OSError(0, "the file kept being replaced")  # pragma: no cover - a busy intruder


def _compact(path: Path, fd: int) -> int:
    """Fold each name's older refusals into one summary line; the file takes the new content
    (written whole and renamed into place) and ``fd`` now points at it."""
    by_name: dict[str, list[Refusal]] = {}
    for refusal in _read_open(fd):
        by_name.setdefault(refusal.username, []).append(refusal)
    for keep in (KEEP_PER_NAME, MIN_KEEP_PER_NAME):
        data = _folded(by_name, keep)
        if len(data) < MAX_BYTES // 2:
            break
    else:  # more names than fit (not a clinic's staff): the newest half of the lines
        data = data[-(MAX_BYTES // 2) :]
        data = data[data.index(b"\n") + 1 :] if b"\n" in data else b""
    write_private(path, data, force=True)
    new = os.open(path, _FLAGS & ~os.O_CREAT)
    if fcntl is not None:
        fcntl.flock(new, fcntl.LOCK_EX)
    os.dup2(new, fd)  # the caller's descriptor (and its lock) now on the new file
    os.close(new)
    return fd


def _folded(by_name: dict[str, list[Refusal]], keep: int) -> bytes:
    kept: list[Refusal] = []
    for name, refusals in by_name.items():
        old, recent = refusals[:-keep], refusals[-keep:]
        refused = [r for r in old if r.reason != RIGHT_PASSWORD]  # a right password: not summed
        if refused:
            last, total = refused[-1], sum(r.count for r in refused)
            first = refused[0].first or refused[0].at
            kept.append(Refusal(last.at, name, "several", last.workstation, total, first))
        kept.extend(recent)
    kept.sort(key=lambda r: r.at)
    return b"".join(r.to_line() for r in kept)


def _nofollow_nonblock() -> int:
    return getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
