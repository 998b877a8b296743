"""The live plan: level, why, work-up, scores and alternatives, as the findings change.

It only renders a :class:`~intake_desktop.domain.plan.Plan`. While the form has errors the last
valid plan stays on screen, greyed, with a note saying which fields to fix. The plan's sentences
(rule reasons, their findings, warnings, score lines) come from the domain as message keys and
values and are put in words by the message catalogue in the interface's language.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from intake_desktop.catalogue.messages import render, score_lines
from intake_desktop.domain.plan import Plan
from intake_desktop.domain.validation import FieldError
from intake_desktop.ui.code_labels import label, message_language, procedure_label

LEVEL_STYLE = {
    # Background, text: chosen for contrast on both palettes (all >= 4.5:1).
    "conservative": ("#1b5e20", "#ffffff"),
    "interventional": ("#0d47a1", "#ffffff"),
    "minimally_invasive": ("#4a148c", "#ffffff"),
    "surgical": ("#e65100", "#000000"),
    "urgent": ("#a4161a", "#ffffff"),
    "emergency": ("#a4161a", "#ffffff"),
}

#: The headings of the plan details (translated with ``self.tr`` where the HTML is built).
DETAIL_HEADINGS = (
    QT_TRANSLATE_NOOP("PlanPanel", "Pattern"),
    QT_TRANSLATE_NOOP("PlanPanel", "Region"),
    QT_TRANSLATE_NOOP("PlanPanel", "Red flags"),
    QT_TRANSLATE_NOOP("PlanPanel", "Why"),
    QT_TRANSLATE_NOOP("PlanPanel", "Work-up"),
    QT_TRANSLATE_NOOP("PlanPanel", "Procedures"),
    QT_TRANSLATE_NOOP("PlanPanel", "Escalation signs"),
    QT_TRANSLATE_NOOP("PlanPanel", "Alternatives"),
    QT_TRANSLATE_NOOP("PlanPanel", "Warnings"),
    QT_TRANSLATE_NOOP("PlanPanel", "Scores"),
    QT_TRANSLATE_NOOP("PlanPanel", "Rules"),
)


def _items(values: Any, fmt: Any = label) -> str:
    values = list(values)
    if not values:
        none = QCoreApplication.translate("PlanPanel", "none")
        return f"<i>{escape(none)}</i>"
    return "<ul style='margin:0'>" + "".join(f"<li>{escape(fmt(v))}</li>" for v in values) + "</ul>"


class PlanPanel(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Plan"))
        body = QWidget(self)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(8, 8, 8, 8)
        title = QLabel(self.tr("Plan"), body)
        title.setObjectName("pageHeading")
        lay.addWidget(title)
        self.stale = QLabel(body)
        self.stale.setObjectName("planStale")
        self.stale.setWordWrap(True)
        self.stale.setVisible(False)
        lay.addWidget(self.stale)
        self.level = QLabel(self.tr("No plan yet"), body)
        self.level.setObjectName("planLevel")
        self.level.setWordWrap(True)
        self.level.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.level.setAccessibleName(self.tr("Recommended level of care"))
        lay.addWidget(self.level)
        self.details = QLabel(body)
        self.details.setObjectName("planDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        selectable = Qt.TextInteractionFlag.TextSelectableByMouse
        self.details.setTextInteractionFlags(
            selectable | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.details.setAccessibleName(self.tr("Plan details"))
        lay.addWidget(self.details)
        lay.addStretch(1)
        self.setWidget(body)
        self.plan: Plan | None = None
        self.setMinimumWidth(260)

    @property
    def is_stale(self) -> bool:
        return self.stale.isVisible()

    def show_plan(self, plan: Plan) -> None:
        self.plan = plan
        self.stale.setVisible(False)
        self.widget().setEnabled(True)
        bg, fg = LEVEL_STYLE.get(plan.level, ("#444444", "#ffffff"))
        self.level.setStyleSheet(
            f"background:{bg}; color:{fg}; font-weight:bold; font-size:15pt;"
            "padding:8px; border-radius:4px;"
        )
        self.level.setText(label(plan.level))
        self.level.setAccessibleDescription(plan.level)
        self.details.setText(self._details_html(plan))

    def show_errors(self, errors: list[FieldError]) -> None:
        head = self.tr(
            "Not up to date: %d field(s) need attention. The last valid plan is shown greyed."
        ) % len(errors)
        lines = "".join(f"<li>{escape(str(e))}</li>" for e in errors[:8])
        self.stale.setText(f"<b>{escape(head)}</b><ul style='margin:0'>{lines}</ul>")
        self.stale.setVisible(True)
        self.level.setEnabled(False)
        self.details.setEnabled(False)

    def _details_html(self, plan: Plan) -> str:
        self.level.setEnabled(True)
        self.details.setEnabled(True)
        lang = message_language()

        def say(text: str) -> str:
            return render(text, lang)

        why = "".join(
            f"<li><b>{escape(say(r.reason))}</b>"
            + (
                f"<br/><small>{escape('; '.join(say(f) for f in r.findings))}</small>"
                if r.findings
                else ""
            )
            + "</li>"
            for r in plan.rules_fired
        )
        parts = [
            f"<p><b>{self.tr('Pattern')}:</b> {escape(label(plan.pattern))}<br/>"
            f"<b>{self.tr('Region')}:</b> {escape(label(plan.region))}</p>",
        ]
        if plan.red_flags:
            parts.append(f"<h4>{self.tr('Red flags')}</h4>"
                         + _items(plan.red_flags, lambda rf: label(rf.code)))  # fmt: skip
        parts.append(f"<h4>{self.tr('Why')}</h4><ul style='margin:0'>{why}</ul>")
        parts.append(f"<h4>{self.tr('Work-up')}</h4>" + _items(plan.workup))
        if plan.procedures:  # in the plan's order of preference (block 8)
            parts.append(
                f"<h4>{self.tr('Procedures')}</h4>" + _items(plan.procedures, procedure_label)
            )
        if plan.escalation_signs:
            parts.append(f"<h4>{self.tr('Escalation signs')}</h4>" + _items(plan.escalation_signs))
        if plan.alternatives:
            parts.append(f"<h4>{self.tr('Alternatives')}</h4>" + _items(plan.alternatives))
        if plan.warnings:
            parts.append(f"<h4>{self.tr('Warnings')}</h4>" + _items(plan.warnings, say))
        scores = score_lines(plan.scores, lang)
        parts.append(f"<h4>{self.tr('Scores')}</h4>" + _items(scores, str))
        parts.append(f"<p><small>{self.tr('Rules')} {escape(plan.rules_version)}</small></p>")
        return "".join(parts)
