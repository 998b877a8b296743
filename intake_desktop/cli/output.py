"""The files the commands write: ``--force`` and one way of writing them.

Every command that writes a file (``backup``, ``export-case --out``, ``export-fhir``,
``export-pdf``, ``audit --csv --out``) takes ``--force`` from here and writes through
:mod:`intake_desktop.private_files`: 0600, a temporary file renamed into place, an existing file
replaced only with ``--force``, a link, folder, device or FIFO never. The target is checked
before any work is done, so a refused path costs nothing and is not audited as an export.
Refusals exit 2 and a folder that refuses the write exits 1, both with the path and the cause
(see ``_expected_exit_code`` in the package).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from intake_desktop.private_files import check_target, write_private

FORCE_HELP = (
    "replace FILE if it is an existing regular file (without --force an existing file is "
    "refused; a symbolic link, folder or device is never replaced)"
)


def add_force_option(parser: argparse.ArgumentParser) -> None:
    """``--force``, with the same words on every command that writes a file."""
    parser.add_argument("--force", action="store_true", help=FORCE_HELP)


def checked_output(path: Path, *, force: bool) -> Path:
    """``path`` made absolute if a file may be written there; refusals raise (exit 2)."""
    return check_target(path, force=force)


def write_output(path: Path, text: str, *, force: bool) -> Path:
    """Write ``text`` (UTF-8) to ``path`` as a private file, all at once."""
    return write_private(path, text.encode("utf-8"), force=force)
