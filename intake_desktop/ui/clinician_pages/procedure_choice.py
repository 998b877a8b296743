"""The procedures the plan suggests, as radio buttons, and the one the clinician picks.

The list follows the plan (``Plan.procedures``, CLINICAL_CONTENT.md s. 7 block 8): it is rebuilt
whenever a new plan arrives. A choice the new plan no longer suggests is cleared, never kept
silently, and :attr:`ProcedureChoice.cleared` names it so the page can say so. Before the first
plan the wanted choice is only remembered, since there is nothing yet to check it against.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from intake_desktop.ui.code_labels import procedure_label


class ProcedureChoice(QWidget):
    """``value()`` is the chosen procedure code, or None ("none chosen")."""

    value_changed = Signal(object)
    cleared = Signal(str)  # the code of a choice the plan no longer suggests

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.empty = QLabel(self.tr("No plan yet."), self)
        self.empty.setObjectName("noProcedures")
        self.empty.setWordWrap(True)
        self._layout.addWidget(self.empty)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.buttonToggled.connect(self._on_button_toggled)
        self.none_radio = self._radio(self.tr("No procedure chosen yet"), None)
        self.buttons: dict[str, QRadioButton] = {}
        self._suggested: tuple[str, ...] | None = None
        self._value: str | None = None
        self._sync()

    # --- reading and writing -------------------------------------------------------------
    @property
    def suggested(self) -> tuple[str, ...]:
        return self._suggested or ()

    def value(self) -> str | None:
        return self._value

    def set_value(self, value: object) -> None:
        """Show ``value`` as chosen (no signal); checked against the plan when one is known."""
        self._value = value if isinstance(value, str) and value else None
        if self._suggested is not None and self._value not in (None, *self._suggested):
            self._clear()
            return
        self._sync()

    def set_suggestions(self, procedures: tuple[str, ...] | list[str]) -> None:
        """The plan's procedures, in its order; a choice no longer among them is cleared."""
        procedures = tuple(procedures)
        if procedures != self._suggested:
            self._suggested = procedures
            for button in self.buttons.values():
                self._group.removeButton(button)
                self._layout.removeWidget(button)
                button.hide()
                button.deleteLater()
            self.buttons = {code: self._radio(procedure_label(code), code) for code in procedures}
        if self._value is not None and self._value not in procedures:
            self._clear()
            return
        self._sync()

    # --- inside --------------------------------------------------------------------------
    def _radio(self, text: str, code: str | None) -> QRadioButton:
        button = QRadioButton(text, self)
        button.setProperty("procedure", code)
        button.setAccessibleName(text)
        self._group.addButton(button)
        self._layout.addWidget(button)
        return button

    def _clear(self) -> None:
        gone = self._value
        self._value = None
        self._sync()
        self.value_changed.emit(None)
        if gone is not None:
            self.cleared.emit(gone)

    def _sync(self) -> None:
        known = self._suggested is not None
        self.empty.setVisible(not self.buttons)
        self.empty.setText(
            self.tr("The plan suggests no procedure at this level.") if known
            else self.tr("No plan yet.")
        )  # fmt: skip
        self.none_radio.setVisible(bool(self.buttons))
        checked = self.buttons.get(self._value or "", self.none_radio)
        with QSignalBlocker(self._group), QSignalBlocker(checked):
            checked.setChecked(True)  # the exclusive group unchecks the others
        # Tab and the caption's mnemonic land on the checked button; arrows move in the group.
        # (A focus policy too, so that the caption's mnemonic, which skips NoFocus buddies, works.)
        self.setFocusProxy(checked if self.buttons else None)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if self.buttons else Qt.FocusPolicy.NoFocus)

    def _on_button_toggled(self, button: QRadioButton, checked: bool) -> None:
        if not checked:
            return
        code = button.property("procedure")
        code = code if isinstance(code, str) and code else None
        if code != self._value:
            self._value = code
            self.value_changed.emit(code)
