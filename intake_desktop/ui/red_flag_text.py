"""What the red-flag banner and screen say: level names and what to do, in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from intake_desktop.domain.codes import RED_FLAG_LEVELS


def tr(text: str) -> str:
    return QCoreApplication.translate("RedFlags", text)


def level_heading(level: str) -> str:
    if level == "emergency":
        return QCoreApplication.translate(
            "RedFlags", "EMERGENCY: send to the emergency department now"
        )
    return QCoreApplication.translate(
        "RedFlags", "SAME-DAY EVALUATION: the patient must be seen today"
    )


def level_action(level: str) -> str:
    if level == "emergency":
        return QCoreApplication.translate(
            "RedFlags",
            "Do not send the patient home. Tell the clinician at once and arrange transfer "
            "to the emergency department; an urgent MRI is needed.",
        )
    return QCoreApplication.translate(
        "RedFlags",
        "Tell the clinician now. The patient needs a same-day evaluation and an urgent MRI; "
        "do not book a routine appointment.",
    )


def flag_level_text(code: str) -> str:
    return (
        QCoreApplication.translate("RedFlags", "Emergency")
        if RED_FLAG_LEVELS[code] == "emergency"
        else QCoreApplication.translate("RedFlags", "Same day")
    )
