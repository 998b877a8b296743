"""Reading and writing the files the commands take and produce, with one clear message each way.

Every command that reads a JSON file (a case, a FHIR Bundle) goes through here, so an unreadable
file is described the same way everywhere. Files the commands write go through :mod:`.output`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from intake_desktop.cli import CliError
from intake_desktop.domain.json_text import JsonRefused, decode_json

#: Largest case file read: a case is a few kilobytes, so this leaves room without risk.
CASE_FILE_LIMIT = 2 * 1024 * 1024
#: Largest FHIR Bundle read: one visit's Bundle is tens of kilobytes.
BUNDLE_FILE_LIMIT = 10 * 1024 * 1024


def read_json_file(path: Path, what: str = "a JSON file", limit: int = CASE_FILE_LIMIT) -> Any:
    """Decode ``path``; every way it can be unreadable becomes a CliError (exit 2) naming it.

    Only a regular file of at most ``limit`` bytes is read: a named pipe would wait forever for a
    writer and a device such as /dev/zero never ends. The file is checked before it is opened,
    opened without blocking, checked again (it may have been swapped meanwhile) and read no
    further than one byte past the limit. The JSON itself goes through
    :func:`~intake_desktop.domain.json_text.decode_json` (no duplicate keys, bounded nesting and
    numbers).
    """
    path = path.expanduser()
    try:
        _check_regular(path, os.stat(path), what, limit)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
        with os.fdopen(fd, "rb") as f:
            _check_regular(path, os.fstat(f.fileno()), what, limit)
            raw = f.read(limit + 1)
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{path}: is a folder, not {what}") from None
    except OSError as exc:
        raise CliError(f"{path}: cannot be read ({exc.strerror})") from None
    if len(raw) > limit:
        raise CliError(f"{path}: is larger than {_size(limit)}, the most {what} may be")
    try:
        data = decode_json(raw)
    except JsonRefused as exc:
        raise CliError(f"{path}: {exc}") from None
    return data


def _check_regular(path: Path, st: os.stat_result, what: str, limit: int) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise CliError(f"{path}: is a folder, not {what}")
    if not stat.S_ISREG(st.st_mode):
        raise CliError(
            f"{path}: is not a regular file (a pipe, socket or device); {what} must be a file"
        )
    if st.st_size > limit:
        raise CliError(f"{path}: is {_size(st.st_size)}; {what} may be at most {_size(limit)}")


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"
