"""The look shared by both summaries: paragraph styles, and what every page carries.

Every page gets the clinic's letterhead, a footer naming the patient, date of birth and visit date
with "page X of Y", and, while the visit is unsigned, a DRAFT mark. "Of Y" is only known at the
end, so the canvas keeps each finished page and stamps the numbers when the document is saved
(each page once: linear in the number of pages).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .document import VisitDocument
from .fonts import FontSet
from .templates import Template

PAGE_SIZES = {"letter": letter, "A4": A4}
SIDE_MARGIN = 0.7 * inch
TOP_MARGIN = 1.08 * inch
BOTTOM_MARGIN = 0.72 * inch
HEADER_HEIGHT = 0.62 * inch


def colour(template: Template, name: str) -> colors.Color:
    return colors.HexColor(template.clinic["colours"][name])


def format_date(t: Template, d: date | None) -> str:
    """A date in the template's words (e.g. 20 November 2026): never ambiguous like 11/12."""
    if d is None:
        return t.plain("words.not_recorded")
    month = t.raw("dates.months")[d.month - 1]
    return t.plain("dates.format", day=d.day, month=month, year=d.year)


def format_datetime(t: Template, moment: datetime | None) -> str:
    """A moment in the template's words, in the clinic's local time when the zone is known."""
    if moment is None:
        return t.plain("words.not_recorded")
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return t.plain(
        "dates.time_format", date=format_date(t, moment.date()), time=moment.strftime("%H:%M")
    )


def format_number(t: Template, value: float) -> str:
    """A measured number for the reader: whole numbers without decimals, else one decimal.

    Separators come from the template's optional ``numbers`` table (English style by default),
    so that 1,200.5 can print as 1 200.5 or 1.200,5 where the reader expects it.
    """
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    thousands = t.raw("numbers.thousands_separator", ",")
    decimal = t.raw("numbers.decimal_separator", ".")
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one document, from the template's fonts, colours and size."""

    fonts: FontSet
    size: float
    body: ParagraphStyle
    small: ParagraphStyle
    bullet: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    heading_alone: ParagraphStyle
    subheading: ParagraphStyle
    alert_heading: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle

    @classmethod
    def make(cls, t: Template, fonts: FontSet, size: float) -> Styles:
        text = colour(t, "text")
        lead = 1.22

        def style(name: str, **kw: Any) -> ParagraphStyle:
            base: dict[str, Any] = {
                "fontName": fonts.regular,
                "fontSize": size,
                "leading": size * lead,
                "textColor": text,
                "alignment": TA_LEFT,
                # ReportLab's default bullet font is Helvetica, which is never embedded.
                "bulletFontName": fonts.regular,
            }
            base.update(kw)
            if "leading" not in kw:
                base["leading"] = base["fontSize"] * lead
            return ParagraphStyle(name, **base)

        # Section headings: one look, with or without keep-with-next.
        heading = {
            "fontName": fonts.bold,
            "fontSize": size * 1.2,
            "textColor": colour(t, "primary"),
            "spaceBefore": size * 0.6,
            "spaceAfter": size * 0.25,
        }
        return cls(
            fonts=fonts,
            size=size,
            body=style("body", spaceAfter=size * 0.3),
            small=style("small", fontSize=size * 0.85, textColor=colour(t, "muted")),
            bullet=style(
                "bullet", leftIndent=size * 1.3, bulletIndent=size * 0.3, spaceAfter=size * 0.08
            ),
            title=style(
                "title",
                fontName=fonts.bold,
                fontSize=size * 1.6,
                textColor=colour(t, "primary"),
                spaceAfter=size * 0.3,
            ),
            heading=style("heading", **heading, keepWithNext=1),
            heading_alone=style("heading_alone", **heading),
            subheading=style(
                "subheading",
                fontName=fonts.bold,
                spaceBefore=size * 0.4,
                spaceAfter=size * 0.2,
                keepWithNext=1,
            ),
            alert_heading=style(
                "alert_heading",
                fontName=fonts.bold,
                fontSize=size * 1.25,
                textColor=colour(t, "alert"),
                spaceAfter=size * 0.35,
            ),
            cell=style("cell", leading=size * 1.22),
            cell_bold=style("cell_bold", fontName=fonts.bold, leading=size * 1.22),
        )


