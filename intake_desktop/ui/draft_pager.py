"""The open drafts, a page at a time, saying how many there are and which ones are shown.

"Open drafts (100)" used to show the newest hundred and hide the rest (470 existed): now the tab
says the whole count, the line above the list says "Drafts 101–200 of 470", and the buttons page
through all of them, newest first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .code_labels import fill
from .visit_list import VisitList

if TYPE_CHECKING:
    from intake_desktop.services.records import VisitSummary

#: Drafts on one page (a page is one indexed query, like the other lists).
PAGE_SIZE = 100


class DraftPager(QWidget):
    """A :class:`VisitList` of one page of drafts, with the count and the page buttons.

    ``fetch(limit, offset)`` and ``count()`` come from the clinic; :meth:`refresh` re-reads the
    current page (after a save), keeping the page unless it ran past the end.
    """

    def __init__(
        self,
        fetch: Callable[[int, int], Sequence[VisitSummary]],
        count: Callable[[], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch, self._count = fetch, count
        self.offset = 0
        self.total = 0
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        bar = QHBoxLayout()
        self.summary = QLabel(self)
        self.summary.setObjectName("draftCount")
        self.summary.setAccessibleName(self.tr("Drafts shown"))
        self.newer_button = QPushButton(self.tr("◀ &Newer drafts"), self)
        self.older_button = QPushButton(self.tr("&Older drafts ▶"), self)
        self.newer_button.setToolTip(self.tr("The previous %d drafts") % PAGE_SIZE)
        self.older_button.setToolTip(self.tr("The next %d drafts") % PAGE_SIZE)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.newer_button)
        bar.addWidget(self.older_button)
        lay.addLayout(bar)
        self.list = VisitList(self.tr("Open drafts"), parent=self)
        lay.addWidget(self.list, 1)
        self.newer_button.clicked.connect(self.show_newer)
        self.older_button.clicked.connect(self.show_older)
        self._update_bar()

    @property
    def visits(self) -> list[VisitSummary]:
        return self.list.visits

    def refresh(self) -> None:
        """Count the drafts and show the current page again (the last one if it is gone)."""
        self.total = self._count()
        if self.offset >= self.total:
            self.offset = max(0, (self.total - 1) // PAGE_SIZE * PAGE_SIZE)
        self.list.set_visits(self._fetch(PAGE_SIZE, self.offset))
        self._update_bar()

    def show_page(self, offset: int) -> None:
        self.offset = max(0, offset)
        self.refresh()

    def show_newer(self) -> None:
        self.show_page(self.offset - PAGE_SIZE)

    def show_older(self) -> None:
        self.show_page(self.offset + PAGE_SIZE)

    def _update_bar(self) -> None:
        shown = len(self.list.visits)
        if self.total == 0:
            self.summary.setText(self.tr("No open drafts."))
        else:
            self.summary.setText(
                fill(
                    self.tr("Drafts %1–%2 of %3, newest first"),
                    self.offset + 1,
                    self.offset + shown,
                    self.total,
                )
            )
        self.newer_button.setEnabled(self.offset > 0)
        self.older_button.setEnabled(self.offset + shown < self.total)
