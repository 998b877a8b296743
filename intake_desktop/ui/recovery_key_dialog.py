"""The recovery key, shown once after the first administrator is created.

The key opens the encrypted records when every password is lost, so it is shown in large, plain
characters to write down or print from the screen, and the dialog only closes once the person
confirms they have it: the app never shows it again (an administrator can issue a new one).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from .theme import style


class RecoveryKeyDialog(QDialog):
    """The recovery key and what it is for; Continue is enabled by the confirmation box."""

    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style(self)
        self.setWindowTitle(self.tr("Recovery key"))
        self.setModal(True)
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The records on this computer are encrypted. This recovery key opens them if "
                "every password is lost. It is shown only now: write it down or print this "
                "screen, and keep it in the clinic's safe, away from this computer and its "
                "backups."
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.key = QLabel(recovery_key, self)
        self.key.setObjectName("recoveryKey")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.8)
        font.setWeight(QFont.Weight.Bold)
        self.key.setFont(font)
        self.key.setAccessibleName(self.tr("Recovery key"))
        lay.addWidget(self.key)
        self.confirmed = QCheckBox(self.tr("I have written down or printed the recovery key"), self)
        self.confirmed.setObjectName("recoveryKeyKept")
        lay.addWidget(self.confirmed)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Continue"))
        self.ok.setEnabled(False)
        self.confirmed.toggled.connect(self._on_confirmed_changed)
        self.buttons.accepted.connect(self.accept)
        lay.addWidget(self.buttons)

    def _on_confirmed_changed(self, checked: bool) -> None:
        self.ok.setEnabled(checked)

    def reject(self) -> None:
        """Escape does not close it: the key would be lost unseen."""
        if self.confirmed.isChecked():
            super().reject()
