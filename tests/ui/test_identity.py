"""A patient registered without a name or record number is still told apart, never by a dash."""

from __future__ import annotations

from datetime import date

from intake_desktop.ui.identity import patient_identity
from intake_desktop.ui.main_window import MainWindow
from tests.actors import TEST_PASSWORD

from .conftest import EXAMPLES
from .helpers import open_visit_window


def test_an_imported_patient_without_name_is_shown_by_birth_date(qtbot, clinic, settings) -> None:
    clinic.sign_in("tester", TEST_PASSWORD)
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    path = next(p for p in EXAMPLES if "02_cauda" in p.name)  # no name, no record number
    window = open_visit_window(qtbot, main.import_case_path(path))
    born = window.patient.date_of_birth.isoformat()
    header = window.header.text()
    assert "name not recorded" in header and f"born {born}" in header
    assert "—" not in header and "· record" not in header
    main.show_patient(window.patient.id)
    assert "—" not in main.patient_label.text() and born in main.patient_label.text()


def test_a_name_is_shown_as_text_not_markup() -> None:
    shown = patient_identity("<i>Ana</i> & Co", "MRN<1>", date(1950, 1, 2), rich=True)
    assert shown.startswith("<b>&lt;i&gt;Ana&lt;/i&gt; &amp; Co</b>") and "MRN&lt;1&gt;" in shown
