"""A date of birth with slashes is never guessed: 05/03/1980 is 5 March in most of the world and
3 May in the United States. It used to be read month first in every language, silently."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox

from intake_desktop.ui.patient_dialog import PatientDialog
from tests.ui.helpers import when_modal


def _close(dialog: PatientDialog) -> None:
    """What was typed is discarded, as the dialog asks before it closes."""
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Discard).click())
    assert dialog.close()


def _typed(qtbot, clinic, born: str) -> PatientDialog:
    dialog = PatientDialog(clinic)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.edits["name"], "Zoe Example")
    qtbot.keyClicks(dialog.edits["date_of_birth"], born)
    return dialog


def test_a_date_that_reads_two_ways_is_refused_with_both_readings(qtbot, clinic) -> None:
    dialog = _typed(qtbot, clinic, "05/03/1980")
    assert dialog.details() is None
    error = dialog.errors["date_of_birth"]
    assert error.isVisible()
    assert error.text() == (
        "05/03/1980 could be 1980-03-05 or 1980-05-03: type it as YYYY-MM-DD or DD.MM.YYYY."
    )
    _close(dialog)


def test_a_slashed_date_only_one_order_makes_valid_is_that_date(qtbot, clinic) -> None:
    for typed in ("13/04/1980", "04/13/1980"):
        dialog = _typed(qtbot, clinic, typed)
        details = dialog.details()
        assert details is not None and details.date_of_birth == date(1980, 4, 13)
        _close(dialog)
