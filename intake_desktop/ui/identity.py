"""Who a window, a list line or an alert is about, in the words the UI shows.

A patient may be registered without a name or a record number (an imported case file often has
neither), so each part is shown only when recorded and the date of birth always: never a bare
dash where a name should be. Names are escaped for rich-text labels: a name is data, not markup.
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication

from .code_labels import fill


def patient_identity(
    name: str | None, record_number: str | None, date_of_birth: date, *, rich: bool = False
) -> str:
    """``Ana Test · record MRN-1 · born 1955-04-02``, the name in bold when ``rich``."""
    shown = name or QCoreApplication.translate("PatientIdentity", "name not recorded")
    parts = [f"<b>{escape(shown)}</b>" if rich else shown]
    if record_number:
        number = escape(record_number) if rich else record_number
        parts.append(fill(QCoreApplication.translate("PatientIdentity", "record %1"), number))
    born = QCoreApplication.translate("PatientIdentity", "born %1")
    parts.append(fill(born, date_of_birth.isoformat()))
    return " · ".join(parts)
