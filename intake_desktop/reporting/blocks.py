"""Flowable building blocks shared by both summaries: boxes, bullet lists and tables.

Boxes and tables are built one row per item so that ReportLab can split them between pages by
rows; a long list never has to fit on one page and never costs more than linear work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from .layout import Styles

if TYPE_CHECKING:
    from .document import VisitDocument
    from .templates import Template


@dataclass(frozen=True)
class StoryContext:
    """What every section builder of a summary reads: the visit, its wording, styles and width."""

    doc: VisitDocument
    t: Template
    s: Styles
    width: float
    values: dict[str, Any]

    def text(self, key: str, **extra: Any) -> str:
        """The template's text at ``key``, with the document's placeholders filled in."""
        return self.t.text(key, **self.values, **extra)


BULLET = "•"


def bullets(items: Sequence[str], style: Styles) -> list[Flowable]:
    """One paragraph per item, each with a bullet."""
    return [Paragraph(item, style.bullet, bulletText=BULLET) for item in items]


def box(
    rows: Sequence[Flowable],
    width: float,
    *,
    font: str,
    border: colors.Color,
    background: colors.Color,
    border_width: float = 2.0,
    padding: float = 9.0,
) -> Table:
    """A coloured, bordered box around ``rows``; it may break between rows, never inside one."""
    table = Table([[row] for row in rows], colWidths=[width], splitByRow=1)
    table.setStyle(
        TableStyle(
            [
                # Tables set a font of their own (Helvetica, never embedded) unless told.
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("BOX", (0, 0), (-1, -1), border_width, border),
                ("BACKGROUND", (0, 0), (-1, -1), background),
                ("LEFTPADDING", (0, 0), (-1, -1), padding),
                ("RIGHTPADDING", (0, 0), (-1, -1), padding),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
                ("TOPPADDING", (0, 0), (-1, 0), padding * 0.8),
                ("BOTTOMPADDING", (0, -1), (-1, -1), padding * 0.8),
            ]
        )
    )
    return table


def table(
    rows: Sequence[Sequence[Flowable | str]],
    widths: Sequence[float],
    *,
    font: str,
    header: bool,
    shade: colors.Color,
    rule: colors.Color,
    head_colour: colors.Color | None = None,
) -> Table:
    """A plain data table; with ``header`` the first row is a heading repeated on each page."""
    t = Table(
        [list(r) for r in rows],
        colWidths=list(widths),
        repeatRows=1 if header else 0,
        splitByRow=1,
        hAlign="LEFT",
    )
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, rule),
        ("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1), [colors.white, shade]),
    ]
    if header:
        commands += [
            ("LINEBELOW", (0, 0), (-1, 0), 1.0, head_colour or rule),
        ]
    t.setStyle(TableStyle(commands))
    return t


def bullet_columns(items: Sequence[str], style: Styles, width: float) -> Table:
    """Short bullet items in two columns (down the left, then the right) to save space."""
    half = (len(items) + 1) // 2
    cols = [bullets(items[:half], style), bullets(items[half:], style) or [""]]
    t = Table([cols], colWidths=[width / 2] * 2, hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), style.fonts.regular),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return t
