"""A clickable front/back body outline for the ten symptom sites of the case file.

It mirrors a checkbox list that stays beside it (the keyboard way in); the map is a quicker,
friendlier way for the mouse and reads at a glance which sites are marked.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from intake_desktop.ui.code_labels import label

# One figure is drawn in a 100 x 224 box; the back view is the same box shifted right.
_FIG_W, _FIG_H, _GAP = 100.0, 224.0, 24.0


def _rect(x: float, y: float, w: float, h: float, dx: float = 0.0) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(QRectF(x + dx, y, w, h), 5, 5)
    return path


def _pair(x: float, y: float, w: float, h: float, dx: float) -> QPainterPath:
    return _rect(x, y, w, h, dx).united(_rect(100 - x - w, y, w, h, dx))


def _regions() -> dict[str, QPainterPath]:
    back = _FIG_W + _GAP
    regions: dict[str, QPainterPath] = {}
    for dx, is_back in ((0.0, False), (back, True)):
        parts = {
            "neck": _rect(43, 29, 14, 11, dx),
            "shoulder": _pair(20, 40, 16, 14, dx),
            "arm": _pair(13, 55, 13, 50, dx),
            "hand": _pair(11, 106, 15, 17, dx),
            "thigh": _pair(30, 130, 18, 40, dx),
            "calf": _pair(31, 173, 16, 32, dx),
            "foot": _pair(28, 207, 19, 11, dx),
        }
        if is_back:
            parts["low_back"] = _rect(33, 88, 34, 20, dx)
            parts["buttock"] = _pair(30, 110, 19, 19, dx)
        else:
            parts["groin"] = _rect(36, 112, 28, 16, dx)
        for site, path in parts.items():
            regions[site] = regions[site].united(path) if site in regions else path
    return regions


def _silhouette() -> QPainterPath:
    path = QPainterPath()
    for dx in (0.0, _FIG_W + _GAP):
        path.addEllipse(QPointF(50 + dx, 16), 12, 13)
        path.addRoundedRect(QRectF(30 + dx, 40, 40, 90), 8, 8)
    return path


class BodyMap(QWidget):
    """Front and back outlines; click a region to mark or unmark that symptom site."""

    value_changed = Signal(object)
    SITES: tuple[str, ...] = (
        "low_back", "buttock", "groin", "thigh", "calf", "foot", "neck", "shoulder", "arm", "hand",
    )  # fmt: skip

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._regions = _regions()
        self._outline = _silhouette()
        self._selected: set[str] = set()
        self._hover: str | None = None
        #: The two figures' captions when not the interface's own (the patient's language).
        self.captions: tuple[str, str] | None = None
        self.setMouseTracking(True)
        # The checkbox list beside the map is the keyboard way in; the map needs no tab stop.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(180, 170)

    def sizeHint(self) -> QSize:
        return QSize(250, 250)

    def value(self) -> list[str]:
        return [s for s in self.SITES if s in self._selected]

    def set_value(self, value: object) -> None:
        self._selected = set(value) if isinstance(value, list | tuple) else set()
        self.update()

    def _scale(self) -> tuple[float, float, float]:
        total_w = 2 * _FIG_W + _GAP
        scale = min(self.width() / total_w, self.height() / (_FIG_H + 14))
        ox = (self.width() - total_w * scale) / 2
        return scale, ox, 12.0

    def site_at(self, pos: QPointF) -> str | None:
        scale, ox, oy = self._scale()
        p = QPointF((pos.x() - ox) / scale, (pos.y() - oy) / scale)
        for site, path in self._regions.items():
            if path.contains(p):
                return site
        return None

    def centre_of(self, site: str) -> QPointF:
        """Where a region is on screen (the centre of its first part); for tests and tooltips."""
        scale, ox, oy = self._scale()
        c = self._regions[site].toSubpathPolygons()[0].boundingRect().center()
        return QPointF(c.x() * scale + ox, c.y() * scale + oy)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        site = self.site_at(event.position())
        if site is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self._selected ^= {site}
        self.update()
        self.value_changed.emit(self.value())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        site = self.site_at(event.position())
        if site != self._hover:
            self._hover = site
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if site else Qt.CursorShape.ArrowCursor
            )
            if site:
                QToolTip.showText(event.globalPosition().toPoint(), label(site), self)
            self.update()

    def leaveEvent(self, event: object) -> None:
        self._hover = None
        self.update()

    def paintEvent(self, _event: object) -> None:
        pal = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scale, ox, oy = self._scale()
        painter.setPen(pal.color(QPalette.ColorRole.WindowText))
        front, back = self.captions or (self.tr("Front"), self.tr("Back"))
        painter.drawText(QRectF(ox, 0, _FIG_W * scale, 12), Qt.AlignmentFlag.AlignCenter,
                         front)  # fmt: skip
        painter.drawText(QRectF(ox + (_FIG_W + _GAP) * scale, 0, _FIG_W * scale, 12),
                         Qt.AlignmentFlag.AlignCenter, back)  # fmt: skip
        painter.translate(ox, oy)
        painter.scale(scale, scale)
        base = pal.color(QPalette.ColorRole.Mid)
        line = QPen(pal.color(QPalette.ColorRole.WindowText), 1.0 / scale * 1.2)
        painter.setPen(line)
        painter.setBrush(base.lighter(130) if base.lightness() < 128 else base.lighter(115))
        painter.drawPath(self._outline)
        highlight = pal.color(QPalette.ColorRole.Highlight)
        for site, path in self._regions.items():
            if site in self._selected:
                painter.setBrush(highlight)
            elif site == self._hover:
                painter.setBrush(QColor(highlight.red(), highlight.green(), highlight.blue(), 90))
            else:
                painter.setBrush(pal.color(QPalette.ColorRole.Base))
            painter.drawPath(path)
        painter.end()
