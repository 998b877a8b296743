"""A number entry that shows its unit and allowed range, and keeps whatever was typed.

The field never silently corrects: text that is not a number is handed to the form as text, so
the domain's validation names the field and the problem, and the draft keeps what was typed.

Numbers are read and shown the interface language's way (:func:`read_number`): in English the
point is the decimal mark and a comma only groups thousands (``1,200`` m), in Spanish the comma
is the decimal mark (``0,85``). A comma used to be read as a decimal mark in every language, so
``1,200`` metres walked became 1.2. Only plain numbers are read: what could be read two ways, a
typo such as ``1,20`` in English, an exponent, ``inf`` or ``nan`` stay text, for the field's
check to name.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from ..code_labels import decimal_mark

_PLAIN = re.compile(r"[+-]?\d+")
_ONE_MARK = re.compile(r"([+-]?\d+)([.,])(\d+)")
#: Thousands grouped by spaces, or by the English comma, with an optional decimal part.
_GROUPED = re.compile(r"([+-]?[1-9]\d{0,2}(?:(?P<sep>[ ,])\d{3})(?:(?P=sep)\d{3})*)(?:\.(\d+))?")
_GROUPED_ES = re.compile(r"([+-]?[1-9]\d{0,2}(?: \d{3})+)(?:,(\d+))?")


def read_number(text: str, decimal: str) -> float | None:
    """``text`` as a number written with the ``decimal`` mark ("." English, "," Spanish), or
    None when it is not a plain number, or could be read two ways.

    English: ``1200``, ``1,200``, ``1 200``, ``12.5``, ``1,200.5``; a comma anywhere else is
    refused (``1,20`` is more likely a slip for 120 or 1,200 than a decimal). Spanish:
    ``1200``, ``1 200``, ``12,5``, ``1 200,5``, and ``0.85`` (a decimal point, as Mexico and the
    United States write it); ``1.200`` is refused (Spain groups thousands with the point).
    """
    plain = re.sub(r"[\u00a0\u202f]", " ", text.strip())
    number: str | None = None
    if _PLAIN.fullmatch(plain):
        number = plain
    elif found := _ONE_MARK.fullmatch(plain):
        whole, mark, part = found.groups()
        thousands = len(part) == 3 and 1 <= len(whole.lstrip("+-")) <= 3
        thousands = thousands and not whole.lstrip("+-").startswith("0")
        if mark == decimal:
            number = f"{whole}.{part}"
        elif decimal == "." and thousands:  # English: 1,200
            number = whole + part
        elif decimal == "," and not thousands:  # Spanish: 0.85 or 12.5
            number = f"{whole}.{part}"
    elif decimal == "." and (grouped := _GROUPED.fullmatch(plain)):
        number = grouped.group(1).replace(",", "").replace(" ", "")
        number += f".{grouped.group(3)}" if grouped.group(3) else ""
    elif decimal == "," and (grouped := _GROUPED_ES.fullmatch(plain)):
        number = grouped.group(1).replace(" ", "")
        number += f".{grouped.group(2)}" if grouped.group(2) else ""
    if number is None:
        return None
    value = float(number)
    return value if math.isfinite(value) else None


def format_number(value: float | int) -> str:
    """``value`` as typed, in the interface language's mark (``0,85`` in Spanish): 300 not
    300.0, and every decimal kept (12345.67, where the plan's sentences round)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = repr(value) if isinstance(value, float) else str(value)
    if "e" in text:  # far outside any field's range; written out rather than 1e-05
        text = f"{value:f}".rstrip("0").rstrip(".")
    return text.replace(".", decimal_mark())


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
