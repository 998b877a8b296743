"""The readable names of codes, translated for the UI (context "codes" in the .ts files).

The domain keeps its English names (no Qt there); the UI shows them through this wrapper so a
loaded translator can replace them. ``resources/translations/update.py`` lists every name for
lupdate.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from intake_desktop.domain import labels as _english

CONTEXT = "codes"


def label(code: str | None) -> str:
    """The readable name of ``code`` in the UI language (English when no translator is loaded)."""
    return QCoreApplication.translate(CONTEXT, _english.label(code))


def fill(template: str, *args: object) -> str:
    """``%1``, ``%2``… of a translated template replaced in one pass (as ``QString::arg``)."""
    return re.sub(r"%(\d)", lambda m: str(args[int(m.group(1)) - 1]), template)


def translated(name: str) -> str:
    """A UI-specific code name (marked ``QT_TRANSLATE_NOOP("codes", ...)``) in the UI language."""
    return QCoreApplication.translate(CONTEXT, name)
