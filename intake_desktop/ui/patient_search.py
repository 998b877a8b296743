"""Find a patient as you type: a small model fed by the search service, never the whole list.

Each query asks the service for one page (``PAGE`` rows, an index range scan); scrolling to the
end fetches the next page, up to the service's maximum. Typing is debounced, so a fast typist
causes one query, not one per key.

The widget may be built before there is a search function: start-up shows the window before the
database layer is loaded. Typing is kept meanwhile, and :meth:`PatientSearchWidget.set_search`
runs the query for it. Between a keystroke and its list nothing runs that the list does not
need: the rows' texts are made when a row is first painted, signals go straight to timers.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from . import qt_values

if TYPE_CHECKING:
    from datetime import date

    from PySide6.QtCore import Qt

    # Only for annotations: the main window is built before the database layer is imported.
    from intake_desktop.services.records import PatientSummary

#: What the model asks for one query: (text, how many rows) -> the matching patients.
SearchFunction = Callable[[str, int], "list[PatientSummary]"]

PAGE = 100
MAX_ROWS = 500
#: A search answers in about a millisecond, so keystrokes are only coalesced (a zero timer runs
#: once per pass of the event loop, after a burst of typing or a paste) and never delayed.
DEBOUNCE_MS = 0
#: How long the selection must rest before the patient beside the list is loaded.
SETTLE_MS = 200
Index = QModelIndex | QPersistentModelIndex
# Roles and keys as plain ints (see qt_values): data() compares them for every cell painted, and
# an enum member's comparison costs several times an int's.
_DISPLAY = qt_values.DISPLAY_ROLE
_USER = qt_values.USER_ROLE
_TEXT_ROLES = frozenset({_DISPLAY, qt_values.ACCESSIBLE_TEXT_ROLE})
_FOREGROUND = qt_values.FOREGROUND_ROLE
_MARK_ROLES = frozenset({_FOREGROUND, qt_values.TOOLTIP_ROLE})
_DOWN = qt_values.KEY_DOWN
_LIST_KEYS = frozenset({_DOWN, qt_values.KEY_RETURN, qt_values.KEY_ENTER})
#: The guide and "no patient matches" read from the top left of the list's space. Said in a
#: one-widget style sheet, because Qt.AlignmentFlag would build the Qt namespace (qt_values).
_TOP_LEFT = "QLabel { qproperty-alignment: 'AlignTop | AlignLeft'; }"


class PatientSearchModel(QAbstractTableModel):
    """Rows of :class:`PatientSummary` for the current query, fetched a page at a time.

    Until a search function is installed (:meth:`set_search`) a query is kept but not run.
    """

    COLUMNS = (
        QT_TRANSLATE_NOOP("PatientSearchModel", "Name"),
        QT_TRANSLATE_NOOP("PatientSearchModel", "Record number"),
        QT_TRANSLATE_NOOP("PatientSearchModel", "Date of birth"),
        QT_TRANSLATE_NOOP("PatientSearchModel", "Sex"),
        QT_TRANSLATE_NOOP("PatientSearchModel", "Alert"),
    )
    #: The column of the red mark and the word ("Emergency", "Urgent") of the latest visit.
    ALERT_COLUMN = 4

    def __init__(self, search: SearchFunction | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._search = search
        self._rows: list[PatientSummary] = []
        # The four texts of each row, made when the view first paints the row: a view asks
        # data() for many roles of every visible cell on every paint, and a reset must not
        # format the rows nobody scrolls to.
        self._cells: list[tuple[str, str, str, str, str] | None] = []
        self._today: date | None = None  # for the ages shown; taken when a row is first shown
        self._query = ""
        self._limit = PAGE
        self._exhausted = True  # the last query returned fewer rows than asked: nothing more
        self.queries = 0  # how many times the service was asked (tests watch it)

    @property
    def query(self) -> str:
        return self._query

    @property
    def has_search(self) -> bool:
        """Whether queries run (False while the records are still being opened)."""
        return self._search is not None

    def set_search(self, search: SearchFunction | None) -> None:
        """Install the search function; the caller re-runs the query (:meth:`set_query`)."""
        self._search = search

    def set_query(self, text: str) -> None:
        """Show the first page for ``text`` (nothing for an empty text or without a search)."""
        self.beginResetModel()
        self._query = text.strip()
        self._limit = PAGE
        self._rows = self._run(self._limit)
        self._cells = [None] * len(self._rows)
        self._today = None
        self._exhausted = len(self._rows) < self._limit
        self.endResetModel()

    def _run(self, limit: int) -> list[PatientSummary]:
        if not self._query or self._search is None:
            return []
        self.queries += 1
        return self._search(self._query, limit)

    @property
    def any_urgent(self) -> bool:
        """Whether a row holds an emergency or urgent patient (the view shows the column)."""
        return any(r.urgency for r in self._rows)

    def patient(self, row: int) -> PatientSummary:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and self._limit < MAX_ROWS

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._limit = min(self._limit + PAGE, MAX_ROWS)
        rows = self._run(self._limit)
        known = {r.id for r in self._rows}
        extra = [r for r in rows if r.id not in known]
        if extra:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(extra) - 1)
            self._rows.extend(extra)
            self._cells.extend([None] * len(extra))
            self.endInsertRows()
        self._exhausted = len(rows) < self._limit

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == _DISPLAY and orientation.value == qt_values.HORIZONTAL:
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Called for seven roles of every visible cell on every paint: the roles this
        # model does not answer return at the first comparison, the texts come ready-made.
        if role in _TEXT_ROLES:
            row = index.row()
            if not 0 <= row < len(self._rows):
                return None
            cells = self._cells[row]
            if cells is None:
                if self._today is None:
                    from datetime import date  # not at start-up: see _age_on

                    self._today = date.today()
                cells = self._cells[row] = _cells(self._rows[row], self._today)
            return cells[index.column()]
        if role == _USER:
            row = index.row()
            return self._rows[row].id if 0 <= row < len(self._rows) else None
        if role in _MARK_ROLES and index.column() == self.ALERT_COLUMN:
            row = index.row()
            urgency = self._rows[row].urgency if 0 <= row < len(self._rows) else None
            if urgency is None:
                return None
            mark = _mark()
            if role == _FOREGROUND:
                return mark.urgency_colour(self._palette())
            return mark.urgency_tip(urgency)
        return None

    def _palette(self) -> Any:
        from PySide6.QtGui import QGuiApplication

        return QGuiApplication.palette()


def _cells(p: PatientSummary, today: date) -> tuple[str, str, str, str, str]:
    """The texts of one row, in column order."""
    born = p.date_of_birth
    return (
        p.name or "—",
        p.record_number or "—",
        f"{born.isoformat()} ({_age_on()(born, today)})",
        _sex_word()(p.sex) if p.sex else "—",  # the word, in the interface's language
        _mark().urgency_text(p.urgency) if p.urgency else "",
    )


@functools.cache
def _sex_word() -> Callable[[str], str]:
    """The code's word in the interface language, imported when the first row is shown (the
    window shows before the labels load)."""
    from .code_labels import label

    return label


@functools.cache
def _mark() -> Any:
    """The urgency mark's texts and colour, imported when a marked row is first shown."""
    from . import urgency_mark

    return urgency_mark


