"""Reading and writing the files the commands take and produce, with one clear message each way.

Every command that reads a JSON file (a case, a FHIR Bundle) goes through here, so an unreadable
file is described the same way everywhere. Files the commands write go through :mod:`.output`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from intake_desktop.cli import CliError


def read_json_file(path: Path, what: str = "a JSON file") -> Any:
    """Decode ``path``; every way it can be unreadable becomes a CliError (exit 2) naming it."""
    try:
        raw = path.expanduser().read_bytes()
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{path}: is a folder, not {what}") from None
    except OSError as exc:
        raise CliError(f"{path}: cannot be read ({exc.strerror})") from None
    if not raw.strip():
        raise CliError(f"{path}: the file is empty; {what} is a JSON object")
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise CliError(f"{path}: not UTF-8 text; {what} is a JSON object") from None
    except json.JSONDecodeError as exc:
        raise CliError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
