"""Parse and check a case file, naming the field of every problem.

Clinical data must never be silently coerced: a string where a number belongs, ``1`` where a yes/no
belongs, an unknown key or an impossible date are errors with the field's path and what is allowed.
The checks are driven by the annotations and metadata of the dataclasses in :mod:`.case`, so the
model and its validation cannot drift apart.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any, Literal, Union

from .case import Case
from .codes import CASE_FORMAT

_SPINAL_LEVEL = re.compile(r"^(C[2-7]-(C[3-7]|T1)|T1[0-2]-(T1[1-2]|L1)|L[1-5]-(L[2-5]|S1))$")
_BCP47 = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PATTERNS = {
    "spinal_level": (_SPINAL_LEVEL, "a spinal level such as L4-L5 or C5-C6"),
    "bcp47": (_BCP47, "a language tag such as en or es"),
}


@dataclasses.dataclass(frozen=True, slots=True)
class FieldError:
    """One problem with one field.

    ``path`` is dotted with list indexes (``treatment.injections[1].date``) so that the command
    line can name the field and a window can put the message next to the widget that holds it.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class CaseValidationError(ValueError):
    """The case file cannot be used as it is; ``errors`` lists every problem found."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))


def parse_case(data: Any, *, today: date | None = None) -> Case:
    """Build a :class:`Case` from decoded JSON, or raise :class:`CaseValidationError`.

    ``today`` is the date a visit may not be after (defaults to the system date); it is a parameter
    so that tests and imports of old files can pin it.
    """
    errors: list[FieldError] = []
    if not isinstance(data, Mapping):
        raise CaseValidationError(
            [FieldError("", f"a case file must be a JSON object, not {_kind(data)}")]
        )
    fmt = data.get("format")
    if fmt != CASE_FORMAT:
        got = "missing" if fmt is None else repr(fmt)
        raise CaseValidationError([FieldError("format", f"must be {CASE_FORMAT!r} (got {got})")])
    case = _parse_dataclass(Case, data, "", errors)
    if case is not None and not errors:
        _check_dates(case, today or date.today(), errors)
        _check_zcq_balance(case, errors)
    if errors or case is None:
        raise CaseValidationError(errors)
    return case


def case_to_dict(case: Case) -> dict[str, Any]:
    """The case as JSON-ready data, with *not recorded* fields left out (inverse of parse_case)."""
    out = _to_json(case)
    assert isinstance(out, dict)
    return out


def _to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(value):
            v = getattr(value, f.name)
            if v is not None:
                out[f.name] = _to_json(v)
        return out
    if isinstance(value, tuple):
        return [_to_json(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _check_dates(case: Case, today: date, errors: list[FieldError]) -> None:
    visit = case.visit_date
    if visit > today:
        errors.append(FieldError("visit_date", f"{visit} is in the future (today is {today})"))
    if case.patient.date_of_birth > visit:
        errors.append(
            FieldError(
                "patient.date_of_birth",
                f"{case.patient.date_of_birth} is after the visit date {visit}",
            )
        )
    if case.imaging and case.imaging.date and case.imaging.date > visit:
        errors.append(
            FieldError("imaging.date", f"{case.imaging.date} is after the visit date {visit}")
        )
    for i, inj in enumerate((case.treatment and case.treatment.injections) or ()):
        if inj.date > visit:
            errors.append(
                FieldError(
                    f"treatment.injections[{i}].date",
                    f"{inj.date} is after the visit date {visit}",
                )
            )


def _check_zcq_balance(case: Case, errors: list[FieldError]) -> None:
    """ZCQ symptom item 7 (balance) takes only 1, 3 or 5 (INSTRUMENTS.md, ZCQ)."""
    zcq = case.questionnaires and case.questionnaires.zcq
    items = zcq.symptom_severity if zcq else None
    if items and len(items) == 7 and items[6] is not None and items[6] not in (1, 3, 5):
        errors.append(
            FieldError(
                "questionnaires.zcq.symptom_severity[6]",
                f"{items[6]} is not allowed for the balance item (allowed: 1, 3, 5)",
            )
        )


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _parse_dataclass(cls: type, data: Any, path: str, errors: list[FieldError]) -> Any:
    if not isinstance(data, Mapping):
        errors.append(FieldError(path, f"must be an object, not {_kind(data)}"))
        return None
    fields = {f.name: f for f in dataclasses.fields(cls)}
    for key in data:
        if key not in fields:
            allowed = ", ".join(sorted(fields))
            errors.append(FieldError(_join(path, str(key)), f"unknown field (allowed: {allowed})"))
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    before = len(errors)
    for name, f in fields.items():
        fpath = _join(path, name)
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if name not in data:
            if required:
                errors.append(FieldError(fpath, "required but missing"))
            continue
        value = data[name]
        if value is None:
            errors.append(
                FieldError(fpath, "must not be null; leave the field out if not recorded")
            )
            continue
        kwargs[name] = _parse_value(hints[name], value, fpath, dict(f.metadata), errors)
    if len(errors) > before:
        return None
    return cls(**kwargs)


def _strip_optional(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _parse_value(tp: Any, value: Any, path: str, meta: dict[str, Any], errors: list[FieldError]):
    tp = _strip_optional(tp)
    origin = typing.get_origin(tp)
    if "const" in meta:
        if value != meta["const"]:
            errors.append(FieldError(path, f"must be {meta['const']!r}"))
        return value
    if dataclasses.is_dataclass(tp):
        return _parse_dataclass(tp, value, path, errors)
    if origin is tuple:
        return _parse_list(typing.get_args(tp)[0], value, path, meta, errors)
    if origin is Literal:
        allowed = typing.get_args(tp)
        if not isinstance(value, str) or value not in allowed:
            errors.append(
                FieldError(path, f"{value!r} is not allowed (allowed: {', '.join(allowed)})")
            )
        return value
    if tp is bool:
        if not isinstance(value, bool):
            errors.append(FieldError(path, f"must be true or false, not {_kind(value)}"))
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int | float):
            errors.append(FieldError(path, f"must be a whole number, not {_kind(value)}"))
            return value
        if isinstance(value, float):
            if not value.is_integer():
                errors.append(FieldError(path, f"must be a whole number, not {value}"))
                return value
            value = int(value)
        _check_range(value, path, meta, errors)
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            errors.append(FieldError(path, f"must be a number, not {_kind(value)}"))
            return value
        if value != value or value in (float("inf"), float("-inf")):
            errors.append(FieldError(path, "must be a finite number"))
            return value
        _check_range(value, path, meta, errors)
        return value
    if tp is date:
        return _parse_date(value, path, errors)
    if tp is str:
        if not isinstance(value, str):
            errors.append(FieldError(path, f"must be text, not {_kind(value)}"))
            return value
        if "max_length" in meta and len(value) > meta["max_length"]:
            errors.append(
                FieldError(path, f"is {len(value)} characters long (at most {meta['max_length']})")
            )
        if "pattern" in meta:
            regex, description = _PATTERNS[meta["pattern"]]
            if not regex.match(value):
                errors.append(FieldError(path, f"{value!r} is not {description}"))
        return value
    if origin in (Union, types.UnionType):  # int | None inside a questionnaire list
        return _parse_value(_strip_optional(tp), value, path, meta, errors)
    raise TypeError(f"no parser for {tp!r} at {path}")  # a programming error, not bad input


def _parse_list(
    item_tp: Any, value: Any, path: str, meta: dict[str, Any], errors: list[FieldError]
):
    if not isinstance(value, list):
        errors.append(FieldError(path, f"must be a list, not {_kind(value)}"))
        return ()
    if "length" in meta and len(value) != meta["length"]:
        errors.append(
            FieldError(path, f"must have exactly {meta['length']} entries (got {len(value)})")
        )
    nullable_items = type(None) in typing.get_args(item_tp)
    item_meta = {k: v for k, v in meta.items() if k in ("minimum", "maximum", "pattern")}
    out = []
    for i, item in enumerate(value):
        ipath = f"{path}[{i}]"
        if item is None:
            if not nullable_items:
                errors.append(FieldError(ipath, "must not be null"))
            out.append(None)
            continue
        out.append(_parse_value(item_tp, item, ipath, item_meta, errors))
    if meta.get("unique"):
        seen: set[Any] = set()
        for i, item in enumerate(value):
            key = repr(item)
            if key in seen:
                errors.append(FieldError(f"{path}[{i}]", f"{item!r} is listed twice"))
            seen.add(key)
    return tuple(out)


def _check_range(value: float, path: str, meta: dict[str, Any], errors: list[FieldError]) -> None:
    lo, hi = meta.get("minimum"), meta.get("maximum")
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        errors.append(FieldError(path, f"{value} is out of range (allowed {lo} to {hi})"))


def _parse_date(value: Any, path: str, errors: list[FieldError]) -> date | None:
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        errors.append(FieldError(path, f"must be a date written YYYY-MM-DD, not {value!r}"))
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.append(FieldError(path, f"{value} is not a real calendar date"))
        return None


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}" if len(value) < 40 else "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__
