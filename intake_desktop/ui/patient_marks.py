"""Which answers the patient gave on the tablet: a "from patient" tag beside each one's label.

The tablet (:mod:`intake_desktop.services.patient_entry`) stores, beside the case, the paths the
patient answered (``ui_state[SOURCES_KEY]``, path -> ``"patient-reported"``). Staff reviewing the
draft need to see which answers are the patient's own words, so each such field gets a small
text tag beside its label (words, not a colour), a tooltip saying what it means, and its
accessible name ends with the same words, so a screen reader says it on the field itself.

When staff change such a field, the answer is theirs from then on: its path leaves the sources
(screen state, saved with the draft through :meth:`FormModel.set_ui`), so reopening the draft
shows the truth. A field left alone keeps its mark, and an edit to one item of a questionnaire
or one red-flag question clears that item's mark only. Nothing here takes the keyboard focus or
changes the tab order: tags and their holders are plain labels that never take focus.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from intake_desktop.domain.patient_questions import (
    PATIENT_REPORTED,
    SOURCES_KEY,
    screen_answer_path,
)
from intake_desktop.domain.signing import SCREEN_PATH

from .binding import Binder
from .form_model import FormModel
from .intake_pages.red_flags import RedFlagPage
from .step_page import StepPage
from .widgets.questionnaire import QuestionnaireEditor

TAG_NAME = "patientTag"


@dataclass
class Target:
    """Where one source path is shown: the label to tag and the widgets to name."""

    path: str
    caption: QLabel | None
    widgets: list[QWidget] = field(default_factory=list)


def _related(mark: str, changed: str) -> bool:
    """Whether a change at ``changed`` may have touched the answer at ``mark``."""
    return (
        mark == changed
        or mark.startswith((changed + ".", changed + "["))
        or changed.startswith((mark + ".", mark + "["))
    )


class PatientMarks(QObject):
    """Tags the visit window's fields the patient answered and drops a tag when staff edit."""

    def __init__(
        self, form: FormModel, binder: Binder, pages: Sequence[StepPage], parent: QWidget
    ) -> None:
        # No reference to the window: it owns this object (see CarriedMarks for why).
        super().__init__(parent)
        self.form, self.binder = form, binder
        self.targets: list[Target] = _targets(binder, pages)
        # Tags made so far, by source path (made the first time a path is marked).
        self.tags: dict[str, list[QLabel]] = {}
        self._names: dict[int, str] = {}  # id(widget) -> its accessible name without the mark
        self._values: dict[str, Any] = {}  # each marked path's value as the patient left it
        form.changed.connect(self._on_form_changed)
        form.ui_changed.connect(self._on_ui_changed)
        form.reset.connect(self.refresh)
        self.refresh()

    # --- state ---------------------------------------------------------------------------
    def marked(self) -> list[str]:
        """The paths still marked as the patient's own answers."""
        sources = self.form.ui(SOURCES_KEY) or {}
        if not isinstance(sources, dict):
            return []
        return [p for p, source in sources.items() if source == PATIENT_REPORTED]

    def is_marked(self, path: str) -> bool:
        return path in self.marked()

    def value_at(self, path: str) -> Any:
        """The answer at a source path: a case path, or one question of the red-flag screen."""
        if path.startswith(SCREEN_PATH + "."):
            screen = self.form.ui(SCREEN_PATH) or {}
            return screen.get(path[len(SCREEN_PATH) + 1 :]) if isinstance(screen, dict) else None
        return self.form.get(path)

    def visible_tags(self) -> list[str]:
        """The paths whose tag shows (tests and the step list read it)."""
        return [p for p, tags in self.tags.items() if any(not t.isHidden() for t in tags)]

    # --- staff edits ---------------------------------------------------------------------
    def _on_form_changed(self, path: str) -> None:
        self._drop_changed(lambda mark: _related(mark, path))

    def _on_ui_changed(self, key: str) -> None:
        if key == SCREEN_PATH:
            self._drop_changed(lambda mark: mark.startswith(SCREEN_PATH + "."))
        elif key == SOURCES_KEY:
            self._show()

    def _drop_changed(self, touched: Any) -> None:
        """Unmark the touched answers whose value is no longer the patient's."""
        gone = {m for m in self.marked() if touched(m) and self.value_at(m) != self._values.get(m)}
        if not gone:
            return
        sources = dict(self.form.ui(SOURCES_KEY) or {})
        for path in gone:
            sources.pop(path, None)
            self._values.pop(path, None)
        self.form.set_ui(SOURCES_KEY, sources)  # saved with the draft, beside the case

    # --- showing -------------------------------------------------------------------------
    def refresh(self) -> None:
        """A draft was loaded: remember the patient's answers and show their marks."""
        self._values = {path: self.value_at(path) for path in self.marked()}
        self._show()

    def _show(self) -> None:
        marked = set(self.marked())
        for target in self.targets:
            on = target.path in marked
            if target.caption is not None and (on or target.path in self.tags):
                self._tag(target).setVisible(on)
            for widget in target.widgets:
                self._name(widget, on)

    def _tag(self, target: Target) -> QLabel:
        assert target.caption is not None
        caption = target.caption
        tags = self.tags.setdefault(target.path, [])
        for tag in tags:
            if tag.parentWidget() is caption.parentWidget():
                return tag
        tag = _attach_tag(caption)
        tag.setText(self.tr("from patient"))
        tag.setAccessibleName(self.tr("From the patient"))
        tip = self.tr(
            "The patient gave this answer on the tablet. The mark goes when staff change it."
        )
        tag.setToolTip(tip)
        tag.setAccessibleDescription(tip)
        tags.append(tag)
        return tag

    def _name(self, widget: QWidget, on: bool) -> None:
        key = id(widget)
        if on and key not in self._names:
            self._names[key] = widget.accessibleName()
            widget.setAccessibleName(self.tr("%s, from the patient") % self._names[key])
        elif not on and key in self._names:
            widget.setAccessibleName(self._names.pop(key))


