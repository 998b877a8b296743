"""Signing a visit: first what is still missing (each line goes to its field), then a confirmation
that shows what is signed and takes the password again (the electronic signature).

The dialog decides nothing: the window gives it the missing items (from the draft session, which
asks :mod:`intake_desktop.domain.signing`) and what the plan says; the dialog hands back the
field to go to (:attr:`SignDialog.go_to`) or the password (:attr:`SignDialog.sign_requested`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.domain.codes import RED_FLAG_LEVELS
from intake_desktop.domain.signing import (
    CARRIED_MESSAGE,
    NOT_EXAMINED_KEY,
    OVERRIDE_REASON_PATH,
    SCREEN_PATH,
    MissingItem,
)

from .binding import error_label
from .code_labels import fill, label
from .red_flag_text import flag_level_text
from .theme import style

PATH_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True, slots=True)
class SignSummary:
    """What the confirmation shows: the level signed, the red flags, the procedures suggested."""

    level: str
    recommended: str
    override_reason: str | None = None
    red_flags: Sequence[str] = field(default=())
    procedures: Sequence[str] = field(default=())
    chosen_procedure: str | None = None
    signer: str = ""
    amendment_reason: str | None = None


def missing_text(item: MissingItem, names: Mapping[str, str] | None = None) -> str:
    """One missing item in the user's words (the path stays in the item's data); ``names``: the
    fields' labels as the window shows them, by path."""
    head, _, rest = item.path.partition(".")
    translate = QCoreApplication.translate
    if item.message == CARRIED_MESSAGE:
        field_name = (names or {}).get(item.path) or item.path
        return fill(translate("SignDialog", "From the last visit, not confirmed: %1"), field_name)
    if head == SCREEN_PATH:
        return fill(translate("SignDialog", "Red-flag question not answered: %1"), label(rest))
    if item.path == f"exam.{NOT_EXAMINED_KEY}":
        return translate("SignDialog", "Reason the exam was not done")
    if head == "exam":
        return fill(translate("SignDialog", "Exam not recorded: %1"), label(rest))
    if item.path == OVERRIDE_REASON_PATH:
        return translate("SignDialog", "Reason for choosing another level than the recommended one")
    return f"{item.path}: {item.message}"


