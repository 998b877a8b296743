"""Hypothesis strategies for valid case files, derived from the case model itself.

Deriving them from the dataclasses' annotations and metadata (the same source validation uses)
means a new field is generated as soon as it exists, with its allowed values and ranges.
"""

from __future__ import annotations

import dataclasses
import typing
from datetime import date, timedelta
from typing import Any, Literal

from hypothesis import strategies as st

from intake_desktop.domain.case import Case, Patient
from intake_desktop.domain.validation import _hints, _strip_optional

LEVELS = ["L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1", "C4-C5", "C5-C6", "C6-C7", "T12-L1"]
VISIT = date(2026, 11, 20)
#: Text a person can type: no control characters, lone surrogates or bidirectional controls
#: (the validator refuses those; tests/domain/test_input_limits.py shows it).
_VISIBLE = st.characters(
    exclude_categories=("Cc", "Cs"),
    exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)


def _value(tp: Any, meta: dict[str, Any], draw: st.DrawFn, path: str) -> Any:
    tp = _strip_optional(tp)
    origin = typing.get_origin(tp)
    if dataclasses.is_dataclass(tp):
        return _object(tp, draw, path)
    if origin is tuple:
        item_tp = typing.get_args(tp)[0]
        if "length" in meta:
            lo, hi = int(meta["minimum"]), int(meta["maximum"])
            return draw(
                st.lists(
                    st.one_of(st.none(), st.integers(lo, hi)),
                    min_size=meta["length"],
                    max_size=meta["length"],
                )
            )
        if path.endswith("levels"):
            return draw(st.lists(st.sampled_from(LEVELS), unique=True, max_size=4))
        if dataclasses.is_dataclass(item_tp):
            return [_object(item_tp, draw, path) for _ in range(draw(st.integers(0, 4)))]
        return draw(st.lists(st.sampled_from(typing.get_args(item_tp)), unique=True))
    if origin is Literal:
        return draw(st.sampled_from(typing.get_args(tp)))
    if tp is bool:
        return draw(st.booleans())
    if tp is int:
        return draw(st.integers(int(meta["minimum"]), int(meta["maximum"])))
    if tp is float:
        lo, hi = meta["minimum"], meta["maximum"]
        return draw(
            st.one_of(
                st.integers(int(lo) + (lo % 1 > 0), int(hi)),
                st.floats(lo, hi, allow_nan=False, allow_infinity=False),
            )
        )
    if tp is date:
        return draw(st.dates(VISIT - timedelta(days=800), VISIT)).isoformat()
    if tp is str:
        if path.endswith("language"):
            return draw(st.sampled_from(["en", "es", "en-GB"]))
        return draw(st.text(_VISIBLE, min_size=1, max_size=30))
    raise TypeError(tp)


def _object(cls: type, draw: st.DrawFn, path: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        required = f.default is dataclasses.MISSING
        if not required and not draw(st.booleans()):
            continue
        out[f.name] = _value(_hints(cls)[f.name], dict(f.metadata), draw, f"{path}.{f.name}")
    return out


@st.composite
def case_dicts(draw: st.DrawFn) -> dict[str, Any]:
    """A valid case file as decoded JSON."""
    data = _object(Case, draw, "")
    data["format"] = "spine-intake-case/1"
    data["visit_date"] = VISIT.isoformat()
    born = draw(st.dates(date(1920, 1, 1), date(2008, 1, 1)))
    data["patient"] = {**_object(Patient, draw, "patient"), "date_of_birth": born.isoformat()}
    zcq = data.get("questionnaires", {}).get("zcq", {})
    if zcq.get("symptom_severity"):
        zcq["symptom_severity"][6] = draw(st.sampled_from([None, 1, 3, 5]))
    return data
