"""The pages a print asks for: read from the print dialog's QPrinter, checked against the summary.

The print dialog leaves the user's choice on its QPrinter: ``printRange()`` says which kind
(every page, a range, the current page) and, for a range, ``pageRanges()`` holds the pages (Qt 6's
QPageRanges: sorted, merged ranges such as 2-3). Printing ignored them and always sent every page;
:class:`~.printing.PrintRequest` now carries them as 1-based ``(first, last)`` pairs, ``()``
meaning every page, and each destination prints only those.
"""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter

#: Pages as 1-based ``(first, last)`` pairs, in order; empty means every page.
PageRanges = tuple[tuple[int, int], ...]


def chosen_pages(printer: QPrinter, current_page: int | None = None) -> PageRanges:
    """The pages the print dialog's ``printer`` asks for. ``current_page`` (1-based) is the page
    the preview shows, for "Current page"; without it, that choice prints every page."""
    kind = printer.printRange()
    if kind == QPrinter.PrintRange.PageRange:
        return tuple((r.from_, r.to) for r in printer.pageRanges().toRangeList())
    if kind == QPrinter.PrintRange.CurrentPage and current_page is not None:
        return ((current_page, current_page),)
    return ()  # every page (a selection means nothing for a finished PDF)


def page_numbers(ranges: PageRanges) -> list[int]:
    """Each page of ``ranges`` once, in order: ``((2, 3), (5, 5))`` gives ``[2, 3, 5]``."""
    numbers: list[int] = []
    for first, last in ranges:
        numbers += [n for n in range(first, last + 1) if n not in numbers]
    return numbers


def ranges_text(ranges: PageRanges) -> str:
    """The ranges as CUPS' page-list and people write them: ``2-3,5``."""
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges)


def pages_missing(ranges: PageRanges, count: int) -> bool:
    """True when ``ranges`` names a page a document of ``count`` pages does not have."""
    return any(first < 1 or last > count or first > last for first, last in ranges)
