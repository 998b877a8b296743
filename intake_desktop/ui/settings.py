"""The app's declared settings: key, default, type and label in one registry (read via QSettings).

Only what a clinic may want to tune lives here; window geometry and such stay plain QSettings.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from intake_desktop.private_files import FILE_MODE, FOLDER_MODE, create_private_file


@dataclass(frozen=True, slots=True)
class IntOption:
    """A whole-number setting with its bounds; a stored value out of bounds means the default."""

    key: str
    default: int
    label: str
    minimum: int
    maximum: int

    def read(self, settings: QSettings) -> int:
        raw = settings.value(self.key, self.default)
        try:
            value = int(raw)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return self.default
        return value if self.minimum <= value <= self.maximum else self.default


@dataclass(frozen=True, slots=True)
class TextOption:
    """A text setting (a folder, a name); empty means "not set"."""

    key: str
    default: str
    label: str

    def read(self, settings: QSettings) -> str:
        raw = settings.value(self.key, self.default)
        return raw.strip() if isinstance(raw, str) else self.default


IDLE_LOCK_MINUTES = IntOption(
    key="session/idle_lock_minutes",
    default=10,
    # The clinic's setting stored with the records (Clinic settings window) wins when saved.
    label="Lock the session after this many minutes without keyboard or mouse input",
    minimum=1,
    maximum=240,
)

PRINT_FOLDER = TextOption(
    key="printing/folder",
    default="",
    label="Print summaries as PDF files into this folder instead of to a printer",
)

OPTIONS: tuple[IntOption | TextOption, ...] = (IDLE_LOCK_MINUTES, PRINT_FOLDER)


def make_settings_private(settings: QSettings | None = None) -> Path | None:
    """Make the settings file 0600 in a 0700 folder before Qt first writes it; returns its path.

    It holds the window state, where the records are and which visits were left open (see
    :mod:`.recovery`), and Qt creates it and its folder with the umask's permissions (0644 and
    0755 under the usual 022), readable by every account on the workstation. When Qt rewrites an
    existing file it keeps the file's permissions, so creating it private first is enough; a
    file or folder left open by an older version is tightened. Only what is ours (owned by this
    account, not a link) is touched, and a failure here never stops the program (Qt would then
    fail to save the window state, nothing more). None for settings outside a file (Windows'
    registry).
    """
    name = (settings if settings is not None else QSettings()).fileName()
    path = Path(name)
    if not name or not path.is_absolute():
        return None
    with contextlib.suppress(OSError):
        path.parent.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            os.mkdir(path.parent, FOLDER_MODE)
        _tighten(path.parent, FOLDER_MODE, stat.S_ISDIR)
        create_private_file(path)
        _tighten(path, FILE_MODE, stat.S_ISREG)
    return path


def _tighten(path: Path, mode: int, kind_ok: Callable[[int], bool]) -> None:
    info = os.lstat(path)
    if kind_ok(info.st_mode) and info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) != mode:
        os.chmod(path, mode)
