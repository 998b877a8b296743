"""The readable names of codes, translated for the UI (context "codes" in the .ts files).

The domain keeps its English names (no Qt there); the UI shows them through this wrapper so a
loaded translator can replace them. ``tools/translations/update.py`` lists every name for
lupdate.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from intake_desktop.catalogue.messages import CATALOGUES, fmt_number
from intake_desktop.domain import labels as _english

CONTEXT = "codes"


def label(code: str | None) -> str:
    """The readable name of ``code`` in the UI language (English when no translator is loaded)."""
    return QCoreApplication.translate(CONTEXT, _english.label(code))


def procedure_label(code: str) -> str:
    """The readable name of a procedure code in the UI language (MILD is not "mild")."""
    return QCoreApplication.translate(CONTEXT, _english.procedure_label(code))


def message_language() -> str:
    """The message catalogue's language for the loaded translation: "es" in Spanish, else "en".

    The Spanish translation file translates this marker to its own language code, so the plan's
    sentences follow exactly the translation the interface shows.
    """
    return QCoreApplication.translate("codes", "en", "language code of the plan's sentences")


def decimal_mark() -> str:
    """The interface language's decimal mark ("," in Spanish, "." in English)."""
    return CATALOGUES[message_language()].decimal


def number_text(value: float, places: int | None = None) -> str:
    """A number as the interface language writes it (``0,85`` in Spanish, ``0.85`` in English):
    the message catalogue's formatter, so a window never shows both marks at once."""
    return fmt_number(value, CATALOGUES[message_language()].decimal, places)


def fill(template: str, *args: object) -> str:
    """``%1``, ``%2``… of a translated template replaced in one pass (as ``QString::arg``)."""
    return re.sub(r"%(\d)", lambda m: str(args[int(m.group(1)) - 1]), template)


def translated(name: str) -> str:
    """A UI-specific code name (marked ``QT_TRANSLATE_NOOP("codes", ...)``) in the UI language."""
    return QCoreApplication.translate(CONTEXT, name)
