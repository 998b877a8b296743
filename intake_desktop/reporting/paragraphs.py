"""ReportLab's Paragraph without two costs that dominate a summary full of short table cells.

Profiling the clinician summary (issue 8) showed a third of the time in paragraphs doing the
same work again:

* **Parsing.** ReportLab runs every paragraph's markup through an HTML parser (tens of
  microseconds each; a clinician summary has over two hundred). Most of our texts are plain, or
  plain with ``<b>…</b>`` runs, because :mod:`.templates` escapes every clinic text and value.
  For those, the fragments are copies of ones ReportLab's own parser made once per style, with
  the text swapped in: the same objects the parser would build, without the parse. Anything
  else (entities, ``<br/>``, ``<font>``) goes through the parser as before.
* **Line breaking.** A table cell is wrapped to measure its row, again when the table is
  wrapped for a split or a keep-together, and again when it is drawn; each wrap breaks the
  lines anew. The line breaks depend on the width only, so the last result is kept and reused
  while the width and the broken lines are the same.
"""

from __future__ import annotations

import re
import threading
from typing import Any
from weakref import WeakKeyDictionary

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaFrag, ParaParser

#: Text made only of plain runs and ``<b>plain</b>`` runs (no entity, no other tag).
_SIMPLE = re.compile(r"(?:[^<&]|<b>[^<&]*</b>)*")
_RUNS = re.compile(r"<b>([^<&]*)</b>|([^<&]+)")

#: Per style, the fragment the parser makes for a plain run and for a bold run. Styles are shared
#: by every document with the same look (layout.Styles.shared), so this is done once per look;
#: weak keys let the styles of a look that is no longer used (a clinic's old colours) go.
_prototypes: WeakKeyDictionary[ParagraphStyle, tuple[ParaFrag, ParaFrag]] = WeakKeyDictionary()
_lock = threading.Lock()


class TextParagraph(Paragraph):
    """A :class:`~reportlab.platypus.Paragraph` that skips the parser for simple markup and
    keeps its line breaks between wraps at the same width (see the module docstring).

    Drop-in: same arguments, same drawing. Styles must not be changed after their first
    paragraph is made (ours never are: a variant is a ``clone``).
    """

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle | None = None,
        bulletText: Any = None,
        frags: list[ParaFrag] | None = None,
        **kwargs: Any,
    ) -> None:
        if frags is None and text is not None and style is not None:
            text = cleanBlockQuotedText(text)
            frags = simple_frags(text, style)
        super().__init__(text, style, bulletText, frags, **kwargs)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """ReportLab's wrap, reused while the width and the broken lines are unchanged.

        The height of a paragraph does not depend on ``availHeight``; ``split`` may discard
        the broken lines (``del self.blPara``), which the identity check notices.
        """
        last = self.__dict__.get("_last_wrap")
        if last is not None and last[0] == availWidth and self.__dict__.get("blPara") is last[2]:
            self.width, self.height = last[1]
            return last[1]
        size = super().wrap(availWidth, availHeight)
        self._last_wrap = (availWidth, size, self.__dict__.get("blPara"))
        return size


def simple_frags(text: str, style: ParagraphStyle) -> list[ParaFrag] | None:
    """The fragments ReportLab's parser would make of ``text`` (already cleaned), or ``None``
    when the markup is more than plain and bold runs and the parser must see it."""
    if not _SIMPLE.fullmatch(text):
        return None
    plain, bold = _prototype(style)
    frags = []
    for bold_text, plain_text in _RUNS.findall(text):
        # findall gives "" for the group that did not take part; the parser makes no fragment
        # for an empty <b></b>.
        if bold_text:
            frags.append(bold.clone(text=bold_text))
        elif plain_text:
            frags.append(plain.clone(text=plain_text))
    if style.textTransform:
        textTransformFrags(frags, style)
    return frags


def _prototype(style: ParagraphStyle) -> tuple[ParaFrag, ParaFrag]:
    found = _prototypes.get(style)  # a single dict look-up: safe without the lock
    if found is None:
        found = (_parsed(style, "x"), _parsed(style, "<b>x</b>"))
        with _lock:
            _prototypes[style] = found
    return found


def _parsed(style: ParagraphStyle, markup: str) -> ParaFrag:
    """The one fragment ReportLab's parser makes of ``markup``, as Paragraph would parse it."""
    parser = ParaParser()
    parser.caseSensitive = 1
    _style, frags, _bullet = parser.parse(markup, style)
    assert frags is not None and len(frags) == 1, (markup, parser.errors)
    return frags[0]
