"""The front desk's and clinician's home: find a patient, today's visits, drafts, history."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.services.errors import ServiceError

from .draft_pager import DraftPager
from .identity import patient_identity
from .patient_search import PatientSearchWidget
from .visit_list import VisitList
from .window_state import restore_geometry, save_geometry

if TYPE_CHECKING:
    from intake_desktop.services.records import PatientRecord

    from .board_view import BoardView
    from .clinic import Clinic
    from .patient_trends import PatientTrendsPanel
    from .trends_tab import TrendsTab
    from .visit_window import VisitWindow
    from .workstation_alerts import AlertPanel, AlertWatcher


class MainWindow(QMainWindow):
    """The home window. It can be built before the database is open: the app shows it at once
    and calls :meth:`attach` once the clinic is open and someone has signed in, so start-up
    never waits for the database layer to load. Until then the search box takes typing (the
    query runs on attach) and nothing else reads records.
    """

    #: Emitted by :meth:`attach`, once the lists are filled and search answers.
    records_ready = Signal()
    #: Emitted by :meth:`await_sign_in`: the records are open, the sign-in dialog waits.
    sign_in_awaited = Signal()
    # The Account and Administration menus, added by admin_menu.install_menus at the first sign-in.
    account_menu: QMenu
    admin_menu: QMenu
    language_actions: QActionGroup
    admin_actions: dict[str, QAction]
    account_actions: dict[str, QAction]

    def __init__(self, clinic: Clinic | None = None, settings: QSettings | None = None) -> None:
        super().__init__()
        self._clinic = clinic
        self.settings = settings or QSettings()
        self.visit_windows: dict[int, VisitWindow] = {}
        self.open_windows: list[VisitWindow] = []
        self.patient: PatientRecord | None = None
        self.trends_tab: TrendsTab | None = None
        self.alert_panel: AlertPanel | None = None
        self.alert_watcher: AlertWatcher | None = None
        self.board: BoardView | None = None
        self.setWindowTitle(self.tr("Spine intake"))
        self.search = PatientSearchWidget(None, self)
        self.search.patient_selected.connect(self.show_patient)
        self.search.patient_activated.connect(self._on_patient_activated)
        self._build()
        self._build_actions()
        restore_geometry(self, self.settings, "main_window", (1280, 800))
        self.search.box.setFocus()
        if clinic is not None:
            self.attach(clinic)
        else:
            self._set_record_actions_enabled(False)

    @property
    def clinic(self) -> Clinic:
        if self._clinic is None:
            raise RuntimeError("the main window has no clinic yet (attach() was not called)")
        return self._clinic

    @property
    def trends(self) -> PatientTrendsPanel | None:
        """The Trends tab's panel, made when first asked for (see trends_tab); None unattached."""
        return None if self.trends_tab is None else self.trends_tab.panel()

    @property
    def attached(self) -> bool:
        return self._clinic is not None

    def attach(self, clinic: Clinic) -> None:
        """Start working with the open, signed-in ``clinic``: lists, trends, pending search."""
        from .trends_tab import TrendsTab

        self._clinic = clinic
        self.trends_tab = TrendsTab(clinic)
        self.tabs.addTab(self.trends_tab, self.tr("T&rends"))
        self.user_label.setText(self.tr("Signed in as %s") % clinic.actor.label)
        self.db_label.setText(self.tr("Database: %s") % clinic.location)
        self._set_record_actions_enabled(True)
        self.set_shortcuts()
        self.refresh_lists()
        self.search.set_search(clinic.search_patients)
        from .board_view import install_board
        from .workstation_alerts import watch_alerts

        alerts = watch_alerts(self, self.right_layout, clinic)  # clinicians only
        if alerts is not None:
            self.alert_panel, self.alert_watcher = alerts
        self.board = install_board(self, clinic)
        self.records_ready.emit()

    def await_sign_in(self) -> None:
        """Say in the status line that the records are open and a sign-in is awaited."""
        self.user_label.setText(self.tr("Waiting for sign-in"))
        self.sign_in_awaited.emit()

    def _set_record_actions_enabled(self, enabled: bool) -> None:
        """Before attach: only what needs no records. After: what the user's roles allow."""
        for action in self.actions_by_name.values():
            if action in self._without_records:
                continue
            operation = self._needs.get(action)
            action.setEnabled(enabled and (operation is None or self.clinic.may(operation)))

    def _build(self) -> None:
        split = QSplitter()  # horizontal; parented by setCentralWidget (see qt_values on args)
        split.addWidget(self.search)
        right = QWidget(split)
        lay = self.right_layout = QVBoxLayout(right)
        lay.setContentsMargins(6, 0, 0, 0)
        self.patient_label = QLabel(self.tr("No patient selected."), right)
        self.patient_label.setObjectName("patientHeader")
        # Set here rather than by the style sheet, which the main window goes without (theme).
        header_font = self.patient_label.font()
        header_font.setPointSizeF(11)
        self.patient_label.setFont(header_font)
        self.patient_label.setContentsMargins(0, 2, 0, 4)
        self.patient_label.setAccessibleName(self.tr("Selected patient"))
        self.patient_label.setWordWrap(True)
        lay.addWidget(self.patient_label)
        buttons = QHBoxLayout()
        self.intake_button = QPushButton(self.tr("New &intake (Ctrl+I)"), right)
        self.clinician_button = QPushButton(self.tr("&Clinician view (Ctrl+L)"), right)
        self.edit_button = QPushButton(self.tr("&Edit patient"), right)
        for b in (self.intake_button, self.clinician_button, self.edit_button):
            b.setEnabled(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.intake_button.clicked.connect(self.new_intake)
        self.clinician_button.clicked.connect(self.open_clinician_view)
        self.edit_button.clicked.connect(self.edit_patient)
        self.tabs = QTabWidget(right)
        self.today = VisitList(self.tr("Today's visits"))
        self.draft_pager = DraftPager(
            lambda limit, offset: self.clinic.list_drafts(limit, offset),
            lambda: self.clinic.count_drafts(),
        )
        self.drafts = self.draft_pager.list
        self.history = VisitList(self.tr("Visit history"), show_patient=False)
        self.tabs.addTab(self.today, self.tr("&Today's visits"))
        self.tabs.addTab(self.draft_pager, self.tr("Open &drafts"))
        self.tabs.addTab(self.history, self.tr("Visit &history"))
        for lst in (self.today, self.drafts, self.history):
            lst.visit_activated.connect(self.open_visit)
        lay.addWidget(self.tabs, 1)
        split.addWidget(right)
        split.setSizes([560, 720])
        split.setContentsMargins(8, 6, 8, 0)
        self.setCentralWidget(split)
        self.user_label = QLabel(self.tr("Opening the clinic's records…"))
        self.user_label.setAccessibleName(self.tr("Signed-in user and roles"))
        self.db_label = QLabel("")
        self.db_label.setAccessibleName(self.tr("Database in use"))
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.db_label)

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        visit_menu = self.menuBar().addMenu(self.tr("&Visit"))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        specs = (
            (file_menu, self.tr("&New patient…"), "Ctrl+N", self.new_patient),
            (file_menu, self.tr("&Find patient"), QKeySequence.StandardKey.Find, self.focus_search),
            (file_menu, self.tr("&Import case file…"), "Ctrl+O", self.import_case),
            (file_menu, self.tr("&Export case file…"), "Ctrl+E", self.export_case),
            (file_menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close),
            (visit_menu, self.tr("New &intake"), "Ctrl+I", self.new_intake),
            (visit_menu, self.tr("&Clinician view"), "Ctrl+L", self.open_clinician_view),
            (visit_menu, self.tr("&Open selected visit"), "Ctrl+Return", self.open_selected_visit),
            (visit_menu, self.tr("&Refresh lists"), QKeySequence.StandardKey.Refresh,
             self.refresh_lists),
            (help_menu, self.tr("&Getting started"), QKeySequence.StandardKey.HelpContents,
             self.show_help),
        )  # fmt: skip
        self.actions_by_name: dict[str, QAction] = {}
        self._shortcuts: list[tuple[QAction, str | QKeySequence.StandardKey]] = []
        self._without_records: set[QAction] = set()  # what works before attach()
        self._needs: dict[QAction, str] = {}  # the operation an action needs the roles for
        needs = {
            self.new_patient: "patient.register",
            self.import_case: "case.import",
            self.export_case: "case.export",
            self.new_intake: "visit.start",
            self.open_clinician_view: "visit.start",
            self.open_selected_visit: "visit.view",
        }
        for menu, text, keys, slot in specs:
            action = QAction(text, self)
            if slot in (self.focus_search, self.close):
                self._without_records.add(action)
            elif slot in needs:
                self._needs[action] = needs[slot]
            action.triggered.connect(slot)
            menu.addAction(action)
            self.actions_by_name[text.replace("&", "").rstrip("…")] = action
            self._shortcuts.append((action, keys))

    def set_shortcuts(self) -> None:
        """Give the actions their keys, once: not while the window is built, because making a
        key sequence builds the Qt namespace (see qt_values), but just after it first shows
        (ui.app) or on :meth:`attach`, whichever comes first."""
        for action, keys in self._shortcuts:
            action.setShortcut(QKeySequence(keys))
        self._shortcuts = []

    # --- patients ------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.box.setFocus()
        self.search.box.selectAll()

    def show_patient(self, patient_id: int) -> None:
        try:
            self.patient = self.clinic.get_patient(patient_id)
        except ServiceError as exc:
            self.statusBar().showMessage(str(exc), 5000)
            return
        p = self.patient
        self.patient_label.setText(
            patient_identity(p.name, p.record_number, p.date_of_birth, rich=True)
        )
        for button, operation in (
            (self.intake_button, "visit.start"),
            (self.clinician_button, "visit.start"),
            (self.edit_button, "patient.update"),
        ):
            button.setEnabled(self.clinic.may(operation))
        self.history.set_visits(self.clinic.patient_visits(p.id))
        if self.trends is not None:
            self.trends.show_patient(p.id)

    def _on_patient_activated(self, patient_id: int) -> None:
        self.show_patient(patient_id)
        self.intake_button.setFocus()

    def new_patient(self) -> None:
        from .patient_dialog import PatientDialog

        dialog = PatientDialog(self.clinic, parent=self)
        if dialog.exec() and dialog.record is not None:
            self.search.box.setText(dialog.record.name or "")
            self.search.run_query()
            self.show_patient(dialog.record.id)
            if dialog.start_intake.isChecked():
                self.new_visit()

    def edit_patient(self) -> None:
        if self.patient is None:
            return
        from .patient_dialog import PatientDialog

        dialog = PatientDialog(self.clinic, self.patient, parent=self)
        if dialog.exec() and dialog.record is not None:
            self.show_patient(dialog.record.id)

    # --- visits --------------------------------------------------------------------------
    def new_intake(self) -> VisitWindow | None:
        """Ctrl+I: a new visit, or today's draft of the patient continued (asked)."""
        from .draft_choice import new_intake

        return new_intake(self)

    def new_visit(self, start_step: int = 0) -> VisitWindow | None:
        from .visit_window import VisitWindow

        if self.patient is None:
            self.statusBar().showMessage(
                self.tr("Select a patient first (Ctrl+F to find one)."), 5000
            )
            return None
        window = VisitWindow(self.clinic, self.patient, settings=self.settings,
                             start_step=start_step)  # fmt: skip
        self._track(window)
        window.show()
        return window

    def open_clinician_view(self) -> VisitWindow | None:
        """Ctrl+L: the patient's draft of today at the exam step (see draft_choice)."""
        from .draft_choice import clinician_view

        return clinician_view(self)

    def current_list(self) -> VisitList | None:
        """The visit list of the current tab (the drafts' list inside its pager)."""
        current = self.tabs.currentWidget()
        if isinstance(current, DraftPager):
            return current.list
        return current if isinstance(current, VisitList) else None

    def open_selected_visit(self) -> None:
        current = self.current_list()
        if current is not None and current.current_visit() is not None:
            self.open_visit(current.current_visit().id)  # type: ignore[union-attr]

    def open_visit(self, visit_id: int, start_step: int | None = None) -> VisitWindow | None:
        from .visit_window import STEP_KEY, VisitWindow

        if visit_id in self.visit_windows:
            window = self.visit_windows[visit_id]
            window.raise_()
            window.activateWindow()
            return window
        try:
            visit = self.clinic.get_visit(visit_id)
            patient = self.clinic.get_patient(visit.patient_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Cannot open the visit"), str(exc))
            return None
        step = start_step if start_step is not None else (visit.ui_state or {}).get(STEP_KEY, 0)
        window = VisitWindow(self.clinic, patient, visit, settings=self.settings,
                             start_step=int(step or 0))  # fmt: skip
        from .board_view import visit_opened

        visit_opened(self.clinic, visit_id, visit.status)
        self._track(window)
        window.show()
        return window

    def _track(self, window: VisitWindow) -> None:
        window.saved.connect(self._on_visit_saved)
        window.closed.connect(self._on_visit_closed)
        window.destroyed.connect(lambda *_: self._forget(window))
        self.open_windows.append(window)
        if window.visit_id is not None:
            self.visit_windows[window.visit_id] = window

    def _forget(self, window: object) -> None:
        self.open_windows = [w for w in self.open_windows if w is not window]
        for key, w in list(self.visit_windows.items()):
            if w is window:
                del self.visit_windows[key]

    def _on_visit_saved(self, visit_id: int) -> None:
        from .visit_window import VisitWindow

        window = self.sender()
        if isinstance(window, VisitWindow):
            self.visit_windows[visit_id] = window
        self.refresh_lists()

    def _on_visit_closed(self, visit_id: int) -> None:
        self.visit_windows.pop(visit_id, None)
        self.refresh_lists()

    def refresh_lists(self) -> None:
        self.today.set_visits(self.clinic.todays_visits())
        self.draft_pager.refresh()
        drafts_text = self.tr("Open &drafts (%d)") % self.draft_pager.total
        self.tabs.setTabText(self.tabs.indexOf(self.draft_pager), drafts_text)
        if self.patient is not None:
            self.history.set_visits(self.clinic.patient_visits(self.patient.id))
            if self.trends is not None:  # made when the patient was shown
                self.trends.show_patient(self.patient.id)  # redraws only after a new signature
        self.search.set_guide(first_run=not self.today.visits and not self.drafts.visits
                              and not self.search.model.rowCount())  # fmt: skip

    # --- after a crash -------------------------------------------------------------------
    def offer_recovery(self, ask: bool = True) -> list[VisitWindow]:
        """Offer back the drafts and amendments open when the program last ended uncleanly."""
        from .recovery import describe, drafts_left_open

        drafts = drafts_left_open(self.settings, self.clinic)
        if not drafts:
            return []
        if ask:
            answer = QMessageBox.question(
                self, self.tr("Reopen unfinished visits?"),
                self.tr("The program ended while %d visit(s) were open. Everything typed up "
                        "to the last few seconds was saved as a draft. Reopen them now?")
                % len(drafts) + "\n\n" + "\n".join(describe(v) for v in drafts),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return []
        return [w for v in drafts if (w := self.open_visit(v.id)) is not None]

    # --- case files ----------------------------------------------------------------------
    def import_case(self) -> None:
        from .visit_io import FILTER

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import case file"), "", FILTER)
        if path:
            self.import_case_path(Path(path))

    def import_case_path(self, path: Path) -> VisitWindow | None:
        from .visit_io import import_case_file

        result = import_case_file(self, self.clinic, path)
        if result is None:
            return None
        self.show_patient(result.patient_id)
        self.refresh_lists()
        return self.open_visit(result.visit_id)

    def export_case(self) -> None:
        from .visit_io import export_listed_case

        current = self.current_list()
        export_listed_case(self, self.clinic, current.current_visit() if current else None)

    def show_help(self) -> None:
        self.search.box.clear()
        self.search.run_query()
        self.focus_search()

    def closeEvent(self, event: QCloseEvent) -> None:
        for window in list(self.open_windows):
            if window.isVisible() and not window.close():
                event.ignore()
                return
        save_geometry(self, self.settings, "main_window")
        if self.alert_watcher is not None:
            self.alert_watcher.stop()
        if self.board is not None:
            self.board.stop()
        event.accept()
