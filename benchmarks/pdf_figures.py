"""PDF figures: patient and clinician summaries of a full visit against plain ReportLab pages."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.stats import Row, timed_against_floor

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "tests" / "data" / "examples"


def sample_document() -> Any:
    """A full signed visit whose patient summary fills two pages (and the clinician's three)."""
    from intake_desktop.domain.engine import evaluate
    from intake_desktop.domain.validation import parse_case
    from intake_desktop.reporting import VisitDocument

    data = json.loads((EXAMPLES / "04_mild_candidate.json").read_text())
    data["questionnaires"] = {
        "odi": [1, 5, 4, 4, 3, 0, 1, 5, 3, 4],
        "zcq": {"symptom_severity": [3, 4, 2, 4, 3, 2, 3], "physical_function": [2, 3, 2, 1, 1]},
    }
    data["treatment"]["injections"] = [
        {
            "date": f"2026-{m:02d}-01",
            "type": "epidural_steroid",
            "relief_weeks": 1,
            "function_improved": False,
        }
        for m in range(1, 11)
    ]
    case = parse_case(data)
    return VisitDocument(
        case=case,
        plan=evaluate(case),
        patient_name="Marta Jiménez Ruiz",
        record_number="MRN-2041",
        visit_id=1,
        status="signed",
        accepted_level="minimally_invasive",
        signed_by="Dr. Ana Ortiz",
    )


def pdf_rows() -> list[Row]:
    """Patient and clinician summaries of a full visit, against plain ReportLab documents."""
    from intake_desktop.reporting import render_pdf

    doc = sample_document()
    rows = []
    for kind, ratio in (("patient", 2), ("clinician", 3)):
        pages = render_pdf(kind, doc).pages
        floor_build = _plain_floor(pages, _page_geometry(kind))
        app, floor = timed_against_floor(
            lambda k: render_pdf(k, doc), lambda _: floor_build(), [(kind, None)] * 30, warmup=3
        )
        rows.append(
            Row(f"PDF {kind} summary ({pages} pages)", app, floor=floor).check(ratio_at_most=ratio)
        )
    return rows


def _page_geometry(kind: str) -> dict[str, Any]:
    """The page size (the clinic's, from its template) and margins of the ``kind`` summary."""
    from intake_desktop.reporting import load_template
    from intake_desktop.reporting.layout import (
        BOTTOM_MARGIN,
        LEFT_MARGIN,
        PAGE_SIZES,
        RIGHT_MARGIN,
        TOP_MARGIN,
    )

    return {
        "pagesize": PAGE_SIZES[load_template(kind).clinic["page"]["size"]],
        "leftMargin": LEFT_MARGIN,
        "rightMargin": RIGHT_MARGIN,
        "topMargin": TOP_MARGIN,
        "bottomMargin": BOTTOM_MARGIN,
    }


def _plain_floor(pages: int, geometry: dict[str, Any]) -> Callable[[], int]:
    """A job building the same number of pages of plain paragraphs, in the same embedded font.

    The same pages: the summary's page size and margins (``geometry``), not ReportLab's
    default A4 with one-inch margins, whose pages hold a fifth fewer of these paragraphs than
    the summaries' Letter pages with 0.7-inch sides (24 on two pages where 30 fit).

    Filled pages: as many paragraphs as ``pages`` pages hold. The fewest paragraphs that reach
    the page count are the pages before the last plus one paragraph (13 for two pages where 24
    fit, 25 for three where 36 fit, on A4): about half or two thirds of the text.
    """
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from intake_desktop.resources import FONTS_DIR

    font = FONTS_DIR / "DejaVuSans.ttf"
    if "BenchSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("BenchSans", str(font)))
    style = ParagraphStyle("plain", fontName="BenchSans", fontSize=11, leading=14)
    text = "Plain paragraph of ordinary text for the floor of the benchmark. " * 4

    def build(count: int) -> int:
        doc = SimpleDocTemplate(io.BytesIO(), **geometry)
        doc.build([Paragraph(text, style) for _ in range(count)])
        return doc.page

    count = 1
    while build(count + 1) <= pages:
        count += 1
    return lambda: build(count)
