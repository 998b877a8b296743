"""Choosers over the codes of the case file: one-of (combo with "—") and any-of (checkboxes)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QWidget

from intake_desktop.ui.code_labels import label, translated


class ChoiceCombo(QComboBox):
    """One code or nothing: the first entry "—" means not answered (``value()`` None)."""

    value_changed = Signal(object)

    def __init__(
        self,
        codes: Sequence[str],
        labels: dict[str, str] | None = None,
        parent: QWidget | None = None,
        *,
        empty_text: str = "—",
    ) -> None:
        super().__init__(parent)
        self.addItem(empty_text, None)
        for code in codes:
            self.addItem(translated((labels or {}).get(code) or "") or label(code), code)
        self.currentIndexChanged.connect(self._on_index_changed)

    def value(self) -> str | None:
        return self.currentData()

    def set_value(self, value: object) -> None:
        index = self.findData(value) if value is not None else 0
        if index < 0:
            # An unknown code (from a hand-edited file) stays visible, not silently dropped.
            self.addItem(str(value), value)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def _on_index_changed(self, _index: int) -> None:
        self.value_changed.emit(self.value())


class CheckGroup(QWidget):
    """Any of a list of codes, as checkboxes; ``value()`` lists the checked codes in order."""

    value_changed = Signal(object)

    def __init__(
        self,
        codes: Sequence[str],
        labels: dict[str, str] | None = None,
        parent: QWidget | None = None,
        *,
        columns: int = 2,
    ) -> None:
        super().__init__(parent)
        self.codes = tuple(codes)
        self.boxes: dict[str, QCheckBox] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for i, code in enumerate(self.codes):
            text = translated((labels or {}).get(code) or "") or label(code)
            box = QCheckBox(text, self)
            box.setAccessibleName(text.replace("&", ""))
            box.toggled.connect(self._on_box_toggled)
            layout.addWidget(box, i // columns, i % columns)
            self.boxes[code] = box
        self._extra: list[str] = []

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        for box in self.boxes.values():
            box.setAccessibleDescription(name)

    def value(self) -> list[str]:
        return [c for c in self.codes if self.boxes[c].isChecked()] + self._extra

    def set_value(self, value: object) -> None:
        chosen = list(value) if isinstance(value, list | tuple) else []
        self._extra = [c for c in chosen if c not in self.boxes]
        for code, box in self.boxes.items():
            was = box.blockSignals(True)
            box.setChecked(code in chosen)
            box.blockSignals(was)

    def _on_box_toggled(self, _checked: bool) -> None:
        self.value_changed.emit(self.value())
