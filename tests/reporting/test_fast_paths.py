"""The cheaper ways of building the same pages (issue 8) print exactly what the plain ones did.

Each shortcut is compared with ReportLab's own way of doing the same thing: the fragments of a
paragraph, whole documents byte for byte, and where every word of a table lands on the page.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence

import pytest
from reportlab.lib.units import inch
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from intake_desktop.reporting import load_template, render_pdf
from intake_desktop.reporting import paragraphs as paragraphs_module
from intake_desktop.reporting.blocks import table, text_table
from intake_desktop.reporting.fonts import register_fonts
from intake_desktop.reporting.layout import BodyFrame, Styles, colour
from intake_desktop.reporting.paragraphs import TextParagraph
from tests.reporting import pdfcheck
from tests.reporting.builders import LONG_NAME, busiest_plan_case, document, everything_case

T = load_template("clinician")
S = Styles.shared(T, register_fonts(T.fonts), 9)

MARKUPS = [
    "",
    "   ",
    "no",
    "Epidural steroid",
    "two  spaces and\na new line ",
    "<b>Record number</b>",
    "<b></b>",
    "a<b></b>b",
    "x <b>bold</b> y <b>more</b>",
    "Zoë Martínez — walks ≥ 200 m, 5 µg",
    "non\xa0breaking space",
    "Riverside Spine &amp; Pain Clinic",  # an entity: the parser's job
    "<b>R5.mild</b><br/>Thickened ligament",  # a line break: the parser's job
    '<font color="#B3261E"><b>worse</b></font>',
]


def fragments(p: Paragraph) -> list[dict]:
    return [dict(f.__dict__) for f in p.frags]


@pytest.mark.parametrize("markup", MARKUPS)
@pytest.mark.parametrize("style", ["cell", "cell_bold", "bullet", "heading", "red_flag"])
def test_fragments_are_the_parsers(markup: str, style: str) -> None:
    s = getattr(S, style)
    fast, slow = TextParagraph(markup, s), Paragraph(markup, s)
    assert fragments(fast) == fragments(slow)
    assert fast.text == slow.text


def test_every_paragraph_of_real_documents_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[tuple[str, object, object, list[dict]]] = []
    real_init = TextParagraph.__init__

    def spy(self, text, style=None, bulletText=None, frags=None, **kwargs) -> None:
        real_init(self, text, style, bulletText, frags, **kwargs)
        if text is not None and frags is None:  # made by us, not by a split
            made.append((text, style, bulletText, fragments(self)))

    monkeypatch.setattr(TextParagraph, "__init__", spy)
    for data in (everything_case(), busiest_plan_case()):
        doc = document(data, name=LONG_NAME, status="signed")
        for kind in ("patient", "clinician"):
            render_pdf(kind, doc)
    assert len(made) > 100
    for text, style, bullet, fast in made:
        assert fast == fragments(Paragraph(text, style, bullet)), text


def test_most_paragraphs_skip_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    real = paragraphs_module.Paragraph._setup

    def spy(self, text, style, bullet, frags, cleaner):
        if frags is None:
            parsed.append(text)
        return real(self, text, style, bullet, frags, cleaner)

    monkeypatch.setattr(paragraphs_module.Paragraph, "_setup", spy)
    doc = document(everything_case(), name="Ana Pérez", status="signed")
    render_pdf("clinician", doc)
    assert all("&" in text or "<" in text.replace("<b>", "").replace("</b>", "") for text in parsed)


def _story(make: type[Paragraph]) -> list[Flowable]:
    """Paragraphs that wrap, split across pages, sit in tables and are kept together."""
    long = " ".join(["A sentence that goes on for a while, so the paragraph wraps."] * 40)
    cells = [[make(f"<b>Row {i}</b>", S.cell), make(long[: 40 + 7 * i], S.cell)] for i in range(30)]
    return [
        make("Title <b>bold</b>", S.title),
        *[make(long, S.body) for _ in range(3)],
        KeepTogether([make("Kept", S.heading), make(long[:300], S.body)]),
        *[make(f"item {i} " + long[: 20 * i], S.bullet, bulletText="•") for i in range(12)],
        Spacer(1, 12),
        Table(cells, colWidths=[1.5 * inch, 4.5 * inch], splitByRow=1),
    ]


def _pdf(story: list[Flowable]) -> bytes:
    buf = io.BytesIO()
    SimpleDocTemplate(buf, invariant=1).build(story)
    return buf.getvalue()


def test_documents_are_byte_for_byte_the_same() -> None:
    fast, slow = _pdf(_story(TextParagraph)), _pdf(_story(Paragraph))
    assert len(pdfcheck.reader(fast).pages) >= 3  # the paragraphs and the table really split
    assert fast == slow


def test_a_wrap_at_the_same_width_is_reused(monkeypatch: pytest.MonkeyPatch) -> None:
    p = TextParagraph("words " * 50, S.body)
    breaks: list[object] = []
    real = Paragraph.breakLines

    def counting(self, widths):
        breaks.append(widths)
        return real(self, widths)

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    first = p.wrap(200, 1000)
    assert p.wrap(200, 50) == first  # the height of a paragraph does not depend on the room
    assert len(breaks) == 1
    assert p.wrap(300, 1000) != first
    p.wrap(200, 1000)
    assert len(breaks) == 3
    del p.blPara  # what split() does when it gives up on a paragraph
    p.wrap(200, 1000)
    assert len(breaks) == 4


ROWS = [
    ["Date", "Type", "Relief", "Note on the injection"],
    ["1 Jan 2026", "Epidural steroid", "<b>1 wk</b>", "no"],
    ["2 Feb 2026", "Radiofrequency ablation of the medial branch", "", "a &amp; b"],
    ["3 Mar 2026", "x <b>y</b>", "<b>Long bold text that will not fit</b>", "two  spaces"],
    ["4 Apr 2026", "Zoë — ≥ 5 µg", "<b></b>", "line<br/>break"],
]
WIDTHS = [80.0, 100.0, 70.0, 120.0]


def _tables(rows: Sequence[Sequence[str]], header: bool) -> tuple[Table, Table]:
    looks = {"shade": colour(T, "shade"), "rule": colour(T, "rule")}
    fast = text_table(rows, WIDTHS, S, header=header, head_colour=colour(T, "primary"), **looks)
    cells = [
        [Paragraph(c, S.cell_bold if header and r == 0 else S.cell) for c in row]
        for r, row in enumerate(rows)
    ]
    slow = table(
        cells,
        WIDTHS,
        font=S.fonts.regular,
        header=header,
        head_colour=colour(T, "primary"),
        **looks,
    )
    return fast, slow


def _placed(data: bytes) -> list[tuple[str, float, float, str, float]]:
    """Every run of text with where it starts on the page, its font and its size."""
    out: list[tuple[str, float, float, str, float]] = []
    for page in pdfcheck.reader(data).pages:

        def visit(text, cm, tm, font, size) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                name = str(font.get("/BaseFont")) if font else ""
                out.append((text.strip(), round(x, 2), round(y, 2), name, round(size, 2)))

        page.extract_text(visitor_text=visit)
    return sorted(out)


@pytest.mark.parametrize("header", [True, False])
def test_string_cells_print_where_paragraph_cells_would(header: bool) -> None:
    fast, slow = _tables(ROWS, header)
    fast_pdf, slow_pdf = _pdf([fast]), _pdf([slow])
    assert any(isinstance(c, str) for row in fast._cellvalues for c in row)
    assert fast._rowHeights == slow._rowHeights
    assert _placed(fast_pdf) == _placed(slow_pdf)


def test_cells_that_would_wrap_or_carry_markup_stay_paragraphs() -> None:
    fast, _ = _tables(ROWS, True)
    kinds = [[isinstance(c, str) for c in row] for row in fast._cellvalues]
    assert kinds[1] == [True, True, True, True]
    assert kinds[2] == [True, False, False, False]  # too wide; empty; an entity
    assert kinds[3] == [True, False, False, False]  # mixed runs; too wide; two spaces
    assert kinds[4] == [True, True, False, False]  # empty bold; a line break


def test_a_long_table_splits_the_same_way() -> None:
    rows = [ROWS[0], *[row for _ in range(30) for row in ROWS[1:]]]
    fast, slow = _tables(rows, True)
    fast_pdf, slow_pdf = _pdf([Spacer(1, 300), fast]), _pdf([Spacer(1, 300), slow])
    assert len(pdfcheck.reader(fast_pdf).pages) >= 3
    assert pdfcheck.page_texts(fast_pdf) == pdfcheck.page_texts(slow_pdf)
    assert _placed(fast_pdf) == _placed(slow_pdf)


def test_a_copied_frame_is_independent() -> None:
    frame = BodyFrame(0, 0, 400, 600, id="body")
    frame._frameBGs = [("bg",)]
    frame._generated_content = ["something"]
    twin = copy.deepcopy(frame)
    assert {k: v for k, v in vars(twin).items()} == {k: v for k, v in vars(frame).items()}
    del twin._generated_content
    twin._frameBGs.append(("other",))
    assert frame._generated_content == ["something"]
    assert frame._frameBGs == [("bg",)]
