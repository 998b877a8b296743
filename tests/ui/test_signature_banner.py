"""A signed visit changed outside the program (issue 17): the visit window shows the red
"signature does not match" banner, and its summaries are refused with a message, not printed."""

from __future__ import annotations

from sqlalchemy import select, text

from intake_desktop.storage.models import AuditEntry
from intake_desktop.ui.main_window import MainWindow
from tests.actors import TEST_PASSWORD

from .conftest import EXAMPLES
from .helpers import (
    ModalWatch,
    answer_screen_and_skip_exam,
    open_visit_window,
    sign_through_dialog,
)


def _signed_visit(qtbot, clinic, settings) -> tuple[MainWindow, int]:
    path = next(p for p in EXAMPLES if "01_lumbar" in p.name)
    clinic.sign_in("tester", TEST_PASSWORD)
    main = MainWindow(clinic, settings)
    qtbot.addWidget(main)
    window = open_visit_window(qtbot, main.import_case_path(path))
    qtbot.waitUntil(lambda: window.controller.case is not None)
    answer_screen_and_skip_exam(window)
    sign_through_dialog(qtbot, window, TEST_PASSWORD)
    assert not window.signature_banner.isVisible()  # signed just now: it matches
    visit_id = window.visit_id
    window.close()
    return main, visit_id


def test_a_tampered_visit_shows_the_banner_and_prints_nothing(qtbot, clinic, settings) -> None:
    main, visit_id = _signed_visit(qtbot, clinic, settings)
    with clinic.db.engine.begin() as conn:  # someone with the file, behind the program's back
        conn.execute(text("DROP TRIGGER visits_signed_no_update"))
        conn.execute(text("UPDATE visits SET final_level = 'surgical', override_reason = 'x' "
                          "WHERE id = :id"), {"id": visit_id})  # fmt: skip
    window = open_visit_window(qtbot, main.open_visit(visit_id))
    banner = window.signature_banner
    qtbot.waitUntil(banner.isVisible)
    assert "SIGNATURE DOES NOT MATCH" in banner.heading.text()
    assert "changed outside the program" in banner.detail.text()
    assert banner.accessibleName() == "Signature does not match"
    assert "cannot be printed" in banner.accessibleDescription()
    assert "#8b0000" in banner.styleSheet()  # the colour, besides the words
    with ModalWatch() as watch:
        window.summaries.patient_button.click()
        qtbot.waitUntil(lambda: len(watch.seen) >= 1)
        window.summaries.clinician_preview.trigger()
        qtbot.waitUntil(lambda: len(watch.seen) >= 2)
        window.export_button.click()  # the case file is refused the same way
        qtbot.waitUntil(lambda: len(watch.seen) >= 3)
    assert all(
        seen.startswith("QMessageBox: ") and "signature does not match" in seen
        for seen in watch.seen
    ), watch.seen
    assert "signature does not match" in window.status.text()
    with clinic.db.session() as session:
        refused = session.scalars(
            select(AuditEntry.action).where(
                AuditEntry.visit_id == visit_id, AuditEntry.outcome == "refused"
            )
        ).all()
    assert refused == ["summary.print_patient", "summary.print_clinician", "case.export"]


def test_an_untouched_signed_visit_shows_no_banner(qtbot, clinic, settings) -> None:
    main, visit_id = _signed_visit(qtbot, clinic, settings)
    window = open_visit_window(qtbot, main.open_visit(visit_id))
    qtbot.wait(50)
    assert not window.signature_banner.isVisible()
    assert window.signature_banner.problem is None
