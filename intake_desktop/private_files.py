"""Every file the app writes, written one safe way: private, whole, and never over the wrong thing.

Files here hold patients' records, so each one is created readable by its owner only (0600,
folders 0700) whatever the process umask: the mode is given to ``os.open`` and set again with
``fchmod``, since a umask can only take bits away and some set-ups take too many. A file is
written to a hidden temporary file in the target's own folder (same file system, so the rename is
atomic), flushed to disk, and only then takes its name, so a crash never leaves half a file under
the name asked for. The target is checked first without following links: an existing file is
only replaced when the caller says so (``force``), and a symbolic link, a folder, a device or a
FIFO is never replaced at all, because writing "through" them is how a backup ends up over
another file or a device node gets swapped for a patient's case.

Temporary files are named ``.<name>.<pid>-<random>.partial``; a process killed mid-write leaves
one behind, and :func:`remove_stale_partials` removes those whose process is gone. This module
sits below storage and reporting (see the import-linter layers) and imports nothing of ours.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
PARTIAL_SUFFIX = ".partial"
#: What SQLite adds beside a database it writes (a backup copy made in a temporary file).
_SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


class UnsafeTargetError(OSError):
    """The target cannot be written: it exists, is a link or not a regular file, or its folder
    is missing. The caller's input is wrong, so the command line exits 2. An OSError, so that
    callers which report any failed write in a dialog report this one too."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class OutputExistsError(UnsafeTargetError, FileExistsError):
    """The target is an existing file and the caller did not ask to replace it."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "the file already exists; not replaced (use --force to replace it)")


class WriteFailedError(OSError):
    """The folder refused the write (read-only, not ours, full disk): the cause in words."""

    def __init__(self, path: Path, exc: OSError) -> None:
        cause = exc.strerror or str(exc)
        hint = ""
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            hint = " (the folder is read-only or you may not write there)"
        elif exc.errno == errno.ENOSPC:
            hint = " (the disk is full)"
        message = f"{path}: cannot be written: {cause}{hint}; nothing was written"
        super().__init__(exc.errno, message)
        self.path = path

    def __str__(self) -> str:
        return str(self.strerror)


def check_target(path: Path, *, force: bool = False) -> Path:
    """The absolute ``path`` if a new regular file may be written there, else UnsafeTargetError.

    Nothing is resolved: ``Path.resolve`` would follow a link in the last part of the name,
    which is exactly what must not happen.
    """
    path = Path(os.path.abspath(Path(path).expanduser()))
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except NotADirectoryError:
        raise UnsafeTargetError(path, "a part of the path is not a folder") from None
    except OSError as exc:
        raise WriteFailedError(path, exc) from None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise UnsafeTargetError(
                path,
                "is a symbolic link; links are never written through, not even with --force "
                "(give the path of a regular file instead)",
            )
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeTargetError(
                path,
                f"is {_kind(info.st_mode)}, not a regular file; it is never replaced, "
                "not even with --force",
            )
        if not force:
            raise OutputExistsError(path)
    return path


def write_private(path: Path, data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` as a new 0600 file, all at once; returns the absolute path.

    Refuses an existing file unless ``force``, and a link, folder, device or FIFO always
    (:class:`UnsafeTargetError`); a folder that refuses the write gives :class:`WriteFailedError`.
    """
    path = check_target(path, force=force)
    with partial_file(path) as tmp:
        try:
            fd = os.open(tmp, os.O_WRONLY | _NOFOLLOW | _CLOEXEC)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise WriteFailedError(path, exc) from None
        place(tmp, path, force=force)
    return path


@contextlib.contextmanager
def partial_file(path: Path) -> Iterator[Path]:
    """A new, empty 0600 temporary file beside ``path``, removed again unless renamed away.

    Stale temporaries of earlier, killed writes in the same folder are removed first. Removing
    the temporary never raises, so the error that brought us here is the one reported.
    """
    path = Path(path)
    remove_stale_partials(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}{PARTIAL_SUFFIX}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, FILE_MODE)
    except (FileNotFoundError, NotADirectoryError):
        raise UnsafeTargetError(path, f"the folder {path.parent} does not exist") from None
    except OSError as exc:
        raise WriteFailedError(path, exc) from None
    try:
        os.fchmod(fd, FILE_MODE)  # whatever the umask took away or left
    finally:
        os.close(fd)
    try:
        yield tmp
    finally:
        discard(tmp)


def place(tmp: Path, path: Path, *, force: bool = False) -> None:
    """Give the finished ``tmp`` the name ``path``: replace only with ``force``, never a link.

    The target is checked again just before the rename (it may have changed while the data was
    written). Without ``force`` the name is taken with a hard link, which fails when it exists.
    """
    check_target(path, force=force)
    try:
        if force:
            os.replace(tmp, path)  # renames over the name itself: never writes through a link
        else:
            _link_no_clobber(tmp, path)
    except UnsafeTargetError:
        raise
    except OSError as exc:
        raise WriteFailedError(path, exc) from None
    fsync_folder(path.parent)


def discard(path: Path) -> None:
    """Remove ``path`` if it is there; never raises (it runs inside error handlers)."""
    with contextlib.suppress(OSError):
        os.unlink(path)


def make_private_folder(folder: Path) -> Path:
    """Create ``folder`` (and missing parents) with the new folder itself 0700; an existing
    folder is left as it is (it may be a shared one the user chose)."""
    folder = Path(folder).expanduser()
    if folder.is_dir():
        return folder
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.mkdir(folder, FOLDER_MODE)
        except FileExistsError:
            if folder.is_dir():
                return folder  # made by another process meanwhile
            raise
        os.chmod(folder, FOLDER_MODE)
    except OSError as exc:
        raise WriteFailedError(folder, exc) from None
    return folder


def create_private_file(path: Path) -> bool:
    """Create ``path`` empty and 0600 if it does not exist (True when created here).

    Used for the SQLite database before SQLite opens it: SQLite gives its journal, WAL and
    shared-memory files the database file's own permissions, so a 0600 database keeps them 0600.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, FILE_MODE)
    except FileExistsError:
        return False
    try:
        os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return True


def remove_stale_partials(folder: Path) -> list[Path]:
    """Remove the temporaries that killed writes left in ``folder``; returns what was removed.

    Only our own hidden ``*.partial`` regular files (and SQLite's journal beside one) whose
    process id (in the name) is no longer running are touched; a write in progress in another
    process keeps its file.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        for side in _SQLITE_SIDE_FILES:
            name = name.removesuffix(side)
        if not (name.startswith(".") and name.endswith(PARTIAL_SUFFIX)):
            continue
        pid = _pid_in(name)
        if pid is None or _running(pid):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid():
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def fsync_folder(folder: Path) -> None:
    """Make a new name durable (POSIX); a no-op where a folder cannot be opened or synced."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def fsync_file(path: Path) -> None:
    """Flush a finished file to disk before it takes its name."""
    fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _link_no_clobber(tmp: Path, path: Path) -> None:
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise OutputExistsError(path) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        # File systems without hard links: check, then rename (a small race, still no link).
        check_target(path)
        os.replace(tmp, path)


def _pid_in(name: str) -> int | None:
    # .<target name>.<pid>-<random>.partial, or the older .<target name>.<pid>.partial
    last = name[: -len(PARTIAL_SUFFIX)].rsplit(".", 1)[-1]
    pid = last.split("-", 1)[0]
    return int(pid) if pid.isdigit() else None


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OSError:
        return True
    return True


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"
