"""Signed visits bound to their content (issue 17): the identification is signed with the case,
the database refuses to change or delete a signed visit, and every print and export re-checks
the signature, refusing (and auditing) a visit whose content no longer matches.

Each test runs on an SQLite file and on the suite's PostgreSQL server (the ``database``
fixture); the tampering is raw SQL, as someone with the database would type it.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from intake_desktop import services as s
from intake_desktop.domain.signing import signature_hash
from intake_desktop.services.errors import SignatureMismatchError
from intake_desktop.storage.models import AuditEntry
from tests.actors import READER, as_user
from tests.signing import SIGN_OFF

from .conftest import AUTHOR

REFUSED_BY_TRIGGER = "a signed visit is never changed or deleted in place"


def _signed(database, patient, case) -> s.VisitRecord:
    draft = s.start_draft(database, patient.id, case, actor=as_user(AUTHOR))
    return s.sign_visit(database, draft.visit_id, expected_version=1, actor=as_user(AUTHOR),
                        **SIGN_OFF)  # fmt: skip


def _raw(database, sql: str, **params) -> None:
    with database.engine.begin() as conn:
        conn.execute(text(sql), params)


def _drop_guard(database) -> None:
    """What someone holding the SQLite file (or the PostgreSQL owner's login) can do first."""
    if database.engine.dialect.name == "postgresql":
        _raw(database, "DROP TRIGGER visits_signed_guard ON visits")
    else:
        _raw(database, "DROP TRIGGER visits_signed_no_update")


# --- the database refuses ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE visits SET final_level = 'surgical' WHERE id = :id",
        "UPDATE visits SET override_reason = 'forged' WHERE id = :id",
        "UPDATE visits SET case_data = (SELECT case_data FROM visits WHERE id = :id),"
        " chosen_procedure = 'rf_ablation' WHERE id = :id",
        "UPDATE visits SET status = 'draft', draft_data = case_data WHERE id = :id",
        "UPDATE visits SET signature_hash = NULL WHERE id = :id",
        "UPDATE visits SET signed_identity = NULL WHERE id = :id",
        "UPDATE visits SET signed_by = 'someone.else' WHERE id = :id",
        "UPDATE visits SET urgency = 'emergency', red_flag_codes = 'fever' WHERE id = :id",
        "UPDATE visits SET revision = revision + 1, final_level = 'surgical' WHERE id = :id",
        "DELETE FROM visits WHERE id = :id",
    ],
)
def test_raw_sql_cannot_change_or_delete_a_signed_visit(database, patient, lumbar_case, sql):
    signed = _signed(database, patient, lumbar_case)
    with pytest.raises(DBAPIError, match=REFUSED_BY_TRIGGER):
        _raw(database, sql, id=signed.id)
    after = s.get_visit(database, signed.id, actor=READER)
    assert after == signed  # nothing changed


def test_case_data_rewritten_is_refused(database, patient, lumbar_case) -> None:
    signed = _signed(database, patient, lumbar_case)
    forged = {**signed.case_data, "visit_date": "2026-11-21"}
    cast = "CAST(:case AS JSON)" if database.engine.dialect.name == "postgresql" else ":case"
    with pytest.raises(DBAPIError, match=REFUSED_BY_TRIGGER):
        _raw(database, f"UPDATE visits SET case_data = {cast} WHERE id = :id",
             case=json.dumps(forged), id=signed.id)  # fmt: skip


def test_the_archived_versions_stay_append_only(database, patient, lumbar_case) -> None:
    signed = _signed(database, patient, lumbar_case)
    s.amend_visit(database, signed.id, lumbar_case, expected_version=signed.version,
                  actor=as_user(AUTHOR), reason="pain score typo", **SIGN_OFF)  # fmt: skip
    for sql in (
        "UPDATE visit_versions SET final_level = 'surgical' WHERE visit_id = :id",
        "DELETE FROM visit_versions WHERE visit_id = :id",
    ):
        with pytest.raises(DBAPIError, match="append-only"):
            _raw(database, sql, id=signed.id)


def test_a_new_signature_needs_the_old_one_archived(database, patient, lumbar_case) -> None:
    """The amendment path of the trigger: revision + 1 only over an archived version."""
    signed = _signed(database, patient, lumbar_case)
    bump = "UPDATE visits SET revision = 1, status = 'amended', final_level = 'surgical' "
    with pytest.raises(DBAPIError, match=REFUSED_BY_TRIGGER):
        _raw(database, bump + "WHERE id = :id", id=signed.id)


def test_what_the_program_does_to_a_signed_visit_still_works(
    database, patient, lumbar_case
) -> None:
    """Open, save, cancel and sign an amendment; the non-clinical columns stay writable."""
    signed = _signed(database, patient, lumbar_case)
    _raw(database, "UPDATE visits SET updated_by = 'x', version = version + 1 WHERE id = :id",
         id=signed.id)  # fmt: skip
    visit = s.get_visit(database, signed.id, actor=READER)
    opened = s.open_amendment(database, signed.id, "wrong side", expected_version=visit.version,
                              actor=as_user(AUTHOR))  # fmt: skip
    saved = s.save_draft(database, signed.id, {**lumbar_case, "visit_date": "2026-11-21"},
                         expected_version=opened.version, actor=as_user(AUTHOR))  # fmt: skip
    cancelled = s.discard_draft(database, signed.id, expected_version=saved.version,
                                actor=as_user(AUTHOR))  # fmt: skip
    assert cancelled.status == "signed" and cancelled.final_level == signed.final_level
    amended = s.amend_visit(database, signed.id, lumbar_case, expected_version=cancelled.version,
                            actor=as_user(AUTHOR), reason="wrong side", **SIGN_OFF)  # fmt: skip
    assert (amended.status, amended.revision) == ("amended", 1)
    s.visit_document(database, as_user(AUTHOR), signed.id, kind="clinician")  # still matches


