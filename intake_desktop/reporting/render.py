"""Turning a visit into PDF bytes, and writing them safely to a file.

``render_pdf`` is what a preview needs (bytes, no file); ``build_patient_summary`` and
``build_clinician_summary`` render and then write atomically, refusing to replace an existing
file unless asked. Nothing here touches the database: the caller hands over a
:class:`VisitDocument`.
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate

from intake_desktop import __version__
from intake_desktop.private_files import check_target

from .atomic import write_atomic
from .clinician import clinician_story
from .document import VisitDocument
from .fonts import FontError, register_fonts
from .footer import identity
from .languages import DEFAULT_LANGUAGE, choose_language
from .layout import (
    BOTTOM_MARGIN,
    LEFT_MARGIN,
    PAGE_SIZES,
    RIGHT_MARGIN,
    TOP_MARGIN,
    BodyFrame,
    NumberedCanvas,
    PageDecor,
    Styles,
    format_date,
)
from .patient import patient_story
from .templates import Template, TemplateError, load_template


@dataclass(frozen=True, slots=True)
class RenderedPdf:
    """A finished document: the PDF bytes, its page count and how long it took.

    ``language`` is the template folder it was printed from; ``warnings`` are for the user
    (e.g. the patient's language has no templates, so the sheet is in English). ``red_flags``:
    the document reports red flags, so it is never printed in part (a page left out could be
    the one that says them).
    """

    data: bytes
    pages: int
    seconds: float
    flowables: int
    language: str = DEFAULT_LANGUAGE
    warnings: tuple[str, ...] = ()
    red_flags: bool = False


def render_pdf(
    kind: str,
    doc: VisitDocument,
    *,
    language: str | None = None,
    templates_dir: Path | None = None,
) -> RenderedPdf:
    """Render the ``kind`` ("patient" or "clinician") summary of ``doc`` to PDF bytes.

    ``language`` (a BCP 47 tag) must have templates; ``None`` means the patient's preferred
    language (:attr:`VisitDocument.preferred_language`), falling back to English with a warning
    in the result when there are no templates for it. Raises :class:`TemplateError` when the
    template is broken, before any page is drawn.
    """
    start = time.perf_counter()
    warnings: tuple[str, ...] = ()
    if language is None:
        choice = choose_language(doc.preferred_language, kind, templates_dir)
        language = choice.language
        warnings = (choice.warning,) if choice.warning else ()
    t = load_template(kind, language, templates_dir, clinic=doc.clinic)
    try:
        fonts = register_fonts(t.fonts)
    except FontError as exc:
        raise TemplateError(t.folder / "clinic.toml", f"fonts.{exc.style}", str(exc)) from None
    size = float(t.clinic["sizes"][f"{kind}_body"])
    styles = Styles.shared(t, fonts, size)
    values = common_values(doc, t)
    title = t.plain("document.title")
    pagesize = PAGE_SIZES[t.clinic["page"]["size"]]
    width = pagesize[0] - LEFT_MARGIN - RIGHT_MARGIN
    build = patient_story if kind == "patient" else clinician_story
    story: list[Flowable] = build(doc, t, styles, width, values)
    flowables = len(story)

    buf = io.BytesIO()
    pdf = BaseDocTemplate(
        buf,
        pagesize=pagesize,
        leftMargin=LEFT_MARGIN,
        rightMargin=RIGHT_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=f"{title} – {values['visit_date']}",
        author=t.clinic["clinic"]["name"],
        subject=t.plain("document.subject"),
        creator=f"intake-desktop {__version__}",
        lang=t.language,
        initialFontName=fonts.regular,
        displayDocTitle=1,
    )
    decor = PageDecor(t, fonts, doc, title)
    lift = decor.footer_lift(pagesize[0])  # a long name wraps in the footer
    frame = BodyFrame(
        LEFT_MARGIN,
        BOTTOM_MARGIN + lift,
        width,
        pagesize[1] - TOP_MARGIN - BOTTOM_MARGIN - lift,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    pdf.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decor.draw)])
    pdf.build(story, canvasmaker=partial(NumberedCanvas, decor=decor))
    seconds = time.perf_counter() - start
    return RenderedPdf(
        buf.getvalue(), decor.pages, seconds, flowables, t.language, warnings, bool(doc.red_flags)
    )


def common_values(doc: VisitDocument, t: Template) -> dict[str, Any]:
    """The placeholders every text may use (clinic, patient, dates)."""
    clinic = t.clinic["clinic"]
    return {
        "clinic_name": clinic["name"],
        "clinic_phone": clinic["phone"],
        "emergency_number": clinic["emergency_number"],
        "patient_name": identity(t, doc),
        "date_of_birth": format_date(t, doc.case.patient.date_of_birth),
        "visit_date": format_date(t, doc.case.visit_date),
    }


def build_summary(
    kind: str,
    doc: VisitDocument,
    out: Path,
    *,
    language: str | None = None,
    templates_dir: Path | None = None,
    overwrite: bool = False,
) -> int:
    """Write the ``kind`` summary of ``doc`` to ``out`` atomically; returns the page count.

    ``language`` as for :func:`render_pdf` (``None``: the patient's preferred language).

    An existing ``out`` raises :class:`OutputExistsError` unless ``overwrite`` (checked before
    rendering, and again, race-free, when the finished file takes its name).
    """
    out = check_target(Path(out), force=overwrite)  # a link, device or folder: refused early
    rendered = render_pdf(kind, doc, language=language, templates_dir=templates_dir)
    write_atomic(out, rendered.data, overwrite=overwrite)
    return rendered.pages


def build_patient_summary(
    doc: VisitDocument,
    out: Path,
    *,
    language: str | None = None,
    templates_dir: Path | None = None,
    overwrite: bool = False,
) -> int:
    """Write the patient summary of ``doc`` to ``out``; returns the number of pages."""
    return build_summary(
        "patient", doc, out, language=language, templates_dir=templates_dir, overwrite=overwrite
    )


def build_clinician_summary(
    doc: VisitDocument,
    out: Path,
    *,
    language: str | None = None,
    templates_dir: Path | None = None,
    overwrite: bool = False,
) -> int:
    """Write the clinician summary of ``doc`` to ``out``; returns the number of pages."""
    return build_summary(
        "clinician", doc, out, language=language, templates_dir=templates_dir, overwrite=overwrite
    )


def suggested_filename(doc: VisitDocument, kind: str) -> str:
    """A file name for a save dialog; no patient name in it (file names leak into logs)."""
    visit = f"visit-{doc.visit_id}" if doc.visit_id else "visit"
    draft = "-DRAFT" if doc.is_draft else ""
    return f"{visit}-{doc.case.visit_date.isoformat()}-{kind}-summary{draft}.pdf"
