"""The windows' handle on the clinic's records: the services, bound to one database and user.

Windows call these methods and nothing else that touches data, so the whole application has one
path to the database (the services, which the command line uses too). Everything here is a thin
delegation; rules (permissions, audit entries) live in the services and the domain. The signed-in
:class:`~intake_desktop.services.Actor` is set by the sign-in dialog (:meth:`Clinic.sign_in`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time
from typing import TYPE_CHECKING, Any, NamedTuple

# What a start needs (sign-in, lists, search, board, alerts); the rest is imported by the
# method that uses it, so the window is ready sooner (a few tens of milliseconds of imports).
from intake_desktop.services import (
    alerts,
    auth,
    board,
    clinic_settings,
    opening,
    permissions,
    search,
    users,
    visit_queries,
)
from intake_desktop.services.actor import Actor
from intake_desktop.services.errors import PermissionDenied
from intake_desktop.services.records import (
    DraftSaved,
    ImportResult,
    PatientDetails,
    PatientRecord,
    PatientSummary,
    VisitRecord,
    VisitSummary,
    VisitVersionRecord,
)

if TYPE_CHECKING:
    from intake_desktop.services.audit import AuditRecord


class SummaryPdf(NamedTuple):
    """A rendered summary as the windows use it (see :meth:`Clinic.summary_pdf`)."""

    data: bytes
    name: str
    warnings: list[str]
    red_flags: bool


class Clinic:
    """One open database and the person using it."""

    def __init__(self, db: Any, actor: Actor | None = None) -> None:
        self.db = db
        self._actor = actor

    @classmethod
    def open(cls, url: str | None, actor: Actor | None = None) -> Clinic:
        return cls(opening.open_database(url), actor)

    def close(self) -> None:
        self.db.dispose()

    # --- who is signed in ----------------------------------------------------------------
    @property
    def actor(self) -> Actor:
        """The signed-in user; :class:`PermissionDenied` before anyone signed in."""
        if self._actor is None:
            raise PermissionDenied("not signed in: sign in first")
        return self._actor

    @property
    def signed_in(self) -> bool:
        return self._actor is not None

    @property
    def author(self) -> str:
        return self.actor.username

    def has_users(self) -> bool:
        return auth.has_users(self.db)

    def sign_in(self, username: str, password: str) -> Actor:
        self._actor = auth.sign_in(self.db, username, password)
        return self._actor

    def create_first_admin(self, username: str, password: str, *, clinician: bool = False) -> Actor:
        self._actor = users.first_administrator(self.db, username, password, clinician=clinician)
        return self._actor

    def issue_recovery_key(self) -> str | None:
        """A new recovery key of the encrypted database, to show once (admins)."""
        from intake_desktop.services import recovery

        return recovery.issue_recovery_key(self.db, self.actor)

    @property
    def encrypted(self) -> bool:
        """Whether the records are an encrypted file (which has a recovery key)."""
        return bool(self.db.encrypted)

    def reset_password_with_recovery_key(self, key: str, username: str, new: str) -> None:
        """Every password lost: the recovery key gives ``username`` a new password (audited)."""
        from intake_desktop.services import recovery

        recovery.reset_password_with_recovery_key(self.db, key, username, new)

    def sign_out(self) -> None:
        if self._actor is not None:
            auth.sign_out(self.db, self._actor)
            self._actor = None

    def lock(self) -> None:
        auth.lock_session(self.db, self.actor)

    def unlock(self, password: str) -> Actor:
        """Resume the locked session: the same user, their password again."""
        self._actor = auth.unlock_session(self.db, self.actor, password)
        return self._actor

    def confirm_password(self, password: str) -> Actor:
        """The signed-in user's password again (an electronic signature): a sign-in under the
        same name, audited and counted towards the lockout like any other."""
        signed = auth.sign_in(
            self.db, self.actor.username, password, workstation=self.actor.workstation
        )
        if users.must_change_password(self.db, signed):  # reset meanwhile: signs nothing
            raise PermissionDenied(
                "an administrator reset your password: sign out, then sign in again and "
                "choose your own"
            )
        self._actor = signed
        return self._actor

    def seal_if_due(self) -> bool:
        """Seal the audit trail if the newest checkpoint is a day old (an administrator's
        session only; see ``ui.seal_timer``). True when a checkpoint was made."""
        from intake_desktop.services import checkpoints

        if self._actor is None:
            return False
        return checkpoints.seal_if_due(self.db, self._actor)

    def signer_label(self, username: str | None = None) -> str:
        """Who signs (or signed, for ``username``): the user name, with the full name and
        credentials when stored."""
        return auth.signer_label(self.db, self.actor, username)

    def may(self, operation: str) -> bool:
        """Whether the signed-in user's roles allow ``operation`` (to hide what is refused)."""
        return self._actor is not None and permissions.allowed(self._actor, operation)

    @property
    def location(self) -> str:
        """Where the records are, for the status bar (never shows a password)."""
        path = getattr(self.db, "sqlite_path", None)
        if path is not None:
            return str(path)
        return self.db.url.render_as_string(hide_password=True)

    # --- patients ------------------------------------------------------------------------
    def search_patients(self, text: str, limit: int) -> list[PatientSummary]:
        if not self.may("patient.search"):
            return []  # an admin-only user: the lists stay empty rather than refused each time
        return search.search_patients(self.db, text, limit, actor=self.actor)

    def get_patient(self, patient_id: int) -> PatientRecord:
        from intake_desktop.services import patients

        return patients.get_patient(self.db, patient_id, actor=self.actor)

    def register_patient(self, details: PatientDetails) -> PatientRecord:
        from intake_desktop.services import patients

        return patients.register_patient(self.db, details, actor=self.actor)

    def possible_duplicates(self, details: PatientDetails) -> list[PatientSummary]:
        from intake_desktop.services import patients

        return patients.possible_duplicates(self.db, details, actor=self.actor)

    def update_patient(self, patient_id: int, details: PatientDetails, version: int):
        from intake_desktop.services import patients

        return patients.update_patient(
            self.db, patient_id, details, expected_version=version, actor=self.actor
        )

    # --- visits --------------------------------------------------------------------------
    def get_visit(self, visit_id: int) -> VisitRecord:
        return visit_queries.get_visit(self.db, visit_id, actor=self.actor)

    def todays_visits(self, day: date | None = None) -> list[VisitSummary]:
        if not self.may("visit.list"):
            return []
        return visit_queries.todays_visits(self.db, day, actor=self.actor)

    def patient_history(self, patient_id: int) -> tuple[Any, ...]:
        """The patient's signed visits as domain snapshots, oldest first (one audited view)."""
        return visit_queries.patient_history(self.db, patient_id, actor=self.actor)

    def patient_visits(self, patient_id: int) -> list[VisitSummary]:
        return visit_queries.patient_visits(self.db, patient_id, actor=self.actor)

    def list_drafts(self, limit: int = 100, offset: int = 0) -> list[VisitSummary]:
        if not self.may("visit.list"):
            return []
        return visit_queries.list_drafts(self.db, limit=limit, offset=offset, actor=self.actor)

    def count_drafts(self) -> int:
        if not self.may("visit.list"):
            return 0
        return visit_queries.count_drafts(self.db, actor=self.actor)

    def start_draft(
        self, patient_id: int, data: Mapping[str, Any], ui_state: Mapping[str, Any] | None = None
    ) -> DraftSaved:
        from intake_desktop.services import visits

        return visits.start_draft(self.db, patient_id, data, actor=self.actor, ui_state=ui_state)

    def save_draft(
        self,
        visit_id: int,
        data: Mapping[str, Any],
        version: int,
        ui_state: Mapping[str, Any] | None = None,
    ) -> DraftSaved:
        from intake_desktop.services import visits

        return visits.save_draft(
            self.db, visit_id, data, expected_version=version, actor=self.actor, ui_state=ui_state
        )

    def discard_draft(self, visit_id: int, version: int, reason: str | None = None) -> VisitRecord:
        """Discard a draft (with a reason when it has a red flag), or cancel the open
        amendment of a signed visit."""
        from intake_desktop.services import visits

        return visits.discard_draft(
            self.db, visit_id, expected_version=version, actor=self.actor, reason=reason
        )

    # --- the day's board and the patient's tablet -------------------------------------
    def day_board(self, day: date | None = None) -> list[board.BoardRow]:
        """The day's board (empty for a user whose roles do not show it)."""
        if not self.may("board.view"):
            return []
        return board.day_board(self.db, day, actor=self.actor)

    def book_visit(
        self,
        patient_id: int,
        day: date,
        booked_time: time | None = None,
        from_visit_id: int | None = None,
    ) -> board.BoardRow:
        return board.book_visit(self.db, patient_id, day, actor=self.actor,
                                booked_time=booked_time, from_visit_id=from_visit_id)  # fmt: skip

    def check_in(
        self, *, entry_id: int | None = None, patient_id: int | None = None
    ) -> board.BoardRow:
        return board.check_in(self.db, actor=self.actor, entry_id=entry_id, patient_id=patient_id)

    def move_visit(self, visit_id: int, state: str) -> board.BoardRow | None:
        return board.move_visit(self.db, visit_id, state, actor=self.actor)

    def start_answering(self, visit_id: int) -> None:
        from intake_desktop.services import patient_entry

        patient_entry.start_answering(self.db, visit_id, actor=self.actor)

    def submit_patient_answers(
        self, visit_id: int, answers: Mapping[str, Any], *, finished: bool = True
    ) -> DraftSaved:
        from intake_desktop.services import patient_entry

        return patient_entry.submit_patient_answers(
            self.db, visit_id, answers, actor=self.actor, finished=finished
        )

    def item_texts(self, language: str) -> dict[str, Any]:
        """The questionnaires' short labels and a clinic's licensed wording in ``language``."""
        from intake_desktop.services import patient_entry

        return patient_entry.item_texts(language)

    def check_staff_password(self, username: str, password: str) -> Actor:
        """A member of staff proves who they are (to leave the patient's locked tablet): the
        sign-in check, audited and counted towards the lockout; the session stays as it is."""
        return auth.sign_in(self.db, username, password, workstation=self.actor.workstation)

    # --- red-flag alerts -----------------------------------------------------------------
    def pending_alerts(self) -> list[alerts.AlertRecord]:
        """Unacknowledged red-flag alerts (clinicians; empty for everyone else)."""
        if not self.may("alert.list"):
            return []
        return alerts.pending_alerts(self.db, actor=self.actor)

    def acknowledge_alert(self, alert_id: int) -> alerts.AlertRecord:
        return alerts.acknowledge_alert(self.db, alert_id, actor=self.actor)

    def sign_visit(
        self,
        visit_id: int,
        version: int,
        *,
        override_level: str | None = None,
        override_reason: str | None = None,
        chosen_procedure: str | None = None,
        **sign_off: Any,
    ) -> VisitRecord:
        """Sign the draft (or open amendment) as last saved; ``sign_off`` as the services take
        it (``red_flag_screen``, ``not_examined_reason``)."""
        from intake_desktop.services import signing

        return signing.sign_visit(
            self.db,
            visit_id,
            expected_version=version,
            actor=self.actor,
            override_level=override_level,
            override_reason=override_reason,
            chosen_procedure=chosen_procedure,
            **sign_off,
        )

    def open_amendment(self, visit_id: int, version: int, reason: str) -> VisitRecord:
        from intake_desktop.services import signing

        return signing.open_amendment(
            self.db, visit_id, reason, expected_version=version, actor=self.actor
        )

    def visit_versions(self, visit_id: int) -> list[VisitVersionRecord]:
        """Every signed version of a visit, the original first (one audited view)."""
        return visit_queries.visit_versions(self.db, visit_id, actor=self.actor)

    # --- case files ----------------------------------------------------------------------
    def import_case(self, data: Mapping[str, Any]) -> ImportResult:
        from intake_desktop.services import cases

        return cases.import_case(self.db, data, actor=self.actor)

    def export_case(self, visit_id: int) -> dict[str, Any]:
        from intake_desktop.services import cases

        return cases.export_case(self.db, visit_id, actor=self.actor)

    # --- printed summaries ---------------------------------------------------------------
    def check_signature(self, visit_id: int) -> str | None:
        """Why a signed visit no longer matches its signature, or None (see SignatureBanner)."""
        from intake_desktop.services import signature_check

        return signature_check.check_signature(self.db, self.actor, visit_id)

    def summary_pdf(self, visit_id: int, kind: str) -> SummaryPdf:
        """The ``kind`` summary of a visit as PDF bytes, a file name, language warnings, and
        whether it reports red flags.

        Printing is audited by the services when the document is assembled; the preview, the
        printer and a saved copy all use these same bytes.
        """
        from intake_desktop.reporting import render_pdf, suggested_filename
        from intake_desktop.services import exports

        doc = exports.visit_document(self.db, self.actor, visit_id, kind=kind)
        rendered = render_pdf(kind, doc)
        return SummaryPdf(
            rendered.data, suggested_filename(doc, kind), list(rendered.warnings),
            rendered.red_flags,
        )  # fmt: skip

    def fhir_bundle(self, visit_id: int) -> dict[str, Any]:
        """The visit as a FHIR R4 Bundle for the referring doctor's system (audited)."""
        from intake_desktop.services import exports

        return exports.fhir_bundle(self.db, self.actor, visit_id)

    # --- the signed-in user's own account -----------------------------------------------
    def must_change_password(self) -> bool:
        return users.must_change_password(self.db, self.actor)

    def change_own_password(self, old: str, new: str) -> None:
        """After a reset the signed-in actor holds no role until this succeeds (services.auth);
        the service hands back the one to go on with."""
        self._actor = users.change_own_password(self.db, self.actor, old, new)

    def own_language(self) -> str | None:
        return users.own_language(self.db, self.actor)

    def set_own_language(self, language: str | None) -> None:
        users.set_own_language(self.db, self.actor, language)

    # --- administration (the services refuse anyone but an administrator) ----------------
    def list_users(self) -> list[users.UserDetails]:
        return users.user_details(self.db, self.actor)

    def add_user(self, username: str, password: str, roles: set[str], **details: Any) -> None:
        language = details.pop("language", None)
        auth.add_user(self.db, self.actor, username, password, roles, **details)
        if language:
            users.update_user(self.db, self.actor, username, language=language, **details)

    def set_roles(self, username: str, roles: set[str]) -> None:
        auth.set_roles(self.db, self.actor, username, roles)

    def update_user(self, username: str, **details: Any) -> users.UserDetails:
        return users.update_user(self.db, self.actor, username, **details)

    def reset_password(self, username: str, temporary: str) -> None:
        users.reset_password(self.db, self.actor, username, temporary)

    def set_user_active(self, username: str, active: bool) -> users.UserDetails:
        return users.set_active(self.db, self.actor, username, active)

    def settings(self) -> clinic_settings.ClinicSettings:
        """The clinic-wide settings every workstation shares (readable before sign-in)."""
        return clinic_settings.current_settings(self.db)

    def session_settings(self) -> clinic_settings.ClinicSettings:
        """The idle-lock time and default language alone, read without the report templates
        (what every sign-in needs; see :func:`.clinic_settings.session_settings`)."""
        return clinic_settings.session_settings(self.db)

    def save_settings(self, changes: Mapping[str, Any]) -> clinic_settings.ClinicSettings:
        return clinic_settings.save_settings(self.db, self.actor, changes)

    def audit_entries(self, **filters: Any) -> list[AuditRecord]:
        from intake_desktop.services import audit

        return audit.audit_entries(self.db, self.actor, **filters)

    def export_audit_csv(self, **filters: Any) -> str:
        from intake_desktop.services import audit

        return audit.export_audit_csv(self.db, self.actor, **filters)

    def verify_audit(self) -> list[Any]:
        from intake_desktop.services import audit

        return audit.verify_audit(self.db, self.actor)
