"""Running accounts: details printed with a signature, resets that force a new password,
deactivation instead of deletion, and each user's own language."""

from __future__ import annotations

import pytest

from intake_desktop import services as s
from intake_desktop.services import users
from intake_desktop.services.errors import InputError, PermissionDenied
from intake_desktop.services.signing import signer_details
from tests.actors import TEST_PASSWORD


def test_details_the_admin_edits_are_the_ones_a_signature_prints(database) -> None:
    admin = s.sign_in(database, "admin.user", TEST_PASSWORD)
    users.update_user(database, admin, "clin.user", full_name=" Ana Ruiz ", credentials="MD")
    with database.session() as session:
        assert signer_details(session, "clin.user") == ("Ana Ruiz", "MD")
    listed = {u.username: u for u in users.user_details(database, admin)}
    assert listed["clin.user"].full_name == "Ana Ruiz"


def test_a_reset_password_must_be_changed_and_the_old_one_stops_working(database) -> None:
    admin = s.sign_in(database, "admin.user", TEST_PASSWORD)
    users.reset_password(database, admin, "desk.user", "Temporary-pass-42")
    desk = s.sign_in(database, "desk.user", "Temporary-pass-42")
    assert users.must_change_password(database, desk)
    # The administrator knows that password: until it is replaced it allows nothing at all,
    # whichever program signed in with it (not only where the app and the CLI ask).
    assert desk.roles == frozenset()
    with pytest.raises(PermissionDenied):
        s.search_patients(database, "a", 10, actor=desk)
    with pytest.raises(PermissionDenied):
        s.sign_in(database, "desk.user", TEST_PASSWORD)
    desk = users.change_own_password(database, desk, "Temporary-pass-42", "Brand-new-secret-9")
    assert not users.must_change_password(database, desk)
    assert desk.roles == frozenset({"front_desk"})
    s.search_patients(database, "a", 10, actor=desk)
    with pytest.raises(InputError, match="own password"):
        users.reset_password(database, admin, "admin.user", "Temporary-pass-42")


def test_only_an_administrator_resets_or_deactivates(database) -> None:
    desk = s.sign_in(database, "desk.user", TEST_PASSWORD)
    with pytest.raises(PermissionDenied):
        users.reset_password(database, desk, "clin.user", "Temporary-pass-42")
    with pytest.raises(PermissionDenied):
        users.set_active(database, desk, "clin.user", False)


def test_a_deactivated_user_cannot_sign_in_and_is_kept(database) -> None:
    admin = s.sign_in(database, "admin.user", TEST_PASSWORD)
    users.set_active(database, admin, "desk.user", False)
    with pytest.raises(PermissionDenied):
        s.sign_in(database, "desk.user", TEST_PASSWORD)
    listed = {u.username: u for u in users.user_details(database, admin)}
    assert not listed["desk.user"].active
    with pytest.raises(InputError, match="own account"):
        users.set_active(database, admin, "admin.user", False)
    users.set_active(database, admin, "desk.user", True)
    s.sign_in(database, "desk.user", TEST_PASSWORD)


def test_own_language_is_kept_with_the_user(database) -> None:
    desk = s.sign_in(database, "desk.user", TEST_PASSWORD)
    assert users.own_language(database, desk) is None
    users.set_own_language(database, desk, "es")
    assert users.own_language(database, desk) == "es"
    with pytest.raises(InputError, match="en, es"):
        users.set_own_language(database, desk, "fr")


def test_the_first_administrator_is_a_clinician_only_when_chosen(empty_database_url) -> None:
    from intake_desktop.storage.database import open_database

    with open_database(empty_database_url) as db:
        actor = users.first_administrator(db, "boss", TEST_PASSWORD, clinician=True)
        assert actor.roles == {"admin", "clinician"}
        assert s.sign_in(db, "boss", TEST_PASSWORD).roles == {"admin", "clinician"}


def test_the_command_line_refuses_a_reset_password_until_it_is_changed(
    database_url, database, capsys, monkeypatch
) -> None:
    from intake_desktop.cli import main

    admin = s.sign_in(database, "admin.user", TEST_PASSWORD)
    users.reset_password(database, admin, "clin.user", "Temporary-pass-42")
    monkeypatch.setenv("INTAKE_DESKTOP_PASSWORD", "Temporary-pass-42")
    code = main(["--db", database_url, "export-case", "1", "--user", "clin.user"])
    assert code == 3 and "choose your own" in capsys.readouterr().err


def test_an_administrator_who_chose_their_own_password_after_a_reset_can_seal(database) -> None:
    """Signing in with the reset password gives no role, so it could not unlock the audit
    trail's sealing key; choosing one's own does what an administrator's sign-in does."""
    from intake_desktop.services import checkpoints

    admin = s.sign_in(database, "admin.user", TEST_PASSWORD)
    users.reset_password(database, admin, "tester", "Temporary-pass-42")
    reset = s.sign_in(database, "tester", "Temporary-pass-42")
    assert reset.roles == frozenset() and checkpoints.unlocked_key(database, reset) is None
    own = users.change_own_password(database, reset, "Temporary-pass-42", "Brand-new-secret-9")
    assert "admin" in own.roles
    assert checkpoints.unlocked_key(database, own) is not None


def test_a_user_deactivated_before_choosing_their_own_password_gets_no_role(database) -> None:
    admin = s.sign_in(database, "admin.user", TEST_PASSWORD)
    users.reset_password(database, admin, "desk.user", "Temporary-pass-42")
    desk = s.sign_in(database, "desk.user", "Temporary-pass-42")
    users.set_active(database, admin, "desk.user", False)
    with pytest.raises(PermissionDenied, match="deactivated"):
        users.change_own_password(database, desk, "Temporary-pass-42", "Brand-new-secret-9")
