"""Writing a finished file in one step, so that a crash never leaves half a PDF behind.

The one way the app writes a file lives in :mod:`intake_desktop.private_files` (0600, temporary
file beside the target renamed into place, never over a link, a device or, unless asked, an
existing file); this is its name for the PDF writers, kept so their callers read naturally.
"""

from __future__ import annotations

from pathlib import Path

from intake_desktop.private_files import OutputExistsError, UnsafeTargetError, write_private

__all__ = ["OutputExistsError", "UnsafeTargetError", "write_atomic"]


def write_atomic(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write ``data`` to ``path`` all at once (0600); refuse an existing file unless
    ``overwrite``, and a link, folder or device always."""
    write_private(path, data, force=overwrite)
