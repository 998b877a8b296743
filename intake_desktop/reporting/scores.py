"""The plan's scores as rows of the clinician summary: result, band in words, and a note.

Bands print in the words a referring clinician expects (the template's ``bands`` table: ODI's
top bands read "crippling" and "bed-bound", as the index's authors name them), never as the
stored code. A score computed from part of its items says so in numbers: how many items were
not recorded and what the full score could be, never a list of item names that reads like
findings ("not recorded: no diabetes, …" looked like the patient had no diabetes).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape

from intake_desktop.domain.instruments import (
    COOK_ITEMS,
    KONNO_ITEMS,
    KONNO_LIKELY_AT_LEAST,
    KONNO_POINTS,
)

from .facts import field_label, number_text
from .templates import Template
from .wording import clinical_line


def score_rows(t: Template, scores: Mapping[str, Any]) -> list[tuple[str, str, str, str]]:
    """(instrument, result, band or reading, note) for each score in the plan, as markup."""
    names = t.raw("scores", {})
    rows: list[tuple[str, str, str, str]] = []
    for key, value in scores.items():
        name = escape(names.get(key, key.upper()))
        if key == "nrs" and isinstance(value, Mapping):
            for site, v in value.items():
                site_name = field_label(t, "painnrs", site)
                rows.append((f"{name}: {site_name}", f"{v.get('value')}/10", band(t, v), ""))
            continue
        rows.append((name, *_score(t, key, value)))
    return rows


def band(t: Template, value: Mapping[str, Any]) -> str:
    """The band of a score in the template's words (``bands.<code>``), or a dash."""
    code = value.get("band")
    if not code:
        return "—"
    words = t.raw("bands", {})
    return escape(words.get(code) or str(code).replace("_", " "))


def _score(t: Template, key: str, v: Any) -> tuple[str, str, str]:
    if not isinstance(v, Mapping):
        return escape(str(v)), "", ""
    note = clinical_line(t, str(v["reason"])) if v.get("reason") else ""
    na = escape(t.plain("terms.not_scorable"))
    if key == "odi":
        result = f"{v['percent']} %" if v.get("percent") is not None else na
        answered = escape(t.plain("terms.answered", count=v.get("answered", "?"), total=10))
        return result, band(t, v), "; ".join(x for x in (answered, note) if x)
    if key == "ndi":
        result = f"{v['raw']}/50 ({v['percent']} %)" if v.get("raw") is not None else na
        return result, band(t, v), note
    if key == "zcq":
        parts = [
            f"{field_label(t, 'zcq', sub)} "
            + (number_text(t, v[sub]) if v.get(sub) is not None else "—")
            for sub in ("symptom_severity", "physical_function", "satisfaction")
            if sub in v
        ]
        satisfied = v.get("satisfied")
        reading = (
            ""
            if satisfied is None
            else escape(t.plain("terms.satisfied" if satisfied else "terms.not_satisfied"))
        )
        return "; ".join(parts), reading, note
    if key == "mjoa":
        return f"{v.get('total')}/18", band(t, v), note
    if key == "abi":
        return number_text(t, v.get("value")), band(t, v), note
    if key == "konno":
        return konno_row(t, v)
    if key == "cook":
        missing = list(v.get("not_recorded") or ())
        code = str(v.get("interpretation") or "")
        reading = escape(t.plain(f"terms.cook_{code}")) if t.has(f"terms.cook_{code}") else ""
        note = (
            escape(t.plain("terms.missing_items", count=len(missing), total=len(COOK_ITEMS)))
            if missing
            else ""
        )
        return f"{v.get('findings')}/5", reading, note
    generic = ", ".join(f"{k} {w}" for k, w in v.items() if w not in (None, [], ""))
    return escape(generic), band(t, v), ""


def konno_bounds(points: int, missing: list[str]) -> tuple[int, int]:
    """The lowest and highest the Konno score could reach once the missing items are known.

    A missing item scores 0; recorded, it would add its points if present (some items count
    against stenosis, so the score may also fall: an unrecorded straight-leg raise is -2).
    """
    low = points + sum(min(0, KONNO_POINTS[item]) for item in missing)
    high = points + sum(max(0, KONNO_POINTS[item]) for item in missing)
    return low, high


def konno_row(t: Template, v: Mapping[str, Any]) -> tuple[str, str, str]:
    """Konno: the points, and when items are missing the range the full score lies in.

    The reading is "likely" or "below threshold" only when the whole range is on one side of
    7; a partial score whose range straddles it reads "undetermined".
    """
    points = int(v.get("points") or 0)
    missing = [m for m in v.get("not_recorded") or () if m in KONNO_POINTS]
    if not missing:
        likely = escape(t.plain("terms.likely" if v.get("likely") else "terms.not_likely"))
        return str(points), likely, ""
    low, high = konno_bounds(points, missing)
    if low >= KONNO_LIKELY_AT_LEAST:
        reading = t.plain("terms.likely")
    elif high < KONNO_LIKELY_AT_LEAST:
        reading = t.plain("terms.not_likely")
    else:
        reading = t.plain("terms.undetermined")
    count, total = len(missing), len(KONNO_ITEMS)
    if low == points:
        result = t.plain("terms.at_least", count=points)
        note = t.plain("terms.lower_bound", count=count, total=total)
    else:
        result = str(points)
        note = t.plain("terms.konno_range", count=count, total=total, low=low, high=high)
    return escape(result), escape(reading), escape(note)
