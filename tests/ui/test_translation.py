"""The front-desk screens in Spanish: no visible English left once the translation is loaded.

The same screens are built twice, once in English and once with ``INTAKE_DESKTOP_LANGUAGE=es``;
a visible text that comes out the same both times is untranslated unless it is on the
allow-list (test data, numbers, units, instrument codes, proper nouns).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QTabBar,
    QWidget,
)

from intake_desktop.ui.app import install_translators, remove_translators, ui_locale
from intake_desktop.ui.intake_pages.red_flags import RedFlagPage
from intake_desktop.ui.main_window import MainWindow
from intake_desktop.ui.patient_dialog import PatientDialog
from intake_desktop.ui.sign_in import FirstAdminDialog, SignInDialog
from intake_desktop.ui.visit_window import VisitWindow

from .helpers import focused, open_visit_window, press

INTAKE_STEPS = 5

#: Texts that are the same in both languages: test data, units, codes, proper nouns.
ALLOWED = {
    "Ana Test", "MRN-1", "m", "min", "kg", "NRS", "ODI", "NDI", "ZCQ", "mJOA", "MRI", "EMG",
    "ODI / NDI %", "Plan", "Diabetes", "Osteoporosis", "No", "OK",
}  # fmt: skip
#: Numbers, dates, punctuation and the like: nothing to translate.
NOT_WORDS = re.compile(r"^[\W\d_]*$|^\d{4}-\d{2}-\d{2}$")


@pytest.fixture
def spanish(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Spanish for one test: the translators are removed afterwards, so others stay English."""
    monkeypatch.setenv("INTAKE_DESKTOP_LANGUAGE", "es")
    app = QApplication.instance()
    translators = install_translators(app)
    assert translators, "no Spanish translation could be loaded"
    try:
        yield
    finally:
        remove_translators(app, translators)
        for translator in translators:
            translator.deleteLater()


def _clean(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text).replace("&nbsp;", " ")
    text = re.sub(r"&(?=\S)", "", text)  # accelerators
    return " ".join(text.split())


def _cells(model: QAbstractItemModel) -> list[str]:
    root = QModelIndex()
    rows = min(model.rowCount(root), 50)
    try:
        columns = model.columnCount(root)
    except TypeError:  # list models keep columnCount private
        columns = 1
    return [str(model.index(r, c).data() or "") for r in range(rows) for c in range(columns)]


def _texts(window: QWidget) -> set[str]:
    """Every visible text of ``window`` and its visible children."""
    found = [window.windowTitle()]
    widgets = [window, *window.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisible():
            continue
        if isinstance(w, QLabel | QAbstractButton):
            found.append(w.text())
        elif isinstance(w, QGroupBox):
            found.append(w.title())
        elif isinstance(w, QTabBar):
            found += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            found += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QListWidget):
            found += [w.item(i).text() for i in range(w.count())]
        if isinstance(w, QLineEdit):
            found.append(w.placeholderText())
        if isinstance(w, QHeaderView):
            model, way = w.model(), w.orientation()
            found += [str(model.headerData(i, way) or "") for i in range(w.count())]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            found += _cells(w.model())
    if isinstance(window, QMainWindow):
        menus = [a.menu() for a in window.menuBar().actions() if a.menu()]
        found += [a.text() for a in window.menuBar().actions()]
        while menus:
            menu: QMenu = menus.pop()
            for action in menu.actions():
                found.append(action.text())
                if action.menu():
                    menus.append(action.menu())
    return {c for c in map(_clean, found) if c and not NOT_WORDS.match(c)}


def _front_desk_texts(qtbot, clinic, patient, settings, folder) -> dict[str, set[str]]:
    folder.mkdir(parents=True, exist_ok=True)
    screens: dict[str, set[str]] = {}
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    screens["main window"] = _texts(main)
    for i in range(main.findChild(QTabBar).count() if main.findChild(QTabBar) else 0):
        main.findChild(QTabBar).setCurrentIndex(i)
        screens["main window"] |= _texts(main)
    main.search.box.setText("Ana")
    qtbot.wait(400)
    screens["main window"] |= _texts(main)
    main.close()

    for dialog in (PatientDialog(clinic), PatientDialog(clinic, patient), SignInDialog(clinic)):
        qtbot.addWidget(dialog)
        dialog.show()
        screens[type(dialog).__name__] = screens.get(type(dialog).__name__, set()) | _texts(dialog)
        dialog.reject()
    from intake_desktop.services.records import PatientSummary
    from intake_desktop.ui.duplicate_dialog import DuplicateDialog

    alike = PatientSummary(patient.id, patient.record_number, patient.name, patient.date_of_birth,
                           patient.sex)  # fmt: skip
    for matches in ([alike], [alike, alike]):  # one, and the plural
        question = DuplicateDialog(matches)
        qtbot.addWidget(question)
        question.show()
        screens["DuplicateDialog"] = screens.get("DuplicateDialog", set()) | _texts(question)
        question.reject()
    from intake_desktop.ui.clinic import Clinic

    fresh = Clinic.open(f"sqlite:///{folder / 'first-run.sqlite3'}")
    try:
        dialog = FirstAdminDialog(fresh)
        qtbot.addWidget(dialog)
        dialog.show()
        screens["FirstAdminDialog"] = _texts(dialog)
        dialog.reject()
    finally:
        fresh.close()

    visit = open_visit_window(qtbot, VisitWindow(clinic, patient, settings=settings))
    red_flags = visit.page(RedFlagPage)
    visit.go_to_step(visit.pages.index(red_flags))
    switch = red_flags.switches["foot_drop"]  # a "yes" raises the banner, with a flag name
    switch.setFocus()
    qtbot.waitUntil(lambda: focused() is switch)
    press(Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: visit.banner.isVisible())
    for step in range(INTAKE_STEPS):
        visit.go_to_step(step)
        qtbot.wait(10)
        screens[f"visit step {step + 1}"] = _texts(visit)
    visit.close()
    return screens


