"""Some pages of a finished summary, as a PDF of their own, for printing a page range.

A print of pages 2-3 to a file or to the clinic's print folder must hold those pages and no
others. The summary cannot be laid out again from the bytes the preview shows (and laying it out
again could differ from what the user saw, a new print time for one), so the chosen pages are
copied out of the very PDF: vectors and text stay as they are, and each page keeps its own
"page 2 of 3" footer, which is still true of the summary it came from. ReportLab writes PDFs
but cannot read them; pypdf (pure Python, BSD) reads and copies pages without drawing.
"""

from __future__ import annotations

import io
from collections.abc import Sequence


def pdf_page_count(data: bytes) -> int:
    """How many pages the PDF ``data`` has (0 when it cannot be read)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        return len(PdfReader(io.BytesIO(data)).pages)
    except (PyPdfError, ValueError, OSError):
        return 0


def pdf_with_pages(data: bytes, pages: Sequence[int]) -> bytes:
    """A PDF holding only ``pages`` (1-based, in the order given) of the PDF ``data``, with its
    title and other document information. A page the PDF does not have raises ``IndexError``."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(data))
    count = len(reader.pages)
    writer = PdfWriter()
    for number in pages:
        if not 1 <= number <= count:
            raise IndexError(f"page {number}: the summary has pages 1 to {count}")
        writer.add_page(reader.pages[number - 1])
    if reader.metadata:
        writer.add_metadata(dict(reader.metadata))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
