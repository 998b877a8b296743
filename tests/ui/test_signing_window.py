"""Signing and amending in the real visit window (issue 13, items 2, 6 and 7)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton

from intake_desktop import services
from intake_desktop.domain.engine import RULES_VERSION
from intake_desktop.domain.signing import NEURO_ITEMS
from intake_desktop.reporting import render_pdf
from intake_desktop.services import exports
from intake_desktop.services.cases import export_case
from intake_desktop.ui.amend_dialog import AmendDialog, HistoryDialog
from intake_desktop.ui.clinic import Clinic
from intake_desktop.ui.clinician_pages.exam import ExamPage
from intake_desktop.ui.code_labels import label
from intake_desktop.ui.intake_pages.red_flags import RedFlagPage
from intake_desktop.ui.main_window import MainWindow
from intake_desktop.ui.pdf_preview import PdfPreviewDialog
from intake_desktop.ui.sign_dialog import SignDialog, SignSummary
from intake_desktop.ui.theme import MIN_CONTRAST, contrast_ratio
from intake_desktop.ui.visit_window import VisitWindow
from tests.actors import TEST_PASSWORD, as_user, open_unlocked
from tests.reporting.pdfcheck import text
from tests.signing import signed_copy

from .conftest import EXAMPLES
from .helpers import answer_screen_and_skip_exam, open_visit_window, sign_through_dialog


def imported_window(qtbot, clinic, settings, name: str = "01_lumbar"):
    """An example case imported and opened as a user does (File ▸ Import), signed in as a
    real clinician so the signature's password can be checked."""
    path = next(p for p in EXAMPLES if name in p.name)
    clinic.sign_in("tester", TEST_PASSWORD)
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    window = open_visit_window(qtbot, main.import_case_path(path))
    qtbot.waitUntil(lambda: window.controller.case is not None)
    return window


def test_a_draft_saved_from_the_window_exports_as_case_fhir_and_both_pdfs(
    qtbot, clinic, settings
) -> None:
    window = imported_window(qtbot, clinic, settings)
    window.go_to_step(window.pages.index(window.page(RedFlagPage)))  # the step is saved too
    answer_screen_and_skip_exam(window)  # the screen's answers and the "not done" box
    window.save_button.click()
    qtbot.waitUntil(lambda: not window.unsaved)
    stored = clinic.get_visit(window.visit_id)
    assert stored.ui_state["red_flag_screen"]["fever"] == "no" and "step" in stored.ui_state
    assert set(stored.draft_data) <= set(window.form.case_dict())  # a case file, nothing else
    case = export_case(clinic.db, window.visit_id, actor=clinic.actor)
    assert "_ui" not in case
    bundle = exports.fhir_bundle(clinic.db, clinic.actor, window.visit_id)
    assert bundle["resourceType"] == "Bundle"
    for kind in ("patient", "clinician"):
        doc = exports.visit_document(clinic.db, clinic.actor, window.visit_id, kind=kind)
        pdf = render_pdf(kind, doc)
        assert doc.is_draft and pdf.pages >= 1 and "Riverside Spine" in text(pdf.data)


def test_the_sign_dialog_lists_what_is_missing_and_each_line_goes_to_its_field(
    qtbot, clinic, settings
) -> None:
    window = imported_window(qtbot, clinic, settings)
    window.decision_page.sign_button.click()
    dialog = window.sign_dialog
    assert isinstance(dialog, SignDialog) and not dialog.confirming
    qtbot.waitExposed(dialog)
    lines = [dialog.missing_list.item(i).text() for i in range(dialog.missing_list.count())]
    assert len(lines) == 10 + len(NEURO_ITEMS) - 1  # example 01 records leg weakness
    assert lines[0].startswith("Red-flag question not answered: ")
    assert "Exam not recorded: Romberg positive" in lines
    assert not dialog.sign_button.isVisible()  # nothing to sign with yet
    # A red-flag line: Enter on it shows the red-flag step with its switch focused.
    dialog.missing_list.setCurrentRow(7)
    qtbot.keyClick(dialog.missing_list, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    flags = window.page(RedFlagPage)
    assert window.current_step() == window.pages.index(flags)
    qtbot.waitUntil(lambda: window.focusWidget() is flags.switches["fever"])
    # An exam line through the "Go to the field" button.
    window.decision_page.sign_button.click()
    dialog = window.sign_dialog
    row = next(i for i in range(dialog.missing_list.count())
               if "Romberg" in dialog.missing_list.item(i).text())  # fmt: skip
    dialog.missing_list.setCurrentRow(row)
    dialog.go_button.click()
    assert window.current_step() == window.pages.index(window.page(ExamPage))
    romberg = window.binder.widget_for("exam.romberg_positive")
    qtbot.waitUntil(lambda: window.focusWidget() is romberg)
    assert clinic.get_visit(window.visit_id).status == "draft"


def test_signing_confirms_level_and_flags_and_asks_the_password(qtbot, clinic, settings) -> None:
    window = imported_window(qtbot, clinic, settings, "02_cauda")
    answer_screen_and_skip_exam(window)
    window.decision_page.sign_button.click()
    dialog = window.sign_dialog
    assert dialog.confirming
    assert dialog.findChild(QLabel, "signedLevel").text() == f"<b>{label('emergency')}</b>"
    flags = dialog.findChild(QLabel, "flagEmergency").text()
    assert "EMERGENCY" in flags and "Saddle" in flags
    dialog.password.setText("not my password")
    dialog.sign_button.click()
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert dialog.problem.text() == (  # said for a signature, not as a sign-in's refusal
        "Not signed: the password is wrong, or the account is locked for a while after several "
        "wrong ones."
    )
    assert dialog.password.text() == ""
    assert clinic.get_visit(window.visit_id).status == "draft"
    dialog.password.setText(TEST_PASSWORD)
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: window.read_only)
    record = clinic.get_visit(window.visit_id)
    assert record.status == "signed" and record.signature_hash
    assert not window.save_button.isVisible()  # "Save draft" is not offered on a signed visit
    assert window.amend_button.isVisible() and window.history_button.isVisible()
    assert "Signed by tester" in window.mode_note.text()


