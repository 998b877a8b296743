"""Who is at the keyboard: the sign-in dialog, the first-run administrator, the unlock prompt.

Each dialog only collects what is typed and hands it to the :class:`Clinic` (the services decide,
audit and refuse); a refusal is shown in the dialog, which stays open for another try. Password
fields never echo, and are cleared after every attempt.

A refused sign-in or unlock reads the same whatever the cause (the services say nothing more),
and a password the rules refuse is named with its reason; both in the interface's language
(:func:`.password_text.password_problem` is there for any dialog that sets a password).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.services.errors import PermissionDenied, ServiceError
from intake_desktop.services.lockout import LOCKOUT, MAX_FAILED_SIGN_INS
from intake_desktop.services.password_rules import WeakPasswordError

from .dialog_footer import add_error_and_buttons
from .password_text import password_problem as password_problem
from .password_text import refusal_text as refusal_text
from .theme import style

if TYPE_CHECKING:
    from .clinic import Clinic


MAX_TYPED = 1024
#: What :class:`UnlockDialog` finishes with when someone else is to sign in.
SWITCH_USER = 2


def sign_in_refused() -> str:
    """The one answer to every refused sign-in or unlock, translated (it names the lockout so a
    locked-out user knows what to do, without saying whether that is what happened)."""
    return (
        QCoreApplication.translate(
            "SignIn",
            "Sign-in refused: the user name or the password is wrong, or the account is locked "
            "(after %1 failed tries in a row, for %2 minutes; an administrator can unlock it "
            "sooner).",
        )
        .replace("%1", str(MAX_FAILED_SIGN_INS))
        .replace("%2", str(int(LOCKOUT.total_seconds() // 60)))
    )


class _CredentialsDialog(QDialog):
    """A user name (or a fixed one) and a password, with an error line and OK/Cancel."""

    def __init__(
        self, clinic: Clinic, title: str, intro: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        style(self)
        self.clinic = clinic
        self.setWindowTitle(title)
        self.setModal(True)
        lay = QVBoxLayout(self)
        intro_label = QLabel(intro, self)
        intro_label.setWordWrap(True)
        lay.addWidget(intro_label)
        self.form = QFormLayout()
        lay.addLayout(self.form)
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.username.setMaxLength(100)
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(MAX_TYPED)
        self.password.setAccessibleName(self.tr("Password"))
        self.form.addRow(self.tr("&User name:"), self.username)
        self.form.addRow(self.tr("&Password:"), self.password)
        self.error, self.buttons = add_error_and_buttons(
            self, lay, "signInError", self._try, self.tr("Sign-in problem")
        )

    def _try(self) -> None:
        try:
            self._submit()
        except ServiceError as exc:
            self.error.setText(self._describe(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.password.clear()
        self.accept()

    def _submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _describe(self, exc: ServiceError) -> str:
        """A refusal in the interface's language where we know it, else the service's words."""
        if isinstance(exc, WeakPasswordError):
            return password_problem(exc.reason)
        if isinstance(exc, PermissionDenied) and self.refusals_alike:
            return sign_in_refused()
        return str(exc)

    # Whether a PermissionDenied here is a refused sign-in (said the same way whatever the cause).
    refusals_alike = True


class SignInDialog(_CredentialsDialog):
    """Sign in with a user name and password; ``clinic.actor`` is set when it is accepted."""

    def __init__(
        self, clinic: Clinic, parent: QWidget | None = None, *, recovery: bool | None = None
    ) -> None:
        super().__init__(
            clinic,
            self.tr("Sign in"),
            self.tr("Sign in to open the clinic's records."),
            parent,
        )
        # Every password lost: the recovery key of an encrypted database (see
        # :mod:`.recovery_reset_dialog`); offered until the records say they have none.
        self.recovery_button = QPushButton(
            self.tr("Forgot your password? Use the &recovery key…"), self
        )
        self.recovery_button.setObjectName("useRecoveryKey")
        self.recovery_button.setAutoDefault(False)
        self.recovery_button.clicked.connect(self._use_recovery_key)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.count() - 1, self.recovery_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.recovery_dialog: QDialog | None = None
        # At start-up the records are still opening behind the dialog, and asking the clinic
        # would wait for them: the start-up says (offered, as most clinics are encrypted) and
        # corrects it once they are open (offer_recovery_key).
        self.offer_recovery_key(clinic.encrypted if recovery is None else recovery)
        self.username.setFocus()

    def offer_recovery_key(self, offered: bool) -> None:
        """Show the recovery-key action only where there is one (an encrypted database)."""
        self.recovery_button.setVisible(offered)

    def _use_recovery_key(self) -> None:
        from .recovery_reset_dialog import RecoveryResetDialog

        dialog = RecoveryResetDialog(self.clinic, self.username.text().strip(), parent=self)
        self.recovery_dialog = dialog
        dialog.accepted.connect(self._after_recovery)
        dialog.open()

    def _after_recovery(self) -> None:
        name = getattr(self.recovery_dialog, "username", "")
        self.username.setText(name)
        self.password.clear()
        self.error.setText(
            self.tr("The password of %1 is changed: sign in with the new one.").replace("%1", name)
        )
        self.password.setFocus()

    def _submit(self) -> None:
        password = self.password.text()
        self.clinic.sign_in(self.username.text(), password)
        if not choose_own_password_if_reset(self.clinic, password, self):
            self.clinic.sign_out()
            raise _Mismatch(choose_new_text())


class FirstAdminDialog(_CredentialsDialog):
    """First run: there is no user yet, so the first account made is an administrator."""

    refusals_alike = False  # "there are users already" is no sign-in refusal

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(
            clinic,
            self.tr("Create the administrator"),
            self.tr(
                "This is the first start on this database. Create the administrator account; "
                "the administrator then adds the front desk's and the clinicians' accounts "
                "(Administration, Users). An administrator manages users, settings and the "
                "audit trail, and sees no patient record unless also a clinician."
            ),
            parent,
        )
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setMaxLength(MAX_TYPED)
        self.confirm.setAccessibleName(self.tr("Password again"))
        self.form.addRow(self.tr("Password &again:"), self.confirm)
        self.clinician = QCheckBox(
            self.tr("Also a &clinician (records exams, signs visits, sees patients)"), self
        )
        self.clinician.setObjectName("alsoClinician")
        self.form.addRow("", self.clinician)
        # Keyboard-only set-up: name, password, the password again, then OK (the fields were
        # made in another order, and Qt's tab order is the order of making).
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        chain = (self.username, self.password, self.confirm, ok, cancel, self.clinician)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.username.setFocus()
        self.recovery_key: str | None = None

    def _submit(self) -> None:
        if self.password.text() != self.confirm.text():
            self.confirm.clear()
            raise _Mismatch(self.tr("The two passwords differ; type them again."))
        self.confirm.clear()
        self.clinic.create_first_admin(
            self.username.text(), self.password.text(), clinician=self.clinician.isChecked()
        )
        #: shown once by :class:`.startup.Startup` (None: the database is not encrypted)
        self.recovery_key = self.clinic.issue_recovery_key()


class UnlockDialog(_CredentialsDialog):
    """The session is locked: the same user types their password to resume, or someone else
    signs in (finishes with :data:`SWITCH_USER`; the first user's drafts are saved then)."""

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(
            clinic,
            self.tr("Session locked"),
            self.tr("The session was locked. Type your password to continue where you were."),
            parent,
        )
        self.username.setText(clinic.actor.username)
        self.username.setReadOnly(True)
        self.switch_button = self.buttons.addButton(
            self.tr("Sign in as &someone else"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.switch_button.setObjectName("switchUser")
        self.switch_button.clicked.connect(lambda: self.done(SWITCH_USER))
        self.password.setFocus()

    def _submit(self) -> None:
        password = self.password.text()
        self.clinic.unlock(password)
        # An administrator reset the password while the session was locked: the session allows
        # nothing until its owner chooses their own (services.auth), so it is asked here too.
        if not choose_own_password_if_reset(self.clinic, password, self):
            raise _Mismatch(choose_new_text())


def choose_own_password_if_reset(clinic: Clinic, password: str, parent: QWidget) -> bool:
    """After a reset, ask the signed-in user for a password of their own (the forced change
    dialog); False when they would not choose one. True at once when no reset is pending."""
    if not clinic.must_change_password():
        return True
    from .password_dialog import ChangePasswordDialog

    dialog = ChangePasswordDialog(clinic, forced=True, current=password, parent=parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()  # one per attempt: none is left behind under the sign-in dialog


def choose_new_text() -> str:
    return QCoreApplication.translate("SignInDialog", "Choose a new password to continue.")


class _Mismatch(ServiceError):
    exit_code = 2
