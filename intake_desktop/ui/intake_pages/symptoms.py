"""Intake step 1: where it hurts and what it feels like."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QWidget

from intake_desktop.domain.codes import Onset, Sensation, SymptomSite

from ..binding import Binder, add_field
from ..form_model import FormModel
from ..literal_codes import codes_of
from ..step_page import StepPage
from ..widgets.body_map import BodyMap
from ..widgets.choice import CheckGroup, ChoiceCombo
from ..widgets.number_field import NumberField
from ..widgets.tri_state import TriStateSwitch


class SymptomsPage(StepPage):
    title = QT_TRANSLATE_NOOP("SymptomsPage", "Symptoms")

    def __init__(self, form: FormModel, binder: Binder, parent: QWidget | None = None) -> None:
        super().__init__(form, binder, parent)
        self.heading(
            self.tr("Symptoms"),
            self.tr("Mark every place the patient feels symptoms, on the list or on the body map."),
        )
        sites_box = QGroupBox(self.tr("Symptom sites"), self)
        row = QHBoxLayout(sites_box)
        sites_form = QFormLayout()
        self.sites = add_field(
            binder, sites_form, self.tr("&Sites:"), "history.symptom_sites",
            CheckGroup(codes_of(SymptomSite), columns=2),
        )  # fmt: skip
        row.addLayout(sites_form, 1)
        self.body_map = binder.bind("history.symptom_sites", BodyMap(sites_box))
        self.body_map.setAccessibleName(self.tr("Body map of symptom sites"))
        row.addWidget(self.body_map, 1)
        self.layout_.addWidget(sites_box)
        # The map and the list show one field: a change in one must redraw the other.
        form.changed.connect(self._on_form_changed)

        f = self.group(self.tr("Course"))
        add_field(binder, f, self.tr("Both sides (&bilateral):"), "history.bilateral",
                  TriStateSwitch())  # fmt: skip
        add_field(binder, f, self.tr("&Leg pain worse than back pain:"),
                  "history.leg_pain_exceeds_back_pain", TriStateSwitch())  # fmt: skip
        add_field(binder, f, self.tr("&Onset:"), "history.onset", ChoiceCombo(codes_of(Onset)))
        add_field(binder, f, self.tr("Began after lifting or &twisting:"),
                  "history.onset_after_lifting_or_twisting", TriStateSwitch())  # fmt: skip
        add_field(binder, f, self.tr("&Duration:"), "history.duration_weeks",
                  NumberField(0, 5200, self.tr("weeks")))  # fmt: skip

        f = self.group(self.tr("What it feels like"))
        add_field(binder, f, self.tr("S&ensations:"), "history.sensations",
                  CheckGroup(codes_of(Sensation), columns=4))  # fmt: skip
        add_field(binder, f, self.tr("&Hands clumsy:"), "history.hand_clumsiness",
                  TriStateSwitch())  # fmt: skip
        add_field(binder, f, self.tr("Balance p&roblems:"), "history.balance_problems",
                  TriStateSwitch())  # fmt: skip
        add_field(binder, f, self.tr("&Arm symptoms:"), "history.arm_symptoms", TriStateSwitch())
        add_field(binder, f, self.tr("Slee&p disrupted:"), "history.sleep_disrupted",
                  TriStateSwitch())  # fmt: skip
        self.layout_.addStretch(1)

    def _on_form_changed(self, path: str) -> None:
        if path == "history.symptom_sites":
            self.binder.refresh_path(path)
