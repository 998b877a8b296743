"""The Trends tab: charts of the selected patient's signed visits, redrawn after a signature."""

from __future__ import annotations

import copy
from datetime import date, timedelta

from PySide6.QtCore import Qt

from intake_desktop.ui.main_window import MainWindow
from tests.actors import TEST_PASSWORD
from tests.domain.builders import BASE
from tests.signing import SIGN_OFF
from tests.ui import test_translation
from tests.ui.helpers import answer_screen_and_skip_exam, open_visit_window, sign_through_dialog

spanish = test_translation.spanish  # fixture: the Spanish interface for one test


def case_on(day: date, distance: float, *, injections=(), leg: int = 7) -> dict:
    data = copy.deepcopy(BASE)
    data["patient"] = {"date_of_birth": "1955-04-02", "name": "Ana Test", "id": "MRN-1"}
    data["visit_date"] = day.isoformat()
    data["history"]["painless_walking_distance_m"] = distance
    data["history"]["pain_nrs"] = {"back": 4, "leg": leg}
    data["treatment"]["injections"] = [
        {"date": d.isoformat(), "type": "epidural_steroid"} for d in injections
    ]
    return data


def sign(clinic, patient_id: int, data: dict) -> int:
    draft = clinic.start_draft(patient_id, data)
    clinic.sign_visit(draft.visit_id, draft.version, **SIGN_OFF)
    return draft.visit_id


def test_chart_shows_the_selected_patient_and_updates_on_signing(
    qtbot, clinic, patient, settings
) -> None:
    today = date.today()
    first, second = today - timedelta(days=200), today - timedelta(days=100)
    injected = today - timedelta(days=130)
    sign(clinic, patient.id, case_on(first, 800))
    sign(clinic, patient.id, case_on(second, 600, injections=[injected], leg=9))
    other = clinic.register_patient(
        type(patient.details)(name="Otto Other", date_of_birth=date(1950, 1, 1))
    )
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    main.show_patient(patient.id)
    chart = main.trends.chart
    walking = chart.series_values("function")["Painless walking distance (m)"]
    assert walking == [(first, 800.0), (second, 600.0)]
    assert chart.series_values("pain")["Leg"] == [(first, 7.0), (second, 9.0)]
    assert chart.injection_marks("pain") == [injected]
    assert (
        "Painless walking distance (m): 800 on" in chart.views["function"].accessibleDescription()
    )
    assert "walking_distance_shrinking" in main.trends.alerts.codes()  # 800 -> 600 is 25 %

    main.show_patient(other.id)  # another patient: nothing of Ana's
    assert main.trends.visits == []
    assert chart.series_values("function") == {}
    main.show_patient(patient.id)

    # a follow-up through the real window: starts from the last visit, then is signed
    window = open_visit_window(qtbot, main.new_visit())
    assert window.form.get("history.painless_walking_distance_m") == 600
    window.form.set("history.painless_walking_distance_m", 300)
    qtbot.waitUntil(lambda: window.controller.case is not None)
    for page in window.pages:  # the rest of last visit's answers, confirmed as still true
        if window.carried_marks.marked_bindings(page):
            window.carried_marks.page_bars[id(page)].button.click()
    answer_screen_and_skip_exam(window)
    clinic.sign_in("tester", TEST_PASSWORD)  # a real user: the signature asks the password
    sign_through_dialog(qtbot, window, TEST_PASSWORD)
    qtbot.waitUntil(lambda: len(chart.series_values("function").get(
        "Painless walking distance (m)", [])) == 3)  # fmt: skip
    assert chart.series_values("function")["Painless walking distance (m)"][-1] == (today, 300.0)
    assert main.trends.table.rowCount() == 3


def test_two_visits_on_the_same_date_each_show_their_own_distance(
    qtbot, clinic, patient, settings
) -> None:
    """The table's rows were filled from the trend series looked up by date, so two visits of
    one day both showed the later visit's walking distance."""
    day = date.today() - timedelta(days=30)
    sign(clinic, patient.id, case_on(day, 800))
    sign(clinic, patient.id, case_on(day, 300))
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    main.show_patient(patient.id)
    table = main.trends.table
    assert table.rowCount() == 2
    distances = sorted(table.item(row, 1).text() for row in range(2))
    assert distances == ["300", "800"]
    assert [table.item(row, 0).text() for row in range(2)] == [day.isoformat()] * 2


def test_the_trends_panel_is_made_when_first_needed(qtbot, clinic, patient, settings) -> None:
    """Attaching the window loads no Qt Charts: the Trends tab makes its panel when the user
    opens the tab, or when a patient is shown (whose trends it then holds)."""
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    main.show()
    tab = main.trends_tab
    assert tab is not None and tab.made is None
    bar = main.tabs.tabBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(main.tabs.indexOf(tab)).center()
    )
    assert main.tabs.currentWidget() is tab and tab.made is not None
    assert tab.made.visits == []  # no patient yet: an empty panel
    other = MainWindow(clinic, settings)
    qtbot.addWidget(other)
    assert other.trends_tab is not None and other.trends_tab.made is None
    other.show_patient(patient.id)  # the Today tab stays in front; the panel is made all the same
    assert other.trends_tab.made is not None and other.trends is other.trends_tab.made


def test_the_charts_are_described_to_a_screen_reader_in_spanish(
    qtbot, clinic, patient, settings, spanish
) -> None:
    """The chart's accessible description is in the interface's language (no English "on");
    its numbers go through the interface's formatter (ui.code_labels.number_text)."""
    today = date.today()
    sign(clinic, patient.id, case_on(today - timedelta(days=30), 800))
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    main.show_patient(patient.id)
    described = " ".join(v.accessibleDescription() for v in main.trends.chart.views.values())
    assert f"800 el {(today - timedelta(days=30)).isoformat()}" in described
    assert " on " not in described
