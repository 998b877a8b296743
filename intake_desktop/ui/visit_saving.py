"""What the visit window shows when its draft session saves: the time, a conflict, a lock.

The session decides (:class:`~intake_desktop.ui.draft_session.SaveOutcome`); these functions
turn its answer into what the user sees: the saved time in the status line, the two versions side
by side when another workstation saved first, a warning when the visit was signed or discarded
elsewhere (the edits then go to a new draft), and the question asked on closing.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from intake_desktop.domain.findings import age_on

from . import recovery
from .choice_box import ACCEPT, DESTROY, REJECT, ask
from .code_labels import fill
from .conflict_dialog import ConflictDialog
from .draft_session import SaveOutcome
from .identity import patient_identity
from .visit_view import VisitView

if TYPE_CHECKING:
    from intake_desktop.services.records import VisitRecord


def after_save(window: VisitView, outcome: SaveOutcome) -> bool:
    """Show ``outcome``; True when nothing is left unsaved."""
    if outcome.kind == "conflict" and outcome.theirs is not None:
        return on_conflict(window, outcome.theirs)
    if outcome.kind == "locked":
        return on_locked(window, outcome.message)
    if outcome.kind == "failed":
        window.status.setText(
            QCoreApplication.translate("VisitWindow", "Not saved: %s (your entries are kept)")
            % outcome.message
        )
        return False
    if outcome.kind == "saved" and window.visit_id is not None:
        recovery.mark_open(window.settings, window.clinic.location, window.visit_id)
        assert outcome.saved_at is not None
        window.status.setText(
            QCoreApplication.translate("VisitWindow", "Draft saved %s")
            % outcome.saved_at.astimezone().strftime("%H:%M:%S")
        )
        window.saved.emit(window.visit_id)
        update_title(window)
    return not window.unsaved


def on_conflict(window: VisitView, theirs: VisitRecord) -> bool:
    """Another workstation saved first: both versions side by side; the user's kept by default."""
    when = theirs.updated_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    dialog = ConflictDialog(
        window.form.case_dict(), theirs.draft_data, theirs.updated_by, when, window
    )
    window.autosave.stop()
    take_theirs = dialog.exec() == ConflictDialog.TAKE_THEIRS
    if take_theirs:
        window.form.load(theirs.draft_data or {}, theirs.ui_state)
    window.session.resolve_conflict(theirs, take_theirs=take_theirs, revision=window.form.revision)
    if not window.read_only:
        window.autosave.start()
    return window.save_draft()


def on_locked(window: VisitView, message: str) -> bool:
    """The visit was signed or discarded elsewhere: keep the edits as a new draft."""
    window.autosave.stop()
    QMessageBox.warning(
        window,
        QCoreApplication.translate("VisitWindow", "Visit closed elsewhere"),
        QCoreApplication.translate(
            "VisitWindow", "%s\n\nYour entries are kept: they are saved now as a new draft visit."
        )
        % message,
    )
    window.session.detach()
    window.autosave.start()
    return window.save_draft()


def ask_close_unsaved(window: VisitView) -> bool:
    """The last changes could not be saved (the status line says why): stay and correct them
    (the default), or close and lose them. The question the close used to skip, saying "saved"
    over a draft that was not."""
    answer = ask(
        window,
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("VisitWindow", "Changes not saved"),
        QCoreApplication.translate(
            "VisitWindow",
            "The last changes to this visit could not be saved:\n%1\n\nStay to correct them, "
            "or close and lose what was typed since the last save.",
        ).replace("%1", window.status.text()),
        [
            ("stay", QCoreApplication.translate("VisitWindow", "&Stay and correct"), REJECT),
            ("close", QCoreApplication.translate("VisitWindow", "C&lose and lose them"), DESTROY),
        ],
        default="stay",
    )
    return answer == "close"


def ask_keep_draft(window: VisitView) -> str:
    """ "keep", "discard" or "cancel": what to do with an unsigned visit (or amendment) on close."""
    amending = window.session.mode == "amending"
    if amending:
        text = QCoreApplication.translate(
            "VisitWindow", "The amendment is not signed. It is kept and can be finished later."
        )
        keep_text = QCoreApplication.translate("VisitWindow", "&Keep amendment and close")
        discard_text = QCoreApplication.translate("VisitWindow", "&Cancel the amendment")
    else:
        text = QCoreApplication.translate(
            "VisitWindow",
            "This visit is not signed. It is saved as a draft and can be finished later.",
        )
        keep_text = QCoreApplication.translate("VisitWindow", "&Keep draft and close")
        discard_text = QCoreApplication.translate("VisitWindow", "&Discard visit")
    answer = ask(
        window,
        QMessageBox.Icon.Question,
        QCoreApplication.translate("VisitWindow", "Close this visit?"),
        text,
        [("keep", keep_text, ACCEPT), ("discard", discard_text, DESTROY)],
        default="keep",
        cancel=QCoreApplication.translate("VisitWindow", "&Cancel"),
    )
    return answer or "cancel"


def update_title(window: VisitView) -> None:
    """The window title and the header line: patient, visit date and the visit's state."""
    p, mode = window.patient, window.session.mode
    if mode == "signed":
        state = QCoreApplication.translate("VisitWindow", "signed")
    elif mode == "amending":
        state = (
            QCoreApplication.translate("VisitWindow", "amendment, unsaved")
            if window.unsaved
            else QCoreApplication.translate("VisitWindow", "amendment")
        )
    else:
        state = (
            QCoreApplication.translate("VisitWindow", "unsaved changes")
            if window.unsaved
            else QCoreApplication.translate("VisitWindow", "draft saved")
        )
    visit_date = window.form.get("visit_date") or "?"
    name = p.name or p.record_number or QCoreApplication.translate("VisitWindow", "Patient")
    window.setWindowTitle(
        fill(
            QCoreApplication.translate("VisitWindow", "%1 · Visit %2 · %3"), name, visit_date, state
        )
    )
    age = age_on(p.date_of_birth, date.today())
    header = QCoreApplication.translate("VisitWindow", "%1 (%2) · visit %3")
    who = patient_identity(p.name, p.record_number, p.date_of_birth, rich=True)
    window.header.setText(fill(header, who, age, visit_date))
