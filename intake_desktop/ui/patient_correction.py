"""A corrected patient record reaches the visit windows open on that patient.

The services already write the corrected identity into the patient's open drafts, and every save
of a draft takes the record's identity (:mod:`intake_desktop.services.draft_identity`), so a
window's stale copy can never be stored. This module keeps what the window *shows* in step on
this workstation: the header, the title, and the case's patient block the plan is computed from
(an age drawn from the old date of birth would be wrong on the screen until the next opening).
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from intake_desktop.services.draft_identity import names_patient, record_identity, stamp_identity
from intake_desktop.services.records import PatientRecord

from .visit_saving import update_title
from .visit_view import VisitView


def spread_correction(patient: PatientRecord) -> int:
    """Every visit window of ``patient`` in this application takes the corrected record;
    how many there were."""
    windows = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, VisitView) and w.patient.id == patient.id
    ]
    for window in windows:
        take_correction(window, patient)
    return len(windows)


def take_correction(window: VisitView, patient: PatientRecord) -> None:
    """``window`` shows ``patient`` as now recorded; an editable case takes its identity.

    A signed visit's case is left alone (it keeps what was signed, as the services do), and so
    is a case that named someone else (signing refuses it, rather than relabel it).
    """
    before, window.patient = window.patient, patient
    case = window.form.case_dict()
    if window.session.editable and names_patient(
        case.get("patient"), _identity(before), every_key=False
    ):
        block = stamp_identity(case, _identity(patient))["patient"]
        for key in ("id", "name", "date_of_birth", "sex", "language"):
            window.form.set(f"patient.{key}", block.get(key))
    update_title(window)


def _identity(p: PatientRecord) -> dict[str, str | None]:
    return record_identity(p.record_number, p.name, p.date_of_birth, p.sex, p.language)
