"""Signing needs a complete record and leaves an electronic signature; amendments are opened,
edited as drafts and signed like a visit (issue 13, items 6 and 7)."""

from __future__ import annotations

import copy

import pytest
from sqlalchemy import select

from intake_desktop import services as s
from intake_desktop.domain.codes import RED_FLAGS
from intake_desktop.domain.signing import signature_hash
from intake_desktop.services.errors import (
    IncompleteError,
    InputError,
    PermissionDenied,
    VisitLockedError,
)
from intake_desktop.storage.models import AuditEntry
from tests.actors import READER, TEST_PASSWORD, as_user
from tests.signing import ALL_NO

from .conftest import AUTHOR

NEURO = {
    "gait_unsteady": False,
    "romberg_positive": False,
    "leg_weakness": "none",
    "foot_drop": False,
    "saddle_sensation_reduced": False,
    "achilles_reflex_abnormal": False,
    "straight_leg_raise_positive": True,
}


@pytest.fixture
def complete_case(lumbar_case) -> dict:
    case = copy.deepcopy(lumbar_case)
    case["exam"] = {**case["exam"], **NEURO}
    return case


def test_an_incomplete_visit_is_refused_naming_every_missing_field(
    database, patient, lumbar_case
) -> None:
    draft = s.start_draft(database, patient.id, lumbar_case, actor=as_user(AUTHOR))
    with pytest.raises(IncompleteError) as err:
        s.sign_visit(database, draft.visit_id, expected_version=1, actor=as_user(AUTHOR))
    paths = [p for p, _ in err.value.missing]
    assert paths[:10] == [f"red_flag_screen.{c}" for c in RED_FLAGS]
    assert "exam.romberg_positive" in paths and "exam.shopping_cart_sign" not in paths
    assert err.value.exit_code == 2
    assert "red_flag_screen.fever: not answered" in str(err.value)
    visit = s.get_visit(database, draft.visit_id, actor=READER)
    assert visit.status == "draft" and visit.version == 1  # nothing changed


def test_the_screen_saved_beside_the_draft_is_what_signing_checks(
    database, patient, complete_case
) -> None:
    draft = s.start_draft(database, patient.id, complete_case, actor=as_user(AUTHOR),
                          ui_state={"red_flag_screen": ALL_NO, "step": 8})  # fmt: skip
    signed = s.sign_visit(database, draft.visit_id, expected_version=1, actor=as_user(AUTHOR))
    assert signed.status == "signed"
    assert signed.ui_state["red_flag_screen"] == ALL_NO  # the record keeps what was asked
    assert signed.draft_data is None


def test_an_override_without_reason_is_missing_not_signed(database, patient, complete_case) -> None:
    draft = s.start_draft(database, patient.id, complete_case, actor=as_user(AUTHOR))
    with pytest.raises(IncompleteError) as err:
        s.sign_visit(database, draft.visit_id, expected_version=1, actor=as_user(AUTHOR),
                     override_level="surgical", red_flag_screen=ALL_NO)  # fmt: skip
    assert [p for p, _ in err.value.missing] == ["override_reason"]


def test_the_signature_is_hashed_and_the_hash_is_audited(database, patient, complete_case) -> None:
    dr = s.sign_in(database, "clin.user", TEST_PASSWORD)
    draft = s.start_draft(database, patient.id, complete_case, actor=dr)
    signed = s.sign_visit(database, draft.visit_id, expected_version=1, actor=dr,
                          red_flag_screen=ALL_NO)  # fmt: skip
    assert signed.signed_at.tzinfo is not None
    identity = {"name": patient.name, "date_of_birth": patient.date_of_birth.isoformat(),
                "record_number": patient.record_number}  # fmt: skip
    assert signed.signed_identity == identity  # the identification as it was, signed too
    expected = signature_hash(signed.case_data, signed.plan, signed.final_level, None, None,
                              identity)  # fmt: skip
    assert signed.signature_hash == expected
    with database.session() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "visit.sign")
            .order_by(AuditEntry.seq.desc())
        ).first()  # fmt: skip
    assert (entry.username, entry.visit_id, entry.detail) == ("clin.user", signed.id, expected)


def test_front_desk_cannot_sign(database, patient, complete_case) -> None:
    desk = s.sign_in(database, "desk.user", TEST_PASSWORD)
    draft = s.start_draft(database, patient.id, complete_case, actor=as_user(AUTHOR))
    with pytest.raises(PermissionDenied):
        s.sign_visit(database, draft.visit_id, expected_version=1, actor=desk,
                     red_flag_screen=ALL_NO)  # fmt: skip


