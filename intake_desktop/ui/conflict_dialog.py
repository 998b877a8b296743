"""When another workstation saved the same draft: both versions side by side, yours kept."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.domain.case_diff import case_changes

from .theme import style


def differences(mine: Any, theirs: Any) -> list[tuple[str, Any, Any]]:
    """``(field, theirs, mine)`` for every field that differs (the amendment history's diff)."""
    return [(c.path, c.before, c.after) for c in case_changes(theirs or {}, mine or {})]


def _show(value: Any) -> str:
    return "—" if value is None else json.dumps(value, ensure_ascii=False)


class ConflictDialog(QDialog):
    """``exec()`` returns TAKE_THEIRS only when that button is pressed; anything else (Enter,
    Escape, the close button) keeps the user's version, so no edit is lost by a reflex."""

    TAKE_THEIRS = 2

    def __init__(
        self, mine: Any, theirs: Any, who: str, when: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        style(self)
        self.setWindowTitle(self.tr("This visit was changed on another workstation"))
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "%s saved this draft at %s while you were editing it. Nothing has been "
                "overwritten. The fields that differ are listed below; your edits are still "
                "in this window."
            )
            % (who, when),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        diffs = differences(mine, theirs)
        self.table = QTableWidget(len(diffs), 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Their version"), self.tr("Your version")]
        )
        self.table.setAccessibleName(self.tr("Differences between the two versions"))
        for row, (path, theirs_v, mine_v) in enumerate(diffs):
            for col, text in enumerate((path, _show(theirs_v), _show(mine_v))):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        lay.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.keep = QPushButton(self.tr("&Keep my version"), self)
        self.take = QPushButton(self.tr("&Use their version"), self)
        buttons.addButton(self.keep, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.keep.setDefault(True)
        self.keep.clicked.connect(self.accept)
        self.take.clicked.connect(lambda: self.done(self.TAKE_THEIRS))
        lay.addWidget(buttons)
        self.resize(720, 420)
