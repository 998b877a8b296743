"""The windows' handle on the clinic's records: the services, bound to one database and user.

Windows call these methods and nothing else that touches data, so the whole application has one
path to the database (the services, which the command line uses too). Everything here is a thin
delegation; rules live in the services and the domain.
"""

from __future__ import annotations

import getpass
from collections.abc import Mapping
from datetime import date
from typing import Any

from intake_desktop.services import cases, maintenance, patients, search, visit_queries, visits
from intake_desktop.services.records import (
    DraftSaved,
    ImportResult,
    PatientDetails,
    PatientRecord,
    PatientSummary,
    VisitRecord,
    VisitSummary,
)

from .form_model import UI_KEY


def default_author() -> str:
    """Who is at the keyboard until user accounts exist: the operating-system user."""
    try:
        return getpass.getuser() or "workstation"
    except (KeyError, OSError):
        return "workstation"


class Clinic:
    """One open database and the person using it."""

    def __init__(self, db: Any, author: str | None = None) -> None:
        self.db = db
        self.author = author or default_author()

    @classmethod
    def open(cls, url: str | None, author: str | None = None) -> Clinic:
        return cls(maintenance.open_database(url), author)

    def close(self) -> None:
        self.db.dispose()

    @property
    def location(self) -> str:
        """Where the records are, for the status bar (never shows a password)."""
        path = getattr(self.db, "sqlite_path", None)
        if path is not None:
            return str(path)
        return self.db.url.render_as_string(hide_password=True)

    # --- patients ------------------------------------------------------------------------
    def search_patients(self, text: str, limit: int) -> list[PatientSummary]:
        return search.search_patients(self.db, text, limit)

    def get_patient(self, patient_id: int) -> PatientRecord:
        return patients.get_patient(self.db, patient_id)

    def register_patient(self, details: PatientDetails) -> PatientRecord:
        return patients.register_patient(self.db, details, author=self.author)

    def update_patient(self, patient_id: int, details: PatientDetails, version: int):
        return patients.update_patient(
            self.db, patient_id, details, expected_version=version, author=self.author
        )

    # --- visits --------------------------------------------------------------------------
    def get_visit(self, visit_id: int) -> VisitRecord:
        return visit_queries.get_visit(self.db, visit_id)

    def todays_visits(self, day: date | None = None) -> list[VisitSummary]:
        return visit_queries.todays_visits(self.db, day)

    def patient_visits(self, patient_id: int) -> list[VisitSummary]:
        return visit_queries.patient_visits(self.db, patient_id)

    def list_drafts(self, limit: int = 100) -> list[VisitSummary]:
        return visit_queries.list_drafts(self.db, limit=limit)

    def start_draft(self, patient_id: int, data: Mapping[str, Any]) -> DraftSaved:
        return visits.start_draft(self.db, patient_id, data, author=self.author)

    def save_draft(self, visit_id: int, data: Mapping[str, Any], version: int) -> DraftSaved:
        return visits.save_draft(
            self.db, visit_id, data, expected_version=version, author=self.author
        )

    def discard_draft(self, visit_id: int, version: int) -> VisitRecord:
        return visits.discard_draft(self.db, visit_id, expected_version=version, author=self.author)

    def sign_visit(
        self,
        visit_id: int,
        case_data: Mapping[str, Any],
        version: int,
        *,
        override_level: str | None,
        override_reason: str | None,
    ) -> VisitRecord:
        """Store the clean case as the draft, then sign it (the screen's extras are left out)."""
        saved = self.save_draft(visit_id, case_data, version)
        return visits.sign_visit(
            self.db,
            visit_id,
            expected_version=saved.version,
            author=self.author,
            override_level=override_level,
            override_reason=override_reason,
        )

    # --- case files ----------------------------------------------------------------------
    def import_case(self, data: Mapping[str, Any]) -> ImportResult:
        return cases.import_case(self.db, data, author=self.author)

    def export_case(self, visit_id: int) -> dict[str, Any]:
        data = cases.export_case(self.db, visit_id)
        data.pop(UI_KEY, None)
        return data