# --- every print and export re-checks the signature ------------------------------------------


def _refusals(database, visit_id: int) -> list[tuple[str, str]]:
    with database.session() as session:
        rows = session.execute(
            select(AuditEntry.action, AuditEntry.detail).where(
                AuditEntry.visit_id == visit_id, AuditEntry.outcome == "refused"
            ).order_by(AuditEntry.seq)
        ).all()  # fmt: skip
    return [tuple(r) for r in rows]


def _assert_every_export_refused(database, visit_id: int, because: str) -> None:
    dr = as_user(AUTHOR)
    for export in (
        lambda: s.visit_document(database, dr, visit_id, kind="clinician"),
        lambda: s.visit_document(database, dr, visit_id, kind="patient"),
        lambda: s.export_case(database, visit_id, actor=dr),
        lambda: s.fhir_bundle(database, dr, visit_id),
    ):
        with pytest.raises(SignatureMismatchError, match="signature does not match") as err:
            export()
        assert because in str(err.value) and err.value.exit_code == 4
    assert _refusals(database, visit_id) == [
        (action, "signature does not match")
        for action in (
            "summary.print_clinician", "summary.print_patient", "case.export", "fhir.export"
        )
    ]  # fmt: skip
    assert because in (s.check_signature(database, dr, visit_id) or "")


def test_a_level_changed_behind_the_programs_back_is_not_printed(
    database, patient, lumbar_case
) -> None:
    signed = _signed(database, patient, lumbar_case)
    assert s.check_signature(database, as_user(AUTHOR), signed.id) is None
    _drop_guard(database)
    _raw(database, "UPDATE visits SET final_level = 'surgical', override_reason = 'x' "
         "WHERE id = :id", id=signed.id)  # fmt: skip
    _assert_every_export_refused(database, signed.id, "signed content was changed")


def test_a_forged_content_with_a_recomputed_hash_is_not_printed(
    database, patient, lumbar_case
) -> None:
    """The hash is public: recomputing it is not enough, the audit trail has the real one."""
    signed = _signed(database, patient, lumbar_case)
    _drop_guard(database)
    forged = signature_hash(signed.case_data, signed.plan, "surgical", "forged",
                            signed.chosen_procedure, signed.signed_identity)  # fmt: skip
    _raw(database, "UPDATE visits SET final_level = 'surgical', override_reason = 'forged', "
         "signature_hash = :h WHERE id = :id", h=forged, id=signed.id)  # fmt: skip
    _assert_every_export_refused(database, signed.id, "not one the audit trail recorded")


def test_the_signed_identification_rewritten_is_not_printed(database, patient, lumbar_case):
    signed = _signed(database, patient, lumbar_case)
    _drop_guard(database)
    cast = "CAST(:who AS JSON)" if database.engine.dialect.name == "postgresql" else ":who"
    who = {**signed.signed_identity, "name": "Someone Else"}
    _raw(database, f"UPDATE visits SET signed_identity = {cast} WHERE id = :id",
         who=json.dumps(who), id=signed.id)  # fmt: skip
    with pytest.raises(SignatureMismatchError):
        s.visit_document(database, as_user(AUTHOR), signed.id, kind="patient")


def test_a_draft_is_printed_without_a_signature_to_check(database, patient, lumbar_case) -> None:
    draft = s.start_draft(database, patient.id, lumbar_case, actor=as_user(AUTHOR))
    doc = s.visit_document(database, as_user(AUTHOR), draft.visit_id, kind="patient")
    assert doc.is_draft and s.check_signature(database, as_user(AUTHOR), draft.visit_id) is None


# --- the identification as signed --------------------------------------------------------------


def test_the_summary_keeps_the_identification_signed(database, patient, lumbar_case) -> None:
    signed = _signed(database, patient, lumbar_case)
    doc = s.visit_document(database, as_user(AUTHOR), signed.id, kind="clinician")
    assert (doc.patient_name, doc.record_number) == ("María García López", "MRN-0001")
    assert doc.details_updated_at is None
    current = s.get_patient(database, patient.id, actor=READER)
    changed = replace(current.details, name="María García Ruiz", record_number="MRN-0099")
    updated = s.update_patient(database, patient.id, changed, expected_version=current.version,
                               actor=as_user("front.desk"))  # fmt: skip
    doc = s.visit_document(database, as_user(AUTHOR), signed.id, kind="clinician")
    assert (doc.patient_name, doc.record_number) == ("María García López", "MRN-0001")
    assert doc.details_updated_at == updated.updated_at
    # A phone number changed alone is not the identification: nothing to say.
    again = s.update_patient(database, patient.id,
                             replace(updated.details, name=current.name,
                                     record_number=current.record_number, phone="+34 611"),
                             expected_version=updated.version,
                             actor=as_user("front.desk"))  # fmt: skip
    assert again.phone == "+34 611"
    doc = s.visit_document(database, as_user(AUTHOR), signed.id, kind="patient")
    assert doc.details_updated_at is None
