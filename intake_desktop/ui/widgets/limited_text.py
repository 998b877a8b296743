"""Multi-line text with a length limit and a counter, like ``QLineEdit.setMaxLength``.

The case file caps some texts (the note for the patient: 2000 characters). Rather than let the
whole case turn invalid at the 2001st character, typing or pasting past the limit keeps only
what fits, says so under the field, and the counter shows the room left at every keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from intake_desktop.ui.code_labels import fill


class LimitedTextEdit(QWidget):
    """``value()`` is the text, or None when nothing but blanks is typed."""

    value_changed = Signal(object)

    def __init__(self, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(70)
        self.edit.setMaximumHeight(110)
        self.counter = QLabel(self)
        self.counter.setObjectName("textCounter")
        layout.addWidget(self.edit)
        layout.addWidget(self.counter)
        self.setFocusProxy(self.edit)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a caption's mnemonic skips NoFocus
        self.edit.textChanged.connect(self._on_text_changed)
        self._cut = False
        self._update_counter()

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def setPlaceholderText(self, text: str) -> None:
        self.edit.setPlaceholderText(text)

    def value(self) -> str | None:
        text = self.edit.toPlainText()
        return text if text.strip() else None

    def set_value(self, value: object) -> None:
        with QSignalBlocker(self.edit):
            self.edit.setPlainText(value if isinstance(value, str) else "")
        self._cut = False
        self._update_counter()

    def _on_text_changed(self) -> None:
        text = self.edit.toPlainText()
        excess = len(text) - self.limit
        if excess > 0:
            # What was just typed or pasted sits right before the cursor: drop its tail.
            cursor = self.edit.textCursor()
            end = cursor.position()
            cursor.setPosition(max(0, end - excess))
            cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
            with QSignalBlocker(self.edit):
                cursor.removeSelectedText()
            self.edit.setTextCursor(cursor)
        self._cut = excess > 0
        self._update_counter()
        self.value_changed.emit(self.value())

    def _update_counter(self) -> None:
        used = len(self.edit.toPlainText())
        text = fill(self.tr("%1 of %2 characters"), used, self.limit)
        if self._cut:
            text += " · " + self.tr("the rest did not fit and was left out")
        self.counter.setText(text)
        self.counter.setAccessibleName(text)
