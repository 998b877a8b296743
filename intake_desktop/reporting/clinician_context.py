"""The context the clinician summary's sections are built from, in a module of its own.

The sections live in several modules (:mod:`.clinician`, :mod:`.clinician_plan`, :mod:`.trends`,
:mod:`.signature`); each takes a :class:`ClinicianContext`. With the class here rather than in
:mod:`.clinician`, which imports those modules, no module imports one that imports it back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import CondPageBreak, Flowable, Table

from .blocks import StoryContext, text_table
from .layout import colour
from .paragraphs import TextParagraph


class ClinicianContext(StoryContext):
    """What every section of the clinician summary reads, with the helpers they share."""

    def label(self, key: str, **extra: Any) -> str:
        return self.text(f"labels.{key}", **extra)

    def heading(self, section: str) -> list[Flowable]:
        """A section heading that never ends a page alone: splice it into the story with ``*``.

        A conditional page break rather than keep-with-next: keep-with-next would carry a whole
        long table to the next page with its heading and leave half a page empty. The break
        (:class:`RoomForHeading`) needs room for the heading and the first row of what follows
        it, which :func:`clinician_story` tells it once the story is complete.
        """
        text = self.text(f"headings.{section}")
        heading = TextParagraph(text, self.s.heading_alone)
        return [RoomForHeading(heading, self.s.size * 7), heading]

    def p(self, markup: str, style: Any = None) -> TextParagraph:
        return TextParagraph(markup, style or self.s.cell)

    def grid(
        self, head: Sequence[str] | None, rows: Sequence[Sequence[str]], fractions: Sequence[float]
    ) -> Flowable:
        """A table of cells in paragraph markup; ``fractions`` of the width per column."""
        widths = [self.width * f for f in fractions]
        return text_table(
            [head, *rows] if head is not None else rows,
            widths,
            self.s,
            header=head is not None,
            shade=colour(self.t, "shade"),
            rule=colour(self.t, "rule"),
            head_colour=colour(self.t, "primary"),
        )

    def pairs(self, rows: Sequence[tuple[str, str]]) -> list[Flowable]:
        """Label/value rows, two pairs to a line; a muted note when nothing was recorded."""
        if not rows:
            return [self.p(escape(self.t.plain("words.not_recorded")), self.s.small)]
        lines = []
        for i in range(0, len(rows), 2):
            a = rows[i]
            b = rows[i + 1] if i + 1 < len(rows) else ("", "")
            lines.append([f"<b>{a[0]}</b>", a[1], f"<b>{b[0]}</b>" if b[0] else "", b[1]])
        return [self.grid(None, lines, (0.19, 0.31, 0.19, 0.31))]


class RoomForHeading(CondPageBreak):
    """A page break unless the heading and the first row of what follows it fit on this page.

    A fixed height was not enough: a rules table whose first row runs to ten lines left its
    heading alone at the foot of a page. The room asked for is the heading, plus the table's
    heading row and first row (or the whole of anything else), at least ``minimum`` and at most
    half a page, so a break never repeats on an empty page.
    """

    def __init__(self, heading: Flowable, minimum: float) -> None:
        super().__init__(minimum)
        self.minimum = minimum
        self.heading = heading
        self.follower: Flowable | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        h = self.heading
        need = h.wrap(availWidth, availHeight)[1] + h.getSpaceBefore() + h.getSpaceAfter()
        if self.follower is not None:
            need += self.follower.getSpaceBefore()
            need += _first_rows_height(self.follower, availWidth)
        frame = self._doctemplateAttr("frame")  # ReportLab's own way to the current frame
        most = frame._height / 2 if frame is not None else availHeight
        self.height = min(max(self.minimum, need), most)
        return super().wrap(availWidth, availHeight)


def _first_rows_height(flowable: Flowable, width: float) -> float:
    """The height of what a page must hold of ``flowable`` for a heading to lead into it."""
    _, height = flowable.wrap(width, 1e6)
    if isinstance(flowable, Table):
        rows = flowable._rowHeights  # known after wrap; ReportLab has no public accessor
        return sum(rows[: flowable.repeatRows + 1])
    return height
