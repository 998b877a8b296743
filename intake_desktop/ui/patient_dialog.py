"""Register or edit a patient, with each field checked as it is typed."""

from __future__ import annotations

from datetime import date
from typing import Literal

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.domain.codes import Sex
from intake_desktop.services.errors import ServiceError
from intake_desktop.services.records import PatientDetails, PatientRecord
from intake_desktop.services.search import date_readings, parse_date

from .binding import error_label, plain, set_invalid
from .clinic import Clinic
from .code_labels import fill
from .literal_codes import codes_of
from .patient_correction import spread_correction
from .theme import style
from .widgets.choice import ChoiceCombo

FIELDS = ("name", "date_of_birth", "record_number", "sex", "phone", "email", "language",
          "address")  # fmt: skip


class PatientDialog(QDialog):
    """``record`` holds the saved patient after ``exec()`` returns Accepted."""

    def __init__(
        self, clinic: Clinic, patient: PatientRecord | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        style(self)
        self.clinic, self.patient = clinic, patient
        self.record: PatientRecord | None = None
        self.setWindowTitle(self.tr("Edit patient") if patient else self.tr("New patient"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)
        self.edits: dict[str, QLineEdit | ChoiceCombo] = {}
        self.errors: dict[str, QLabel] = {}
        for key, text, hint in (
            ("name", self.tr("&Name:"), self.tr("Given and family name")),
            ("date_of_birth", self.tr("&Date of birth:"), self.tr("YYYY-MM-DD or DD.MM.YYYY")),
            (
                "record_number",
                self.tr("&Record number:"),
                self.tr("Clinic record number (optional)"),
            ),
            ("sex", self.tr("&Sex:"), ""),
            ("phone", self.tr("&Phone:"), ""),
            ("email", self.tr("&E-mail:"), ""),
            ("language", self.tr("&Language:"), self.tr("For printouts, e.g. en, es")),
            ("address", self.tr("&Address:"), ""),
        ):
            edit: QLineEdit | ChoiceCombo
            edit = ChoiceCombo(codes_of(Sex), parent=self) if key == "sex" else QLineEdit(self)
            if isinstance(edit, QLineEdit):
                edit.setPlaceholderText(hint)
                edit.textEdited.connect(lambda _t, k=key: self._on_field_edited(k))
            edit.setObjectName(f"patient_{key}")
            edit.setAccessibleName(plain(text).rstrip(":"))
            caption = QLabel(text, self)
            caption.setBuddy(edit)
            err = error_label(self)
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(err)
            form.addRow(caption, box)
            self.edits[key], self.errors[key] = edit, err
        self.start_intake = QCheckBox(self.tr("Start the &intake now"), self)
        self.start_intake.setAccessibleName(plain(self.start_intake.text()))
        self.start_intake.setChecked(patient is None)
        self.start_intake.setVisible(patient is None)
        lay.addWidget(self.start_intake)
        self.general_error = error_label(self)
        lay.addWidget(self.general_error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        if patient is not None:
            self._fill(patient)
        self._dirty = False
        self.setMinimumWidth(460)

    def _fill(self, p: PatientRecord) -> None:
        for key in FIELDS:
            value = getattr(p, key)
            edit = self.edits[key]
            if isinstance(edit, ChoiceCombo):
                edit.set_value(value)
            else:
                edit.setText(value.isoformat() if isinstance(value, date) else (value or ""))

    def _text(self, key: str) -> str:
        edit = self.edits[key]
        return edit.text().strip() if isinstance(edit, QLineEdit) else (edit.value() or "")

    def _on_field_edited(self, key: str) -> None:
        self._dirty = True
        self.show_error(key, self._check(key))

    def _check(self, key: str) -> str:
        text = self._text(key)
        if key == "name" and not text:
            return self.tr("The name is required.")
        if key == "date_of_birth":
            if not text:
                return self.tr("The date of birth is required.")
            born = parse_date(text)
            readings = date_readings(text)
            if born is None and len(readings) == 2:  # 05/03/1980: never guessed
                day_first, month_first = readings[1], readings[0]
                return fill(
                    self.tr("%1 could be %2 or %3: type it as YYYY-MM-DD or DD.MM.YYYY."),
                    text, day_first.isoformat(), month_first.isoformat(),
                )  # fmt: skip
            if born is None:
                return self.tr("Not a date: type it as YYYY-MM-DD or DD.MM.YYYY.")
            if born > date.today():
                return self.tr("A date of birth cannot be in the future.")
        if key == "email" and text and "@" not in text:
            return self.tr("Not an e-mail address.")
        return ""

    def show_error(self, key: str | None, message: str) -> None:
        label = self.errors.get(key or "", self.general_error)
        label.setText(message)
        label.setVisible(bool(message))
        if key in self.edits:
            set_invalid(self.edits[key], bool(message))

    def details(self) -> PatientDetails | None:
        problems = {k: self._check(k) for k in FIELDS}
        for key, message in problems.items():
            self.show_error(key, message)
        first = next((k for k, m in problems.items() if m), None)
        if first is not None:
            self.edits[first].setFocus()
            return None
        born = parse_date(self._text("date_of_birth"))
        assert born is not None
        return PatientDetails(
            name=self._text("name"), date_of_birth=born,
            **{k: self._text(k) or None for k in FIELDS if k not in ("name", "date_of_birth")},
        )  # fmt: skip

    def save(self) -> None:
        details = self.details()
        if details is None:
            return
        try:
            if self.patient is None:
                choice = self._ask_about_duplicates(details)
                if choice == "back":
                    return
                if isinstance(choice, int):  # the existing chart, instead of a second one
                    self.record = self.clinic.get_patient(choice)
                    self.start_intake.setChecked(False)  # its chart lists its open drafts
                    self._dirty = False
                    self.accept()
                    return
                self.record = self.clinic.register_patient(details)
            else:
                self.record = self.clinic.update_patient(
                    self.patient.id, details, self.patient.version
                )
                spread_correction(self.record)  # the open visit windows show it at once
        except ServiceError as exc:
            field = getattr(exc, "field", None)
            message = str(exc).split(": ", 1)[-1] if field in self.edits else str(exc)
            self.show_error(field if field in self.edits else None, message)
            if field in self.edits:
                self.edits[field].setFocus()
            return
        self._dirty = False
        self.accept()

    def _ask_about_duplicates(self, details: PatientDetails) -> int | Literal["register", "back"]:
        """``register`` when no one alike is registered or the user registers anyway, ``back``
        to stay in the form, else the id of the existing patient to open."""
        from .duplicate_dialog import DuplicateDialog

        matches = self.clinic.possible_duplicates(details)
        if not matches:
            return "register"
        question = DuplicateDialog(matches, self)
        question.exec()
        if question.choice == "open" and question.chosen is not None:
            return question.chosen.id
        return "back" if question.choice == "back" else "register"

    def reject(self) -> None:
        if self._dirty and not self._confirm_discard():
            return
        self._dirty = False
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._dirty and not self._confirm_discard():
            event.ignore()
            return
        event.accept()

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Discard these details?"),
            self.tr("The patient's details are not saved. Close and discard what was typed?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Discard
