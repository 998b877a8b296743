"""Which visits were open in a window, so a crash can offer them back on the next start.

A visit window adds its visit when it first saves and removes it when it closes cleanly; what is
left at start-up was open when the program ended without closing it (crash, power cut, kill).
The drafts themselves are in the database; this only remembers which ones to offer.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

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
    """The drafts that were open in a window when the program last ended uncleanly.

    A visit since signed, discarded or gone is forgotten here, so it is never offered again.
    """
    drafts = []
    for visit_id in left_open(settings, clinic.location):
        try:
            visit = clinic.get_visit(visit_id)
        except ServiceError:
            visit = None
        if visit is None or visit.status != "draft":
            mark_closed(settings, clinic.location, visit_id)
        else:
            drafts.append(visit)
    return drafts
