"""Registering the template's TrueType fonts with ReportLab, so every glyph is embedded.

Only TrueType fonts are used (never the base-14 PDF fonts, which are not embedded and cover
Latin-1 only), so accents, °, ≥ and µ print the same on every reader. ReportLab embeds a subset of
each font it registers. Registration is global in ReportLab and costs a file read, so each file
is registered once per process under a name derived from its path.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

_registered: dict[Path, str] = {}
#: Font sets already registered, by the files asked for: every render of a template asks for the
#: same files, and this look-up skips resolving four paths each time.
_sets: dict[tuple[tuple[str, Path], ...], FontSet] = {}


@dataclass(frozen=True, slots=True)
class FontSet:
    """The ReportLab names of the four styles of one family."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


class FontError(Exception):
    """A font file could not be read as a TrueType font."""

    def __init__(self, style: str, path: Path, reason: str) -> None:
        super().__init__(f"{path}: not a usable TrueType font ({reason})")
        self.style = style
        self.path = path


def register_fonts(files: Mapping[str, Path]) -> FontSet:
    """Register the regular/bold/italic/bold_italic files; return their ReportLab names.

    Each file is parsed and registered once per process; later calls are a dictionary look-up.
    """
    key = tuple(sorted((style, Path(path)) for style, path in files.items()))
    found = _sets.get(key)
    if found is not None:
        return found
    names = {style: _register(style, Path(path)) for style, path in files.items()}
    fonts = FontSet(names["regular"], names["bold"], names["italic"], names["bold_italic"])
    # Lets <b> and <i> inside paragraphs find the right face.
    addMapping(fonts.regular, 0, 0, fonts.regular)
    addMapping(fonts.regular, 1, 0, fonts.bold)
    addMapping(fonts.regular, 0, 1, fonts.italic)
    addMapping(fonts.regular, 1, 1, fonts.bold_italic)
    _sets[key] = fonts
    return fonts


def _register(style: str, path: Path) -> str:
    path = path.resolve()
    if path in _registered:
        return _registered[path]
    digest = hashlib.sha1(str(path).encode()).hexdigest()[:8]
    name = f"{path.stem}-{digest}"
    try:
        pdfmetrics.registerFont(TTFont(name, str(path)))
    except (TTFError, OSError) as exc:
        raise FontError(style, path, str(exc)) from None
    _registered[path] = name
    return name
