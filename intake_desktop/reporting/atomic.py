"""Writing a finished file in one step, so that a crash never leaves half a PDF behind.

The bytes go to a temporary file in the destination folder (same file system, so the final rename
is atomic), are flushed to disk, and only then take the file's name. Without ``overwrite`` an
existing file is never replaced, not even by a race with another writer: the final step is a hard
link, which fails when the name is already taken.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class OutputExistsError(FileExistsError):
    """The destination exists and the caller did not ask to overwrite it."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: the file already exists; not overwritten")
        self.path = path


def write_atomic(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write ``data`` to ``path`` all at once; refuse an existing file unless ``overwrite``."""
    path = Path(path)
    if not overwrite and path.exists():
        raise OutputExistsError(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            _link_no_clobber(tmp, path)
        _fsync_dir(path.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _link_no_clobber(tmp: Path, path: Path) -> None:
    """Give ``tmp`` the name ``path`` only if the name is free (atomic where links work)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise OutputExistsError(path) from None
    except OSError:  # file systems without hard links: check, then rename
        if path.exists():
            raise OutputExistsError(path) from None
        os.replace(tmp, path)


def _fsync_dir(folder: Path) -> None:
    """Make the new name itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
