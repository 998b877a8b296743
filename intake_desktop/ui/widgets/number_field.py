"""A number entry that shows its unit and allowed range, and keeps whatever was typed.

The field never silently corrects: text that is not a number is handed to the form as text, so
the domain's validation names the field and the problem, and the draft keeps what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget


def format_number(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class NumberField(QWidget):
    """``value()`` is an int/float, the raw text when it is not a number, or None when empty."""

    value_changed = Signal(object)

    def __init__(
        self,
        minimum: float,
        maximum: float,
        unit: str = "",
        *,
        integer: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.minimum, self.maximum, self.integer = minimum, maximum, integer
        self.edit = QLineEdit(self)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        rng = f"{format_number(minimum)}–{format_number(maximum)}"
        self.edit.setPlaceholderText(rng)
        self.edit.setToolTip(self.tr("Allowed: %s %s") % (rng, unit) if unit else rng)
        self.edit.setMaximumWidth(110)
        self.setFocusProxy(self.edit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.unit_label = QLabel(unit, self)
        layout.addWidget(self.unit_label)
        layout.addStretch(1)
        self.unit = unit
        self.edit.textEdited.connect(self._on_text_edited)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)
        if self.unit:
            self.edit.setAccessibleDescription(
                self.tr("in %s, allowed %s to %s")
                % (self.unit, format_number(self.minimum), format_number(self.maximum))
            )

    def value(self) -> float | int | str | None:
        text = self.edit.text().strip()
        if not text:
            return None
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            return text
        if self.integer or number.is_integer():
            return int(number) if number.is_integer() else number
        return number

    def set_value(self, value: object) -> None:
        if value is None:
            text = ""
        elif isinstance(value, int | float) and not isinstance(value, bool):
            text = format_number(value)
        else:
            text = str(value)
        if text != self.edit.text():
            self.edit.setText(text)

    def _on_text_edited(self, _text: str) -> None:
        self.value_changed.emit(self.value())
