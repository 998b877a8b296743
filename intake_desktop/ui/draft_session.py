"""One visit being worked on: its draft's saves, conflicts and locks, signing and amending.

The visit window shows a :class:`DraftSession`; it does not run it. The session knows which
visit and version the window holds, what was saved last, and what the services answered; it
decides nothing clinical (the checks before signing are :mod:`intake_desktop.domain.signing`'s)
and touches the records only through the :class:`~intake_desktop.ui.clinic.Clinic`. It holds no
widget and imports no Qt, so it is tested without a window (tests/ui/test_draft_session.py);
the window turns its outcomes into dialogs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from intake_desktop.domain.case_diff import FieldChange, case_changes
from intake_desktop.domain.followup import carried_paths
from intake_desktop.domain.signing import (
    NOT_EXAMINED_KEY,
    SCREEN_PATH,
    MissingItem,
    missing_for_signature,
)
from intake_desktop.services.errors import ConflictError, ServiceError, VisitLockedError
from intake_desktop.services.records import VisitRecord, VisitVersionRecord

if TYPE_CHECKING:
    from intake_desktop.domain.case import Case
    from intake_desktop.domain.plan import Plan
    from intake_desktop.domain.validation import FieldError

    from .clinic import Clinic

Mode = Literal["draft", "signed", "amending"]
SaveKind = Literal["saved", "unchanged", "conflict", "locked", "failed"]


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    """What a save came to. ``theirs`` is the other workstation's visit on a conflict."""

    kind: SaveKind
    saved_at: datetime | None = None
    message: str = ""
    theirs: VisitRecord | None = None

    @property
    def ok(self) -> bool:
        return self.kind in ("saved", "unchanged")


@dataclass(frozen=True, slots=True)
class VersionEntry:
    """One signed version for the history, with what changed from the version before it."""

    version: VisitVersionRecord
    changes: tuple[FieldChange, ...]


