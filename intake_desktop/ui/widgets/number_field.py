"""A number entry that shows its unit and allowed range, and keeps whatever was typed.

The field never silently corrects: text that is not a number is handed to the form as text, so
the domain's validation names the field and the problem, and the draft keeps what was typed.

Numbers are read and shown the interface language's way (:func:`read_number`): in English the
point is the decimal mark and a comma groups thousands (``1,200`` m), in Spanish the comma is
the decimal mark (``0,85``). A comma used to be read as a decimal mark in every language, so
``1,200`` metres walked became 1.2. What could be read two ways is not read at all.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from ..code_labels import decimal_mark, number_text

#: Thousands grouped by the mark that is not the decimal one: ``1,200`` or ``12,345,678.5``.
_GROUPED = {".": re.compile(r"[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?"),
            ",": re.compile(r"[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?")}  # fmt: skip
_OTHER_DECIMAL = re.compile(r"[+-]?\d*[.,]\d+")


def read_number(text: str, decimal: str) -> float | None:
    """``text`` as a number written with the ``decimal`` mark, or None when it is not one, or
    could be read two ways.

    Spaces group thousands in both languages (``1 200``). The other mark groups thousands when
    it does so exactly (``1,200`` in English); anywhere else it can only be a decimal mark
    (``0,85`` typed in English, ``0.85`` in Spanish) and is read as one. In Spanish a point
    before three digits (``1.200``) is refused: Spain groups thousands with it, Mexico and the
    United States write decimals with it.
    """
    plain = re.sub(r"[\s\u00a0\u202f]", "", text)
    other = "," if decimal == "." else "."
    if other in plain:
        if _GROUPED[decimal].fullmatch(plain):
            if decimal == ",":
                return None  # 1.200: a thousand and two hundred, or one point two
            plain = plain.replace(other, "")
        elif _OTHER_DECIMAL.fullmatch(plain):
            plain = plain.replace(other, decimal)
        else:
            return None
    try:
        return float(plain.replace(decimal, "."))
    except ValueError:
        return None


def format_number(value: float | int) -> str:
    """``value`` as the interface language writes it (``0,85`` in Spanish), 300 not 300.0."""
    return number_text(value)


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
        number = read_number(text, decimal_mark())
        if number is None:
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