@pytest.fixture
def english_texts(qtbot, clinic, patient, settings, tmp_path) -> set[str]:
    """The same screens in English first (requested before ``spanish``, so built before it)."""
    screens = _front_desk_texts(qtbot, clinic, patient, settings, tmp_path / "en")
    texts = set().union(*screens.values())
    assert "Symptoms" in texts and "&File" not in texts  # the walk found the screens' texts
    return texts


def test_front_desk_screens_are_all_spanish(
    english_texts, spanish, qtbot, clinic, patient, settings, tmp_path
) -> None:
    screens = _front_desk_texts(qtbot, clinic, patient, settings, tmp_path / "es")
    offenders = {
        screen: sorted(t for t in texts & english_texts if t not in ALLOWED)
        for screen, texts in screens.items()
    }
    offenders = {screen: texts for screen, texts in offenders.items() if texts}
    report = "\n".join(f"{screen}: {texts}" for screen, texts in offenders.items())
    assert not offenders, f"untranslated visible text with Spanish loaded:\n{report}"
    assert "Síntomas" in set().union(*screens.values())


def test_english_stays_english_without_translator(qtbot, clinic, settings, monkeypatch) -> None:
    monkeypatch.setenv("INTAKE_DESKTOP_LANGUAGE", "en")
    assert install_translators(QApplication.instance()) == []  # English needs no file
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    texts = {a.text() for a in main.menuBar().actions()}
    assert "&File" in texts
    assert QApplication.translate("codes", "Foot drop") == "Foot drop"


def test_language_comes_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("INTAKE_DESKTOP_LANGUAGE", "es")
    assert ui_locale().language() == QLocale.Language.Spanish
    monkeypatch.delenv("INTAKE_DESKTOP_LANGUAGE")
    assert ui_locale().name() == QLocale.system().name()


def test_spanish_fixture_translates_and_cleans_up(spanish, qtbot, clinic, settings) -> None:
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    texts = {a.text().replace("&", "") for a in main.menuBar().actions()}
    assert "File" not in texts and "Archivo" in texts


def _accelerators(window: QWidget) -> list[str]:
    texts = [
        w.text()
        for w in window.findChildren(QWidget)
        if isinstance(w, QLabel | QAbstractButton) and w.isVisible()
    ]
    for bar in window.findChildren(QTabBar):
        texts += [bar.tabText(i) for i in range(bar.count())] if bar.isVisible() else []
    keys = [m.group(1).lower() for t in texts if (m := re.search(r"&([^&\s])", t))]
    return [k for k in keys if keys.count(k) > 1]


def test_spanish_accelerators_are_unique(spanish, qtbot, clinic, patient, settings) -> None:
    windows: dict[str, QWidget] = {}
    main = MainWindow(clinic, settings)
    from intake_desktop.services.records import PatientSummary
    from intake_desktop.ui.duplicate_dialog import DuplicateDialog

    alike = PatientSummary(patient.id, patient.record_number, patient.name, patient.date_of_birth,
                           patient.sex)  # fmt: skip
    for dialog in (main, PatientDialog(clinic), SignInDialog(clinic), DuplicateDialog([alike])):
        qtbot.addWidget(dialog)
        dialog.show()
        windows[type(dialog).__name__] = dialog
    visit = open_visit_window(qtbot, VisitWindow(clinic, patient, settings=settings))
    clashes = {name: _accelerators(w) for name, w in windows.items()}
    for step in range(INTAKE_STEPS):
        visit.go_to_step(step)
        clashes[f"visit step {step + 1}"] = _accelerators(visit)
    visit.close()
    assert not {name: keys for name, keys in clashes.items() if keys}
