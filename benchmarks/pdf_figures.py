"""PDF figures: patient and clinician summaries of a full visit against plain ReportLab pages."""

from __future__ import annotations

import io
import json
from pathlib import Path

from benchmarks.stats import Row, timed

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "tests" / "data" / "examples"


def pdf_rows() -> list[Row]:
    """Patient and clinician summaries of a full visit, against plain ReportLab documents."""
    from intake_desktop.domain.engine import evaluate
    from intake_desktop.domain.validation import parse_case
    from intake_desktop.reporting import VisitDocument, render_pdf

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
    doc = VisitDocument(
        case=case,
        plan=evaluate(case),
        patient_name="Marta Jiménez Ruiz",
        record_number="MRN-2041",
        visit_id=1,
        status="signed",
        accepted_level="minimally_invasive",
        signed_by="Dr. Ana Ortiz",
    )
    rows = []
    for kind, ratio in (("patient", 2), ("clinician", 3)):
        pages = render_pdf(kind, doc).pages
        app = timed(lambda k=kind: render_pdf(k, doc), repeat=30, warmup=3)
        floor = _plain_floor(pages)
        rows.append(
            Row(f"PDF {kind} summary ({pages} pages)", app, floor=floor).check(ratio_at_most=ratio)
        )
    return rows


def _plain_floor(pages: int) -> list[float]:
    """The same number of pages of plain paragraphs, in the same embedded font."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    font = ROOT / "resources" / "fonts" / "DejaVuSans.ttf"
    if "BenchSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("BenchSans", str(font)))
    style = ParagraphStyle("plain", fontName="BenchSans", fontSize=11, leading=14)
    text = "Plain paragraph of ordinary text for the floor of the benchmark. " * 4

    def build(count: int) -> int:
        doc = SimpleDocTemplate(io.BytesIO())
        doc.build([Paragraph(text, style) for _ in range(count)])
        return doc.page

    count = 1
    while build(count) < pages:
        count += 2
    return timed(lambda: build(count), repeat=30, warmup=3)
