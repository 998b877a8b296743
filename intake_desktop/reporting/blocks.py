"""Flowable building blocks shared by both summaries: boxes, bullet lists and tables.

Boxes and tables are built one row per item so that ReportLab can split them between pages by
rows; a long list never has to fit on one page and never costs more than linear work.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from .layout import Styles
from .paragraphs import TextParagraph

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
    return [TextParagraph(item, style.bullet, bulletText=BULLET) for item in items]


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


#: The space left and right of the text in a data table's cell, in points.
CELL_PADDING = 4.0
#: Markup that is one bold run and nothing else.
_ALL_BOLD = re.compile(r"<b>([^<&]*)</b>")


def text_table(
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    s: Styles,
    *,
    header: bool,
    shade: colors.Color,
    rule: colors.Color,
    head_colour: colors.Color | None = None,
) -> Table:
    """A data table of cells in paragraph markup; with ``header`` the first row is the heading,
    bold and repeated on each page.

    Most cells are a word or two. A cell that prints as one plain line (all regular or all
    bold, no markup left, narrower than its column) goes to the table as a string in the cell
    style's font, size, colour and leading, which ReportLab draws on the same baseline at the
    same x as a one-line paragraph, at a fraction of the cost: a paragraph per cell was the
    largest cost of the clinician summary (issue 8). Every other cell is a paragraph and wraps.
    """
    cells: list[list[Flowable | str]] = []
    bold_strings: list[tuple[int, int]] = []
    for r, row in enumerate(rows):
        line: list[Flowable | str] = []
        for c, markup in enumerate(row):
            heading = header and r == 0
            plain = _one_line(markup, heading, widths[c] - 2 * CELL_PADDING, s)
            if plain is None:
                line.append(TextParagraph(markup, s.cell_bold if heading else s.cell))
                continue
            text, bold = plain
            line.append(text)
            if bold:
                bold_strings.append((c, r))
        cells.append(line)
    looks: list[tuple] = [
        # What the string cells print in: the cell style (paragraph cells have their own).
        ("FONT", (0, 0), (-1, -1), s.fonts.regular, s.cell.fontSize, s.cell.leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), s.cell.textColor),
        *(("FONTNAME", start, end, s.fonts.bold) for start, end in _column_runs(bold_strings)),
    ]
    return table(
        cells,
        widths,
        font=s.fonts.regular,
        header=header,
        shade=shade,
        rule=rule,
        head_colour=head_colour,
        extra=looks,
    )


def _column_runs(cells: list[tuple[int, int]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """``(column, row)`` cells as ranges of consecutive rows in one column: one style command
    per run instead of one per cell (a label column is usually bold from top to bottom)."""
    runs: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for c, r in sorted(cells):
        if runs and runs[-1][1] == (c, r - 1):
            runs[-1] = (runs[-1][0], (c, r))
        else:
            runs.append(((c, r), (c, r)))
    return runs


def _one_line(markup: str, bold: bool, room: float, s: Styles) -> tuple[str, bool] | None:
    """``(text, bold)`` when ``markup`` prints as exactly that one line, else ``None``.

    Plain means no tag and no entity left (texts are escaped, so ``&`` marks an entity) and
    nothing a paragraph would change: it joins runs of white space and trims the ends. Half a
    point of slack keeps clear of the paragraph's own decision to wrap.
    """
    whole = _ALL_BOLD.fullmatch(markup)
    text = whole.group(1) if whole else markup
    bold = bold or whole is not None
    if not text or "<" in text or "&" in text or " ".join(text.split()) != text:
        return None
    font = s.fonts.bold if bold else s.fonts.regular
    if stringWidth(text, font, s.cell.fontSize) > room - 0.5:
        return None
    return text, bold


def table(
    rows: Sequence[Sequence[Flowable | str]],
    widths: Sequence[float],
    *,
    font: str,
    header: bool,
    shade: colors.Color,
    rule: colors.Color,
    head_colour: colors.Color | None = None,
    extra: Sequence[tuple] = (),
) -> Table:
    """A plain data table; with ``header`` the first row is a heading repeated on each page.

    ``extra`` style commands come after the table's own, so they win.
    """
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
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, rule),
        ("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1), [colors.white, shade]),
    ]
    if header:
        commands += [
            ("LINEBELOW", (0, 0), (-1, 0), 1.0, head_colour or rule),
        ]
    t.setStyle(TableStyle([*commands, *extra]))
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
