"""The signing and amending dialogs in Spanish: no visible English left."""

from __future__ import annotations

from datetime import UTC, datetime

from intake_desktop.domain.case_diff import FieldChange
from intake_desktop.domain.signing import MissingItem
from intake_desktop.services.records import VisitVersionRecord
from intake_desktop.ui.amend_dialog import AmendDialog, HistoryDialog
from intake_desktop.ui.draft_session import VersionEntry
from intake_desktop.ui.sign_dialog import SignDialog, SignSummary

from .test_translation import ALLOWED, _texts, spanish  # noqa: F401 (the fixture)

WHEN = datetime(2026, 12, 1, 10, 30, tzinfo=UTC)


def _version(revision: int, reason: str | None) -> VisitVersionRecord:
    return VisitVersionRecord(
        visit_id=1, revision=revision, visit_date=WHEN.date(), case_data={}, plan={},
        rules_version="2026.12", computed_level="conservative", final_level="conservative",
        override_reason=None, chosen_procedure=None, signed_at=WHEN, signed_by="dr.x",
        amendment_reason=reason, superseded_at=None, superseded_by=None,
    )  # fmt: skip


def _screens(qtbot) -> dict[str, set[str]]:
    missing = [MissingItem("red_flag_screen.fever", "not answered"),
               MissingItem("exam.romberg_positive", "not recorded"),
               MissingItem("exam.not_examined_reason", "is required"),
               MissingItem("override_reason", "is required")]  # fmt: skip
    summary = SignSummary(level="surgical", recommended="conservative", override_reason="Ana Test",
                          red_flags=("fever",), procedures=("epidural_steroid",), signer="dr.x",
                          amendment_reason="Ana Test")  # fmt: skip
    history = [VersionEntry(_version(0, None), ()),
               VersionEntry(_version(1, "Ana Test"),
                            (FieldChange("history.duration_weeks", 6, 8),))]  # fmt: skip
    screens = {}
    dialogs = (("missing", SignDialog(missing, summary)), ("confirm", SignDialog([], summary)),
               ("amend", AmendDialog()), ("history", HistoryDialog(history)))  # fmt: skip
    for name, dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        screens[name] = _texts(dialog)
        dialog.reject()
    return screens


def test_signing_dialogs_are_all_spanish(qtbot, request) -> None:
    english = _screens(qtbot)
    request.getfixturevalue("spanish")
    spanish_texts = _screens(qtbot)
    allowed = ALLOWED | {"dr.x", "history.duration_weeks", "6", "8", "Ana Test"}
    for name, texts in spanish_texts.items():
        same = {t for t in texts & english[name] if t not in allowed}
        assert not same, (name, same)


def test_the_version_history_writes_numbers_the_interface_s_way(request) -> None:
    from intake_desktop.ui.amend_dialog import shown

    request.getfixturevalue("spanish")
    assert shown(0.85) == "0,85" and shown(300.0) == "300" and shown(True) == "sí"