@functools.cache
def _age_on() -> Callable[[date, date], int]:
    """The domain's age rule, imported when the first row is shown: not at start-up, when the
    window is built before the rest of the application loads (nor at every row: an import
    statement costs more than formatting the row)."""
    from intake_desktop.domain.findings import age_on

    return age_on


class _SearchBox(QLineEdit):
    """The search box; the keys that lead to the list go to ``to_list`` first.

    An override of the key press alone, rather than an event filter, which Python would run
    for every event the box gets (several per keystroke).
    """

    def __init__(self, to_list: Callable[[int], bool], parent: QWidget) -> None:
        super().__init__(parent)
        self._to_list = to_list

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in _LIST_KEYS and self._to_list(key):
            return  # handled (and accepted): the box does not see it
        super().keyPressEvent(event)


class PatientSearchWidget(QWidget):
    """The search box, the results, and a guide while nothing has been typed.

    ``search`` may be None while the records are being opened: the box takes typing at once and
    :meth:`set_search` runs the query for whatever was typed by then.
    """

    patient_activated = Signal(int)
    patient_selected = Signal(int)

    def __init__(self, search: SearchFunction | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("&Find patient:"), self)
        self.box = _SearchBox(self._to_list, self)
        self.box.setObjectName("patientSearchBox")
        self.box.setPlaceholderText(self.tr("Name, record number or date of birth"))
        self.box.setAccessibleName(self.tr("Find patient"))
        self.box.setClearButtonEnabled(True)
        caption.setBuddy(self.box)
        lay.addWidget(caption)
        lay.addWidget(self.box)
        self.model = PatientSearchModel(search, self)
        self.view = QTableView(self)  # its model comes with the search function: _connect_view
        self.view.setAccessibleName(self.tr("Patients found"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(False)
        self.view.activated.connect(self._on_row_activated)
        self.guide = QLabel(self)
        self.guide.setObjectName("searchGuide")
        self.guide.setWordWrap(True)
        self.guide.setStyleSheet(_TOP_LEFT)
        self.empty = QLabel(
            self.tr("No patient matches. Press Ctrl+N to register a new one."), self
        )
        self.empty.setObjectName("searchEmpty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(_TOP_LEFT)
        self.stack = QStackedWidget(self)
        for w in (self.guide, self.view, self.empty):
            self.stack.addWidget(w)
        lay.addWidget(self.stack, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_query)
        # The patient shown beside the list follows the selection once it settles, so typing
        # (which reselects the first row on every keystroke) does not open a record each time.
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(SETTLE_MS)
        self.settle.timeout.connect(self._emit_selected)
        self._typing_runs_queries = False
        if search is not None:
            self._connect_view()
            self._run_queries_on_typing()
        self.set_guide(first_run=False)

    def _connect_view(self) -> None:
        """Give the list its model, once there is something to search.

        Not earlier: on its model the view's header asks the model for its headers, and that
        call hands Python a ``Qt.Orientation``, building the Qt namespace before the window's
        first paint (see qt_values); the list stays hidden until the first search anyway.
        """
        if self.view.model() is self.model:
            return
        self.view.setModel(self.model)
        # Widths come from the font once: resizing to contents would measure every row on every
        # keystroke (it was most of the time from a keystroke to the list).
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics, heading = self.view.fontMetrics(), header.fontMetrics()
        for column, sample in ((1, "WWWW-00000000"), (2, "0000-00-00 (000)"), (3, "unknown"),
                               (4, "● Emergency")):  # fmt: skip
            # Nor narrower than the column's heading, which is longer in Spanish.
            title = self.model.tr(self.model.COLUMNS[column])
            width = max(metrics.horizontalAdvance(sample), heading.horizontalAdvance(title))
            header.resizeSection(column, width + 24)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Straight to the timer, no Python per keystroke; a cleared current row starts it
        # too, and then nothing is emitted (see _emit_selected).
        self.view.selectionModel().currentRowChanged.connect(self.settle.start)
        self.model.rowsInserted.connect(self._show_alert_column)  # a page fetched on scrolling

    def set_guide(self, *, first_run: bool) -> None:
        intro = (self.tr("<h3>Welcome</h3><p>This database has no patients yet.</p>") if first_run
                 else self.tr("<h3>Find a patient</h3>"))  # fmt: skip
        self.guide.setText(
            intro
            + self.tr(
                "<p>Type the start of any words of a name, in any order, any part of a "
                "record number, a date of birth (2026-01-31 or 31.01.2026) or a year of "
                "birth; the list follows as you type. "
                "Press Enter or Down to reach the list.</p>"
                "<ul><li><b>Ctrl+N</b> registers a new patient</li>"
                "<li><b>Ctrl+I</b> starts an intake for the selected patient</li>"
                "<li><b>Ctrl+O</b> imports a case file</li>"
                "<li><b>Ctrl+F</b> comes back to this box</li></ul>"
                "<p>To explore with made-up patients, run <code>intake-desktop demo</code>.</p>"
            )
        )

    def set_search(self, search: SearchFunction) -> None:
        """Start searching with ``search``, at once for the text already typed."""
        self.model.set_search(search)
        self._connect_view()
        self._run_queries_on_typing()
        self.run_query()

    def _run_queries_on_typing(self) -> None:
        # Straight from the box's signal to the timer: no Python runs between keystroke and
        # query. Until there is a search function typing only fills the box.
        if not self._typing_runs_queries:
            self.box.textChanged.connect(self.timer.start)
            self._typing_runs_queries = True

    def run_query(self) -> None:
        """Query for the box's text now; the guide, the list or "no patient matches"."""
        self.timer.stop()
        self.model.set_query(self.box.text())
        self._show_alert_column()
        if not self.model.query or not self.model.has_search:
            self._show(self.guide)
        elif self.model.rowCount() == 0:
            self._show(self.empty)
        else:
            self._show(self.view)
            self.view.selectRow(0)

    def _show_alert_column(self, *_args: object) -> None:
        """The "Alert" column only when a patient found has an urgent visit: the name keeps
        its room otherwise."""
        hidden = not self.model.any_urgent
        if self.view.isColumnHidden(self.model.ALERT_COLUMN) != hidden:
            self.view.setColumnHidden(self.model.ALERT_COLUMN, hidden)

    def _show(self, widget: QWidget) -> None:
        if self.stack.currentWidget() is not widget:
            self.stack.setCurrentWidget(widget)

    def current_patient_id(self) -> int | None:
        index = self.view.currentIndex()
        if self.stack.currentWidget() is not self.view or not index.isValid():
            return None
        return self.model.patient(index.row()).id

    def _to_list(self, key: int) -> bool:
        """Down, Return or Enter in the box: to the list (Return and Enter open the first
        patient), after running a query still pending. False when there is no list to go to."""
        if self.timer.isActive():
            self.run_query()
        if not self.model.rowCount():
            return False
        self.view.setFocus()
        if key != _DOWN:
            self._on_row_activated(self.view.currentIndex())
        return True

    def _on_row_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.patient_activated.emit(self.model.patient(index.row()).id)

    def _emit_selected(self) -> None:
        patient_id = self.current_patient_id()
        if patient_id is not None:
            self.patient_selected.emit(patient_id)
