"""What changed between two versions of a case, field by field (the amendment history).

An amendment replaces a signed case; the reader of the history wants to see which answers
changed, not two whole records side by side. Paths use the same spelling as validation errors
(``treatment.injections[1].date``), so a change and an error about the same field read alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_ABSENT: Any = object()


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field: its path and its value before and after (``None`` when absent)."""

    path: str
    before: Any
    after: Any

    @property
    def kind(self) -> str:
        """``added``, ``removed`` or ``changed``."""
        if self.before is None:
            return "added"
        if self.after is None:
            return "removed"
        return "changed"


def case_changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[FieldChange]:
    """Every leaf field that differs, in a stable order (keys sorted, list items by position).

    Lists of plain values (``red_flags``, ``history.symptom_sites``) compare as a whole: adding
    one flag is one change of that field, not a shift of every position after it.
    """
    out: list[FieldChange] = []
    _walk("", before, after, out)
    return out


def _walk(path: str, a: Any, b: Any, out: list[FieldChange]) -> None:
    # A whole group added or removed shows as its fields, like any other change.
    if isinstance(a, Mapping) and b is _ABSENT:
        b = {}
    if isinstance(b, Mapping) and a is _ABSENT:
        a = {}
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        for key in sorted(set(a) | set(b)):
            _walk(f"{path}.{key}" if path else str(key), a.get(key, _ABSENT),
                  b.get(key, _ABSENT), out)  # fmt: skip
        return
    if _is_record_list(a) and _is_record_list(b):
        for i in range(max(len(a), len(b))):
            _walk(f"{path}[{i}]", a[i] if i < len(a) else _ABSENT,
                  b[i] if i < len(b) else _ABSENT, out)  # fmt: skip
        return
    if a is _ABSENT and b is _ABSENT:
        return
    if a != b or isinstance(a, bool) != isinstance(b, bool):
        out.append(FieldChange(path, None if a is _ABSENT else a, None if b is _ABSENT else b))


def _is_record_list(value: Any) -> bool:
    return isinstance(value, list) and any(isinstance(v, Mapping) for v in value)
