"""Letters as drawn shapes: the outlines of a word read from a TrueType font's glyphs.

The DRAFT mark must not be text a reader can copy or a search can find (a pasted "DRAFT" in the
middle of a clinical note, or a text check of the summary that trips on it), yet it should look
like the letters of the template's own font. So the mark is drawn as filled paths made from the
glyph outlines of the bold font: ReportLab has no text-to-path of its own without a rendering
back-end, and the TrueType ``glyf`` format is simple enough to read here (quadratic contours,
plus composite glyphs for accented capitals). Outlines are cached per (font file, word).
"""

from __future__ import annotations

import struct
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFontFile

#: A contour is a closed list of (x, y, on_curve) points in font units.
Contour = list[tuple[float, float, bool]]

_lock = threading.Lock()


class _Glyphs:
    """The parts of one TrueType file that outlines need: cmap, loca, glyf, advance widths."""

    def __init__(self, path: Path) -> None:
        ttf = TTFontFile(str(path), validate=0)
        self.units = float(ttf.unitsPerEm)
        self.char_to_glyph = ttf.charToGlyph
        head = ttf.get_table("head")
        long_offsets = struct.unpack(">h", head[50:52])[0] == 1
        loca = ttf.get_table("loca")
        if long_offsets:
            self.loca = struct.unpack(f">{len(loca) // 4}L", loca)
        else:
            self.loca = tuple(2 * v for v in struct.unpack(f">{len(loca) // 2}H", loca))
        self.glyf = ttf.get_table("glyf")
        hhea = ttf.get_table("hhea")
        metrics = struct.unpack(">H", hhea[34:36])[0]
        hmtx = ttf.get_table("hmtx")
        self.advances = [struct.unpack(">H", hmtx[4 * i : 4 * i + 2])[0] for i in range(metrics)]

    def advance(self, glyph: int) -> float:
        return float(self.advances[min(glyph, len(self.advances) - 1)])

    def contours(self, glyph: int, depth: int = 0) -> list[Contour]:
        start, end = self.loca[glyph], self.loca[glyph + 1]
        if end <= start or depth > 4:
            return []  # an empty glyph (a space), or a composite nested too deep to be sane
        data = self.glyf[start:end]
        count = struct.unpack(">h", data[:2])[0]
        if count >= 0:
            return _simple(data, count)
        return self._composite(data, depth)

    def _composite(self, data: bytes, depth: int) -> list[Contour]:
        out: list[Contour] = []
        pos = 10
        while True:
            flags, index = struct.unpack(">HH", data[pos : pos + 4])
            pos += 4
            if flags & 0x0001:  # ARG_1_AND_2_ARE_WORDS
                dx, dy = struct.unpack(">hh", data[pos : pos + 4])
                pos += 4
            else:
                dx, dy = struct.unpack(">bb", data[pos : pos + 2])
                pos += 2
            if not flags & 0x0002:  # point matching instead of offsets: rare, placed as is
                dx = dy = 0
            a, b, c, d = 1.0, 0.0, 0.0, 1.0
            if flags & 0x0008:  # WE_HAVE_A_SCALE
                a = d = struct.unpack(">h", data[pos : pos + 2])[0] / 16384
                pos += 2
            elif flags & 0x0040:  # WE_HAVE_AN_X_AND_Y_SCALE
                a, d = (v / 16384 for v in struct.unpack(">hh", data[pos : pos + 4]))
                pos += 4
            elif flags & 0x0080:  # WE_HAVE_A_TWO_BY_TWO
                a, b, c, d = (v / 16384 for v in struct.unpack(">hhhh", data[pos : pos + 8]))
                pos += 8
            for contour in self.contours(index, depth + 1):
                out.append([(a * x + c * y + dx, b * x + d * y + dy, on) for x, y, on in contour])
            if not flags & 0x0020:  # MORE_COMPONENTS
                return out


