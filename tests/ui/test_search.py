"""The patient search filters as you type, one page at a time, on a demo database."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QApplication

from intake_desktop.demo import build_demo
from intake_desktop.ui.main_window import MainWindow
from intake_desktop.ui.patient_search import PAGE

from .helpers import type_text


@pytest.fixture
def demo_clinic(clinic):
    build_demo(clinic.db, 600, seed=7)
    return clinic


def test_typing_filters_with_one_query_per_pause(qtbot, demo_clinic, settings) -> None:
    main = MainWindow(demo_clinic, settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is main.search.box)
    search = main.search
    assert search.stack.currentWidget() is search.guide  # guidance, not an empty list
    sample = demo_clinic.search_patients("DEMO-0000123", 1)[0]
    started = time.perf_counter()
    type_text(sample.record_number)
    qtbot.waitUntil(lambda: search.model.rowCount() == 1, timeout=2000)
    elapsed = time.perf_counter() - started
    assert search.model.queries == 1  # debounced: one query for the whole number
    assert search.model.patient(0).id == sample.id
    assert elapsed < 1.0
    # The selected row is the patient shown on the right, with the visit history.
    qtbot.waitUntil(lambda: main.patient is not None and main.patient.id == sample.id)
    assert main.history.rowCount() >= 1


def test_a_broad_query_loads_a_page_and_fetches_more_on_demand(qtbot, demo_clinic) -> None:
    from intake_desktop.ui.patient_search import PatientSearchModel

    model = PatientSearchModel(demo_clinic.search_patients)
    model.set_query("demo")  # every demo record number starts so
    assert model.rowCount() == PAGE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE
    assert len({model.patient(r).id for r in range(model.rowCount())}) == 2 * PAGE


def test_date_of_birth_search(qtbot, demo_clinic) -> None:
    from intake_desktop.ui.patient_search import PatientSearchModel

    someone = demo_clinic.search_patients("DEMO-0000042", 1)[0]
    model = PatientSearchModel(demo_clinic.search_patients)
    model.set_query(someone.date_of_birth.strftime("%d.%m.%Y"))
    assert someone.id in {model.patient(r).id for r in range(model.rowCount())}


def test_fetching_stops_when_the_results_run_out(qtbot, demo_clinic) -> None:
    """A short last page ends paging: the view must not re-run the query on every scroll."""
    from intake_desktop.ui.patient_search import PatientSearchModel

    model = PatientSearchModel(demo_clinic.search_patients)
    # DEMO-0000100 .. DEMO-0000199, and the numbers holding "00001" elsewhere (any part of a
    # record number matches): more than one page, less than two.
    total = len(demo_clinic.search_patients("demo-00001", 500))
    assert PAGE < total < 2 * PAGE
    model.set_query("demo-00001")
    assert model.rowCount() == PAGE
    while model.canFetchMore():
        model.fetchMore()
        assert model.queries < 10, "paging never ends"
    assert model.rowCount() == total
    assert model.queries == 2
    model.fetchMore()
    assert model.queries == 2
