"""The windows' side of issue 18: the sign-in and unlock prompts answer the four refusals alike,
and the first-run dialog names a weak password's problem, in English and in Spanish."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from intake_desktop.storage.models import utc_now
from intake_desktop.ui.app import install_translators, remove_translators
from intake_desktop.ui.clinic import Clinic
from intake_desktop.ui.idle_lock import IdleLock
from intake_desktop.ui.sign_in import (
    FirstAdminDialog,
    SignInDialog,
    password_problem,
    sign_in_refused,
)
from tests.actors import TEST_PASSWORD, connect_file

OK = QDialogButtonBox.StandardButton.Ok


@pytest.fixture
def spanish(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("INTAKE_DESKTOP_LANGUAGE", "es")
    app = QApplication.instance()
    translators = install_translators(app)
    assert translators, "no Spanish translation could be loaded"
    try:
        yield
    finally:
        remove_translators(app, translators)


def _lock_account(db_url: str, username: str) -> None:
    until = (utc_now() + timedelta(minutes=10)).isoformat(" ")
    with connect_file(db_url.removeprefix("sqlite:///")) as con:
        con.execute("UPDATE users SET locked_until = ? WHERE username = ?", (until, username))


def _try(dialog, password: str, username: str | None = None) -> str:
    if username is not None:
        dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.buttons.button(OK).click()
    return dialog.error.text()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_sign_in_dialog_answers_the_four_refusals_alike(qtbot, db_url, request, language):
    if language == "es":
        request.getfixturevalue("spanish")
    _lock_account(db_url, "clin.user")
    clinic = Clinic.open(db_url)
    try:
        dialog = SignInDialog(clinic)
        qtbot.addWidget(dialog)
        dialog.show()
        answers = {
            "unknown user": _try(dialog, TEST_PASSWORD, "nobody.here"),
            "wrong password": _try(dialog, "Not-the-password-9", "desk.user"),
            "empty password": _try(dialog, "", "desk.user"),
            "locked account": _try(dialog, TEST_PASSWORD, "clin.user"),
        }
        assert set(answers.values()) == {sign_in_refused()}, answers
        assert dialog.isVisible() and not clinic.signed_in
        expected = "bloqueada" if language == "es" else "locked"
        assert expected in sign_in_refused() and "5" in sign_in_refused()
    finally:
        clinic.close()


def test_the_unlock_prompt_answers_alike_too(qtbot, db_url) -> None:
    clinic = Clinic.open(db_url)
    clinic.sign_in("clin.user", TEST_PASSWORD)
    idle = IdleLock(QApplication.instance(), clinic, idle_ms=60_000)
    try:
        idle.lock()
        assert idle.is_locked and idle.dialog is not None
        wrong = _try(idle.dialog, "Not-the-password-9")
        empty = _try(idle.dialog, "")
        _lock_account(db_url, "clin.user")
        locked = _try(idle.dialog, TEST_PASSWORD)  # the right password, but locked meanwhile
        assert wrong == empty == locked == sign_in_refused()
        assert idle.is_locked
    finally:
        idle.stop()
        if idle.dialog is not None:
            idle.dialog.finished.disconnect()
            idle.dialog.close()
        clinic.close()


@pytest.mark.parametrize(("language", "fragment"), [("en", "most common"), ("es", "más comunes")])
def test_the_first_administrator_cannot_have_a_weak_password(
    qtbot, tmp_path, request, language, fragment
) -> None:
    if language == "es":
        request.getfixturevalue("spanish")
    clinic = Clinic.open(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    try:
        dialog = FirstAdminDialog(clinic)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.username.setText("boss")
        for password, reason in (("Password1", "common"), ("xxxxxxxxxx", "repeated"),
                                 (" " * 10, "blank")):  # fmt: skip
            dialog.confirm.setText(password)
            assert _try(dialog, password) == password_problem(reason)
            assert not clinic.has_users() and dialog.isVisible()
        assert fragment in password_problem("common")
        assert password_problem("repeated").startswith(
            "Contraseña:" if language == "es" else "Password:"
        )
        dialog.confirm.setText("Rare-and-long-4")
        with qtbot.waitSignal(dialog.accepted):
            _try(dialog, "Rare-and-long-4")
        assert clinic.actor.roles == {"admin"}
    finally:
        clinic.close()
