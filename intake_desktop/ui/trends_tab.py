"""The Trends tab's page, whose panel is made the first time it is needed.

The panel draws with Qt Charts, which takes about as long to load as the whole window takes to
appear, and nobody looks at trends before a patient is chosen. So the page starts empty: the
panel (:class:`~.patient_trends.PatientTrendsPanel`) is made when a patient is shown
(:meth:`TrendsTab.panel`) or the tab is opened, whichever comes first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from .clinic import Clinic
    from .patient_trends import PatientTrendsPanel


class TrendsTab(QWidget):
    """Holds the trends panel of the signed-in session, once made."""

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.made: PatientTrendsPanel | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def panel(self) -> PatientTrendsPanel:
        """The panel, made now if it was not yet."""
        if self.made is None:
            from .patient_trends import PatientTrendsPanel

            self.made = PatientTrendsPanel(self.clinic, self)
            self._layout.addWidget(self.made)
        return self.made

    def showEvent(self, event: QShowEvent) -> None:
        self.panel()  # the tab was opened before any patient was shown
        super().showEvent(event)
