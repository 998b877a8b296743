"""A printed summary carries the patient's earlier signed visits, for its trends and alerts."""

from __future__ import annotations

import copy
import json

from intake_desktop.services import sign_visit, start_draft
from intake_desktop.services.exports import visit_document
from tests.actors import as_user
from tests.signing import SIGN_OFF

from .conftest import AUTHOR, EXAMPLES_DIR


def signed(database, patient_id: int, data: dict) -> int:
    draft = start_draft(database, patient_id, data, actor=as_user(AUTHOR))
    sign_visit(
        database, draft.visit_id, expected_version=draft.version, actor=as_user(AUTHOR), **SIGN_OFF
    )
    return draft.visit_id


def test_summary_history_holds_the_other_signed_visits(database, patient) -> None:
    base = json.loads((EXAMPLES_DIR / "01_lumbar_early.json").read_text())
    base["patient"]["id"] = patient.record_number
    first = copy.deepcopy(base)
    first["visit_date"] = "2026-05-04"
    first["history"]["painless_walking_distance_m"] = 400
    signed(database, patient.id, first)
    second = copy.deepcopy(base)  # 300 m on 2026-11-20: 25 % less
    visit_id = signed(database, patient.id, second)
    start_draft(database, patient.id, base, actor=as_user(AUTHOR))  # drafts are not history

    doc = visit_document(database, as_user(AUTHOR), visit_id, kind="clinician")

    assert [v.case.visit_date.isoformat() for v in doc.history] == ["2026-05-04"]
    assert doc.history[0].level_accepted == "conservative"
    assert [v.case.visit_date.isoformat() for v in doc.visits] == ["2026-05-04", "2026-11-20"]


def test_patient_history_is_one_audited_view(database, patient) -> None:
    from intake_desktop.services import patient_history
    from intake_desktop.services.audit import audit_entries

    base = json.loads((EXAMPLES_DIR / "01_lumbar_early.json").read_text())
    base["patient"]["id"] = patient.record_number
    for day in ("2026-03-02", "2026-06-01", "2026-09-01"):
        signed(database, patient.id, {**copy.deepcopy(base), "visit_date": day})
    reader = as_user("history.reader")
    history = patient_history(database, patient.id, actor=reader)
    assert [v.case.visit_date.isoformat() for v in history] == [
        "2026-03-02",
        "2026-06-01",
        "2026-09-01",
    ]
    admin = as_user("audit.reader", roles={"admin"})
    views = [e for e in audit_entries(database, admin) if e.username == "history.reader"]
    assert [(e.action, e.patient_id) for e in views] == [("patient.view", patient.id)]
