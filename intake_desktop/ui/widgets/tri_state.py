"""A yes / no / not-answered switch: the only honest control for a clinical yes/no.

A checkbox cannot say "not asked", so it would turn every unanswered question into "no". This
switch starts unanswered, takes one keystroke (Y, N, Delete) or a click, and is one tab stop.

For a screen reader the switch is one control named after its question: its description starts
with the answer (then the field's help, kept), each segment's description is the question, and
on focus and on every change the switch asks the screen reader to announce "question: answer"
(a frame's role says nothing by itself, so without this the switch announced nothing).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QFocusEvent, QKeyEvent
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
        self._help = ""
        #: What the switch last asked the screen reader to say (tests read it).
        self.last_announcement = ""
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
        self.announce()
        self.value_changed.emit(value)

    def setAccessibleName(self, name: str) -> None:
        """The question; each segment is described by it too (read when a reader visits them)."""
        super().setAccessibleName(name)
        for button in self._buttons:
            button.setAccessibleDescription(name)

    def setAccessibleDescription(self, description: str) -> None:
        """Help about the question, kept after the answer (which always comes first)."""
        answer = self.text_value()
        if description != answer and not description.startswith(f"{answer}. "):
            self._help = description
        super().setAccessibleDescription(f"{answer}. {self._help}" if self._help else answer)

    def announce(self) -> None:
        """Ask the screen reader to say the question and its answer now."""
        name = self.accessibleName()
        self.last_announcement = f"{name}: {self.text_value()}" if name else self.text_value()
        if QAccessible.isActive():
            QAccessible.updateAccessibility(
                QAccessibleAnnouncementEvent(self, self.last_announcement)
            )

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.announce()

    def _on_segment_clicked(self, index: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._choose(_ORDER[index])

    def _sync_description(self) -> None:
        self.setAccessibleDescription(self._help)
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