class DraftSession:
    """The state of one visit window's visit and every operation on it."""

    def __init__(self, clinic: Clinic, patient_id: int, visit: VisitRecord | None = None) -> None:
        self.clinic = clinic
        self.patient_id = patient_id
        self.visit_id: int | None = visit.id if visit else None
        self.version: int | None = visit.version if visit else None
        self.record: VisitRecord | None = visit
        #: The form revision last stored (-1: nothing stored yet).
        self.saved_revision = -1

    # --- state ---------------------------------------------------------------------------
    @property
    def mode(self) -> Mode:
        """``draft`` (editable), ``signed`` (read-only) or ``amending`` (editable, signed)."""
        if self.record is None or self.record.status == "draft":
            return "draft"
        return "amending" if self.record.amending else "signed"

    @property
    def editable(self) -> bool:
        """A draft; or an amendment, for someone who may amend (the front desk reads it)."""
        if self.mode == "amending":
            return self.clinic.may("visit.amend")
        return self.mode == "draft" and (self.record is None or self.record.status != "discarded")

    @property
    def amendment_reason(self) -> str | None:
        return self.record.pending_amendment_reason if self.record else None

    def loaded(self, revision: int) -> None:
        """The form now shows what is stored (after a load)."""
        self.saved_revision = revision

    def unsaved(self, revision: int) -> bool:
        return revision != self.saved_revision

    # --- saving --------------------------------------------------------------------------
    def save(
        self, case: Mapping[str, Any], ui_state: Mapping[str, Any], revision: int
    ) -> SaveOutcome:
        """Store the case and the window's state when ``revision`` is not saved yet."""
        if not self.editable or not self.unsaved(revision):
            return SaveOutcome("unchanged")
        try:
            if self.visit_id is None:
                result = self.clinic.start_draft(self.patient_id, case, ui_state)
                self.visit_id = result.visit_id
            else:
                assert self.version is not None
                result = self.clinic.save_draft(self.visit_id, case, self.version, ui_state)
        except VisitLockedError as exc:
            return SaveOutcome("locked", message=str(exc))
        except ConflictError as exc:
            theirs = self._reread()
            if theirs is not None and (theirs.status == "draft" or theirs.amending):
                return SaveOutcome("conflict", message=str(exc), theirs=theirs)
            return SaveOutcome("locked", message=str(exc))
        except ServiceError as exc:
            return SaveOutcome("failed", message=str(exc))
        self.version = result.version
        self.saved_revision = revision
        return SaveOutcome("saved", saved_at=result.saved_at)

    def resolve_conflict(self, theirs: VisitRecord, *, take_theirs: bool, revision: int) -> None:
        """Continue from the other workstation's version: their data (``take_theirs``, loaded by
        the caller at ``revision``) or ours, saved over theirs at the next save."""
        self.version = theirs.version
        self.record = theirs
        if take_theirs:
            self.saved_revision = revision

    def detach(self) -> None:
        """The visit was signed or discarded elsewhere: the next save starts a new draft."""
        self.visit_id, self.version, self.record = None, None, None
        self.saved_revision = -1

    def discard(self) -> None:
        """Discard the draft, or cancel an open amendment (the signed version stays)."""
        if self.visit_id is None or self.version is None:
            return
        record = self.clinic.discard_draft(self.visit_id, self.version)
        self.record, self.version = record, record.version

    # --- signing -------------------------------------------------------------------------
    def missing(
        self,
        case: Case | None,
        plan: Plan | None,
        errors: list[FieldError],
        ui_state: Mapping[str, Any],
        override_level: str | None,
        override_reason: str | None,
    ) -> list[MissingItem]:
        """What stands between the form and a signature: the case's invalid fields first, then
        the signing checks (the same function the services apply)."""
        if case is None or plan is None:
            return [MissingItem(e.path or "case", e.message) for e in errors] or [
                MissingItem("case", "is not complete")
            ]
        return missing_for_signature(
            case,
            red_flag_screen=ui_state.get(SCREEN_PATH),
            not_examined_reason=ui_state.get(NOT_EXAMINED_KEY),
            region=plan.region,
            recommended_level=plan.level,
            override_level=override_level,
            override_reason=override_reason,
            carried=carried_paths(ui_state),
        )

    def sign(
        self,
        case: Mapping[str, Any],
        ui_state: Mapping[str, Any],
        revision: int,
        *,
        password: str,
        override_level: str | None,
        override_reason: str | None,
        chosen_procedure: str | None = None,
    ) -> VisitRecord:
        """The electronic signature: the password again, the draft saved, then signed.

        Raises the services' errors (a wrong password is :class:`PermissionDenied`, a missing
        item :class:`IncompleteError`); nothing is signed then.
        """
        self.clinic.confirm_password(password)
        outcome = self.save(case, ui_state, revision)
        if not outcome.ok:
            raise ConflictError(outcome.message or "the draft could not be saved")
        assert self.visit_id is not None and self.version is not None
        record = self.clinic.sign_visit(
            self.visit_id,
            self.version,
            override_level=override_level,
            override_reason=override_reason,
            chosen_procedure=chosen_procedure,
        )
        self.record, self.version = record, record.version
        return record

    # --- amending ------------------------------------------------------------------------
    def open_amendment(self, reason: str) -> VisitRecord:
        """Open an amendment of the signed visit; its case becomes editable (saved as a draft)."""
        assert self.visit_id is not None and self.version is not None
        record = self.clinic.open_amendment(self.visit_id, self.version, reason)
        self.record, self.version = record, record.version
        return record

    def history(self) -> list[VersionEntry]:
        """Every signed version, the original first, each with what changed from the one
        before (the original: nothing)."""
        if self.visit_id is None:
            return []
        versions = self.clinic.visit_versions(self.visit_id)
        out: list[VersionEntry] = []
        for i, v in enumerate(versions):
            before = versions[i - 1].case_data if i else v.case_data
            out.append(VersionEntry(v, tuple(case_changes(before, v.case_data))))
        return out

    def _reread(self) -> VisitRecord | None:
        if self.visit_id is None:
            return None
        try:
            return self.clinic.get_visit(self.visit_id)
        except ServiceError:
            return None
