"""Reading produced PDFs back, as a reader (and a checker) would: text per page, fonts, colours."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from pypdf import PdfReader


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    """The text of each page, with runs of white space folded to one space."""
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader(data).pages]


def text(data: bytes) -> str:
    return " ".join(page_texts(data))


def _fonts(pdf: PdfReader) -> Iterator[tuple[str, Any]]:
    for page in pdf.pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get_object().get("/Font") or {}
        for name, ref in fonts.get_object().items():
            yield name, ref.get_object()


def unembedded_fonts(data: bytes) -> set[str]:
    """Base names of fonts used without an embedded font file (base-14 fonts among them)."""
    missing: set[str] = set()
    for _name, font in _fonts(reader(data)):
        target = font
        if font.get("/Subtype") == "/Type0":
            target = font["/DescendantFonts"][0].get_object()
        descriptor = target.get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor is not None else {}
        if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            missing.add(str(font.get("/BaseFont")))
    return missing


def content_streams(data: bytes) -> str:
    """The drawing instructions of every page, decoded (to look for colours)."""
    return "\n".join(
        page.get_contents().get_data().decode("latin-1") for page in reader(data).pages
    )
