"""Who a printed page is for, and the footer style that names them on every page.

CLINICAL_CONTENT.md s. 9: identification on every page, the name or, when none is recorded, the
record number, and the date of birth; never an empty field or a stray separator; long names
wrap, never cut (layout.PageDecor wraps the footer and raises the body's bottom to make room).
"""

from __future__ import annotations

import threading

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle

from .document import VisitDocument
from .templates import Template

FOOTER_SIZE = 8.5
FOOTER_LEADING = 10.5


def identity(t: Template, doc: VisitDocument) -> str:
    """Who the sheet is for, never empty: the name, else the record number, else the case's
    patient id, else the template's "name not recorded"."""
    name = " ".join((doc.patient_name or "").split())
    if name:
        return name
    for number in (doc.record_number, doc.case.patient.id):
        if number and number.strip():
            return t.plain("page.record_number", record_number=number.strip())
    return t.plain("page.no_name")


#: The footer's style by (font, colour): one object per look, so paragraphs.py's per-style work
#: is done once.
_footer_styles: dict[tuple[str, str], ParagraphStyle] = {}
_lock = threading.Lock()
_MAX_STYLES = 32


def footer_style(font: str, muted: str) -> ParagraphStyle:
    """The footer's paragraph style in ``font`` and the clinic's ``muted`` colour (#RRGGBB)."""
    with _lock:
        found = _footer_styles.get((font, muted))
        if found is None:
            found = ParagraphStyle(
                "footer",
                fontName=font,
                fontSize=FOOTER_SIZE,
                leading=FOOTER_LEADING,
                textColor=colors.HexColor(muted),
            )
            if len(_footer_styles) >= _MAX_STYLES:
                _footer_styles.clear()
            _footer_styles[(font, muted)] = found
    return found
