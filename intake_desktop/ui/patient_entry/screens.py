"""One tablet screen per question: the question in big type, the answers as big buttons.

A screen decides nothing: it shows ``question`` with the answer given so far checked and calls
``on_answer(value, advance)`` when the patient taps. Single answers (yes/no, a rating, one of a
list) move on by themselves; lists of any number (body sites, what eases or worsens) wait for
"Next". Every button's accessible name is its answer and its description the question, so a
screen reader reads both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.domain.patient_questions import (
    ANY_OF,
    RATING,
    SITES,
    YES_NO,
    ZCQ_BALANCE_CHOICES,
    Question,
)

from ..widgets.body_map import BodyMap
from .texts import CHOICES, INSTRUCTIONS, SCALES, PatientTexts
from .touch import QUESTION_PT, SMALL_PT, make_touchable, set_points

Answer = Callable[[Any, bool], None]


class QuestionScreen(QWidget):
    """The screen of one question; :attr:`buttons` maps each answer value to its button."""

    def __init__(
        self,
        question: Question,
        value: Any,
        texts: PatientTexts,
        items: dict[str, Any],
        on_answer: Answer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.question, self.texts, self.on_answer = question, texts, on_answer
        self.buttons: dict[Any, QPushButton] = {}
        self.body_map: BodyMap | None = None
        lay = QVBoxLayout(self)
        lay.setSpacing(14)
        heading, text, answers = self._wording(items)
        self.heading = QLabel(heading, self)
        set_points(self.heading, SMALL_PT, bold=True)
        self.heading.setVisible(bool(heading))
        self.text = QLabel(text, self)
        self.text.setObjectName("patientQuestion")
        self.text.setWordWrap(True)
        set_points(self.text, QUESTION_PT, bold=True)
        self.text.setAccessibleName(text)
        lay.addWidget(self.heading)
        lay.addWidget(self.text)
        self.prompt = text
        kind = question.kind
        if kind in (ANY_OF, SITES):
            self._many(lay, value)
        elif kind == RATING:
            self._rating(lay, value)
        else:
            self._one(lay, value, answers)
        lay.addStretch(1)

    # --- wording -------------------------------------------------------------------------
    def _wording(self, items: dict[str, Any]) -> tuple[str, str, list[tuple[Any, str]]]:
        """(heading, question, [(value, answer text)]) in the patient's language."""
        q, t = self.question, self.texts.t
        if q.instrument is None:
            if q.kind == YES_NO:
                answers = [(True, t("Yes")), (False, t("No")), (None, t("Not sure"))]
            elif q.id in CHOICES:
                answers = [(v, self.texts.choice(q.id, v)) for v in q.choices]
            else:
                answers = []
            return "", self.texts.question(q.id), answers
        assert q.item is not None
        labels, licensed = items.get("labels", {}), items.get("licensed", {})
        part = q.instrument.split(".")
        node = labels.get(part[0], {})
        title = node.get("title", "")
        if len(part) > 1:
            node = node.get(part[1], {})
        item = (node.get("items") or [""] * (q.item + 1))[q.item]
        own = licensed.get(q.instrument)
        if own is not None:
            text = own["items"][q.item]
            statements = own["answers"][q.item] if own["answers"] else None
        else:
            instruction = INSTRUCTIONS.get(q.instrument if len(part) > 1 else part[0], "")
            text, statements = f"{item}. {t(instruction)}", None
        if statements is None:
            statements = [t(s) for s in self._scale(q)]
        return title, text, list(zip(q.choices, statements, strict=True))

    @staticmethod
    def _scale(q: Question) -> tuple[str, ...]:
        if q.instrument in ("odi", "ndi"):
            return SCALES["disability"]
        if q.choices == ZCQ_BALANCE_CHOICES and q.instrument == "zcq.symptom_severity":
            return SCALES["zcq.balance"]
        return SCALES[q.instrument or ""]

    # --- answers -------------------------------------------------------------------------
    def _button(self, text: str, value: Any, checkable: bool = True) -> QPushButton:
        button = QPushButton(text, self)
        button.setCheckable(checkable)
        button.setAccessibleName(text)
        button.setAccessibleDescription(self.prompt)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        make_touchable(button)
        self.buttons[value] = button
        return button

    def _one(self, lay: QVBoxLayout, value: Any, answers: list[tuple[Any, str]]) -> None:
        group = QButtonGroup(self)
        box = QGridLayout()
        box.setSpacing(12)
        columns = 3 if self.question.kind == YES_NO else (2 if len(answers) > 4 else 1)
        for i, (choice, text) in enumerate(answers):
            button = self._button(text, choice)
            button.setChecked(choice is not None and choice == value and value is not None)
            group.addButton(button)
            button.clicked.connect(lambda _=False, v=choice: self.on_answer(v, True))
            box.addWidget(button, i // columns, i % columns)
        lay.addLayout(box)

    def _rating(self, lay: QVBoxLayout, value: Any) -> None:
        group = QButtonGroup(self)
        row = QHBoxLayout()
        row.setSpacing(8)
        for n in self.question.choices:
            button = self._button(str(n), n)
            button.setChecked(n == value)
            group.addButton(button)
            button.clicked.connect(lambda _=False, v=n: self.on_answer(v, True))
            row.addWidget(button)
        lay.addLayout(row)
        ends = QHBoxLayout()
        for text, align in ((self.texts.t("No pain"), Qt.AlignmentFlag.AlignLeft),
                            (self.texts.t("Worst pain you can imagine"),
                             Qt.AlignmentFlag.AlignRight)):  # fmt: skip
            anchor = QLabel(text, self)
            set_points(anchor, SMALL_PT)
            anchor.setAlignment(align)
            ends.addWidget(anchor)
        lay.addLayout(ends)
        self.buttons[0].setAccessibleName(f"0, {self.texts.t('No pain')}")
        self.buttons[10].setAccessibleName(f"10, {self.texts.t('Worst pain you can imagine')}")

    def _many(self, lay: QVBoxLayout, value: Any) -> None:
        chosen = set(value or ())
        q = self.question
        row = QHBoxLayout()
        grid = QGridLayout()
        grid.setSpacing(10)
        if q.kind == SITES:
            self.body_map = BodyMap(self)
            self.body_map.setAccessibleName(self.texts.t("Body map"))
            self.body_map.set_value(sorted(chosen))
            self.body_map.setMinimumSize(420, 380)
            self.body_map.captions = (self.texts.t("Front view"), self.texts.t("Back view"))
            self.body_map.value_changed.connect(self._on_map_changed)
            row.addWidget(self.body_map, 1)
        for i, code in enumerate(q.choices):
            text = self.texts.code(code) if q.kind == SITES else self.texts.choice(q.id, code)
            button = self._button(text, code)
            button.setChecked(code in chosen)
            button.toggled.connect(lambda _=False: self._on_toggled())
            grid.addWidget(button, i // 2, i % 2)
        row.addLayout(grid, 1)
        lay.addLayout(row)

    def chosen(self) -> list[Any]:
        return [v for v, b in self.buttons.items() if b.isChecked()]

    def _on_toggled(self) -> None:
        if self.body_map is not None:
            self.body_map.set_value(self.chosen())
        self.on_answer(self.chosen() or None, False)

    def _on_map_changed(self, sites: list[str]) -> None:
        for code, button in self.buttons.items():
            was = button.blockSignals(True)
            button.setChecked(code in sites)
            button.blockSignals(was)
        self.on_answer(self.chosen() or None, False)
