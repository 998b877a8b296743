"""A corrected patient record reaches the visit windows open on that patient.

The services already write the corrected identity into the patient's open drafts, and every save
of a draft takes the record's identity (:mod:`intake_desktop.services.draft_identity`), so a
window's stale copy can never be stored. This module keeps what the window *shows* in step on
this workstation: the header, the title, and the case's patient block the plan is computed from
(an age drawn from the old date of birth would be wrong on the screen until the next opening).
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from intake_desktop.services.draft_identity import record_identity, stamp_identity
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

    A signed visit's case is left alone (it keeps what was signed, as the services do).
    """
    window.patient = patient
    if window.session.editable:
        identity = record_identity(patient.record_number, patient.name, patient.date_of_birth,
                                   patient.sex, patient.language)  # fmt: skip
        block = stamp_identity(window.form.case_dict(), identity)["patient"]
        for key in ("id", "name", "date_of_birth", "sex", "language"):
            window.form.set(f"patient.{key}", block.get(key))
    update_title(window)
