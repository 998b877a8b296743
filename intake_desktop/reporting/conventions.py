"""The clinic's conventions on the patient sheet: units and the words of its country.

``clinic.toml`` may say, under ``[conventions]``, ``units = "metric" | "us"`` (metres, or feet
and yards) and ``spelling = "us" | "uk"`` (US or UK English). The loader checks both values
(:mod:`.template_spec`); when absent, a clinic prints as before: metres and UK English.

The English patient template is written in US English and carries a ``spelling.uk`` table of
the words a UK clinic says differently ("walker" -> "walking frame", "call us at" -> "call us
on"); :func:`clinic_words` applies it once per template version. Other languages keep their own
words: a Spanish sheet stays Spanish whatever the clinic's English spelling.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .layout import format_number
from .templates import Template

UNITS: tuple[str, ...] = ("metric", "us")
SPELLINGS: tuple[str, ...] = ("us", "uk")
DEFAULT_UNITS = "metric"
DEFAULT_SPELLING = "uk"
METRES_PER_FOOT = 0.3048
#: US distances under this many metres print in feet, longer ones in yards.
FEET_BELOW_M = 50.0


@dataclass(frozen=True, slots=True)
class Conventions:
    """How a clinic writes for its patients."""

    units: str = DEFAULT_UNITS
    spelling: str = DEFAULT_SPELLING


def conventions(t: Template) -> Conventions:
    """The clinic's conventions from ``clinic.toml`` (already checked by the loader)."""
    table = t.clinic.get("conventions") or {}
    return Conventions(
        units=table.get("units", DEFAULT_UNITS), spelling=table.get("spelling", DEFAULT_SPELLING)
    )


def distance_unit(t: Template, metres: float) -> tuple[float, str]:
    """``metres`` in the clinic's unit: (value, unit key of the template's ``units`` table).

    US clinics get feet for short distances and yards beyond, rounded to what a patient would
    say (5 feet, 10 yards): the number was the patient's own estimate in the first place.
    """
    if conventions(t).units != "us":
        return metres, "m"
    feet = metres / METRES_PER_FOOT
    if metres < FEET_BELOW_M:
        return 5 * round(feet / 5), "ft"
    return 10 * round(feet / 30), "yd"


def distance_text(t: Template, metres: float) -> str:
    """A distance as the patient reads it: "200 metres", "220 yards" (plain text)."""
    value, unit = distance_unit(t, metres)
    return f"{format_number(t, value)} {t.plain(f'units.{unit}')}"


def chart_unit(t: Template, largest_m: float) -> str:
    """The one unit a picture of several distances uses (the unit of its largest value)."""
    return distance_unit(t, largest_m)[1]


def in_unit(metres: float, unit: str) -> float:
    """``metres`` in ``unit`` ("m", "ft" or "yd"), not rounded (for bar heights)."""
    feet = metres / METRES_PER_FOOT
    return {"m": metres, "ft": feet, "yd": feet / 3}[unit]


def fever_threshold(t: Template) -> str:
    """38 °C with the other scale in brackets; the clinic's own scale first."""
    if conventions(t).units == "us":
        return f"{format_number(t, 100.4)} °F (38 °C)"
    return f"38 °C ({format_number(t, 100.4)} °F)"


#: Spelling variants by (id of each text table, spelling): the table itself is kept in the value
#: so that its id cannot be reused while the entry lives.
_variants: dict[tuple[Any, ...], tuple[tuple[Any, ...], Template]] = {}
_lock = threading.Lock()
_MAX_VARIANTS = 16
_SKIP = frozenset({"spelling", "document"})


def clinic_words(t: Template) -> Template:
    """``t`` with the clinic's country's words (a UK clinic's English); ``t`` when none apply."""
    spelling = conventions(t).spelling
    table = t.raw(f"spelling.{spelling}", None)
    if not table:
        return t
    parts = tuple(t._texts.values())
    key = (*map(id, parts), spelling, t.language)
    with _lock:
        hit = _variants.get(key)
    if hit is not None:
        return hit[1]
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True)) + r")\b",
        re.IGNORECASE,
    )
    lookup = {k.lower(): v for k, v in table.items()}

    def swap(m: re.Match[str]) -> str:
        new = lookup[m.group(0).lower()]
        return new[:1].upper() + new[1:] if m.group(0)[:1].isupper() else new

    texts = {k: v if k in _SKIP else _replace(v, pattern, swap) for k, v in t._texts.items()}
    variant = dataclasses.replace(t, _texts=MappingProxyType(texts))
    with _lock:
        if len(_variants) >= _MAX_VARIANTS:
            _variants.clear()
        _variants[key] = (parts, variant)
    return variant


def _replace(node: Any, pattern: re.Pattern[str], swap: Any) -> Any:
    if isinstance(node, str):
        return pattern.sub(swap, node)
    if isinstance(node, Mapping):
        return MappingProxyType({k: _replace(v, pattern, swap) for k, v in node.items()})
    if isinstance(node, tuple):
        return tuple(_replace(v, pattern, swap) for v in node)
    return node
