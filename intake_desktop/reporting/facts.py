"""The recorded facts of a visit as (label, value) text pairs for the clinician summary.

Only what was recorded is listed: a field left blank means *not recorded*, never *no*, so it is
left out rather than printed as a negative. Labels of fields come from the clinician template
(``fields.<section>.<name>``, falling back to the field name in words); labels of codes come from
the template's optional ``codes`` table, else from :mod:`intake_desktop.domain.labels`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from intake_desktop.domain.labels import label

from .conventions import distance_unit, in_unit
from .layout import format_date, recorded_number
from .templates import Template

_CODE = re.compile(r"^[a-z][a-z0-9_]*$")
#: Field-name endings and the unit (key of the template's ``units`` table) they carry.
_UNITS: tuple[tuple[str, str], ...] = (
    ("_mm2", "mm2"),
    ("_weeks", "weeks"),
    ("_min", "min"),
    ("_m", "m"),
    ("_c", "c"),
    ("_kg", "kg"),
    ("_cm", "cm"),
    ("seconds_to_relief_on_sitting", "s"),
)


def code_text(t: Template, code: Any) -> str:
    """A code in the reader's words (escaped for paragraph markup)."""
    if code is None:
        return escape(t.plain("words.not_recorded"))
    codes = t.raw("codes", {})
    return escape(codes.get(code) or label(str(code)))


#: Text fields that hold free values, not codes (printed as recorded).
_FREE_TEXT = frozenset({"language", "levels", "id", "name"})


def metres_text(t: Template, metres: float, number: str) -> str:
    """A recorded distance: the metres as recorded, and for a US clinic (``clinic.toml``
    ``conventions.units``) the same in yards or feet after it, so neither reader converts."""
    units = t.raw("units", {})
    recorded = f"{number} {escape(units['m'])}"
    unit = distance_unit(t, metres)[1]
    if unit == "m" or unit not in units:
        return recorded
    # To the nearest foot or yard: the clinician reads a measurement, not the patient's estimate.
    return f"{recorded} ({number_text(t, round(in_unit(metres, unit)))} {escape(units[unit])})"


def value_text(t: Template, name: str, value: Any) -> str:
    """One recorded value as text: yes/no, codes, lists, numbers with units, dates."""
    if isinstance(value, bool):
        return escape(t.plain("words.yes" if value else "words.no"))
    if isinstance(value, date):
        return escape(format_date(t, value))
    if isinstance(value, tuple | list):
        if not value:
            return escape(t.plain("words.none"))
        return ", ".join(value_text(t, name, v) for v in value)
    if isinstance(value, int | float):
        unit = next((u for end, u in _UNITS if name.endswith(end)), None)
        number = number_text(t, value)
        units = t.raw("units", {})
        if unit == "m" and "yd" in units:
            return metres_text(t, float(value), number)
        return f"{number} {escape(units[unit])}" if unit and unit in units else number
    if isinstance(value, str):
        coded = name not in _FREE_TEXT and _CODE.match(value)
        return code_text(t, value) if coded else escape(value)
    if dataclasses.is_dataclass(value):
        parts = [
            f"{field_label(t, type(value).__name__.lower(), k)} {value_text(t, k, v)}"
            for k, v in recorded(value)
        ]
        return ", ".join(parts)
    return escape(str(value))


def number_text(t: Template, value: float) -> str:
    """A recorded number in the reader's writing (``0,85`` in Spanish): see
    :func:`.layout.recorded_number`."""
    return recorded_number(t, value)


def field_label(t: Template, section: str, name: str) -> str:
    labels = t.raw(f"fields.{section}", {})
    return escape(labels.get(name) or name.replace("_", " ").capitalize())


def recorded(obj: Any, skip: Iterable[str] = ()) -> list[tuple[str, Any]]:
    """The (field, value) pairs of a dataclass that were recorded, in declaration order."""
    if obj is None:
        return []
    skipped = set(skip)
    return [
        (f.name, v)
        for f in dataclasses.fields(obj)
        if f.name not in skipped and (v := getattr(obj, f.name)) is not None
    ]


def fact_rows(
    t: Template, section: str, obj: Any, skip: Iterable[str] = ()
) -> list[tuple[str, str]]:
    """(label, value) rows of every recorded field of one part of the case."""
    return [
        (field_label(t, section, name), value_text(t, name, value))
        for name, value in recorded(obj, skip)
    ]
