"""The checks a template value must pass: :class:`Check`, one per key of the spec.

Kept apart from :mod:`.template_spec`, which lists the keys: this is how a value is judged
(a text, a list of texts, a colour, a number in range, a choice, an order of sections), that is
which keys there are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class Check:
    """The kind of value one key needs: text, list of texts, colour, number, choice, order."""

    kind: str
    optional: bool = False
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    length: int | None = None

    def describe(self) -> str:
        return {
            "text": "a text",
            "texts": "a list of texts",
            "colour": "a colour such as #1F4E79",
            "number": f"a number from {self.minimum} to {self.maximum}",
            "choice": "one of " + ", ".join(self.choices),
            "order": "a list of sections from " + ", ".join(self.choices),
            "words": 'a table of words and what to print instead ("walker" = "walking frame")',
        }[self.kind]

    def problem(self, value: Any) -> str | None:
        """Why ``value`` does not fit, or ``None`` when it does."""
        if self.kind == "text":
            ok = isinstance(value, str) and (self.optional or value.strip() != "")
            return None if ok else f"must be {self.describe()} (got {_kind(value)})"
        if self.kind in ("texts", "order"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return f"must be {self.describe()} (got {_kind(value)})"
            if self.length is not None and len(value) != self.length:
                return f"must have {self.length} entries (got {len(value)})"
            if not value:
                return "must not be empty"
            if self.kind == "order":
                return self._order_problem(value)
            return None
        if self.kind == "colour":
            ok = isinstance(value, str) and _COLOUR.match(value) is not None
            return None if ok else f"must be {self.describe()} (got {value!r})"
        if self.kind == "number":
            if isinstance(value, bool) or not isinstance(value, int | float):
                return f"must be {self.describe()} (got {_kind(value)})"
            assert self.minimum is not None and self.maximum is not None
            if not self.minimum <= value <= self.maximum:
                return f"must be {self.describe()} (got {value})"
            return None
        if self.kind == "choice":
            return None if value in self.choices else f"must be {self.describe()} (got {value!r})"
        if self.kind == "words":
            ok = isinstance(value, dict) and all(
                isinstance(k, str) and k.strip() and isinstance(v, str) for k, v in value.items()
            )
            return None if ok else f"must be {self.describe()}"
        raise AssertionError(self.kind)

    def _order_problem(self, value: list[str]) -> str | None:
        unknown = [v for v in value if v not in self.choices]
        if unknown:
            return f"unknown section {unknown[0]!r}; sections are {', '.join(self.choices)}"
        if len(set(value)) != len(value):
            return "lists a section twice"
        missing = [r for r in self.required if r not in value]
        if missing:
            return f"must include {missing[0]!r} (it cannot be left off this document)"
        return None

    def texts(self, value: Any) -> list[str]:
        """The texts inside ``value`` whose placeholders need checking."""
        if self.kind == "text":
            return [value]
        if self.kind == "texts":
            return list(value)
        return []


TEXT = Check("text")
OPTIONAL_TEXT = Check("text", optional=True)
TEXTS = Check("texts")
COLOUR = Check("colour")


def _kind(value: Any) -> str:
    return {dict: "a table", list: "a list", str: "a text", bool: "true/false"}.get(
        type(value), type(value).__name__
    )
