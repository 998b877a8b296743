"""A folder the test process may not write to, even when the suite runs as root.

Root ignores a folder's permissions, so as root the test drops its effective user to
``nobody`` for the write (and back afterwards); as anyone else, 0500 is enough.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def readonly_folder() -> Iterator[Path]:
    """An empty folder in /tmp (reachable by ``nobody``) that nobody but root can write."""
    base = Path(tempfile.mkdtemp(prefix="intake-ro-", dir="/tmp"))
    base.chmod(0o755)
    folder = base / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)


@contextlib.contextmanager
def as_nobody() -> Iterator[None]:
    """Run the block with the effective user ``nobody`` when the process is root."""
    if os.geteuid() != 0:
        yield
        return
    user = pwd.getpwnam("nobody")
    os.setegid(user.pw_gid)
    os.seteuid(user.pw_uid)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)