def test_the_confirmation_lists_suggested_procedures(qtbot) -> None:
    summary = SignSummary(level="interventional", recommended="interventional",
                          procedures=("epidural_steroid", "medial_branch_block"),
                          signer="dr.x — Ana Ruiz, MD")  # fmt: skip
    dialog = SignDialog([], summary)
    qtbot.addWidget(dialog)
    procedures = dialog.findChild(QLabel, "signedProcedures").text()
    assert "Epidural" in procedures and "edial branch" in procedures
    assert dialog.findChild(QLabel, "flagEmergency") is None
    cancelled = []
    dialog.rejected.connect(lambda: cancelled.append(True))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert cancelled == [True]


def test_amend_in_the_window_then_the_history_shows_what_changed(qtbot, clinic, settings) -> None:
    window = imported_window(qtbot, clinic, settings)
    answer_screen_and_skip_exam(window)
    sign_through_dialog(qtbot, window, TEST_PASSWORD)
    window.amend_button.click()
    cancelled = window.findChild(AmendDialog)
    qtbot.keyClicks(cancelled.reason_edit, "changed my mind")
    cancelled.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert window.read_only and not clinic.get_visit(window.visit_id).amending
    cancelled.deleteLater()
    qtbot.waitUntil(lambda: window.findChild(AmendDialog) is None)
    window.amend_button.click()
    amend = window.findChild(AmendDialog)
    assert amend is not None and not amend.ok_button.isEnabled()  # a reason is required
    qtbot.keyClicks(amend.reason_edit, "duration misheard at intake")
    assert amend.ok_button.isEnabled()
    amend.ok_button.click()
    qtbot.waitUntil(lambda: not window.read_only)
    assert window.save_button.isVisible() and not window.amend_button.isVisible()
    assert window.decision_page.sign_button.text() == "&Sign amendment"
    assert "duration misheard" in window.mode_note.text()
    window.form.set("history.duration_weeks", 14)
    window.summaries.patient_button.click()  # meanwhile the summary is the signed version
    assert window.status.text() == (
        "The amendment is not signed yet: the summary is the signed version."
    )
    for preview in window.findChildren(PdfPreviewDialog):
        preview.close_button.click()
    sign_through_dialog(qtbot, window, TEST_PASSWORD)
    record = clinic.get_visit(window.visit_id)
    assert (record.status, record.revision) == ("amended", 1)
    assert record.amendment_reason == "duration misheard at intake"
    doc = exports.visit_document(clinic.db, clinic.actor, window.visit_id, kind="patient")
    assert [a.reason for a in doc.amendments] == ["duration misheard at intake"]
    window.history_button.click()
    history = window.findChild(HistoryDialog)
    assert history.versions.count() == 2
    assert "Amendment 1" in history.versions.item(0).text()
    rows = [tuple(history.changes.item(r, c).text() for c in range(3))
            for r in range(history.changes.rowCount())]  # fmt: skip
    assert next(r for r in rows if r[0] == "history.duration_weeks")[2] == "14"
    history.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()
    assert not history.isVisible()


