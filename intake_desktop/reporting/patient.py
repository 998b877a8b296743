"""The patient summary on paper: the blocks of :mod:`.patient_sheet`, laid out as flowables.

What the sheet says is decided in :mod:`.patient_sheet` (CLINICAL_CONTENT.md s. 9); this module
only decides how it looks. Red flags are never hidden or printed smaller: the red box comes
first on page 1, and the safety-net box is always printed and kept on one page.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from .blocks import BULLET, box
from .charts import walking_bars
from .conventions import clinic_words
from .document import VisitDocument
from .layout import Styles, colour, format_number
from .paragraphs import TextParagraph
from .patient_sheet import Block, Line, patient_sheet
from .templates import Template

#: Box colours by block kind: (border, background) keys of clinic.toml's colours.
_BOXES = {
    "alert": ("alert", "alert_background"),
    "safety": ("safety", "safety_background"),
    "next": ("primary", "shade"),
}
_SPACE_AFTER = {"title": 0.3, "alert": 0.5, "next_steps": 0.4, "get_help": 0.4}
_SIDE_BY_SIDE = frozenset({"next_steps"})
#: The padding inside a box, taken off the width of what it holds.
_BOX_PADDING = 7.0
_PADDINGS = ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")


def patient_story(
    doc: VisitDocument, t: Template, s: Styles, width: float, values: dict[str, Any]
) -> list[Flowable]:
    """The flowables of the patient summary, in the sheet's order."""
    t = clinic_words(t)
    story: list[Flowable] = []
    blocks = patient_sheet(doc, t, values)
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.id in _SIDE_BY_SIDE and i + 1 < len(blocks) and blocks[i + 1].id == "get_help":
            story.append(_side_by_side(block, blocks[i + 1], t, s, width))
            block = blocks[i + 1]
            i += 1
        else:
            story += _flowables(block, t, s, width)
        if block.id in _SPACE_AFTER:
            story.append(Spacer(1, s.size * _SPACE_AFTER[block.id]))
        i += 1
    return story


def _side_by_side(left: Block, right: Block, t: Template, s: Styles, width: float) -> Table:
    """Two short boxes next to each other (the next steps and when to get help): page 1 keeps
    room for what was found and the recommendation."""
    gap = s.size
    half = (width - gap) / 2
    grid = Table(
        [[_boxed(left, t, s, half), "", _boxed(right, t, s, half)]],
        colWidths=[half, gap, half],
        hAlign="LEFT",
    )
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), s.fonts.regular),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *((side, (0, 0), (-1, -1), 0) for side in _PADDINGS),
            ]
        )
    )
    return grid


def _boxed(block: Block, t: Template, s: Styles, width: float) -> Table:
    border, background = _BOXES[block.box or "next"]
    return box(
        [_paragraph(line, s) for line in block.lines],
        width,
        font=s.fonts.regular,
        border=colour(t, border),
        background=colour(t, background),
        border_width=2.5 if block.box != "next" else 1.5,
        padding=7.0,
    )


def _paragraph(line: Line, s: Styles) -> TextParagraph:
    if line.style == "bullet":
        return TextParagraph(line.markup, s.bullet, bulletText=BULLET)
    return TextParagraph(line.markup, getattr(s, line.style))


def _flowables(block: Block, t: Template, s: Styles, width: float) -> list[Flowable]:
    if block.picture:
        return [Spacer(1, s.size * 0.3), KeepTogether(_picture(block, t, s, width))]
    if block.columns:
        return _with_columns(block, s, width)
    if block.id == "safety_net":
        rows = _rows_in_columns(block.lines, s, width - 2 * _BOX_PADDING)
    else:
        rows = [_paragraph(line, s) for line in block.lines]
    if block.box is not None:
        border, background = _BOXES[block.box]
        boxed = box(
            rows,
            width,
            font=s.fonts.regular,
            border=colour(t, border),
            background=colour(t, background),
            border_width=2.5 if block.box != "next" else 1.5,
            padding=_BOX_PADDING,
        )
        if block.id == "safety_net":
            return [Spacer(1, s.size * 0.3), KeepTogether([boxed])]
        return [KeepTogether([boxed])] if block.keep else [boxed]
    return [KeepTogether(rows)] if block.keep else rows


def _rows_in_columns(lines: tuple[Line, ...], s: Styles, width: float) -> list[Flowable]:
    """Paragraphs, with each run of more than three bullets set in two columns: the full
    safety net of two patterns stays one box on one page, at full size."""
    rows: list[Flowable] = []
    run: list[Line] = []
    for line in (*lines, Line("body", "")):
        if line.style == "bullet":
            run.append(line)
            continue
        if len(run) > 3:
            rows.append(_columns([_paragraph(b, s) for b in run], s, width))
        else:
            rows += [_paragraph(b, s) for b in run]
        run = []
        if line.markup:
            rows.append(_paragraph(line, s))
    return rows


def _columns(items: list[Flowable], s: Styles, width: float) -> Table:
    """``items`` in two columns, down the left, then the right."""
    half = (len(items) + 1) // 2
    grid = Table([[items[:half], items[half:] or [""]]], colWidths=[width / 2] * 2, hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), s.fonts.regular),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return grid


def _with_columns(block: Block, s: Styles, width: float) -> list[Flowable]:
    """Leading lines as paragraphs, then the bullets in two columns (down, then across)."""
    head = [_paragraph(line, s) for line in block.lines if line.style != "bullet"]
    items = [_paragraph(line, s) for line in block.lines if line.style == "bullet"]
    return [*head, _columns(items, s, width)]


def _picture(block: Block, t: Template, s: Styles, width: float) -> list[Flowable]:
    """The walking-distance bars after the block's first line, its note after them."""
    months = t.raw("dates.months")
    bars = walking_bars(
        block.picture,
        date_label=lambda d: (f"{d.day} {months[d.month - 1][:3]}", str(d.year)),
        value_label=lambda v: format_number(t, v if block.unit == "m" else round(v)),
        width=width,
        font=s.fonts.regular,
        bold=s.fonts.bold,
        size=s.size,
        colour=colour(t, "primary"),
        muted=_light(colour(t, "accent")),
    )
    first, *rest = [_paragraph(line, s) for line in block.lines]
    return [first, bars, *rest]


def _light(base: colors.Color) -> colors.Color:
    """A lighter tint of a colour for the earlier bars (the latest visit stays strong)."""
    return colors.Color(
        base.red + (1 - base.red) * 0.55,
        base.green + (1 - base.green) * 0.55,
        base.blue + (1 - base.blue) * 0.55,
    )
