"""The administrator's Settings window: the clinic's details every workstation shares.

One row per declared setting (:data:`~intake_desktop.services.clinic_settings.SETTINGS`), so a
new setting needs no new widget code. The window sends only what changed; the services check
every value and refuse a bad one naming its field, which the window then selects.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from intake_desktop.services.clinic_settings import LOGO, SETTINGS, Setting
from intake_desktop.services.errors import InputError, ServiceError

from .theme import style

if TYPE_CHECKING:
    from intake_desktop.services.clinic_settings import ClinicSettings

    from .clinic import Clinic


def setting_labels() -> dict[str, str]:
    """Each setting's label in the interface language."""
    return {
        "clinic.name": QCoreApplication.translate("SettingsWindow", "Clinic name"),
        "clinic.address": QCoreApplication.translate("SettingsWindow", "Address"),
        "clinic.phone": QCoreApplication.translate("SettingsWindow", "Phone"),
        "clinic.website": QCoreApplication.translate("SettingsWindow", "Website"),
        "clinic.emergency_number": QCoreApplication.translate("SettingsWindow", "Emergency number"),
        LOGO: QCoreApplication.translate("SettingsWindow", "Logo"),
        "colours.primary": QCoreApplication.translate("SettingsWindow", "Heading colour"),
        "colours.accent": QCoreApplication.translate("SettingsWindow", "Accent colour"),
        "colours.muted": QCoreApplication.translate("SettingsWindow", "Small-print colour"),
        "page.size": QCoreApplication.translate("SettingsWindow", "Page size"),
        "conventions.units": QCoreApplication.translate("SettingsWindow", "Units"),
        "conventions.spelling": QCoreApplication.translate("SettingsWindow", "English spelling"),
        "session.idle_lock_minutes": QCoreApplication.translate(
            "SettingsWindow", "Lock after (minutes idle)"
        ),
        "language.default": QCoreApplication.translate("SettingsWindow", "Default language"),
    }


def choice_labels() -> dict[tuple[str, str], str]:
    """The words for each (setting, choice)."""
    return {
        ("page.size", "letter"): QCoreApplication.translate("SettingsWindow", "US Letter"),
        ("page.size", "A4"): "A4",
        ("conventions.units", "metric"): QCoreApplication.translate(
            "SettingsWindow", "Metric (metres)"
        ),
        ("conventions.units", "us"): QCoreApplication.translate(
            "SettingsWindow", "US (feet and yards)"
        ),
        ("conventions.spelling", "us"): QCoreApplication.translate("SettingsWindow", "US English"),
        ("conventions.spelling", "uk"): QCoreApplication.translate("SettingsWindow", "UK English"),
        ("language.default", "en"): "English",
        ("language.default", "es"): "Español",
    }