def test_a_signed_visit_reads_at_normal_contrast(qtbot, clinic, settings) -> None:
    window = imported_window(qtbot, clinic, settings)
    answer_screen_and_skip_exam(window)
    disabled = QPalette.ColorGroup.Disabled
    sign_through_dialog(qtbot, window, TEST_PASSWORD)
    assert not window.stack.isEnabled()
    exam = window.page(ExamPage)
    caption = next(w for w in exam.findChildren(QLabel) if w.text().startswith("&Gait"))
    switch = window.binder.widget_for("exam.shopping_cart_sign")  # answered "yes" in example 01
    chosen = next(b for b in switch.findChildren(QPushButton) if b.isChecked())
    fields = (caption, window.binder.widget_for("exam.temperature_c").edit, chosen)
    for widget in fields:
        p = widget.palette()
        for text_role, background in (
            (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
            (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
            (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
        ):
            ratio = contrast_ratio(p.color(disabled, text_role), p.color(disabled, background))
            assert ratio >= MIN_CONTRAST, (widget, text_role, ratio)
    # The pixels a reader sees: the darkest of the caption's text against its background.
    window.go_to_step(window.pages.index(exam))
    image = caption.grab().toImage()
    colours = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    darkest = min(colours, key=QColor.lightness)
    assert contrast_ratio(darkest, image.pixelColor(image.width() - 1, 0)) >= MIN_CONTRAST


def test_the_front_desk_reads_signed_visits_and_open_amendments(qtbot, db_url, clinic,
                                                                 settings) -> None:  # fmt: skip
    window = imported_window(qtbot, clinic, settings)
    answer_screen_and_skip_exam(window)
    sign_through_dialog(qtbot, window, TEST_PASSWORD)
    visit_id = window.visit_id
    desk = Clinic(open_unlocked(db_url), actor=as_user("desk", ["front_desk"]))
    try:
        signed = desk.get_visit(visit_id)
        patient = desk.get_patient(signed.patient_id)
        seen = open_visit_window(qtbot, VisitWindow(desk, patient, signed, settings=settings))
        assert seen.read_only and not seen.save_button.isVisible()
        assert not seen.amend_button.isEnabled()
        assert seen.amend_button.toolTip() == "Needs the clinician role."
        seen.close()
        clinic.open_amendment(visit_id, clinic.get_visit(visit_id).version, "typo")
        amending = desk.get_visit(visit_id)
        seen = open_visit_window(qtbot, VisitWindow(desk, patient, amending, settings=settings))
        assert seen.session.mode == "amending" and seen.read_only  # clinicians amend
        assert not seen.save_draft() or seen.visit_id == visit_id  # never a copy as a new draft
        # Listed as open work: the amendment itself, never a copy as a new draft.
        assert [(d.id, d.amending) for d in desk.list_drafts()] == [(visit_id, True)]
        seen.close()
    finally:
        desk.close()


def test_a_signed_visit_shows_the_plan_it_was_signed_with_until_amended(
    qtbot, clinic, settings
) -> None:
    """A visit signed under an earlier rule set reopens with that plan, not today's rules;
    opening an amendment judges the case again under the current rules."""
    window = imported_window(qtbot, clinic, settings)
    answer_screen_and_skip_exam(window)
    sign_through_dialog(qtbot, window, TEST_PASSWORD)
    visit_id = window.visit_id
    assert window.plan_panel.plan.rules_version == RULES_VERSION
    window.close()
    # The same visit as if it had been signed last month, under rules 2026.11.1.
    stored = clinic.get_visit(visit_id).plan
    old = {k: v for k, v in stored.items() if k not in ("messages", "procedures")}
    old["rules_version"] = "2026.11.1"
    old["rules_fired"] = [{"id": "R4.stable", "reason": "stable on conservative care"}]
    visit_id = signed_copy(clinic.db, visit_id, plan=old)
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    reopened = open_visit_window(qtbot, main.open_visit(visit_id))
    qtbot.waitUntil(lambda: reopened.plan_panel.plan is not None)
    assert reopened.plan_panel.plan.rules_version == "2026.11.1"
    assert "stable on conservative care" in reopened.plan_panel.details.text()
    assert "2026.11.1" in reopened.plan_panel.details.text()
    reopened.amend_button.click()
    amend = reopened.findChild(AmendDialog)
    qtbot.keyClicks(amend.reason_edit, "walking distance corrected")
    amend.ok_button.click()
    qtbot.waitUntil(lambda: not reopened.read_only)
    qtbot.waitUntil(lambda: reopened.plan_panel.plan.rules_version == RULES_VERSION)


def test_the_signed_visit_names_its_signer_by_full_name_and_credentials(
    qtbot, clinic, settings
) -> None:
    admin = services.sign_in(clinic.db, "admin.user", TEST_PASSWORD)
    services.add_user(clinic.db, admin, "dr.ruiz", TEST_PASSWORD, ["clinician", "front_desk"],
                      full_name="Ana Ruiz", credentials="MD")  # fmt: skip
    clinic.sign_in("dr.ruiz", TEST_PASSWORD)
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    path = next(p for p in EXAMPLES if "01_lumbar" in p.name)
    window = open_visit_window(qtbot, main.import_case_path(path))
    qtbot.waitUntil(lambda: window.controller.case is not None)
    answer_screen_and_skip_exam(window)
    sign_through_dialog(qtbot, window, TEST_PASSWORD)
    assert "Signed by dr.ruiz — Ana Ruiz, MD" in window.mode_note.text()


def test_the_amendment_reason_takes_new_lines_and_ctrl_enter_amends(qtbot) -> None:
    amend = AmendDialog()
    qtbot.addWidget(amend)
    amend.show()
    accepted: list[bool] = []
    amend.accepted.connect(lambda: accepted.append(True))
    qtbot.keyClick(amend.reason_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert accepted == []  # no reason yet: nothing to amend
    qtbot.keyClicks(amend.reason_edit, "exam re-read")
    qtbot.keyClick(amend.reason_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(amend.reason_edit, "by the clinician")
    assert accepted == [] and amend.reason() == "exam re-read\nby the clinician"
    qtbot.keyClick(amend.reason_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert accepted == [True]
