"""One questionnaire (or ZCQ subscale): a row of answer boxes with short section labels.

The forms' wording belongs to their authors, so only short section names are shown
(INSTRUMENTS.md); the answers are stored as numbers, unanswered items as null.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget


class QuestionnaireEditor(QWidget):
    """``value()`` is a list with one int-or-None per item, or None when nothing is answered."""

    value_changed = Signal(object)

    def __init__(
        self,
        name: str,
        sections: Sequence[str],
        choices: Sequence[Sequence[int]] | Sequence[int],
        parent: QWidget | None = None,
        *,
        columns: int = 2,
    ) -> None:
        super().__init__(parent)
        self.name = name
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        self.boxes: list[QComboBox] = []
        for i, section in enumerate(sections):
            item_choices = choices[i] if isinstance(choices[0], Sequence) else choices
            box = QComboBox(self)
            box.addItem("—", None)
            for c in item_choices:  # type: ignore[union-attr]
                box.addItem(str(c), c)
            box.setAccessibleName(f"{name}: {section}")
            box.currentIndexChanged.connect(self._on_answer_changed)
            caption = QLabel(f"{i + 1}. {section}", self)
            caption.setBuddy(box)
            r, c = divmod(i, columns)
            grid.addWidget(caption, r, 2 * c)
            grid.addWidget(box, r, 2 * c + 1)
            self.boxes.append(box)
        for c in range(columns):
            grid.setColumnStretch(2 * c, 1)

    def value(self) -> list[int | None] | None:
        answers = [box.currentData() for box in self.boxes]
        return answers if any(a is not None for a in answers) else None

    def set_value(self, value: object) -> None:
        items = list(value) if isinstance(value, list | tuple) else []
        for i, box in enumerate(self.boxes):
            v = items[i] if i < len(items) else None
            index = box.findData(v) if v is not None else 0
            if index < 0:
                box.addItem(str(v), v)
                index = box.count() - 1
            box.blockSignals(True)
            box.setCurrentIndex(index)
            box.blockSignals(False)

    def _on_answer_changed(self, _index: int) -> None:
        self.value_changed.emit(self.value())