def _attach_tag(caption: QLabel) -> QLabel:
    """Put a tag right of ``caption``, in its place in whatever layout holds it."""
    holder = caption.parentWidget()
    layout = holder.layout() if holder is not None else None
    assert holder is not None and layout is not None  # a page's captions sit in layouts
    box = QWidget(holder)
    box.setObjectName("patientTagHolder")
    box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    layout.replaceWidget(caption, box)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    row.addWidget(caption, 1 if caption.wordWrap() else 0)
    tag = QLabel(box)
    tag.setObjectName(TAG_NAME)
    tag.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    tag.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    row.addWidget(tag, 0, Qt.AlignmentFlag.AlignVCenter)
    if not caption.wordWrap():
        row.addStretch(1)
    return tag


def _captions(pages: Sequence[QWidget]) -> dict[int, QLabel]:
    """Each labelled widget's caption (the label whose buddy it is), by id of the widget."""
    out: dict[int, QLabel] = {}
    for page in pages:
        for label in page.findChildren(QLabel):
            buddy = label.buddy()
            if buddy is not None:
                out.setdefault(id(buddy), label)
    return out


def _targets(binder: Binder, pages: Sequence[StepPage]) -> list[Target]:
    """Every place a source path can show: bound fields, questionnaire items, red-flag rows."""
    captions = _captions(pages)
    out: list[Target] = []
    for binding in binder.bindings:
        widget = binding.widget
        if isinstance(widget, QuestionnaireEditor):
            for i, box in enumerate(widget.boxes):
                out.append(Target(f"{binding.path}[{i}]", captions.get(id(box)), [box]))
        else:
            out.append(Target(binding.path, captions.get(id(widget)), [widget]))
    for page in pages:
        if isinstance(page, RedFlagPage):
            for code, switch in page.switches.items():
                path = screen_answer_path(code)
                out.append(Target(path, captions.get(id(switch)), [switch]))
    return out