def _simple(data: bytes, count: int) -> list[Contour]:
    """The contours of a simple glyph (TrueType ``glyf`` format, numberOfContours >= 0)."""
    ends = struct.unpack(f">{count}H", data[10 : 10 + 2 * count])
    pos = 10 + 2 * count
    (instructions,) = struct.unpack(">H", data[pos : pos + 2])
    pos += 2 + instructions
    total = (ends[-1] + 1) if ends else 0
    flags: list[int] = []
    while len(flags) < total:
        flag = data[pos]
        pos += 1
        flags.append(flag)
        if flag & 0x08:  # REPEAT
            flags += [flag] * data[pos]
            pos += 1
    coords: list[list[int]] = []
    for short, same in ((0x02, 0x10), (0x04, 0x20)):
        value, values = 0, []
        for flag in flags[:total]:
            if flag & short:
                delta = data[pos]
                pos += 1
                value += delta if flag & same else -delta
            elif not flag & same:
                value += struct.unpack(">h", data[pos : pos + 2])[0]
                pos += 2
            values.append(value)
        coords.append(values)
    contours, first = [], 0
    for last in ends:
        contours.append(
            [(coords[0][i], coords[1][i], bool(flags[i] & 0x01)) for i in range(first, last + 1)]
        )
        first = last + 1
    return contours


@lru_cache(maxsize=8)
def _glyphs(path: Path) -> _Glyphs:
    return _Glyphs(path)


@lru_cache(maxsize=32)
def word_outline(path: Path, word: str) -> tuple[tuple[Contour, ...], float, float]:
    """The contours of ``word`` set in the font at ``path``, scaled to a 1-point font size.

    Returns (contours, advance width, cap height), all in points per point of font size, so the
    caller scales them to any size. Characters the font lacks are skipped.
    """
    with _lock:
        glyphs = _glyphs(Path(path))
    scale = 1.0 / glyphs.units
    x = 0.0
    out: list[Contour] = []
    top = 0.0
    for char in word:
        glyph = glyphs.char_to_glyph.get(ord(char))
        if glyph is None:
            continue
        for contour in glyphs.contours(glyph):
            out.append([((px + x) * scale, py * scale, on) for px, py, on in contour])
            top = max([top, *(py * scale for _, py, _ in contour)])
        x += glyphs.advance(glyph)
    return tuple(out), x * scale, top


def draw_contours(path_obj, contours: Sequence[Contour], size: float, dx: float, dy: float):
    """Add ``contours`` (at a 1-point size) to a ReportLab path, scaled by ``size`` and moved.

    TrueType contours are quadratic: two off-curve points in a row imply an on-curve point
    halfway between them; each quadratic piece becomes the equivalent cubic curve.
    """
    for contour in contours:
        pts = [(dx + px * size, dy + py * size, on) for px, py, on in contour]
        if not pts:
            continue
        first_on = next((i for i, p in enumerate(pts) if p[2]), None)
        # start on a curve point (all off-curve: at the midpoint they imply)
        pts = (
            pts[first_on:] + pts[:first_on]
            if first_on is not None
            else [_mid(pts[-1], pts[0]), *pts]
        )
        x0, y0, _ = pts[0]
        path_obj.moveTo(x0, y0)
        current = (x0, y0)
        control: tuple[float, float] | None = None
        for px, py, on in [*pts[1:], pts[0]]:
            if on:
                if control is None:
                    path_obj.lineTo(px, py)
                else:
                    _quad(path_obj, current, control, (px, py))
                    control = None
                current = (px, py)
            else:
                if control is not None:
                    mid = ((control[0] + px) / 2, (control[1] + py) / 2)
                    _quad(path_obj, current, control, mid)
                    current = mid
                control = (px, py)
        path_obj.close()


def _mid(a: tuple[float, float, bool], b: tuple[float, float, bool]) -> tuple[float, float, bool]:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, True)


def _quad(path_obj, p0: tuple[float, float], c: tuple[float, float], p1: tuple[float, float]):
    """One quadratic Bézier piece as the cubic that draws the same curve."""
    c1 = (p0[0] + 2 / 3 * (c[0] - p0[0]), p0[1] + 2 / 3 * (c[1] - p0[1]))
    c2 = (p1[0] + 2 / 3 * (c[0] - p1[0]), p1[1] + 2 / 3 * (c[1] - p1[1]))
    path_obj.curveTo(c1[0], c1[1], c2[0], c2[1], p1[0], p1[1])
