"""Reading a JSON file someone hands the program (a case file, a FHIR Bundle), one bounded way.

The command line and the app's "Import case file" both read through :func:`read_json_file`, so
neither can be made to hang or run out of memory by what it is pointed at: only a regular file
of at most ``limit`` bytes is read (a named pipe would wait forever for a writer, and a device
such as /dev/zero never ends). The file is checked before it is opened, opened without blocking,
checked again (it may have been swapped meanwhile) and read no further than one byte past the
limit. The JSON itself goes through :func:`~intake_desktop.domain.json_text.decode_json` (no
duplicate keys, bounded nesting and numbers). Every refusal is a :class:`FileRefused` naming the
file and saying what is wrong, in one sentence.

This module sits below the services, beside ``private_files`` (see the import-linter layers).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from intake_desktop.domain.json_text import JsonRefused, decode_json

#: Largest case file read: a case is a few kilobytes, so this leaves room without risk.
CASE_FILE_LIMIT = 2 * 1024 * 1024
#: Largest FHIR Bundle read: one visit's Bundle is tens of kilobytes.
BUNDLE_FILE_LIMIT = 10 * 1024 * 1024


class FileRefused(ValueError):
    """The file cannot be read as asked; the message names it and says why (bad input)."""


def read_json_file(path: Path, what: str = "a JSON file", limit: int = CASE_FILE_LIMIT) -> Any:
    """The JSON value in ``path``; every way it can be unreadable is a :class:`FileRefused`."""
    path = Path(path).expanduser()
    try:
        _check_regular(path, os.stat(path), what, limit)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
        with os.fdopen(fd, "rb") as f:
            _check_regular(path, os.fstat(f.fileno()), what, limit)
            raw = f.read(limit + 1)
    except FileNotFoundError:
        raise FileRefused(f"{path}: no such file") from None
    except IsADirectoryError:
        raise FileRefused(f"{path}: is a folder, not {what}") from None
    except OSError as exc:
        raise FileRefused(f"{path}: cannot be read ({exc.strerror})") from None
    if len(raw) > limit:
        raise FileRefused(f"{path}: is larger than {_size(limit)}, the most {what} may be")
    try:
        return decode_json(raw)
    except JsonRefused as exc:
        raise FileRefused(f"{path}: {exc}") from None


def _check_regular(path: Path, st: os.stat_result, what: str, limit: int) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise FileRefused(f"{path}: is a folder, not {what}")
    if not stat.S_ISREG(st.st_mode):
        raise FileRefused(
            f"{path}: is not a regular file (a pipe, socket or device); {what} must be a file"
        )
    if st.st_size > limit:
        raise FileRefused(f"{path}: is {_size(st.st_size)}; {what} may be at most {_size(limit)}")


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"
