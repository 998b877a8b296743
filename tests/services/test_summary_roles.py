"""Who may print which summary, and the DRAFT mark (issue 13 item 5): the front desk hands the
patient a sheet before the clinician signs; only clinicians print the clinician summary.

Real sign-ins on the test database, the PDF rendered and read back.
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from intake_desktop.reporting import render_pdf
from intake_desktop.services import PermissionDenied, sign_in, sign_visit, start_draft
from intake_desktop.services.audit import audit_entries
from intake_desktop.services.exports import visit_document
from tests.actors import TEST_PASSWORD, as_user
from tests.signing import SIGN_OFF

from .conftest import AUTHOR


def _text(kind: str, doc) -> str:
    data = render_pdf(kind, doc, language="en").data  # the patient prefers Spanish: BORRADOR
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def draft_id(database, patient, lumbar_case) -> int:
    return start_draft(database, patient.id, lumbar_case, actor=as_user(AUTHOR)).visit_id


def test_the_front_desk_prints_a_drafts_patient_summary_marked_draft(database, draft_id) -> None:
    desk = sign_in(database, "desk.user", TEST_PASSWORD)
    doc = visit_document(database, desk, draft_id, kind="patient")
    assert doc.is_draft
    assert "DRAFT" in _text("patient", doc)


def test_a_signed_visit_prints_without_the_mark(database, draft_id) -> None:
    sign_visit(database, draft_id, expected_version=1, actor=as_user(AUTHOR), **SIGN_OFF)
    desk = sign_in(database, "desk.user", TEST_PASSWORD)
    doc = visit_document(database, desk, draft_id, kind="patient")
    assert not doc.is_draft
    assert "DRAFT" not in _text("patient", doc)


def test_only_clinicians_print_the_clinician_summary_of_a_draft(database, draft_id) -> None:
    desk = sign_in(database, "desk.user", TEST_PASSWORD)
    with pytest.raises(PermissionDenied) as refused:
        visit_document(database, desk, draft_id, kind="clinician")
    assert "summary.print_clinician" in str(refused.value)
    clinician = sign_in(database, "clin.user", TEST_PASSWORD)
    doc = visit_document(database, clinician, draft_id, kind="clinician")
    assert "DRAFT" in _text("clinician", doc)
    admin = sign_in(database, "admin.user", TEST_PASSWORD)
    entries = audit_entries(database, admin, action="summary.print_clinician")
    assert [(e.username, e.outcome) for e in entries] == [
        ("desk.user", "refused"),
        ("clin.user", "allowed"),
    ]
