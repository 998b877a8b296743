"""Amending a signed visit: the reason first (required), then the history of its versions.

:class:`AmendDialog` asks why the signed record changes; the window then opens the amendment
through its draft session, and the case is edited and signed like a visit. :class:`HistoryDialog`
shows each signed version (who, when, why, the level) and, field by field, what it changed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .code_labels import fill, label, number_text
from .draft_session import VersionEntry
from .theme import style

MAX_REASON = 2000


class AmendDialog(QDialog):
    """The amendment's reason; OK only once there is one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style(self)
        self.setWindowTitle(self.tr("Amend the signed visit"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A signed visit is never changed in place: the signed version is kept, and the "
                "amendment is edited and signed again. Say why it changes (printed on the "
                "summaries)."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        caption = QLabel(self.tr("&Reason for the amendment (Ctrl+Enter amends):"), self)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setAccessibleName(self.tr("Reason for the amendment"))
        caption.setBuddy(self.reason_edit)
        layout.addWidget(caption)
        layout.addWidget(self.reason_edit, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Amend"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._on_reason_changed)
        # Enter makes a new line in the reason; Ctrl+Enter amends, as the caption says (seen
        # here: the text box takes Ctrl+Enter for itself before any shortcut would).
        self.reason_edit.installEventFilter(self)
        self.resize(480, 260)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.reason_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if self.ok_button.isEnabled():
                self.ok_button.click()
            return True
        return super().eventFilter(watched, event)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _on_reason_changed(self) -> None:
        self.ok_button.setEnabled(0 < len(self.reason()) <= MAX_REASON)


def shown(value: Any) -> str:
    """A field's value for the history table (codes in words, absent as a dash)."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("HistoryDialog", "yes")
        return QCoreApplication.translate("HistoryDialog", "no")
    if isinstance(value, str):
        return label(value) if value.isidentifier() and value.islower() else value
    if isinstance(value, list):
        return ", ".join(shown(v) for v in value) or "—"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int | float):
        return number_text(value)  # 0,85 in the Spanish interface, as everywhere else
    return str(value)


class HistoryDialog(QDialog):
    """Each signed version of the visit and what it changed, the newest first."""

    def __init__(self, entries: Sequence[VersionEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style(self)
        self.setWindowTitle(self.tr("Versions of this visit"))
        self.entries = list(reversed(entries))
        layout = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.versions = QListWidget(split)
        self.versions.setAccessibleName(self.tr("Signed versions"))
        self.versions.setWordWrap(True)
        self.versions.setSpacing(3)
        self.changes = QTableWidget(0, 3, split)
        self.changes.setAccessibleName(self.tr("What this version changed"))
        self.changes.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Before"), self.tr("After")]
        )
        self.changes.horizontalHeader().setStretchLastSection(True)
        self.changes.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for entry in self.entries:
            self.versions.addItem(self._describe(entry))
        layout.addWidget(split, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.versions.currentRowChanged.connect(self._show_changes)
        if self.entries:
            self.versions.setCurrentRow(0)
        self.resize(760, 520)

    def _describe(self, entry: VersionEntry) -> str:
        """Two or three lines: who signed when, the level and what changed, the reason."""
        v = entry.version
        when = v.signed_at.astimezone().strftime("%Y-%m-%d %H:%M %Z")
        if v.revision == 0:
            head = fill(self.tr("Signed %1 by %2"), when, v.signed_by)
        else:
            head = fill(self.tr("Amendment %1, signed %2 by %3"), v.revision, when, v.signed_by)
        level = fill(self.tr("Level: %1"), label(v.final_level))
        if v.revision:
            level += " · " + fill(self.tr("%1 fields changed"), len(entry.changes))
        lines = [head, level]
        if v.amendment_reason:
            lines.append(fill(self.tr("Reason: %1"), v.amendment_reason))
        return "\n".join(lines)

    def _show_changes(self, row: int) -> None:
        changes = self.entries[row].changes if 0 <= row < len(self.entries) else ()
        self.changes.setRowCount(len(changes))
        for i, change in enumerate(changes):
            for col, text in enumerate((change.path, shown(change.before), shown(change.after))):
                self.changes.setItem(i, col, QTableWidgetItem(text))
        self.changes.resizeColumnToContents(0)
