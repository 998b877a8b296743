"""Clinician step: imaging findings. The first cause listed is the main cause."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from intake_desktop.domain.codes import ImagingCause, Modality

from ..binding import Binder, add_field
from ..form_model import FormModel
from ..literal_codes import codes_of
from ..step_page import StepPage
from ..widgets.choice import CheckGroup, ChoiceCombo
from ..widgets.number_field import NumberField
from ..widgets.tri_state import TriStateSwitch


class TextField(QLineEdit):
    """Free text kept as typed (a date, for instance); empty means not recorded."""

    value_changed = Signal(object)

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.textEdited.connect(self._on_text_edited)

    def value(self) -> str | None:
        return self.text().strip() or None

    def set_value(self, value: object) -> None:
        text = "" if value is None else str(value)
        if text != self.text():
            self.setText(text)

    def _on_text_edited(self, _text: str) -> None:
        self.value_changed.emit(self.value())


class LevelsField(TextField):
    """Spinal levels typed as a list, ``L4-L5, L5-S1`` (case and spaces forgiven)."""

    def value(self) -> list[str] | None:  # type: ignore[override]
        parts = [p.strip().upper().replace("–", "-") for p in re.split(r"[,;\s]+", self.text())]
        return [p for p in parts if p] or None

    def set_value(self, value: object) -> None:
        items = value if isinstance(value, list | tuple) else []
        text = ", ".join(str(v) for v in items)
        if [p.strip().upper() for p in re.split(r"[,;\s]+", self.text()) if p.strip()] != [
            str(v) for v in items
        ]:
            self.setText(text)


class CausesField(QWidget):
    """Main cause (a combo) plus other causes (checkboxes): the case's ordered ``causes``."""

    value_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QFormLayout

        super().__init__(parent)
        codes = codes_of(ImagingCause)
        lay = QFormLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.main = ChoiceCombo(codes, parent=self)
        self.main.setAccessibleName(self.tr("Main cause of narrowing"))
        self.others = CheckGroup(codes, parent=self, columns=2)
        self.others.setAccessibleName(self.tr("Other causes"))
        lay.addRow(self.tr("Main:"), self.main)
        lay.addRow(self.tr("Also:"), self.others)
        self.main.value_changed.connect(self._on_part_changed)
        self.others.value_changed.connect(self._on_part_changed)
        self.setFocusProxy(self.main)

    def value(self) -> list[str] | None:
        main = self.main.value()
        rest = [c for c in self.others.value() if c != main]
        return ([main] if main else []) + rest or None

    def set_value(self, value: object) -> None:
        items = list(value) if isinstance(value, list | tuple) else []
        self.main.blockSignals(True)
        self.main.set_value(items[0] if items else None)
        self.main.blockSignals(False)
        self.others.set_value(items[1:])

    def _on_part_changed(self, _value: object) -> None:
        self.value_changed.emit(self.value())


class ImagingPage(StepPage):
    title = QT_TRANSLATE_NOOP("ImagingPage", "Imaging")

    def __init__(self, form: FormModel, binder: Binder, parent: QWidget | None = None) -> None:
        super().__init__(form, binder, parent)
        self.heading(self.tr("Imaging"), self.tr("Leave empty when there is no imaging yet."))
        f = self.group(self.tr("Study"))
        add_field(
            binder, f, self.tr("&Modality:"), "imaging.modality", ChoiceCombo(codes_of(Modality))
        )
        add_field(binder, f, self.tr("&Date:"), "imaging.date", TextField(self.tr("YYYY-MM-DD")))
        add_field(binder, f, self.tr("Stenotic &levels:"), "imaging.levels",
                  LevelsField(self.tr("e.g. L4-L5, L5-S1")))  # fmt: skip
        f = self.group(self.tr("Findings"))
        add_field(binder, f, self.tr("&Causes of narrowing:"), "imaging.causes", CausesField())
        add_field(binder, f, self.tr("Smallest canal &area:"), "imaging.canal_area_mm2",
                  NumberField(0, 500, "mm²"))  # fmt: skip
        add_field(binder, f, self.tr("&Instability on flexion-extension:"),
                  "imaging.instability_on_flexion_extension",
                  TriStateSwitch(unset_text=self.tr("Not known")))  # fmt: skip
        self.layout_.addStretch(1)
