"""The form model: one visit's answers as a plain, case-file-shaped dict.

Widgets write into it through :meth:`FormModel.set` and read back from it after a load; nothing
in it is Qt-specific except the change signal. An unanswered field is *absent* from the dict
(never ``False`` or ``0``), and containers that become empty are pruned, so that
``case_dict()`` can go straight to :func:`intake_desktop.domain.validation.parse_case`.

Answers the case file has no place for (the red-flag screen's explicit "no", the questionnaire
chosen, the step the user was on) live under the ``_ui`` key: they are kept in the draft so
nothing typed is lost, and left out of the case.
"""

from __future__ import annotations

import copy
import itertools
import re
from typing import Any

from PySide6.QtCore import QObject, Signal

from intake_desktop.domain.codes import CASE_FORMAT

UI_KEY = "_ui"
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
    reset = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data: dict[str, Any] = {"format": CASE_FORMAT}
        self._revision = 0

    # --- reading -------------------------------------------------------------------------
    def get(self, path: str, default: Any = None) -> Any:
        return get_path(self._data, path, default)

    def ui(self, key: str, default: Any = None) -> Any:
        """A value kept only in the draft (see module docstring)."""
        return self._data.get(UI_KEY, {}).get(key, default)

    @property
    def revision(self) -> int:
        """Increases with every change; compare to know whether something is unsaved."""
        return self._revision

    def raw(self) -> dict[str, Any]:
        """Everything entered, for the draft (a deep copy)."""
        return copy.deepcopy(self._data)

    def case_dict(self) -> dict[str, Any]:
        """The case-file part: what :func:`parse_case` gets (a deep copy, without ``_ui``)."""
        out = copy.deepcopy(self._data)
        out.pop(UI_KEY, None)
        out["format"] = CASE_FORMAT
        return out

    # --- writing -------------------------------------------------------------------------
    def set(self, path: str, value: Any) -> None:
        """Record one answer (``None`` or empty = not answered) and announce it."""
        if self.get(path) == value or (_is_empty(value) and self.get(path) is None):
            return
        set_path(self._data, path, copy.deepcopy(value))
        self._revision += 1
        self.changed.emit(path)

    def set_ui(self, key: str, value: Any) -> None:
        ui = self._data.setdefault(UI_KEY, {})
        if ui.get(key) == value:
            return
        ui[key] = copy.deepcopy(value)
        self._revision += 1
        self.changed.emit(f"{UI_KEY}.{key}")

    def load(self, data: dict[str, Any]) -> None:
        """Replace everything (a draft or a case file) and tell every view to re-read."""
        self._data = copy.deepcopy(dict(data))
        self._data.setdefault("format", CASE_FORMAT)
        self._revision += 1
        self.reset.emit()
