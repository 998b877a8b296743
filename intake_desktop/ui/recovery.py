"""Which visits were open in a window, so a crash can offer them back on the next start.

A visit window adds its visit when it first saves and removes it when it closes cleanly; what is
left at start-up was open when the program ended without closing it (crash, power cut, kill).
The drafts themselves are in the database; this only remembers which ones to offer.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings

from intake_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from intake_desktop.services.records import VisitRecord

    from .clinic import Clinic

KEY = "recovery/open_visits"


def _load(settings: QSettings) -> list[dict[str, object]]:
    raw = settings.value(KEY, "[]")
    try:
        items = json.loads(raw if isinstance(raw, str) else "[]")
    except ValueError:
        return []
    return [i for i in items if isinstance(i, dict)]


def mark_open(settings: QSettings, database: str, visit_id: int) -> None:
    items = _load(settings)
    if {"db": database, "visit": visit_id} not in items:
        items.append({"db": database, "visit": visit_id})
        settings.setValue(KEY, json.dumps(items))
        settings.sync()


def mark_closed(settings: QSettings, database: str, visit_id: int) -> None:
    items = [i for i in _load(settings) if i != {"db": database, "visit": visit_id}]
    settings.setValue(KEY, json.dumps(items))
    settings.sync()


def left_open(settings: QSettings, database: str) -> list[int]:
    """Visits of ``database`` that were still open when the program last ended."""
    return [int(i["visit"]) for i in _load(settings) if i.get("db") == database]  # type: ignore[call-overload]


def drafts_left_open(settings: QSettings, clinic: Clinic) -> list[VisitRecord]:
    """The drafts and amendments that were open in a window when the program last ended
    uncleanly.

    An amendment keeps its signed status while its edits wait in the draft, so it is offered
    by :attr:`VisitRecord.amending`, not by status. A visit since signed (amendment included),
    discarded or gone is forgotten here, so it is never offered again.
    """
    drafts = []
    for visit_id in left_open(settings, clinic.location):
        try:
            visit = clinic.get_visit(visit_id)
        except ServiceError:
            visit = None
        if visit is None or not (visit.status == "draft" or visit.amending):
            mark_closed(settings, clinic.location, visit_id)
        else:
            drafts.append(visit)
    return drafts


def describe(visit: VisitRecord) -> str:
    """One line of the "reopen?" question: a draft of its day, or an amendment of the signed
    visit of its day (the two are resumed, signed or abandoned differently)."""
    if visit.amending:
        text = QCoreApplication.translate("Recovery", "• Amendment of the signed visit of %1")
    else:
        text = QCoreApplication.translate("Recovery", "• Draft of the visit of %1")
    return text.replace("%1", visit.visit_date.isoformat())
