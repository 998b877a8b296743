"""A question with the answers spelled out as buttons, one of them the default (Enter).

The visit window's closing questions and the main window's draft choices each built the same
QMessageBox by hand; they ask through :func:`ask` instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

#: One answer: what :func:`ask` returns for it, its button's text, and its role.
Answer = tuple[str, str, QMessageBox.ButtonRole]

ACCEPT = QMessageBox.ButtonRole.AcceptRole
ACTION = QMessageBox.ButtonRole.ActionRole
REJECT = QMessageBox.ButtonRole.RejectRole
DESTROY = QMessageBox.ButtonRole.DestructiveRole


def ask(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    answers: Sequence[Answer],
    *,
    default: str,
    cancel: str | None = None,
) -> str | None:
    """Show the question modally; the key of the answer chosen, else None (Escape, or the
    standard Cancel button added when ``cancel`` is None and no answer has the reject role).
    ``cancel``: the text of a Cancel button of our own (its key is "cancel")."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    buttons = {key: box.addButton(label, role) for key, label, role in answers}
    if cancel is not None:
        buttons["cancel"] = box.addButton(cancel, QMessageBox.ButtonRole.RejectRole)
    elif not any(role == QMessageBox.ButtonRole.RejectRole for _, _, role in answers):
        box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(buttons[default])
    box.exec()
    clicked = box.clickedButton()
    return next((key for key, button in buttons.items() if button is clicked), None)
