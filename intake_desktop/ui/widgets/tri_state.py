"""A yes / no / not-answered switch: the only honest control for a clinical yes/no.

A checkbox cannot say "not asked", so it would turn every unanswered question into "no". This
switch starts unanswered, takes one keystroke (Y, N, Delete) or a click, and is one tab stop.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QPushButton, QWidget

_ORDER: tuple[bool | None, ...] = (True, False, None)


class TriStateSwitch(QFrame):
    """Three segments, Yes / No / Not answered; ``value()`` is True, False or None."""

    value_changed = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        unset_text: str | None = None,
        yes_text: str | None = None,
        no_text: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("triState")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._value: bool | None = None
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        texts = (
            yes_text or self.tr("Yes"),
            no_text or self.tr("No"),
            unset_text or self.tr("Not asked"),
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(0)
        self._buttons: list[QPushButton] = []
        for i, text in enumerate(texts):
            button = QPushButton(text, self)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(text)
            button.setProperty("segment", ("yes", "no", "unset")[i])
            self._group.addButton(button, i)
            layout.addWidget(button)
            self._buttons.append(button)
        layout.addStretch(1)
        self._buttons[2].setChecked(True)
        self._group.idClicked.connect(self._on_segment_clicked)
        self._sync_description()

    def value(self) -> bool | None:
        return self._value

    def set_value(self, value: bool | None) -> None:
        """Show ``value`` (anything but True/False reads as unanswered) without emitting."""
        value = value if isinstance(value, bool) else None
        self._value = value
        self._buttons[_ORDER.index(value)].setChecked(True)
        self._sync_description()

    def text_value(self) -> str:
        return self._buttons[_ORDER.index(self._value)].text()

    def _choose(self, value: bool | None) -> None:
        if value is self._value:
            return
        self.set_value(value)
        self.value_changed.emit(value)

    def _on_segment_clicked(self, index: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._choose(_ORDER[index])

    def _sync_description(self) -> None:
        self.setAccessibleDescription(self.text_value())
        self.setProperty("answered", self._value is not None)
        self.style().unpolish(self)
        self.style().polish(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        text = event.text().lower()
        if text == self._buttons[0].text()[:1].lower() or key == Qt.Key.Key_Y:
            self._choose(True)
        elif text == self._buttons[1].text()[:1].lower() or key == Qt.Key.Key_N:
            self._choose(False)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Minus):
            self._choose(None)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Space):
            self._choose(_ORDER[(_ORDER.index(self._value) + 1) % 3])
        elif key == Qt.Key.Key_Left:
            self._choose(_ORDER[(_ORDER.index(self._value) - 1) % 3])
        else:
            super().keyPressEvent(event)
