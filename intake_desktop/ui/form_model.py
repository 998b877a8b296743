"""The form model: one visit's answers as a plain, case-file-shaped dict.

Widgets write into it through :meth:`FormModel.set` and read back from it after a load; nothing
in it is Qt-specific except the change signal. An unanswered field is *absent* from the dict
(never ``False`` or ``0``), and containers that become empty are pruned, so that
``case_dict()`` can go straight to :func:`intake_desktop.domain.validation.parse_case`.

Answers the case file has no place for (the red-flag screen's explicit "no", the questionnaire
chosen, the step the user was on) are the window's own state: they live beside the case, in
:meth:`FormModel.ui_state`, and are stored beside the draft (the visit's ``ui_state``), never
inside it, so a stored draft is always a case file (issue 13).
"""

from __future__ import annotations

import copy
import itertools
import re
from typing import Any

from PySide6.QtCore import QObject, Signal

from intake_desktop.domain.codes import CASE_FORMAT

#: What older drafts carried the window's own state under (moved out by migration 0003; a
#: draft loaded with it, from a file or an old database, is split on load).
LEGACY_UI_KEY = "_ui"
_INDEX = re.compile(r"^(?P<key>[^\[\]]+)\[(?P<index>\d+)\]$")


def split_path(path: str) -> list[str | int]:
    """``"treatment.injections[1].date"`` -> ``["treatment", "injections", 1, "date"]``."""
    parts: list[str | int] = []
    for piece in path.split("."):
        m = _INDEX.match(piece)
        if m:
            parts.extend([m["key"], int(m["index"])])
        elif piece:
            parts.append(piece)
    return parts


def get_path(data: Any, path: str, default: Any = None) -> Any:
    """The value at ``path`` in nested dicts/lists, or ``default`` when any step is missing."""
    node = data
    for part in split_path(path):
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return default
        elif not isinstance(node, dict) or part not in node:
            return default
        node = node[part]
    return node


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, dict | list | str) and len(value) == 0)


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set ``path`` to ``value``; ``None``, ``""`` and empty containers remove it (and prune)."""
    parts = split_path(path)
    if not parts:
        return
    if _is_empty(value):
        _remove(data, parts)
        return
    node: Any = data
    for part, nxt in itertools.pairwise(parts):
        if isinstance(part, int):
            while len(node) <= part:
                node.append({} if isinstance(nxt, str) else [])
            node = node[part]
        else:
            if part not in node or not isinstance(node[part], dict | list):
                node[part] = [] if isinstance(nxt, int) else {}
            node = node[part]
    last = parts[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
    node[last] = value


def _remove(data: dict[str, Any], parts: list[str | int]) -> None:
    trail: list[tuple[Any, str | int]] = []
    node: Any = data
    for part in parts[:-1]:
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return
        elif not isinstance(node, dict) or part not in node:
            return
        trail.append((node, part))
        node = node[part]
    last = parts[-1]
    if isinstance(node, dict):
        node.pop(last, None)
    elif isinstance(node, list) and isinstance(last, int) and last < len(node):
        node[last] = None
    # Prune dicts left empty on the way up (lists keep their positions: they are item lists).
    for parent, key in reversed(trail):
        child = parent[key]
        if isinstance(child, dict) and not child:
            if isinstance(parent, dict):
                parent.pop(key)
            else:
                parent[key] = None
        else:
            break


class FormModel(QObject):
    """One visit's form data with a change signal; the single place widgets write to.

    ``changed(path)`` fires after every user edit; ``reset()`` fires after the whole dict was
    replaced (a draft or a case file loaded), when every view must re-read its fields.
    """

    changed = Signal(str)
    #: A key of the window's own state changed (never a case field).
    ui_changed = Signal(str)
    reset = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data: dict[str, Any] = {"format": CASE_FORMAT}
        self._ui: dict[str, Any] = {}
        self._revision = 0

    # --- reading -------------------------------------------------------------------------
    def get(self, path: str, default: Any = None) -> Any:
        return get_path(self._data, path, default)

    def ui(self, key: str, default: Any = None) -> Any:
        """A value of the window's own state (see module docstring)."""
        return self._ui.get(key, default)

    @property
    def revision(self) -> int:
        """Increases with every change; compare to know whether something is unsaved."""
        return self._revision

    def case_dict(self) -> dict[str, Any]:
        """The case as typed, valid or not: the draft, and what :func:`parse_case` gets."""
        out = copy.deepcopy(self._data)
        out["format"] = CASE_FORMAT
        return out

    def ui_state(self) -> dict[str, Any]:
        """The window's own state, stored beside the draft (a deep copy)."""
        return copy.deepcopy(self._ui)

    # --- writing -------------------------------------------------------------------------
    def set(self, path: str, value: Any) -> None:
        """Record one answer (``None`` or empty = not answered) and announce it."""
        if self.get(path) == value or (_is_empty(value) and self.get(path) is None):
            return
        set_path(self._data, path, copy.deepcopy(value))
        self._revision += 1
        self.changed.emit(path)

    def set_ui(self, key: str, value: Any) -> None:
        """Record a value of the window's own state (saved with the draft, beside it)."""
        if self._ui.get(key) == value:
            return
        self._ui[key] = copy.deepcopy(value)
        self._revision += 1
        self.ui_changed.emit(key)

    def load(self, data: dict[str, Any], ui_state: dict[str, Any] | None = None) -> None:
        """Replace everything (a draft or a case file, and the window's state stored beside it)
        and tell every view to re-read."""
        self._data = copy.deepcopy(dict(data))
        legacy = self._data.pop(LEGACY_UI_KEY, None)
        self._ui = copy.deepcopy(dict(ui_state or (legacy if isinstance(legacy, dict) else {})))
        self._data.setdefault("format", CASE_FORMAT)
        self._revision += 1
        self.reset.emit()
