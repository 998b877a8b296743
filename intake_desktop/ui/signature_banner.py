"""The "signature does not match" banner of a signed visit whose stored content was changed
outside the program (issue 17).

The services hash the signed content again (:func:`intake_desktop.services.check_signature`,
the check every print and export makes); when it differs, the visit window shows this banner
above everything, in words and in colour (white on dark red with a heavy border, read out by
screen readers as an alert), and printing or exporting the visit is refused with a message.
Like the red-flag banner it cannot be closed: it goes only when the visit matches again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from intake_desktop.services.errors import ServiceError

from .code_labels import fill


class SignatureBanner(QFrame):
    """Hidden while the visit is a draft or its signature matches."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signatureBanner")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        # Fixed colours (white on #8b0000, 9.9:1) and a dashed border, so it is told apart from
        # the red-flag banner by more than colour.
        self.setStyleSheet(
            "#signatureBanner { background: #8b0000; border: 3px dashed #ffffff; }"
            "#signatureBanner QLabel { color: #ffffff; background: transparent; }"
        )
        self.setAccessibleName(self.tr("Signature does not match"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 8, 14, 8)
        lay.setSpacing(2)
        self.heading = QLabel(self.tr("⚠ SIGNATURE DOES NOT MATCH"), self)
        self.heading.setObjectName("signatureHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.heading.setFont(font)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        for w in (self.heading, self.detail):
            w.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            lay.addWidget(w)
        self.problem: str | None = None
        self.setVisible(False)

    def check(self, clinic: Any, visit_id: int | None, signed: bool) -> str | None:
        """Ask the services about ``visit_id`` (when ``signed``) and show or hide the banner.

        Returns the problem shown, or None. A failure to ask (a role without the view, the
        database away) leaves the banner hidden: printing still checks and refuses.
        """
        problem = None
        if signed and visit_id is not None:
            try:
                problem = clinic.check_signature(visit_id)
            except ServiceError:
                problem = None
        self.show_problem(problem)
        return problem

    def show_problem(self, problem: str | None) -> None:
        """Show ``problem`` (the services' message), or hide the banner when None."""
        self.problem = problem
        if problem is None:
            self.setVisible(False)
            return
        advice = self.tr(
            "This visit's stored content differs from what was signed: it was changed outside "
            "the program. It cannot be printed or exported; tell an administrator."
        )
        cause = fill(self.tr("Found: %1."), problem)
        self.detail.setText(f"{advice}\n{cause}")
        text = f"{self.heading.text()}. {advice}"
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.setVisible(True)
