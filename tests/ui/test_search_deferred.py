"""The search box works before the records are open: typing is kept, the query runs on attach.

The main window is shown before the database layer is imported (start-up), so the search widget
takes no search function at first and must neither run nor lose anything typed meanwhile.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from intake_desktop.domain.findings import age_on
from intake_desktop.services.records import PatientSummary
from intake_desktop.ui.patient_search import PAGE, PatientSearchWidget
from tests.fresh_python import run_fresh
from tests.ui.test_translation import spanish  # noqa: F401 (the fixture)

PEOPLE = [
    PatientSummary(1, "MRN-1", "Ana García", date(1950, 1, 2), "female"),
    PatientSummary(2, "MRN-2", "Anders Berg", date(1961, 5, 6), "male"),
    PatientSummary(3, "MRN-3", "Bo Lee", date(1970, 7, 8), None),
]


class FakeSearch:
    """Answers like the service (name prefixes only) and remembers what it was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, int]] = []

    def __call__(self, text: str, limit: int) -> list[PatientSummary]:
        self.asked.append((text, limit))
        found = [p for p in PEOPLE if p.name and p.name.lower().startswith(text.lower())]
        return found[:limit]


@pytest.fixture
def widget(qtbot) -> PatientSearchWidget:
    w = PatientSearchWidget(None)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.box.setFocus()
    qtbot.waitUntil(lambda: w.box.hasFocus())
    return w


def settle(qtbot) -> None:
    """Let the event loop run what typing scheduled (the query's zero timer)."""
    QApplication.processEvents()


def test_typing_before_there_is_a_search_keeps_the_text_and_runs_nothing(
    qtbot, widget: PatientSearchWidget
) -> None:
    QTest.keyClicks(widget.box, "an")
    settle(qtbot)
    assert widget.box.text() == "an"
    assert widget.model.queries == 0
    assert widget.model.rowCount() == 0
    assert widget.stack.currentWidget() is widget.guide  # not "no patient matches"
    QTest.keyClick(widget.box, Qt.Key.Key_Down)
    QTest.keyClick(widget.box, Qt.Key.Key_Return)
    assert widget.box.hasFocus()  # nothing to go to: the keys stay in the box
    assert widget.current_patient_id() is None


def test_set_search_runs_the_query_for_what_was_typed(qtbot, widget: PatientSearchWidget) -> None:
    QTest.keyClicks(widget.box, "an")
    settle(qtbot)
    search = FakeSearch()
    widget.set_search(search)
    assert search.asked == [("an", PAGE)]
    assert [widget.model.patient(r).id for r in range(widget.model.rowCount())] == [1, 2]
    assert widget.stack.currentWidget() is widget.view
    assert widget.current_patient_id() == 1  # the first row is selected, as after typing
    with qtbot.waitSignal(widget.patient_selected, timeout=2000) as selected:
        pass
    assert selected.args == [1]


def test_after_set_search_typing_searches_once_per_pause(
    qtbot, widget: PatientSearchWidget
) -> None:
    search = FakeSearch()
    widget.set_search(search)
    assert search.asked == []  # an empty box asks nothing
    assert widget.stack.currentWidget() is widget.guide
    QTest.keyClicks(widget.box, "and")
    qtbot.waitUntil(lambda: widget.model.queries == 1)
    settle(qtbot)
    assert search.asked == [("and", PAGE)]
    assert widget.current_patient_id() == 2
    QTest.keyClicks(widget.box, "x")
    qtbot.waitUntil(lambda: widget.model.queries == 2)
    assert widget.stack.currentWidget() is widget.empty


def test_keys_reach_the_list_once_there_is_one(qtbot, widget: PatientSearchWidget) -> None:
    QTest.keyClicks(widget.box, "b")
    widget.set_search(FakeSearch())
    with qtbot.waitSignal(widget.patient_activated, timeout=2000) as activated:
        QTest.keyClick(widget.box, Qt.Key.Key_Return)
    assert activated.args == [3]
    assert widget.view.hasFocus()
    widget.box.setFocus()
    QTest.keyClicks(widget.box, "o")  # "bo": pending until the event loop runs, or Down
    QTest.keyClick(widget.box, Qt.Key.Key_Down)
    assert widget.model.query == "bo"
    assert widget.view.hasFocus()


def test_the_model_formats_rows_when_shown(qtbot) -> None:
    from intake_desktop.ui.patient_search import PatientSearchModel

    model = PatientSearchModel(FakeSearch())
    model.set_query("ana")
    index = model.index(0, 2)
    assert model.data(index) == f"1950-01-02 ({age_on(date(1950, 1, 2), date.today())})"
    # the word, not the stored code ("female" showed as it is, in Spanish too)
    assert model.data(model.index(0, 3), Qt.ItemDataRole.AccessibleTextRole) == "Female"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == 1
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole) is None
    assert model.data(model.index(5, 0)) is None  # no such row


def test_the_search_widget_loads_without_the_database_layer() -> None:
    """Start-up builds the window first: this module must not pull in the services."""
    code = (
        "import sys, intake_desktop.ui.patient_search\n"
        "loaded = [m for m in sys.modules if m.startswith('intake_desktop.services')"
        " or m == 'sqlalchemy']\n"
        "print(loaded)\n"
    )
    assert run_fresh(code) == "[]"


def test_no_column_is_narrower_than_its_heading_in_spanish(qtbot, request) -> None:
    """The Spanish headings are longer ("Número de expediente"): they were cut at both ends."""
    request.getfixturevalue("spanish")
    w = PatientSearchWidget(None)
    qtbot.addWidget(w)
    w.show()
    QTest.keyClicks(w.box, "an")
    w.set_search(FakeSearch())
    header = w.view.horizontalHeader()
    for column in range(1, 4):  # the alert column (4) shows only with a marked row
        title = w.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        assert title != w.model.COLUMNS[column]  # Spanish
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title)
