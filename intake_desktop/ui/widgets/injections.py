"""The list of injections so far: one row each (date, kind, weeks of relief, function better,
and, for a diagnostic medial branch block, its response: positive, negative or not recorded).

The response is asked only of medial branch blocks (case.schema.json: a diagnostic block's
answer); for other kinds its chooser is disabled, and changing a block to another kind clears it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from intake_desktop.domain.codes import BlockResponse, InjectionType

from ..literal_codes import codes_of
from .choice import ChoiceCombo
from .number_field import NumberField
from .tri_state import TriStateSwitch

BLOCK = "medial_branch_block"
# The case-file fields of one injection, in column order.
FIELDS = ("date", "type", "relief_weeks", "function_improved", "response")
COLUMNS = (*FIELDS, "remove")


class InjectionsEditor(QWidget):
    """``value()`` is a list of injection dicts (case-file shape), or None when there are none."""

    value_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        outer.addLayout(self.grid)
        for col, text in enumerate(
            (self.tr("Date"), self.tr("Kind"), self.tr("Relief"), self.tr("Function better"),
             self.tr("Block response"))
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
        date.setAccessibleName(self.tr("Injection %d date") % n)
        kind = ChoiceCombo(codes_of(InjectionType), parent=self)
        kind.setAccessibleName(self.tr("Injection %d kind") % n)
        relief = NumberField(0, 520, self.tr("weeks"), parent=self)
        relief.setAccessibleName(self.tr("Injection %d weeks of relief") % n)
        better = TriStateSwitch(self, unset_text=self.tr("Unknown"))
        better.setAccessibleName(self.tr("Injection %d function improved") % n)
        response = ChoiceCombo(codes_of(BlockResponse), parent=self,
                               empty_text=self.tr("Not recorded"))  # fmt: skip
        response.setAccessibleName(self.tr("Injection %d block response") % n)
        response.setToolTip(self.tr("Medial branch blocks only: did the expected relief come "
                                    "while the numbing medicine acted?"))  # fmt: skip
        remove = QPushButton(self.tr("Remove"), self)
        remove.setAccessibleName(self.tr("Remove injection %d") % n)
        row = {"date": date, "type": kind, "relief_weeks": relief, "function_improved": better,
               "response": response, "remove": remove}  # fmt: skip
        date.textEdited.connect(self._emit)
        for key in FIELDS[1:]:
            row[key].value_changed.connect(self._emit)
        kind.value_changed.connect(lambda _v, r=row: self._on_kind_changed(r))
        remove.clicked.connect(lambda _=False, r=row: self._on_remove_clicked(r))
        r = len(self.rows) + 1
        for col, key in enumerate(COLUMNS):
            self.grid.addWidget(row[key], r, col)
        self._sync_response(row)
        self.rows.append(row)
        self._sync_empty()
        return row

    def _remove_row(self, index: int) -> None:
        row = self.rows.pop(index)
        for key in COLUMNS:
            row[key].hide()
            self.grid.removeWidget(row[key])
            row[key].deleteLater()
        self._sync_empty()

    def _sync_response(self, row: dict[str, Any]) -> None:
        """Only a medial branch block has a response; one recorded on another kind (from a
        file) stays visible and editable so that it can be seen and cleared, never hidden."""
        block = row["type"].value() == BLOCK
        row["response"].setEnabled(block or row["response"].value() is not None)

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
