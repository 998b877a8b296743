"""A date that may be left unset: a "set" checkbox in front of a date editor.

``QDateEdit`` always holds some date, so on its own it would turn "no date chosen" into a date
nobody picked. Here the checkbox says whether there is a date at all (one key, Space); while it
is off the editor shows the unset text and ``value()`` is None. Dates go in and out as ISO text,
the case file's shape.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

# Shown (as the special value text) while unset; never a date anyone enters.
_SENTINEL = QDate(1900, 1, 1)


class OptionalDateEdit(QWidget):
    """``value()`` is an ISO date string, or None while the box is unchecked."""

    value_changed = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        unset_text: str | None = None,
        default: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._default = default
        self._raw: str | None = None  # a stored value that is not a date: kept, not dropped
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(self.tr("Set"), self)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(_SENTINEL)
        self.edit.setSpecialValueText(unset_text or self.tr("not set"))
        self.edit.setDate(_SENTINEL)
        self.edit.setEnabled(False)
        self.edit.setMinimumWidth(130)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.setFocusProxy(self.check)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a caption's mnemonic skips NoFocus
        self.check.toggled.connect(self._on_check_toggled)
        self.edit.dateChanged.connect(self._on_date_changed)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.check.setAccessibleName(self.tr("%s: set a date") % name)
        self.edit.setAccessibleName(name)
        inner = self.edit.findChild(QLineEdit)  # the spin box's own text field
        if inner is not None:
            inner.setAccessibleName(name)

    def value(self) -> str | None:
        if self._raw is not None:
            return self._raw
        if not self.check.isChecked() or self.edit.date() == _SENTINEL:
            return None
        return self.edit.date().toString("yyyy-MM-dd")

    def set_value(self, value: object) -> None:
        parsed = _parse(value)
        self._raw = value if isinstance(value, str) and value and parsed is None else None
        with QSignalBlocker(self.check), QSignalBlocker(self.edit):
            self.check.setChecked(parsed is not None)
            self.edit.setEnabled(parsed is not None)
            self.edit.setDate(QDate(parsed.year, parsed.month, parsed.day) if parsed else _SENTINEL)

    def _on_check_toggled(self, checked: bool) -> None:
        self._raw = None
        with QSignalBlocker(self.edit):
            if checked:
                day = self._default()
                self.edit.setDate(QDate(day.year, day.month, day.day))
            else:
                self.edit.setDate(_SENTINEL)
        self.edit.setEnabled(checked)
        if checked:
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.value_changed.emit(self.value())

    def _on_date_changed(self, _day: QDate) -> None:
        self._raw = None
        if self.edit.date() == _SENTINEL and self.check.isChecked():
            with QSignalBlocker(self.check):
                self.check.setChecked(False)
            self.edit.setEnabled(False)
        self.value_changed.emit(self.value())


def _parse(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
