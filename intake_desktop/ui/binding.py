"""Binding form widgets to the form model, and field errors back to the widgets.

Every bound widget has ``value()``, ``set_value()`` and a ``value_changed`` signal. A widget
writes to the model through one slot per field; when the model is reloaded the binder writes
back under a :class:`QSignalBlocker`, so no loop can start. Field errors from
:func:`parse_case` come back by path and are shown under the widget that holds that path.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QSignalBlocker, Qt, SignalInstance
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from intake_desktop.domain.validation import FieldError

from .form_model import FormModel


class BoundWidget(Protocol):
    value_changed: SignalInstance

    def value(self) -> Any: ...
    def set_value(self, value: Any) -> None: ...


@dataclass
class Binding:
    path: str
    widget: Any
    error_label: QLabel | None = None


def plain(text: str) -> str:
    """A label without its mnemonic ampersand, for accessible names."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def error_matches(binding_path: str, error_path: str) -> bool:
    return error_path == binding_path or error_path.startswith(
        (binding_path + ".", binding_path + "[")
    )


class Binder:
    """The bindings of one visit's pages to its :class:`FormModel`."""

    def __init__(self, form: FormModel) -> None:
        self.form = form
        self.bindings: list[Binding] = []
        form.reset.connect(self.refresh)

    def bind(self, path: str, widget: Any, error_label: QLabel | None = None) -> Any:
        """Connect ``widget`` to ``path`` (both ways) and return the widget."""
        binding = Binding(path, widget, error_label)
        self.bindings.append(binding)

        def _on_field_changed(value: Any, _path: str = path) -> None:
            self.form.set(_path, value)

        widget.value_changed.connect(_on_field_changed)
        self._write_back(binding)
        return widget

    def refresh(self) -> None:
        """Re-read every bound field from the model (after a load)."""
        for binding in self.bindings:
            self._write_back(binding)

    def refresh_path(self, path: str) -> None:
        """Re-read the widgets bound to ``path`` (when two widgets show one field)."""
        for binding in self.bindings:
            if binding.path == path:
                self._write_back(binding)

    def _write_back(self, binding: Binding) -> None:
        blocker = QSignalBlocker(binding.widget)
        try:
            binding.widget.set_value(self.form.get(binding.path))
        finally:
            blocker.unblock()

    def show_errors(self, errors: Iterable[FieldError]) -> list[FieldError]:
        """Show each error under its widget; return those that no widget holds."""
        errors = list(errors)
        claimed: set[int] = set()
        for binding in self.bindings:
            mine = [e for e in errors if error_matches(binding.path, e.path)]
            claimed.update(id(e) for e in mine)
            set_invalid(binding.widget, bool(mine))
            if binding.error_label is not None:
                binding.error_label.setText(
                    "\n".join(_relative_message(binding.path, e) for e in mine)
                )
                binding.error_label.setVisible(bool(mine))
        return [e for e in errors if id(e) not in claimed]

    def widget_for(self, path: str) -> Any | None:
        for binding in self.bindings:
            if error_matches(binding.path, path):
                return binding.widget
        return None


def _relative_message(binding_path: str, error: FieldError) -> str:
    rest = error.path[len(binding_path) :].lstrip(".")
    return f"{rest}: {error.message}" if rest else error.message


def set_invalid(widget: QWidget, invalid: bool) -> None:
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    for w in (widget, *widget.findChildren(QWidget)):
        w.style().unpolish(w)
        w.style().polish(w)


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setVisible(False)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def add_field(
    binder: Binder, layout: QFormLayout, text: str, path: str, widget: Any, help_text: str = ""
) -> Any:
    """Add a labelled, bound row with room for its error message under the widget."""
    container = QWidget()
    box = QVBoxLayout(container)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(2)
    box.addWidget(widget)
    err = error_label(container)
    box.addWidget(err)
    caption = QLabel(text)
    caption.setBuddy(widget)
    # No word wrap: a wrapped caption gets clipped in a form row; the form layout instead puts
    # the field under a caption that does not fit beside it (WrapLongRows).
    widget.setAccessibleName(plain(text).rstrip(":"))
    if help_text:
        widget.setToolTip(help_text)
        widget.setAccessibleDescription(help_text)
    layout.addRow(caption, container)
    return binder.bind(path, widget, err)
