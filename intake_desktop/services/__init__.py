"""The operations a user performs on the clinic's records; the UI and the CLI call only these.

Each operation takes a :class:`~intake_desktop.storage.database.Database` (from
:func:`open_database`), runs in one transaction, and returns plain frozen records
(:mod:`.records`). Expected failures are the :mod:`.errors` classes, each with its exit code.
"""

from __future__ import annotations

from .cases import export_case, import_case
from .demo import DemoResult, build_demo
from .maintenance import backup_database, open_database, restore_database, upgrade_database
from .patients import find_patient, get_patient, register_patient, update_patient
from .records import (
    DraftSaved,
    ImportResult,
    PatientDetails,
    PatientRecord,
    PatientSummary,
    VisitRecord,
    VisitSummary,
    VisitVersionRecord,
)
from .search import search_patients
from .visit_queries import (
    get_visit,
    get_visit_version,
    list_drafts,
    patient_visits,
    todays_visits,
    visit_versions,
)
from .visits import amend_visit, discard_draft, save_draft, sign_visit, start_draft

__all__ = [
    "DemoResult",
    "DraftSaved",
    "ImportResult",
    "PatientDetails",
    "PatientRecord",
    "PatientSummary",
    "VisitRecord",
    "VisitSummary",
    "VisitVersionRecord",
    "amend_visit",
    "backup_database",
    "build_demo",
    "discard_draft",
    "export_case",
    "find_patient",
    "get_patient",
    "get_visit",
    "get_visit_version",
    "import_case",
    "list_drafts",
    "open_database",
    "patient_visits",
    "register_patient",
    "restore_database",
    "save_draft",
    "search_patients",
    "sign_visit",
    "start_draft",
    "todays_visits",
    "update_patient",
    "upgrade_database",
    "visit_versions",
]