class PageDecor:
    """Draws the letterhead, footer and DRAFT mark of each page, and the page numbers."""

    def __init__(self, t: Template, fonts: FontSet, doc: VisitDocument, title: str) -> None:
        self.t = t
        self.fonts = fonts
        self.title = title
        self.draft = doc.is_draft
        self._name = doc.patient_name
        self._dates = {
            "date_of_birth": format_date(t, doc.case.patient.date_of_birth),
            "visit_date": format_date(t, doc.case.visit_date),
        }
        self.pages = 0
        self._logo = ImageReader(str(t.logo)) if t.logo else None

    def draw(self, canvas: Canvas, _doc: Any) -> None:
        """onPage hook: letterhead and footer (the page number waits for the total)."""
        width, height = canvas._pagesize
        canvas.saveState()
        self._letterhead(canvas, width, height)
        self._footer(canvas, width)
        canvas.restoreState()

    def finish_page(self, canvas: Canvas, page: int, total: int) -> None:
        """Stamp "page X of Y" and, on a draft, the DRAFT mark over the content.

        The mark goes on top, faint, so that no box or table background can hide it.
        """
        width, height = canvas._pagesize
        if self.draft:
            self._watermark(canvas, width, height)
        text = self.t.plain("page.page_number", page=page, pages=total)
        canvas.saveState()
        canvas.setFont(self.fonts.regular, 8.5)
        canvas.setFillColor(colour(self.t, "muted"))
        canvas.drawRightString(width - SIDE_MARGIN, BOTTOM_MARGIN - 0.42 * inch, text)
        canvas.restoreState()

    def _letterhead(self, canvas: Canvas, width: float, height: float) -> None:
        t, f = self.t, self.fonts
        top = height - 0.45 * inch
        x = SIDE_MARGIN
        if self._logo is not None:
            iw, ih = self._logo.getSize()
            h = 0.5 * inch
            w = h * iw / ih
            canvas.drawImage(self._logo, x, top - h + 2, w, h, mask="auto")
            x += w + 8
        right_w = 2.6 * inch
        name_w = width - SIDE_MARGIN - x - right_w - 8
        canvas.setFillColor(colour(t, "primary"))
        canvas.setFont(f.bold, 13)
        canvas.drawString(x, top - 11, fit(t.clinic["clinic"]["name"], f.bold, 13, name_w))
        canvas.setFont(f.regular, 8)
        canvas.setFillColor(colour(t, "muted"))
        clinic = t.clinic["clinic"]
        canvas.drawString(x, top - 22.5, fit(clinic["address"], f.regular, 8, name_w))
        contact = "  ·  ".join(v for v in (clinic["phone"], clinic.get("website", "")) if v)
        canvas.drawString(x, top - 32.5, fit(contact, f.regular, 8, name_w))
        canvas.setFillColor(colour(t, "primary"))
        canvas.setFont(f.bold, 10)
        canvas.drawRightString(width - SIDE_MARGIN, top - 11, fit(self.title, f.bold, 10, right_w))
        if self.draft:
            canvas.setFillColor(colour(t, "draft"))
            canvas.setFont(f.bold, 8.5)
            note = fit(t.plain("page.draft_note"), f.bold, 8.5, right_w)
            canvas.drawRightString(width - SIDE_MARGIN, top - 24, note)
        canvas.setStrokeColor(colour(t, "primary"))
        canvas.setLineWidth(1.2)
        y = top - 40
        canvas.line(SIDE_MARGIN, y, width - SIDE_MARGIN, y)

    def _footer(self, canvas: Canvas, width: float) -> None:
        y = BOTTOM_MARGIN - 0.42 * inch
        canvas.setStrokeColor(colour(self.t, "rule"))
        canvas.setLineWidth(0.6)
        canvas.line(SIDE_MARGIN, y + 11, width - SIDE_MARGIN, y + 11)
        canvas.setFont(self.fonts.regular, 8.5)
        canvas.setFillColor(colour(self.t, "muted"))
        room = width - 2 * SIDE_MARGIN - 1.1 * inch
        canvas.drawString(SIDE_MARGIN, y, self._footer_text(room))

    def _footer_text(self, room: float) -> str:
        """The footer line; a long name is cut so that the dates always stay in view.

        The name keeps at least a sixth of the line (enough to tell two patients apart), which
        leaves room for the dates even in languages that write them out at length.
        """
        font = self.fonts.regular
        rest = stringWidth(self.t.plain("page.footer", patient_name="", **self._dates), font, 8.5)
        name = fit(self._name, font, 8.5, max(room - rest, room / 6))
        return fit(self.t.plain("page.footer", patient_name=name, **self._dates), font, 8.5, room)

    def _watermark(self, canvas: Canvas, width: float, height: float) -> None:
        mark = self.t.plain("page.draft_mark")
        size = min(140.0, 0.8 * width / max(1.0, stringWidth(mark, self.fonts.bold, 1) * 0.75))
        canvas.saveState()
        canvas.setFillColor(colour(self.t, "draft"))
        canvas.setFillAlpha(0.09)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(40)
        canvas.setFont(self.fonts.bold, size)
        canvas.drawCentredString(0, -size / 3, mark)
        canvas.restoreState()


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


class NumberedCanvas(Canvas):
    """A canvas that holds finished pages back until the end to stamp "page X of Y"."""

    def __init__(self, *args: Any, decor: PageDecor, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decor = decor
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        self._decor.pages = total
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self._decor.finish_page(self, number, total)
            super().showPage()
        super().save()