class SignDialog(QDialog):
    """Missing items, or the confirmation with the password; never both at once."""

    go_to = Signal(str)  # a field's path
    sign_requested = Signal(str)  # the password

    def __init__(
        self,
        missing: Sequence[MissingItem],
        summary: SignSummary,
        parent: QWidget | None = None,
        names: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        style(self)
        self.setObjectName("signDialog")
        self.setWindowTitle(self.tr("Sign the visit"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.missing = list(missing)
        self.names = dict(names or {})
        layout = QVBoxLayout(self)
        self.missing_list = QListWidget(self)
        self.missing_list.setObjectName("missingList")
        self.missing_list.setAccessibleName(self.tr("What is missing before signing"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Your password"))
        self.problem = error_label(self)
        self.sign_button = QPushButton(self.tr("&Sign"), self)
        self.sign_button.setObjectName("signButton")
        self.go_button = QPushButton(self.tr("&Go to the field"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.rejected.connect(self.reject)
        if self.missing:
            for w in (self.password, self.problem, self.sign_button):
                w.hide()
            self._build_missing(layout)
            buttons.addButton(self.go_button, QDialogButtonBox.ButtonRole.ActionRole)
        else:
            self._build_confirmation(layout, summary)
            buttons.addButton(self.sign_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(buttons)
        self.sign_button.clicked.connect(self._on_sign_clicked)
        self.go_button.clicked.connect(self._on_go_clicked)
        self.missing_list.itemActivated.connect(self._on_item_activated)
        self.resize(560, 460)

    @property
    def confirming(self) -> bool:
        return not self.missing

    # --- missing items -------------------------------------------------------------------
    def _build_missing(self, layout: QVBoxLayout) -> None:
        heading = QLabel(
            fill(self.tr("<b>Still to complete before signing: %1</b>"), len(self.missing)),
            self,
        )
        intro = QLabel(
            self.tr("Choose a line and press Enter (or double-click) to go to its field."), self
        )
        intro.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(intro)
        for item in self.missing:
            row = QListWidgetItem(missing_text(item, self.names), self.missing_list)
            row.setData(PATH_ROLE, item.path)
            row.setToolTip(str(item))
        self.missing_list.setCurrentRow(0)
        layout.addWidget(self.missing_list, 1)
        self.missing_list.setFocus()

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.accept()  # first: closing gives the window its focus back, then the field takes it
        self.go_to.emit(str(item.data(PATH_ROLE)))

    def _on_go_clicked(self) -> None:
        item = self.missing_list.currentItem()
        if item is not None:
            self._on_item_activated(item)

    # --- confirmation --------------------------------------------------------------------
    def _build_confirmation(self, layout: QVBoxLayout, s: SignSummary) -> None:
        self.missing_list.hide()
        self.go_button.hide()
        heading = QLabel(
            self.tr("<b>You are signing the amendment:</b>")
            if s.amendment_reason
            else self.tr("<b>You are signing this visit:</b>"),
            self,
        )
        layout.addWidget(heading)
        if s.amendment_reason:
            amend = QLabel(fill(self.tr("Amendment: %1"), s.amendment_reason), self)
            amend.setWordWrap(True)
            layout.addWidget(amend)
        form = QFormLayout()
        level = QLabel(f"<b>{label(s.level)}</b>", self)
        level.setObjectName("signedLevel")
        form.addRow(self.tr("Level of care:"), level)
        if s.level != s.recommended:
            text = self.tr("Recommended %1; changed because: %2")
            why = QLabel(fill(text, label(s.recommended), s.override_reason or "—"), self)
            why.setWordWrap(True)
            form.addRow(self.tr("Override:"), why)
        flags = QLabel(self)
        flags.setObjectName("signedRedFlags")
        flags.setWordWrap(True)
        if s.red_flags:
            flags.setText("<br>".join(
                f"<b>{flag_level_text(c).upper()}</b>: {label(c)}"
                for c in sorted(s.red_flags, key=lambda c: RED_FLAG_LEVELS.get(c) != "emergency")
            ))  # fmt: skip
            flags.setProperty("alarm", True)
            flags.setObjectName("flagEmergency")
        else:
            flags.setText(self.tr("None"))
        form.addRow(self.tr("Red flags:"), flags)
        procedures = QLabel(", ".join(label(p) for p in s.procedures) or self.tr("None"), self)
        procedures.setObjectName("signedProcedures")
        procedures.setWordWrap(True)
        form.addRow(self.tr("Suggested procedures:"), procedures)
        if s.chosen_procedure:
            chosen = QLabel(f"<b>{label(s.chosen_procedure)}</b>", self)
            chosen.setObjectName("signedChosenProcedure")
            form.addRow(self.tr("Procedure chosen:"), chosen)
        form.addRow(self.tr("Signed by:"), QLabel(s.signer, self))
        caption = QLabel(self.tr("&Password:"), self)
        caption.setBuddy(self.password)
        form.addRow(caption, self.password)
        layout.addLayout(form)
        note = QLabel(
            self.tr(
                "Your password again is your electronic signature: your name, the time and a "
                "fingerprint of what you sign are recorded. Afterwards the visit changes only "
                "by amendment."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setObjectName("pageIntro")
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.sign_button.setDefault(True)
        self.password.setFocus()

    def _on_sign_clicked(self) -> None:
        if not self.password.text():
            self.show_problem(self.tr("Type your password to sign."))
            self.password.setFocus()
            return
        self.sign_requested.emit(self.password.text())

    def show_problem(self, text: str) -> None:
        """A refusal (wrong password, a conflict): the dialog stays open, the password cleared."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.password.clear()
