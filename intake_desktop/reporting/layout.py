"""The look shared by both summaries: paragraph styles, and what every page carries.

Every page gets the clinic's letterhead, a footer naming the patient (or, with no name recorded,
the record number), date of birth and visit date with "page X of Y", and, while the visit is
unsigned, a DRAFT mark. A long name wraps in the footer, never cut (CLINICAL_CONTENT.md s. 9).
"Of Y" is only known at the end, so the canvas keeps each finished page and stamps the numbers
when the document is saved (each page once: linear in the number of pages).
"""

from __future__ import annotations

import copy
import threading
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame

from intake_desktop.catalogue.messages import CATALOGUES, fmt_number, language_of

from .document import VisitDocument
from .fonts import FontSet
from .footer import FOOTER_LEADING, FOOTER_SIZE, footer_style, identity
from .images import PreparedImage, prepared_image, prepared_picture
from .marks import draft_mark, fit, wrap_lines
from .paragraphs import TextParagraph
from .templates import Template

PAGE_SIZES = {"letter": letter, "A4": A4}
#: The left margin is at least 3/4 in, so a hole punch or a binder never takes a word; the
#: right one, away from the binding, is narrower so a line holds as many words as before.
LEFT_MARGIN = 0.75 * inch
RIGHT_MARGIN = 0.65 * inch
#: The left margin, under its older name.
SIDE_MARGIN = LEFT_MARGIN
TOP_MARGIN = 0.99 * inch
#: The footer's baseline: its lowest letters stay more than 1/2 in from the paper's edge,
#: inside what every office printer can print.
FOOTER_BASELINE = 0.53 * inch
#: The body ends above the footer's rule (drawn 11 pt above the footer's baseline).
BOTTOM_MARGIN = FOOTER_BASELINE + 0.28 * inch
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
    moment = _aware(moment).astimezone()  # a naive moment is local time, as the app records it
    return t.plain("dates.time_format", date=format_date(t, moment.date()), time=clock_time(moment))


