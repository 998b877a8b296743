"""Before a new patient is registered: "this person may already have a chart".

The services find the patients with the same date of birth and the same name as the search
compares names (:func:`intake_desktop.services.patients.possible_duplicates`); this dialog only
asks. Opening the existing chart is the default (Enter), because a second chart splits a
patient's history and its red flags in two; registering anyway is a deliberate second button
(Alt+R), and Esc goes back to the form with nothing saved.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.services.records import PatientSummary

from .binding import plain
from .identity import patient_identity
from .theme import style

Choice = Literal["open", "register", "back"]


class DuplicateDialog(QDialog):
    """After ``exec()``, ``choice``: ``open`` (``chosen``: whom), ``register`` or ``back``."""

    def __init__(self, matches: list[PatientSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style(self)
        self.setObjectName("duplicateDialog")
        self.matches = matches
        self.choice: Choice = "back"
        self.chosen: PatientSummary | None = None
        self.setWindowTitle(self.tr("This patient may already be registered"))
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A patient with this name and date of birth already has a chart. Open it "
                "instead of registering the same person twice?"
            )
            if len(matches) == 1
            else self.tr(
                "%n patients with this name and date of birth already have a chart. Open one "
                "of them instead of registering the same person again?",
                "",
                len(matches),
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setObjectName("duplicateMatches")
        self.list.setAccessibleName(self.tr("Patients already registered"))
        for match in matches:
            item = QListWidgetItem(
                patient_identity(match.name, match.record_number, match.date_of_birth)
            )
            item.setData(Qt.ItemDataRole.UserRole, match.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self._finish("open"))
        lay.addWidget(self.list)
        buttons = QDialogButtonBox(self)
        self.open_button = QPushButton(self.tr("&Open the existing patient"), self)
        self.register_button = QPushButton(self.tr("&Register a new patient anyway"), self)
        self.back_button = QPushButton(self.tr("&Back to the form"), self)
        for button, role in (
            (self.open_button, QDialogButtonBox.ButtonRole.AcceptRole),
            (self.register_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.back_button, QDialogButtonBox.ButtonRole.RejectRole),
        ):
            button.setAccessibleName(plain(button.text()))
            buttons.addButton(button, role)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(lambda _checked=False: self._finish("open"))
        self.register_button.clicked.connect(lambda _checked=False: self._finish("register"))
        self.back_button.clicked.connect(lambda _checked=False: self.reject())
        lay.addWidget(buttons)
        self.list.setFocus()
        self.setMinimumWidth(480)

    def _finish(self, choice: Choice) -> None:
        self.choice = choice
        if choice == "open":
            row = max(self.list.currentRow(), 0)
            self.chosen = self.matches[row]
        self.accept()

    def reject(self) -> None:
        self.choice, self.chosen = "back", None
        super().reject()
