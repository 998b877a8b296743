"""Page furniture drawn straight on the canvas: one-line texts fitted to a width, and the DRAFT
mark, whose letters are shapes rather than text.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import FILL_NON_ZERO, Canvas

from .outline import draw_contours, word_outline

#: The name of the form that holds a document's DRAFT mark.
_DRAFT_FORM = "draft-mark"


def draft_mark(
    canvas: Canvas, font: Path, word: str, colour: colors.Color, width: float, height: float
) -> None:
    """The DRAFT mark across the page: the word's letters as filled shapes, never as text.

    As text, "DRAFT" would come along with every copy-paste and text extraction of the summary
    (and be read out by a screen reader in the middle of a sentence); as shapes it is only seen.
    Drawn once per document into a form, then placed on each page, faint, over the content.
    """
    if not canvas.hasForm(_DRAFT_FORM):
        contours, advance, cap = word_outline(font, word)
        size = min(140.0, 0.8 * width / max(1e-6, advance * 0.75))
        canvas.beginForm(_DRAFT_FORM)
        canvas.saveState()
        canvas.translate(width / 2, height / 2)
        canvas.rotate(40)
        shape = canvas.beginPath()
        draw_contours(shape, contours, size, -advance * size / 2, -cap * size / 2)
        canvas.drawPath(shape, stroke=0, fill=1, fillMode=FILL_NON_ZERO)
        canvas.restoreState()
        canvas.endForm()
    # Colour and transparency are set where the form is placed: a form draws with the state it
    # is placed in, and its own resources cannot name the page's transparency state.
    canvas.saveState()
    canvas.setFillColor(colour)
    canvas.setFillAlpha(0.09)
    canvas.doForm(_DRAFT_FORM)
    canvas.restoreState()


def wrap_lines(text: str, font: str, size: float, width: float, most: int) -> list[str]:
    """``text`` in at most ``most`` lines of ``width`` (the last cut with an ellipsis)."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < most:
        line = words.pop(0)
        while words and stringWidth(f"{line} {words[0]}", font, size) <= width:
            line += " " + words.pop(0)
        lines.append(line)
    if words:
        lines[-1] = fit(f"{lines[-1]} {' '.join(words)}", font, size, width)
    return [fit(line, font, size, width) for line in lines]


def fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` (for one-line page furniture only).

    Bisects on the length, so a 200-character name costs a handful of width measurements.
    """
    if stringWidth(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if stringWidth(text[:mid].rstrip() + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"