def clock_time(moment: datetime) -> str:
    """Hours and minutes with the time zone (16:05 CET, or 16:05 UTC+05:30 without a name),
    so a signature read in another clinic or after a clock change is not an hour off."""
    name = moment.tzname() or ""
    offset = moment.utcoffset()
    if not name or name[0] in "+-" or (name.startswith("UTC") and len(name) > 3):
        minutes = int(offset.total_seconds() // 60) if offset is not None else 0
        sign = "+" if minutes >= 0 else "-"
        name = f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return f"{moment:%H:%M} {name}"


def decimal_mark(t: Template) -> str:
    """The decimal mark of the template's language: its ``numbers`` table, else the message
    catalogue's for the language (``.`` in English, ``,`` in Spanish), so that the engine's
    sentences and the template's own numbers never mix ``0.85`` and ``0,85`` on one page."""
    return str(t.raw("numbers.decimal_separator", CATALOGUES[language_of(t.language)].decimal))


def format_number(t: Template, value: float) -> str:
    """A measured number for the reader: whole numbers without decimals, else one decimal.

    Separators come from the template's optional ``numbers`` table (the language's by default),
    so that 1,200.5 can print as 1 200,5 or 1.200,5 where the reader expects it.
    """
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    thousands = t.raw("numbers.thousands_separator", ",")
    return text.replace(",", "\0").replace(".", decimal_mark(t)).replace("\0", thousands)


def recorded_number(t: Template, value: float | int) -> str:
    """A number as recorded or scored, every decimal kept (ABI 0.85, ZCQ 2.43, 300 not 300.0),
    with the template's decimal mark: the same formatter as the message catalogue's sentences."""
    return fmt_number(value, decimal_mark(t))


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one document, from the template's fonts, colours and size.

    Shared by every document with the same look (:meth:`shared`), so they are never changed
    after they are made; a variant is a style of its own here.
    """

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
    #: The patient's safety-net heading: the alert heading in the safety colour.
    safety_heading: ParagraphStyle
    #: A red flag on the clinician summary: larger than the body, never smaller.
    red_flag: ParagraphStyle
    #: "Not signed" on a draft's signature line, in the draft colour.
    draft_line: ParagraphStyle

    @classmethod
    def shared(cls, t: Template, fonts: FontSet, size: float) -> Styles:
        """The styles for this look, made once per process and reused.

        Stable style objects let :mod:`.paragraphs` do its once-per-style work once, not once
        per document. The key is everything the styles are made from (fonts, size, colours),
        so a clinic's new colour makes new styles.
        """
        key = (fonts, float(size), tuple(sorted(t.clinic["colours"].items())))
        with _styles_lock:
            found = _styles.get(key)
        if found is None:
            found = cls.make(t, fonts, size)
            with _styles_lock:
                if len(_styles) >= _MAX_STYLES:
                    _styles.clear()
                _styles[key] = found
        return found

    @classmethod
    def make(cls, t: Template, fonts: FontSet, size: float) -> Styles:
        """New styles from the template's colours, ``fonts`` and body ``size`` in points."""
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
        bullet = style(
            "bullet", leftIndent=size * 1.3, bulletIndent=size * 0.3, spaceAfter=size * 0.08
        )
        alert_heading = style(
            "alert_heading",
            fontName=fonts.bold,
            fontSize=size * 1.25,
            textColor=colour(t, "alert"),
            spaceAfter=size * 0.35,
        )
        cell = style("cell", leading=size * 1.22)
        return cls(
            fonts=fonts,
            size=size,
            body=style("body", spaceAfter=size * 0.3),
            small=style("small", fontSize=size * 0.85, textColor=colour(t, "muted")),
            bullet=bullet,
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
            alert_heading=alert_heading,
            cell=cell,
            cell_bold=style("cell_bold", fontName=fonts.bold, leading=size * 1.22),
            safety_heading=alert_heading.clone("safety_heading", textColor=colour(t, "safety")),
            red_flag=bullet.clone("red_flag", fontSize=size * 1.1, leading=size * 1.4),
            draft_line=cell.clone("draft_line", textColor=colour(t, "draft")),
        )


#: Styles by look (see :meth:`Styles.shared`); a few entries, cleared if it ever grows.
_styles: dict[tuple[Any, ...], Styles] = {}
_styles_lock = threading.Lock()
_MAX_STYLES = 32


class BodyFrame(Frame):
    """The frame that holds the body of every page, cheap to copy.

    ReportLab deep-copies the current frame each time it measures a group kept together (a
    heading with keep-with-next, the safety-net box): a generic deep copy of a frame costs more
    than laying out a short paragraph (issue 8). A frame holds numbers and strings and the list
    of its backgrounds, so copying the containers and sharing the rest is the same copy.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> BodyFrame:
        new = copy.copy(self)
        for key, value in vars(self).items():
            if isinstance(value, list | dict | set):
                setattr(new, key, copy.deepcopy(value, memo))
        return new


#: The name of the form that holds a document's letterhead and footer.
_DECOR_FORM = "page-decor"


class PageDecor:
    """Draws the letterhead, footer and DRAFT mark of each page, and the page numbers."""

    def __init__(self, t: Template, fonts: FontSet, doc: VisitDocument, title: str) -> None:
        self.t = t
        self.fonts = fonts
        self.title = title
        self.draft = doc.is_draft
        self._text = t.plain(
            "page.footer",
            patient_name=identity(t, doc),
            date_of_birth=format_date(t, doc.case.patient.date_of_birth),
            visit_date=format_date(t, doc.case.visit_date),
        )
        self._para: Flowable | None = None
        self.pages = 0
        if t.logo_data is not None:
            self._logo: PreparedImage | None = prepared_picture(t.logo_data)
        else:
            self._logo = prepared_image(t.logo) if t.logo else None
        self._amended = amended_notes(t, doc)[-1:] if not doc.is_draft else []

    def footer_lift(self, page_width: float) -> float:
        """How much higher than the bottom margin the body must end, so that a footer wrapped
        over several lines (a long name) never runs into the text: 0 for one line."""
        return self._footer_paragraph(page_width).height - FOOTER_LEADING

    def _footer_paragraph(self, page_width: float) -> Flowable:
        if self._para is None:
            para = TextParagraph(
                escape(self._text),
                footer_style(self.fonts.regular, self.t.clinic["colours"]["muted"]),
            )
            para.wrap(page_width - LEFT_MARGIN - RIGHT_MARGIN - 1.1 * inch, 10 * inch)
            self._para = para
        return self._para

    def draw(self, canvas: Canvas, _doc: Any) -> None:
        """onPage hook: letterhead and footer (the page number waits for the total).

        Both are the same on every page of a document, so the first page draws them once into
        a form that every page then places with a single instruction (issue 8).
        """
        if not canvas.hasForm(_DECOR_FORM):
            width, height = canvas._pagesize
            canvas.beginForm(_DECOR_FORM)
            canvas.saveState()
            self._letterhead(canvas, width, height)
            self._footer(canvas, width)
            canvas.restoreState()
            canvas.endForm()
        canvas.doForm(_DECOR_FORM)
        if self._logo is not None:
            # Each page with a picture lists the image procedures, as drawImage would do.
            canvas._currentPageHasImages = 1

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
        canvas.drawRightString(width - RIGHT_MARGIN, FOOTER_BASELINE, text)
        canvas.restoreState()

    def _letterhead(self, canvas: Canvas, width: float, height: float) -> None:
        t, f = self.t, self.fonts
        top = height - 0.38 * inch
        x = LEFT_MARGIN
        if self._logo is not None:
            h = 0.5 * inch
            w = h * self._logo.width / self._logo.height
            self._logo.draw(canvas, x, top - h + 2, w, h)
            x += w + 8
        right_w = 2.6 * inch
        name_w = width - RIGHT_MARGIN - x - right_w - 8
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
        canvas.drawRightString(width - RIGHT_MARGIN, top - 11, fit(self.title, f.bold, 10, right_w))
        if self.draft:
            canvas.setFillColor(colour(t, "draft"))
            canvas.setFont(f.bold, 8.5)
            note = fit(t.plain("page.draft_note"), f.bold, 8.5, right_w)
            canvas.drawRightString(width - RIGHT_MARGIN, top - 24, note)
        elif self._amended:
            canvas.setFillColor(colour(t, "text"))
            canvas.setFont(f.regular, 8)
            for i, line in enumerate(wrap_lines(self._amended[0], f.regular, 8, right_w, 2)):
                canvas.drawRightString(width - RIGHT_MARGIN, top - 23 - 9.5 * i, line)
        canvas.setStrokeColor(colour(t, "primary"))
        canvas.setLineWidth(1.2)
        y = top - 40
        canvas.line(LEFT_MARGIN, y, width - RIGHT_MARGIN, y)

    def _footer(self, canvas: Canvas, width: float) -> None:
        """The footer grows upwards from its baseline, so the page number stays in place."""
        y = FOOTER_BASELINE
        para = self._footer_paragraph(width)
        lift = para.height - FOOTER_LEADING
        canvas.setStrokeColor(colour(self.t, "rule"))
        canvas.setLineWidth(0.6)
        canvas.line(LEFT_MARGIN, y + 11 + lift, width - RIGHT_MARGIN, y + 11 + lift)
        para.drawOn(canvas, LEFT_MARGIN, y - (FOOTER_LEADING - FOOTER_SIZE))

    def _watermark(self, canvas: Canvas, width: float, height: float) -> None:
        mark = self.t.plain("page.draft_mark")
        draft_mark(canvas, self.t.fonts["bold"], mark, colour(self.t, "draft"), width, height)


def amended_notes(t: Template, doc: VisitDocument) -> list[str]:
    """ "Amended on <date> (reason)" for each amendment of a signed visit, oldest first.

    Both summaries show the latest one under the title of every page, so a reader holding a
    single sheet knows it is not the visit as first signed; the clinician summary lists them all
    beside its status. A template without ``page.amended_note`` prints none (older templates).
    """
    if not doc.amendments or not t.has("page.amended_note"):
        return []
    return [
        t.plain("page.amended_note", date=format_date(t, _local(a.time).date()), reason=a.reason)
        for a in sorted(doc.amendments, key=lambda a: _aware(a.time))
    ]


def details_updated_note(t: Template, doc: VisitDocument) -> str | None:
    """ "Patient details updated on <date> since signing" when the patient record's name,
    date of birth or record number differ from those signed (the summary prints the signed
    ones); None otherwise, and for a template without ``page.details_updated``."""
    if doc.is_draft or doc.details_updated_at is None or not t.has("page.details_updated"):
        return None
    return t.plain(
        "page.details_updated", date=format_date(t, _local(doc.details_updated_at).date())
    )


def _local(moment: datetime) -> datetime:
    """A moment in the clinic's local time (a naive one is taken as local time already)."""
    return moment.astimezone() if moment.tzinfo is not None else moment


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.astimezone()


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
