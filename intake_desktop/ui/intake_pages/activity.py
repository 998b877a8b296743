"""Intake step 2: what makes it worse or better, how far and how long, how much it hurts."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from intake_desktop.domain.codes import Aggravator, Reliever

from ..binding import Binder, add_field
from ..form_model import FormModel
from ..literal_codes import codes_of
from ..step_page import StepPage
from ..widgets.choice import CheckGroup
from ..widgets.number_field import NumberField
from ..widgets.tri_state import TriStateSwitch

RELIEVER_LABELS = {
    "stopping_while_standing": QT_TRANSLATE_NOOP("codes", "Stopping, while still standing")
}


class ActivityPage(StepPage):
    title = QT_TRANSLATE_NOOP("ActivityPage", "Walking and pain")

    def __init__(self, form: FormModel, binder: Binder, parent: QWidget | None = None) -> None:
        super().__init__(form, binder, parent)
        self.heading(self.tr("Walking, standing and pain"))
        f = self.group(self.tr("Worse and better"))
        add_field(binder, f, self.tr("&Worse with:"), "history.worse_with",
                  CheckGroup(codes_of(Aggravator), columns=3))  # fmt: skip
        add_field(binder, f, self.tr("&Eased by:"), "history.eased_by",
                  CheckGroup(codes_of(Reliever), RELIEVER_LABELS, columns=2))  # fmt: skip
        add_field(binder, f, self.tr("Time to &relief on sitting:"),
                  "history.seconds_to_relief_on_sitting",
                  NumberField(0, 86400, self.tr("seconds")))  # fmt: skip
        add_field(binder, f, self.tr("Walks farther leaning on a &cart:"),
                  "history.shopping_cart_sign",
                  TriStateSwitch(),
                  self.tr("As the patient reports it: leaning on a shopping cart lets them "
                          "walk farther."))  # fmt: skip

        f = self.group(self.tr("How far and how long"))
        add_field(binder, f, self.tr("Painless walking &distance:"),
                  "history.painless_walking_distance_m",
                  NumberField(0, 100000, self.tr("m")))  # fmt: skip
        add_field(binder, f, self.tr("&Standing tolerance:"), "history.standing_tolerance_min",
                  NumberField(0, 1440, self.tr("min")))  # fmt: skip

        f = self.group(self.tr("Pain, worst in the last week (0 = none, 10 = worst)"))
        for text, site in (
            (self.tr("&Back:"), "back"),
            (self.tr("&Leg:"), "leg"),
            (self.tr("&Neck:"), "neck"),
            (self.tr("&Arm:"), "arm"),
        ):
            add_field(binder, f, text, f"history.pain_nrs.{site}",
                      NumberField(0, 10, self.tr("of 10"), integer=True))  # fmt: skip
        self.layout_.addStretch(1)
