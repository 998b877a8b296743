"""Clinician step: the examination (CLINICAL_CONTENT.md section 8)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget

from intake_desktop.domain.codes import LegWeakness, PedalPulses

from ..binding import Binder, add_field
from ..form_model import FormModel
from ..literal_codes import codes_of
from ..step_page import StepPage
from ..widgets.choice import ChoiceCombo
from ..widgets.number_field import NumberField
from ..widgets.tri_state import TriStateSwitch
from .not_examined import NotExaminedBox

#: Page width (logical pixels) from which the exam groups sit in two columns.
TWO_COLUMNS_FROM = 980


def _tri() -> TriStateSwitch:
    return TriStateSwitch(unset_text=QCoreApplication.translate("ExamPage", "Not examined"))


class ExamPage(StepPage):
    title = QT_TRANSLATE_NOOP("ExamPage", "Examination")

    def __init__(self, form: FormModel, binder: Binder, parent: QWidget | None = None) -> None:
        super().__init__(form, binder, parent)
        self.heading(self.tr("Examination"),
                     self.tr("Y / N answers a finding; leave 'Not examined' when it was not "
                             "tested. A foot drop, reduced saddle sensation or a temperature "
                             "over 38 °C raises a red flag."))  # fmt: skip
        columns = QGridLayout()
        self.columns = columns
        self.boxes: list[QWidget] = []
        self.layout_.addLayout(columns)
        self.not_examined = NotExaminedBox(form, self)
        self.layout_.addWidget(self.not_examined)
        self.layout_.addStretch(1)

        f = self.group(self.tr("Walking and posture"), add=False)
        self.boxes.append(f.parentWidget())
        add_field(binder, f, self.tr("Shopping-cart sign (&observed):"), "exam.shopping_cart_sign",
                  _tri())  # fmt: skip
        add_field(binder, f, self.tr("&Flexion relieves:"), "exam.flexion_relief", _tri())
        add_field(binder, f, self.tr("E&xtension provokes:"), "exam.extension_provokes", _tri())
        add_field(binder, f, self.tr("Walking test &distance:"), "exam.walking_test_distance_m",
                  NumberField(0, 100000, self.tr("m")))  # fmt: skip
        add_field(binder, f, self.tr("Minutes to symptom o&nset:"),
                  "exam.walking_test_minutes_to_onset",
                  NumberField(0, 600, self.tr("min")))  # fmt: skip
        add_field(binder, f, self.tr("&Gait unsteady:"), "exam.gait_unsteady", _tri())
        add_field(binder, f, self.tr("&Romberg positive:"), "exam.romberg_positive", _tri())

        f = self.group(self.tr("Strength, sensation, reflexes"), add=False)
        self.boxes.append(f.parentWidget())
        add_field(binder, f, self.tr("&Leg weakness:"), "exam.leg_weakness",
                  ChoiceCombo(codes_of(LegWeakness)))  # fmt: skip
        add_field(binder, f, self.tr("Foot dro&p:"), "exam.foot_drop", _tri(),
                  self.tr("Cannot lift the foot (ankle dorsiflexion). A red flag."))  # fmt: skip
        add_field(
            binder,
            f,
            self.tr("&Saddle sensation reduced:"),
            "exam.saddle_sensation_reduced",
            _tri(),
            self.tr("Reduced sensation of groin, buttocks, perineum. A red flag."),
        )
        add_field(binder, f, self.tr("&Achilles reflex abnormal:"), "exam.achilles_reflex_abnormal",
                  _tri())  # fmt: skip
        add_field(binder, f, self.tr("S&traight-leg raise positive:"),
                  "exam.straight_leg_raise_positive", _tri())  # fmt: skip

        f = self.group(self.tr("Cord signs (cervical)"), add=False)
        self.boxes.append(f.parentWidget())
        add_field(binder, f, self.tr("&Hoffmann sign:"), "exam.hoffmann_sign", _tri())
        add_field(
            binder, f, self.tr("Hand dexterity red&uced:"), "exam.hand_dexterity_reduced", _tri()
        )

        f = self.group(self.tr("Circulation and temperature"), add=False)
        self.boxes.append(f.parentWidget())
        add_field(binder, f, self.tr("P&edal pulses:"), "exam.pedal_pulses",
                  ChoiceCombo(codes_of(PedalPulses)))  # fmt: skip
        add_field(binder, f, self.tr("Ankle-&brachial index:"), "exam.ankle_brachial_index",
                  NumberField(0.1, 2.5))  # fmt: skip
        add_field(binder, f, self.tr("Te&mperature:"), "exam.temperature_c",
                  NumberField(30, 45, "°C"))  # fmt: skip
        self._flow(1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Two columns of findings when there is room, one when there is not."""
        super().resizeEvent(event)
        self._flow(2 if event.size().width() >= TWO_COLUMNS_FROM else 1)

    def _flow(self, n: int) -> None:
        if getattr(self, "_n_columns", 0) == n:
            return
        self._n_columns = n
        for box in self.boxes:
            self.columns.removeWidget(box)
        for i, box in enumerate(self.boxes):
            self.columns.addWidget(box, i // n, i % n)
