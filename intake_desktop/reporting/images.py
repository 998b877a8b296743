"""The clinic's logo, decoded and compressed once per process instead of once per PDF.

Handing ReportLab a picture makes it decode the PNG, compress the pixels and encode them as text
for every document: about 5 ms of a 30 ms patient summary (issue 8), for the same 7 KiB logo each
time. Here ReportLab builds the image object once; each document then gets a cheap copy that
shares the finished bytes. The file's bytes are compared on every use (microseconds), so a clinic
that replaces its logo sees the new one in the next PDF.
"""

from __future__ import annotations

import copy
import hashlib
import io
import threading
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfgen.canvas import Canvas


class PreparedImage:
    """A picture ready to place on any number of pages of any number of documents."""

    def __init__(self, data: bytes) -> None:
        reader = ImageReader(io.BytesIO(data))
        self.width, self.height = reader.getSize()
        #: The document-wide name of the picture; the same bytes always get the same name.
        self.name = "img" + hashlib.sha1(data).hexdigest()[:16]
        # ReportLab's own loader, run once: it sets the size, colour space, filters and encoded
        # stream, and splits any transparency into a soft mask of its own (mask="auto").
        self._image = PDFImageXObject(self.name, reader, mask="auto")
        self._mask: PDFImageXObject | None = self._image.__dict__.pop("_smask", None)
        for part in (self._image, self._mask):
            # The encoded stream is ASCII text; as bytes it is written out without the text
            # codec ReportLab would run over it in every document (same bytes in the file).
            if part is not None and isinstance(part.streamContent, str):
                part.streamContent = part.streamContent.encode("latin-1")

    def draw(self, canvas: Canvas, x: float, y: float, width: float, height: float) -> None:
        """Draw the picture stretched to ``width`` × ``height`` with its lower left at x, y.

        What ``Canvas.drawImage`` does, except that the image object is a copy of the prepared
        one: the first use in a document registers it (and its soft mask), later pages reuse it.
        """
        doc = canvas._doc
        if not doc.hasForm(self.name):
            image = copy.copy(self._image)
            if self._mask is not None:
                mask = copy.copy(self._mask)
                image.smask = doc.Reference(mask, doc.getXObjectName(mask.name))
            doc.addForm(self.name, image)
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(width, height)
        canvas.doForm(self.name)
        canvas.restoreState()
        # Lists the image procedures in the page's resources, as drawImage does.
        canvas._currentPageHasImages = 1


_prepared: dict[Path, tuple[bytes, PreparedImage]] = {}
_lock = threading.Lock()


def prepared_image(path: Path) -> PreparedImage:
    """The picture in ``path``, prepared once and reused while the file's bytes are unchanged."""
    path = Path(path)
    data = path.read_bytes()
    with _lock:
        hit = _prepared.get(path)
    if hit is not None and hit[0] == data:
        return hit[1]
    image = PreparedImage(data)
    with _lock:
        _prepared[path] = (data, image)
    return image


_pictures: dict[str, PreparedImage] = {}


def prepared_picture(data: bytes) -> PreparedImage:
    """A picture given as bytes (the logo stored with the records), prepared once per content."""
    key = hashlib.sha256(data).hexdigest()
    with _lock:
        hit = _pictures.get(key)
    if hit is not None:
        return hit
    image = PreparedImage(data)
    with _lock:
        if len(_pictures) >= 8:
            _pictures.clear()
        _pictures[key] = image
    return image
