"""A folder the test process may not write to, even when the suite runs as root, and a device.

Root ignores a folder's permissions, so as root the test drops its effective user to
``nobody`` for the write (and back afterwards); as anyone else, 0500 is enough.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import stat
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
    """Run the block with the effective user ``nobody`` when the process is root.

    What the block imports lazily (Alembic and its standard-library modules, when it opens a
    database) is imported first, as root: ``nobody`` may not read a Python installed under
    ``/root`` (pyenv), and the import would fail with a misleading ModuleNotFoundError.
    """
    if os.geteuid() != 0:
        yield
        return
    import importlib.readers  # noqa: F401  (importlib.resources, for the packaged files)

    import alembic.command
    import alembic.runtime.migration  # noqa: F401
    import reportlab.platypus  # noqa: F401

    import intake_desktop.interop
    import intake_desktop.reporting.render  # noqa: F401

    user = pwd.getpwnam("nobody")
    os.setegid(user.pw_gid)
    os.seteuid(user.pw_uid)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def a_device(folder: Path) -> Path:
    """A character device to aim a write at: a private copy of /dev/full's node when root.

    Never the real /dev/full as root: code with the bug under test would replace it (it did).
    """
    if os.geteuid() != 0:
        return Path("/dev/full")  # others may not replace anything in /dev
    node = folder / "full-device"
    os.mknod(node, 0o600 | stat.S_IFCHR, os.makedev(1, 7))
    return node
