"""The app's declared settings: key, default, type and label in one registry (read via QSettings).

Only what a clinic may want to tune lives here; window geometry and such stay plain QSettings.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings


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
