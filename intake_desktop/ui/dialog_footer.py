"""The foot of the small forms (sign-in, passwords, users): a line for the problem, OK and Cancel.

Each form names its problem line (tests and screen readers find it by that name) and says which
slot OK runs; Cancel rejects. The problem line wraps, as messages name the field at fault and
can run long in Spanish.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QBoxLayout, QDialog, QDialogButtonBox, QLabel


def add_error_and_buttons(
    dialog: QDialog,
    layout: QBoxLayout,
    name: str,
    on_ok: Callable[[], None],
    accessible: str | None = None,
) -> tuple[QLabel, QDialogButtonBox]:
    """Add the problem line ``name`` and the OK/Cancel buttons at the end of ``layout``."""
    error = QLabel("", dialog)
    error.setObjectName(name)
    error.setWordWrap(True)
    if accessible is not None:
        error.setAccessibleName(accessible)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(error)
    layout.addWidget(buttons)
    return error, buttons
