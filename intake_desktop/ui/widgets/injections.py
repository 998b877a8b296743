"""The list of injections so far: one row each (date, kind, weeks of relief, function better),
and for a diagnostic medial branch block, its response: positive, negative or not recorded.

The response is asked only of medial branch blocks (case.schema.json: a diagnostic block's
answer), so its chooser sits under the kind and shows for blocks only: a column of disabled
choosers would push the row past the width of a 1366-pixel screen. Changing a block to another
kind clears its response; a response recorded on another kind (a hand-edited file) stays shown,
so it can be seen and cleared, never hidden.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.domain.codes import BlockResponse, InjectionType

from ..literal_codes import codes_of
from .choice import ChoiceCombo
from .number_field import NumberField
from .tri_state import TriStateSwitch

BLOCK = "medial_branch_block"
# The case-file fields of one injection, in the order they are read and written.
FIELDS = ("date", "type", "relief_weeks", "function_improved", "response")
# The widgets of one row, by grid column ("type" holds the kind and, under it, the response).
CELLS = ("date", "type", "relief_weeks", "function_improved", "remove")
# Under the kind, "Positive" alone would not say what is positive; the first letters differ so
# that one key picks each (P, N, R).
RESPONSE_LABELS = {
    "positive": QT_TRANSLATE_NOOP("codes", "Positive response"),
    "negative": QT_TRANSLATE_NOOP("codes", "Negative response"),
}


class InjectionsEditor(QWidget):
    """``value()`` is a list of injection dicts (case-file shape), or None when there are none."""

    value_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(4)
        outer.addLayout(self.grid)
        for col, text in enumerate(
            (self.tr("Date"), self.tr("Kind"), self.tr("Relief<br/>(weeks)"),
             self.tr("Function better"))
        ):  # fmt: skip
            self.grid.addWidget(QLabel(f"<b>{text}</b>", self), 0, col)
        self.empty = QLabel(self.tr("No injections recorded."), self)
        outer.addWidget(self.empty)
        self.add_button = QPushButton(self.tr("Add in&jection"), self)
        self.add_button.setAccessibleName(self.tr("Add injection"))
        self.add_button.clicked.connect(self._on_add_clicked)
        outer.addWidget(self.add_button)
        self.rows: list[dict[str, Any]] = []

    def value(self) -> list[dict[str, Any]] | None:
        out = []
        for row in self.rows:
            item: dict[str, Any] = {}
            for key in FIELDS:
                v = row[key].value() if key != "date" else (row[key].text().strip() or None)
                if v is not None:
                    item[key] = v
            out.append(item)
        return out or None

    def set_value(self, value: object) -> None:
        items = value if isinstance(value, list) else []
        while len(self.rows) > len(items):
            self._remove_row(len(self.rows) - 1)
        while len(self.rows) < len(items):
            self._add_row()
        for row, item in zip(self.rows, items, strict=True):
            item = item if isinstance(item, dict) else {}
            row["date"].setText(str(item.get("date") or ""))
            for key in FIELDS[1:]:
                row[key].blockSignals(True)
                row[key].set_value(item.get(key))
                row[key].blockSignals(False)
            self._sync_response(row)
        self._sync_empty()

    def _add_row(self) -> dict[str, Any]:
        n = len(self.rows) + 1
        date = QLineEdit(self)
        date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        date.setMaximumWidth(120)
        date.setMinimumWidth(date.fontMetrics().horizontalAdvance("0000-00-00") + 10)
        date.setAccessibleName(self.tr("Injection %d date") % n)
        kind_cell = QWidget(self)
        cell = QVBoxLayout(kind_cell)
        cell.setContentsMargins(0, 0, 0, 0)
        cell.setSpacing(2)
        kind = ChoiceCombo(codes_of(InjectionType), parent=kind_cell)
        kind.setAccessibleName(self.tr("Injection %d kind") % n)
        response = ChoiceCombo(
            codes_of(BlockResponse), RESPONSE_LABELS, parent=kind_cell,
            empty_text=self.tr("Response not recorded"),
        )  # fmt: skip
        response.setAccessibleName(self.tr("Injection %d block response") % n)
        response.setToolTip(self.tr("Did the expected relief come while the numbing medicine "
                                    "acted? (medial branch blocks only)"))  # fmt: skip
        cell.addWidget(kind)
        cell.addWidget(response)
        relief = NumberField(0, 520, parent=self)  # the unit is in the column's heading
        relief.setAccessibleName(self.tr("Injection %d weeks of relief") % n)
        better = TriStateSwitch(self, unset_text=self.tr("Unknown"))
        better.setAccessibleName(self.tr("Injection %d function improved") % n)
        remove = QPushButton("✕", self)  # one glyph: the row must fit a 1366-pixel screen
        remove.setAccessibleName(self.tr("Remove injection %d") % n)
        remove.setToolTip(self.tr("Remove injection %d") % n)
        remove.setFixedWidth(remove.fontMetrics().horizontalAdvance("✕") + 20)
        row = {"date": date, "type": kind, "response": response, "relief_weeks": relief,
               "function_improved": better, "remove": remove, "cell": kind_cell}  # fmt: skip
        date.textEdited.connect(self._emit)
        for key in FIELDS[1:]:
            row[key].value_changed.connect(self._emit)
        kind.value_changed.connect(lambda _v, r=row: self._on_kind_changed(r))
        remove.clicked.connect(lambda _=False, r=row: self._on_remove_clicked(r))
        r = len(self.rows) + 1
        for col, key in enumerate(CELLS):
            self.grid.addWidget(kind_cell if key == "type" else row[key], r, col)
        self._sync_response(row)
        self.rows.append(row)
        self._sync_empty()
        return row

    def _remove_row(self, index: int) -> None:
        row = self.rows.pop(index)
        for key in ("date", "cell", "relief_weeks", "function_improved", "remove"):
            row[key].hide()
            self.grid.removeWidget(row[key])
            row[key].deleteLater()
        self._sync_empty()

    def _sync_response(self, row: dict[str, Any]) -> None:
        block = row["type"].value() == BLOCK
        row["response"].setVisible(block or row["response"].value() is not None)

    def _on_kind_changed(self, row: dict[str, Any]) -> None:
        if row["type"].value() != BLOCK and row["response"].value() is not None:
            row["response"].blockSignals(True)
            row["response"].set_value(None)
            row["response"].blockSignals(False)
            self._emit()
        self._sync_response(row)

    def _sync_empty(self) -> None:
        self.empty.setVisible(not self.rows)

    def _on_add_clicked(self) -> None:
        row = self._add_row()
        row["date"].setFocus()
        self._emit()

    def _on_remove_clicked(self, row: dict[str, Any]) -> None:
        values = self.value() or []
        index = self.rows.index(row)
        del values[index]
        self.set_value(values)
        self.add_button.setFocus()
        self._emit()

    def _emit(self, *_args: object) -> None:
        self.value_changed.emit(self.value())
