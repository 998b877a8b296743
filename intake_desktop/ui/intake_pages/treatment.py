"""Intake step 4: other conditions, treatment so far, and how daily function is going."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from intake_desktop.domain.codes import Comorbidity, HomeBenefit, Trend

from ..binding import Binder, add_field
from ..form_model import FormModel
from ..literal_codes import codes_of
from ..step_page import StepPage
from ..widgets.choice import CheckGroup, ChoiceCombo
from ..widgets.injections import InjectionsEditor
from ..widgets.number_field import NumberField
from ..widgets.tri_state import TriStateSwitch

COMORBIDITY_LABELS = {
    "mri_contraindicated": QT_TRANSLATE_NOOP("codes", "MRI not possible (e.g. pacemaker)")
}


class TreatmentPage(StepPage):
    title = QT_TRANSLATE_NOOP("TreatmentPage", "Treatment so far")

    def __init__(self, form: FormModel, binder: Binder, parent: QWidget | None = None) -> None:
        super().__init__(form, binder, parent)
        self.heading(self.tr("Other conditions and treatment so far"))
        f = self.group(self.tr("Other conditions"))
        add_field(binder, f, self.tr("&Conditions:"), "comorbidities",
                  CheckGroup(codes_of(Comorbidity), COMORBIDITY_LABELS, columns=3))  # fmt: skip

        f = self.group(self.tr("Treatment"))
        add_field(binder, f, self.tr("Structured c&onservative care:"),
                  "treatment.conservative_care_weeks",
                  NumberField(0, 5200, self.tr("weeks")))  # fmt: skip
        add_field(binder, f, self.tr("&Physical therapy:"), "treatment.physical_therapy_weeks",
                  NumberField(0, 5200, self.tr("weeks")))  # fmt: skip
        add_field(binder, f, self.tr("&Injections:"), "treatment.injections", InjectionsEditor())
        add_field(binder, f, self.tr("&Medication use is:"), "treatment.medication_trend",
                  ChoiceCombo(codes_of(Trend)))  # fmt: skip
        add_field(binder, f, self.tr("&Activity is:"), "treatment.activity_trend",
                  ChoiceCombo(codes_of(Trend)))  # fmt: skip
        add_field(binder, f, self.tr("Takes opioi&ds:"), "treatment.opioid_use", TriStateSwitch())
        add_field(binder, f, self.tr("&Home measures help:"), "treatment.home_measures_benefit",
                  ChoiceCombo(codes_of(HomeBenefit)))  # fmt: skip

        f = self.group(self.tr("Daily function"))
        add_field(binder, f, self.tr("&Walking distance shrinking:"),
                  "function.walking_distance_shrinking", TriStateSwitch())  # fmt: skip
        add_field(binder, f, self.tr("&Sitting breaks increasing:"),
                  "function.sitting_breaks_increasing", TriStateSwitch())  # fmt: skip
        add_field(binder, f, self.tr("Acti&vities given up:"), "function.activities_given_up",
                  TriStateSwitch())  # fmt: skip
        add_field(binder, f, self.tr("&Flares increasing:"), "function.flares_increasing",
                  TriStateSwitch())  # fmt: skip
        add_field(binder, f, self.tr("Painless walking distance at the p&revious visit:"),
                  "function.previous_painless_walking_distance_m",
                  NumberField(0, 100000, self.tr("m")))  # fmt: skip
        self.layout_.addStretch(1)
