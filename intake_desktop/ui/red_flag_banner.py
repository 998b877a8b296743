"""The red-flag banner: impossible to miss, impossible to close, on every step of the visit.

It sits above the steps, outside any scroll area, and shows while any red flag is present, from
the screen or the exam. It has no close button: it goes away only when no flag is present.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from intake_desktop.domain.codes import RED_FLAG_LEVELS, RED_FLAGS
from intake_desktop.ui.code_labels import label

from .red_flag_text import level_action, level_heading


class RedFlagBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redFlagBanner")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        # Fixed colours, not the palette: white on dark red reads in light and dark themes alike
        # (contrast 7.9:1).
        self.setStyleSheet(
            "#redFlagBanner { background: #a4161a; border: 3px solid #ffd60a; }"
            "#redFlagBanner QLabel { color: #ffffff; background: transparent; }"
        )
        self.setAccessibleName(self.tr("Red flag alert"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 8, 14, 8)
        lay.setSpacing(2)
        self.heading = QLabel(self)
        self.heading.setObjectName("redFlagHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.flags = QLabel(self)
        bold = self.flags.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self.flags.setFont(bold)
        self.flags.setWordWrap(True)
        self.action = QLabel(self)
        self.action.setWordWrap(True)
        self.action.setFont(bold)
        for w in (self.heading, self.flags, self.action):
            w.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            lay.addWidget(w)
        self.level: str | None = None
        self.codes: tuple[str, ...] = ()
        self.setVisible(False)

    def show_flags(self, flags: Iterable[tuple[str, Iterable[str]]]) -> None:
        """Show ``(code, sources)`` pairs; hide when there are none."""
        found = {code: tuple(sources) for code, sources in flags}
        codes = tuple(c for c in RED_FLAGS if c in found)
        self.codes = codes
        if not codes:
            self.level = None
            self.setVisible(False)
            return
        level = "emergency" if any(RED_FLAG_LEVELS[c] == "emergency" for c in codes) else "urgent"
        self.level = level
        self.heading.setText(level_heading(level))
        lines = []
        for code in codes:
            where = ", ".join(self.tr(source) for source in found[code])
            lines.append(f"• {label(code)}" + (f"  ({where})" if where else ""))
        self.flags.setText("\n".join(lines))
        self.action.setText(level_action(level))
        text = f"{self.heading.text()}. {'; '.join(label(c) for c in codes)}. {self.action.text()}"
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.setVisible(True)
