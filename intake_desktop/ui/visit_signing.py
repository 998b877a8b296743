"""The visit window's modes (draft, signed, amending) and its signing and amending dialogs.

Kept apart from the window so that it stays a view: these functions read the form and the plan,
ask the :class:`~intake_desktop.ui.draft_session.DraftSession` what is missing or to sign, and
show the answer. Each dialog is opened non-blocking (``open()``) and returned, so a test drives it
like a user: the password typed, the button clicked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from intake_desktop.services.auth import WRONG
from intake_desktop.services.errors import IncompleteError, ServiceError

from . import recovery
from .amend_dialog import AmendDialog, HistoryDialog
from .code_labels import fill, label
from .sign_dialog import SignDialog, SignSummary
from .theme import show_read_only
from .visit_saving import update_title
from .visit_view import VisitView

if TYPE_CHECKING:
    from intake_desktop.domain.signing import MissingItem


def show_mode(window: VisitView) -> None:
    """Show what the session allows: editing (a draft, an amendment) or reading (signed)."""
    session = window.session
    mode, record = session.mode, session.record
    show_read_only(window.stack, window.read_only)
    window.save_button.setVisible(not window.read_only)  # nothing to save on a signed visit
    window.amend_button.setVisible(mode == "signed")
    window.history_button.setVisible(record is not None and record.is_signed)
    window.decision_page.sign_button.setText(
        QCoreApplication.translate("VisitWindow", "&Sign amendment")
        if mode == "amending"
        else QCoreApplication.translate("VisitWindow", "&Sign visit")
    )
    text = ""
    if mode == "signed" and record is not None and record.signed_at is not None:
        when = record.signed_at.astimezone().strftime("%Y-%m-%d %H:%M %Z")
        note = QCoreApplication.translate(
            "VisitWindow", "Signed by %1 on %2 · level: %3 · read-only"
        )
        signer = window.clinic.signer_label(record.signed_by)
        text = fill(note, signer, when, label(record.final_level))
        if record.status == "amended":
            text += " · " + fill(
                QCoreApplication.translate("VisitWindow", "amended (%1)"),
                record.amendment_reason or "",
            )
    elif mode == "amending":
        text = fill(
            QCoreApplication.translate("VisitWindow", "Amending the signed visit: %1"),
            session.amendment_reason,
        )
    window.mode_note.setText(text)
    window.mode_note.setVisible(bool(text))
    # A signed visit (also while amended) is checked against its signature at every change of
    # mode: changed outside the program, it shows the red banner and prints nothing.
    window.signature_banner.check(window.clinic, window.visit_id,
                                  record is not None and record.is_signed)  # fmt: skip
    if window.read_only:
        window.autosave.stop()
    else:
        window.autosave.start()
        if window.visit_id is not None:
            recovery.mark_open(window.settings, window.clinic.location, window.visit_id)
    window.limit_to_roles()
    update_title(window)


def open_sign_dialog(window: VisitView) -> SignDialog | None:
    """What is missing (each line goes to its field), else the confirmation with the password."""
    if window.read_only:
        return None
    window.controller.refresh()
    level, reason = window.decision_page.decision()
    missing = window.session.missing(
        window.controller.case,
        window.controller.plan,
        window.controller.errors,
        window.form.ui_state(),
        level,
        reason,
    )
    return _show(window, missing, level, reason)


def _show(
    window: VisitView, missing: list[MissingItem], level: str | None, reason: str | None
) -> SignDialog:
    plan = window.controller.plan
    summary = SignSummary(
        level=level or (plan.level if plan else ""),
        recommended=plan.level if plan else "",
        override_reason=reason,
        red_flags=plan.red_flag_codes if plan else (),
        procedures=plan.procedures if plan else (),
        chosen_procedure=window.decision_page.chosen_procedure(),
        signer=window.clinic.signer_label() if not missing else "",
        amendment_reason=window.session.amendment_reason,
    )
    if window.sign_dialog is not None:
        window.sign_dialog.close()
    names = {}  # the carried fields' labels, as the window shows them
    for item in missing:
        widget = window.binder.widget_for(item.path)
        if widget is not None and widget.accessibleName():
            names[item.path] = widget.accessibleName()
    dialog = SignDialog(missing, summary, window, names)
    dialog.go_to.connect(window.go_to_field)
    dialog.sign_requested.connect(lambda password: _sign(window, dialog, password))
    window.sign_dialog = dialog
    dialog.open()
    return dialog


def _sign(window: VisitView, dialog: SignDialog, password: str) -> None:
    level, reason = window.decision_page.decision()
    try:
        record = window.session.sign(
            window.form.case_dict(),
            window.form.ui_state(),
            window.form.revision,
            password=password,
            override_level=level,
            override_reason=reason,
            chosen_procedure=window.decision_page.chosen_procedure(),
        )
    except IncompleteError as exc:  # changed on another workstation since the check
        dialog.show_problem(str(exc))
        return
    except ServiceError as exc:
        if str(exc) == WRONG:  # said for a signature, not for a sign-in
            dialog.show_problem(
                QCoreApplication.translate(
                    "SignDialog",
                    "Not signed: the password is wrong, or the account is locked for a while "
                    "after several wrong ones.",
                )
            )
            return
        dialog.show_problem(str(exc))
        return
    dialog.accept()
    window.decision_page.show_signed(record.plan, record.chosen_procedure)
    window.after_signing(record)


def open_amend_dialog(window: VisitView) -> AmendDialog | None:
    """Ask why the signed visit changes; on OK the amendment is opened for editing."""
    if window.session.mode != "signed":
        return None
    dialog = AmendDialog(window)
    dialog.accepted.connect(lambda: _open_amendment(window, dialog.reason()))
    dialog.open()
    return dialog


def _open_amendment(window: VisitView, reason: str) -> None:
    try:
        record = window.session.open_amendment(reason)
    except ServiceError as exc:
        QMessageBox.warning(
            window, QCoreApplication.translate("VisitWindow", "Not amended"), str(exc)
        )
        return
    window.controller.signed_plan = None  # the amendment is judged under today's rules
    window.form.load(record.data or {}, record.ui_state)
    window.session.loaded(window.form.revision)
    window.decision_page.show_editable()
    window.status.setText(
        QCoreApplication.translate("VisitWindow", "Amending: edit, then sign the amendment")
    )
    window.show_mode()
    if window.visit_id is not None:
        window.saved.emit(window.visit_id)


def open_history(window: VisitView) -> HistoryDialog | None:
    """Each signed version of the visit, newest first, with what it changed."""
    try:
        entries = window.session.history()
    except ServiceError as exc:
        QMessageBox.warning(
            window, QCoreApplication.translate("VisitWindow", "No history"), str(exc)
        )
        return None
    dialog = HistoryDialog(entries, window)
    dialog.open()
    return dialog
