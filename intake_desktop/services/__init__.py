"""The operations a user performs on the clinic's records; the UI and the CLI call only these.

Each operation takes a :class:`~intake_desktop.storage.database.Database` (from
:func:`open_database`) and the signed-in :class:`Actor` (from :func:`sign_in`), checks the
actor's roles against :data:`PERMISSIONS`, runs in one transaction with its audit entry, and
returns plain frozen records (:mod:`.records`). Expected failures are the :mod:`.errors` classes,
each with its exit code (:class:`PermissionDenied`: 3).

The names below load their module on first use (PEP 562), so ``services.errors`` or
``services.records`` can be imported without pulling in SQLAlchemy: the desktop app shows its
window first and opens the database behind it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from intake_desktop.storage.seal_check import SealStatus

    from .actor import SYSTEM, Actor
    from .alerts import AlertRecord, acknowledge_alert, pending_alerts
    from .audit import (
        AuditRecord,
        audit_entries,
        audit_seal_status,
        export_audit_csv,
        new_seal_key,
        verify_audit,
    )
    from .auth import (
        UserRecord,
        add_user,
        change_password,
        create_first_admin,
        has_users,
        list_users,
        lock_session,
        set_roles,
        sign_in,
        sign_out,
        unlock_session,
    )
    from .cases import export_case, import_case
    from .errors import PermissionDenied
    from .exports import fhir_bundle, visit_document
    from .maintenance import (
        backup_database,
        grant_workstation,
        restore_database,
        upgrade_database,
        workstation_grant_sql,
    )
    from .opening import open_database
    from .patients import find_patient, get_patient, register_patient, update_patient
    from .permissions import PERMISSIONS, allowed
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
    from .recovery import issue_recovery_key, reset_password_with_recovery_key
    from .search import search_patients
    from .signature_check import check_signature
    from .signing import amend_visit, open_amendment, sign_visit
    from .visit_queries import (
        count_drafts,
        get_visit,
        get_visit_version,
        list_drafts,
        patient_history,
        patient_visits,
        todays_visits,
        visit_versions,
    )
    from .visits import discard_draft, save_draft, start_draft

#: Where each public name lives.
_WHERE: dict[str, str] = {
    "Actor": "actor",
    "AlertRecord": "alerts",
    "acknowledge_alert": "alerts",
    "count_drafts": "visit_queries",
    "pending_alerts": "alerts",
    "AuditRecord": "audit",
    "DraftSaved": "records",
    "ImportResult": "records",
    "PERMISSIONS": "permissions",
    "PatientDetails": "records",
    "PatientRecord": "records",
    "PatientSummary": "records",
    "PermissionDenied": "errors",
    "SYSTEM": "actor",
    "UserRecord": "auth",
    "VisitRecord": "records",
    "VisitSummary": "records",
    "VisitVersionRecord": "records",
    "add_user": "auth",
    "allowed": "permissions",
    "amend_visit": "signing",
    "audit_entries": "audit",
    "audit_seal_status": "audit",
    "new_seal_key": "audit",
    "SealStatus": "audit",
    "backup_database": "maintenance",
    "change_password": "auth",
    "check_signature": "signature_check",
    "create_first_admin": "auth",
    "discard_draft": "visits",
    "export_audit_csv": "audit",
    "export_case": "cases",
    "fhir_bundle": "exports",
    "find_patient": "patients",
    "get_patient": "patients",
    "get_visit": "visit_queries",
    "get_visit_version": "visit_queries",
    "grant_workstation": "maintenance",
    "has_users": "auth",
    "workstation_grant_sql": "maintenance",
    "import_case": "cases",
    "list_drafts": "visit_queries",
    "list_users": "auth",
    "open_amendment": "signing",
    "lock_session": "auth",
    "open_database": "opening",
    "patient_history": "visit_queries",
    "patient_visits": "visit_queries",
    "register_patient": "patients",
    "restore_database": "maintenance",
    "save_draft": "visits",
    "search_patients": "search",
    "set_roles": "auth",
    "sign_in": "auth",
    "sign_out": "auth",
    "sign_visit": "signing",
    "start_draft": "visits",
    "todays_visits": "visit_queries",
    "unlock_session": "auth",
    "update_patient": "patients",
    "upgrade_database": "maintenance",
    "issue_recovery_key": "recovery",
    "reset_password_with_recovery_key": "recovery",
    "verify_audit": "audit",
    "visit_document": "exports",
    "visit_versions": "visit_queries",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))


__all__ = [
    "PERMISSIONS",
    "SYSTEM",
    "Actor",
    "AlertRecord",
    "AuditRecord",
    "DraftSaved",
    "ImportResult",
    "PatientDetails",
    "PatientRecord",
    "PatientSummary",
    "PermissionDenied",
    "SealStatus",
    "UserRecord",
    "VisitRecord",
    "VisitSummary",
    "VisitVersionRecord",
    "acknowledge_alert",
    "add_user",
    "allowed",
    "amend_visit",
    "audit_entries",
    "audit_seal_status",
    "backup_database",
    "change_password",
    "check_signature",
    "count_drafts",
    "create_first_admin",
    "discard_draft",
    "export_audit_csv",
    "export_case",
    "fhir_bundle",
    "find_patient",
    "get_patient",
    "get_visit",
    "get_visit_version",
    "grant_workstation",
    "has_users",
    "import_case",
    "issue_recovery_key",
    "list_drafts",
    "list_users",
    "lock_session",
    "new_seal_key",
    "open_amendment",
    "open_database",
    "patient_history",
    "patient_visits",
    "pending_alerts",
    "register_patient",
    "reset_password_with_recovery_key",
    "restore_database",
    "save_draft",
    "search_patients",
    "set_roles",
    "sign_in",
    "sign_out",
    "sign_visit",
    "start_draft",
    "todays_visits",
    "unlock_session",
    "update_patient",
    "upgrade_database",
    "verify_audit",
    "visit_document",
    "visit_versions",
    "workstation_grant_sql",
]