def test_an_amendment_is_opened_edited_and_signed_like_a_visit(database, patient,
                                                               complete_case) -> None:  # fmt: skip
    dr = as_user("dr.wilson")
    draft = s.start_draft(database, patient.id, complete_case, actor=dr,
                          ui_state={"red_flag_screen": ALL_NO})  # fmt: skip
    v0 = s.sign_visit(database, draft.visit_id, expected_version=1, actor=dr)
    with pytest.raises(InputError) as err:
        s.open_amendment(database, v0.id, "  ", expected_version=v0.version, actor=dr)
    assert err.value.field == "reason"
    opened = s.open_amendment(database, v0.id, "exam re-read", expected_version=v0.version,
                              actor=dr)  # fmt: skip
    assert opened.status == "signed" and opened.amending
    assert opened.draft_data == opened.case_data  # starts from the signed case
    # The signed version is still what is printed and exported meanwhile.
    assert s.export_case(database, v0.id, actor=READER) == v0.case_data
    edited = copy.deepcopy(opened.draft_data)
    edited["exam"]["straight_leg_raise_positive"] = False
    saved = s.save_draft(database, v0.id, edited, expected_version=opened.version, actor=dr)
    # The front desk does not edit an amendment.
    with pytest.raises(VisitLockedError):
        s.save_draft(database, v0.id, edited, expected_version=saved.version,
                     actor=as_user("desk", ["front_desk"]))  # fmt: skip
    v1 = s.sign_visit(database, v0.id, expected_version=saved.version, actor=dr)
    assert (v1.status, v1.revision, v1.amendment_reason) == ("amended", 1, "exam re-read")
    assert v1.pending_amendment_reason is None and v1.draft_data is None
    assert v1.case_data["exam"]["straight_leg_raise_positive"] is False
    assert v1.signature_hash != v0.signature_hash
    versions = s.visit_versions(database, v0.id, actor=READER)
    assert [v.revision for v in versions] == [0, 1]
    assert versions[0].signature_hash == v0.signature_hash  # kept with the old version


def test_an_open_amendment_can_be_cancelled(database, patient, complete_case) -> None:
    dr = as_user("dr.wilson")
    draft = s.start_draft(database, patient.id, complete_case, actor=dr)
    v0 = s.sign_visit(database, draft.visit_id, expected_version=1, actor=dr,
                      red_flag_screen=ALL_NO)  # fmt: skip
    opened = s.open_amendment(database, v0.id, "typo", expected_version=v0.version, actor=dr)
    cancelled = s.discard_draft(database, v0.id, expected_version=opened.version, actor=dr)
    assert cancelled.status == "signed" and not cancelled.amending
    assert cancelled.case_data == v0.case_data and cancelled.draft_data is None


def test_an_open_amendment_prints_the_signed_version_until_it_is_signed(
    database, patient, complete_case
) -> None:
    """The bug: the summary took the amendment's draft with the signed plan, under "Signed"."""
    dr = as_user("dr.wilson")
    draft = s.start_draft(database, patient.id, complete_case, actor=dr)
    v0 = s.sign_visit(database, draft.visit_id, expected_version=1, actor=dr,
                      red_flag_screen=ALL_NO)  # fmt: skip
    opened = s.open_amendment(database, v0.id, "exam re-read", expected_version=v0.version,
                              actor=dr)  # fmt: skip
    edited = copy.deepcopy(opened.draft_data)
    edited["exam"]["straight_leg_raise_positive"] = not edited["exam"].get(
        "straight_leg_raise_positive", False
    )
    s.save_draft(database, v0.id, edited, expected_version=opened.version, actor=dr)
    for kind in ("patient", "clinician"):
        doc = s.visit_document(database, dr, v0.id, kind=kind)
        assert doc.status == "signed" and doc.content_hash == v0.signature_hash
        assert doc.case.exam.straight_leg_raise_positive == complete_case["exam"].get(
            "straight_leg_raise_positive"
        )
        assert doc.plan == v0.plan


def test_the_printed_document_names_the_signer_and_the_amendments(
    database, patient, complete_case
) -> None:
    admin = s.sign_in(database, "admin.user", TEST_PASSWORD)
    s.add_user(database, admin, "dr.ruiz", TEST_PASSWORD, ["clinician"],
               full_name="Ana Ruiz", credentials="MD, pain medicine")  # fmt: skip
    dr = s.sign_in(database, "dr.ruiz", TEST_PASSWORD)
    draft = s.start_draft(database, patient.id, complete_case, actor=dr)
    v0 = s.sign_visit(database, draft.visit_id, expected_version=1, actor=dr,
                      red_flag_screen=ALL_NO)  # fmt: skip
    doc = s.visit_document(database, dr, v0.id, kind="clinician")
    assert (doc.signer_name, doc.signer_credentials) == ("Ana Ruiz", "MD, pain medicine")
    assert doc.content_hash == v0.signature_hash and doc.amendments == ()
    v1 = s.amend_visit(database, v0.id, complete_case, expected_version=v0.version, actor=dr,
                       reason="wrong side recorded")  # fmt: skip
    doc = s.visit_document(database, dr, v1.id, kind="patient")
    assert [(a.author, a.reason) for a in doc.amendments] == [("dr.ruiz", "wrong side recorded")]
    assert doc.amendments[0].time == v1.signed_at
    assert doc.content_hash == v1.signature_hash and doc.status == "amended"


def test_a_visit_signed_without_the_exam_prints_why(database, patient, lumbar_case) -> None:
    """Signing with "not examined" and a reason is allowed; the reason is not lost beside the
    draft: the clinician summary prints it with the exam."""
    from intake_desktop.reporting import render_pdf
    from tests.reporting.pdfcheck import text

    dr = as_user(AUTHOR)
    draft = s.start_draft(database, patient.id, lumbar_case, actor=dr)
    signed = s.sign_visit(
        database, draft.visit_id, expected_version=1, actor=dr,
        red_flag_screen=ALL_NO, not_examined_reason="seen by video call",
    )  # fmt: skip
    doc = s.visit_document(database, dr, signed.id, kind="clinician")
    assert doc.not_examined_reason == "seen by video call"
    printed = " ".join(text(render_pdf("clinician", doc, language="en").data).split())
    assert "Neurological exam not done" in printed and "seen by video call" in printed
