"""Reading the files the commands take, with one clear message each way.

Every command that reads a JSON file (a case, a FHIR Bundle) goes through here, so an unreadable
file is described the same way everywhere; the reading itself is
:func:`intake_desktop.input_files.read_json_file`, shared with the app's "Import case file".
Files the commands write go through :mod:`.output`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from intake_desktop import input_files
from intake_desktop.cli import CliError
from intake_desktop.input_files import BUNDLE_FILE_LIMIT, CASE_FILE_LIMIT, FileRefused

__all__ = ["BUNDLE_FILE_LIMIT", "CASE_FILE_LIMIT", "read_json_file"]


def read_json_file(path: Path, what: str = "a JSON file", limit: int = CASE_FILE_LIMIT) -> Any:
    """Decode ``path``; every way it can be unreadable becomes a CliError (exit 2) naming it
    (only a regular file of at most ``limit`` bytes is read; see ``input_files``)."""
    try:
        return input_files.read_json_file(path, what, limit)
    except FileRefused as exc:
        raise CliError(str(exc)) from None
