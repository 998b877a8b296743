"""What the patient sheet is made of (:class:`Block`, :class:`Line`) and what its parts read
(:class:`SheetContext`), in a module of their own so that :mod:`.reasons` and the other parts
of the sheet type against them without importing :mod:`.patient_sheet`, which imports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .document import VisitDocument
from .patient_facts import SheetFacts
from .templates import Template


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph: the name of its style (an attribute of layout.Styles) and its markup."""

    style: str
    markup: str


@dataclass(frozen=True, slots=True)
class Block:
    """A run of lines printed together; ``box`` names its colours ("alert", "safety", "next").

    ``columns`` prints the bullets of the block in two columns; ``picture`` holds the walking
    distances ((date, value in ``unit``), oldest first) drawn after the first line.
    """

    id: str
    lines: tuple[Line, ...]
    box: str | None = None
    keep: bool = False
    columns: bool = False
    picture: tuple[tuple[date, float], ...] = ()
    unit: str = "m"


@dataclass(frozen=True)
class SheetContext:
    """What every part of the sheet reads: the visit, its facts, its words and placeholders."""

    doc: VisitDocument
    t: Template
    facts: SheetFacts
    values: dict[str, Any]

    def text(self, key: str, **extra: Any) -> str:
        return self.t.text(key, **{**self.values, **extra})

    def plain(self, key: str, **extra: Any) -> str:
        return self.t.plain(key, **{**self.values, **extra})

    def heading(self, section: str) -> Line:
        return Line("heading", self.text(f"headings.{section}"))
