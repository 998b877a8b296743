"""A refused new password in the interface's language: its reason, or the service's own words.

Shared by every dialog that sets a password (sign-in, change of password, the users' dialogs),
so that none of them needs another's module.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from intake_desktop.services.errors import ServiceError
from intake_desktop.services.password_rules import MAX_PASSWORD, MIN_PASSWORD, WeakPasswordError


def password_problem(reason: str) -> str:
    """Why a new password was refused (:class:`WeakPasswordError` ``reason``), translated."""
    if reason == "short":
        text = QCoreApplication.translate(
            "PasswordRules", "Password: must have at least %1 characters."
        )
        return text.replace("%1", str(MIN_PASSWORD))
    if reason == "long":
        text = QCoreApplication.translate(
            "PasswordRules", "Password: is longer than %1 characters."
        )
        return text.replace("%1", str(MAX_PASSWORD))
    if reason == "nul":
        return QCoreApplication.translate(
            "PasswordRules", "Password: may not contain a NUL character."
        )
    if reason == "blank":
        return QCoreApplication.translate(
            "PasswordRules", "Password: is only spaces; choose one with letters, digits or signs."
        )
    if reason == "repeated":
        return QCoreApplication.translate(
            "PasswordRules",
            "Password: is one character repeated; choose one that is harder to guess.",
        )
    if reason == "common":
        return QCoreApplication.translate(
            "PasswordRules",
            "Password: is one of the most common passwords, which are tried first when "
            "guessing; choose another.",
        )
    return QCoreApplication.translate("PasswordRules", "Password: cannot be used; choose another.")


def refusal_text(exc: ServiceError) -> str:
    """A service's refusal of a new password in the interface's language (a weak password's
    reason), else the service's own words."""
    return password_problem(exc.reason) if isinstance(exc, WeakPasswordError) else str(exc)