class SettingsWindow(QDialog):
    """Edit the clinic-wide settings; Save stores the changed ones (audited)."""

    #: The settings were stored (this workstation applies the idle-lock time at once).
    saved = Signal()

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style(self)
        self.clinic = clinic
        self.setWindowTitle(self.tr("Clinic settings"))
        self.resize(720, 580)
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Shared by every workstation on this database and printed on the next summary. "
                "An empty field returns to the clinic's template (clinic.toml)."
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        self.form = QFormLayout(body)
        scroll.setWidget(body)
        lay.addWidget(scroll, 1)
        self.fields: dict[str, QWidget] = {}
        self.logo_data: bytes | None = None
        self.logo_changed = False
        labels = choice_labels()
        names = setting_labels()
        for setting in SETTINGS:
            widget = self._make_field(setting, body, labels)
            widget.setObjectName(f"setting_{setting.key}")
            widget.setAccessibleName(names[setting.key])
            self.fields[setting.key] = widget
            self.form.addRow(
                names[setting.key] + ":",
                self._logo_row(body, widget) if setting.key == LOGO else widget,
            )
        self.error = QLabel("", self)
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.clicked.connect(lambda _checked=False: self.save())
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.current: ClinicSettings = clinic.settings()
        self.show_settings(self.current)

    def _make_field(
        self, setting: Setting, parent: QWidget, labels: dict[tuple[str, str], str]
    ) -> QWidget:
        if setting.kind == "choice":
            combo = QComboBox(parent)
            for value in setting.choices:
                combo.addItem(labels.get((setting.key, value), value), value)
            return combo
        if setting.kind == "int":
            spin = QSpinBox(parent)
            spin.setRange(setting.minimum, setting.maximum)
            return spin
        if setting.kind == "image":
            label = QLabel(parent)
            label.setMinimumHeight(48)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return label
        edit = QLineEdit(parent)
        edit.setMaxLength(setting.max_length if setting.kind == "text" else 7)
        if setting.kind == "colour":
            edit.setPlaceholderText("#RRGGBB")
        return edit

    def _logo_row(self, parent: QWidget, preview: QWidget) -> QWidget:
        row = QWidget(parent)
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(preview, 1)
        self.choose_logo_button = QPushButton(self.tr("C&hoose…"), row)
        self.default_logo_button = QPushButton(self.tr("Template's &logo"), row)
        self.choose_logo_button.clicked.connect(lambda _checked=False: self.choose_logo())
        self.default_logo_button.clicked.connect(lambda _checked=False: self.set_logo(None))
        lay.addWidget(self.choose_logo_button)
        lay.addWidget(self.default_logo_button)
        return row

    def show_settings(self, current: ClinicSettings) -> None:
        for setting in SETTINGS:
            widget = self.fields[setting.key]
            value = current.get(setting.key)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value or setting.minimum))
            elif isinstance(widget, QLineEdit):
                widget.setText(value)
        self.logo_data, self.logo_changed = current.logo, False
        self.template_logo = current.template_logo
        self._show_logo()

    def _show_logo(self) -> None:
        preview = self.fields[LOGO]
        assert isinstance(preview, QLabel)
        shown = self.logo_data or self.template_logo
        picture = QPixmap()
        if shown and picture.loadFromData(shown):
            scaled = picture.scaledToHeight(48, Qt.TransformationMode.SmoothTransformation)
            preview.setPixmap(scaled)
        else:
            preview.setText(self.tr("the template's logo"))
        preview.setToolTip("" if self.logo_data else self.tr("the template's logo"))

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the logo"), "", self.tr("Pictures (*.png *.jpg *.jpeg)")
        )
        if path:
            self.load_logo(Path(path))

    def load_logo(self, path: Path) -> None:
        """Read a picture file to store as the logo (checked by the services on Save)."""
        try:
            self.set_logo(path.read_bytes())
        except OSError as exc:
            self.error.setText(self.tr("Logo: cannot be read (%s)") % exc.strerror)

    def set_logo(self, data: bytes | None) -> None:
        self.logo_data, self.logo_changed = data, True
        self._show_logo()

    def values(self) -> dict[str, Any]:
        """What the form holds, as the services take it."""
        out: dict[str, Any] = {}
        for setting in SETTINGS:
            widget = self.fields[setting.key]
            if isinstance(widget, QComboBox):
                out[setting.key] = widget.currentData()
            elif isinstance(widget, QSpinBox):
                out[setting.key] = str(widget.value())
            elif isinstance(widget, QLineEdit):
                out[setting.key] = widget.text()
        return out

    def changes(self) -> dict[str, Any]:
        changed = {k: v for k, v in self.values().items() if v != self.current.get(k)}
        if self.logo_changed:
            changed[LOGO] = self.logo_data
        return changed

    def save(self) -> bool:
        """Store what changed; True when saved (or nothing changed)."""
        changes = self.changes()
        if not changes:
            self.error.setText(self.tr("Nothing changed."))
            return True
        try:
            self.current = self.clinic.save_settings(changes)
        except InputError as exc:
            self.error.setText(str(exc))
            field = self.fields.get(exc.field or "")
            if field is not None:
                field.setFocus()
            return False
        except ServiceError as exc:
            self.error.setText(str(exc))
            return False
        self.show_settings(self.current)
        self.saved.emit()
        self.error.setText(self.tr("Saved. The next summary printed on any workstation uses it."))
        return True
