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
from .json_text import shown
from .text_check import text_problem

_SPINAL_LEVEL = re.compile(r"^(C[2-7]-(C[3-7]|T1)|T1[0-2]-(T1[1-2]|L1)|L[1-5]-(L[2-5]|S1))$")
_BCP47 = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: The earliest date of birth accepted, here and when the front desk registers a patient.
EARLIEST_BIRTH = date(1900, 1, 1)
#: How many problems a CaseValidationError keeps; the rest are only counted.
MAX_REPORTED = 20
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
    """The case file cannot be used as it is.

    ``errors`` lists the first :data:`MAX_REPORTED` problems found and ``more`` counts the rest,
    so that a file with millions of bad entries still gives a message a person can read.
    """

    def __init__(self, errors: list[FieldError], more: int = 0) -> None:
        self.errors = errors
        self.more = more
        text = "; ".join(str(e) for e in errors)
        super().__init__(text + (f"; and {more} more" if more else ""))

    @property
    def total(self) -> int:
        """How many problems were found in all."""
        return len(self.errors) + self.more


class _Problems:
    """The problems found so far: the first :data:`MAX_REPORTED` kept, the others counted."""

    def __init__(self) -> None:
        self.kept: list[FieldError] = []
        self.more = 0

    def append(self, error: FieldError) -> None:
        if len(self.kept) < MAX_REPORTED:
            self.kept.append(error)
        else:
            self.more += 1

    def __len__(self) -> int:
        return len(self.kept) + self.more

    def error(self) -> CaseValidationError:
        return CaseValidationError(self.kept, self.more)


def parse_case(data: Any, *, today: date | None = None) -> Case:
    """Build a :class:`Case` from decoded JSON, or raise :class:`CaseValidationError`.

    ``today`` is the date a visit may not be after (defaults to the system date); it is a parameter
    so that tests and imports of old files can pin it.
    """
    errors = _Problems()
    if not isinstance(data, Mapping):
        raise CaseValidationError(
            [FieldError("", f"a case file must be a JSON object, not {_kind(data)}")]
        )
    fmt = data.get("format")
    if fmt != CASE_FORMAT:
        got = "missing" if fmt is None else shown(fmt) if isinstance(fmt, str) else _kind(fmt)
        raise CaseValidationError([FieldError("format", f"must be {CASE_FORMAT!r} (got {got})")])
    case = _parse_dataclass(Case, data, "", errors)
    if case is not None and not errors:
        _check_dates(case, today or date.today(), errors)
        _check_zcq_balance(case, errors)
    if errors or case is None:
        raise errors.error()
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


def _check_dates(case: Case, today: date, errors: _Problems) -> None:
    """Every date between the birth and the visit, the visit not in the future.

    The earliest birth is the one the front desk may register (EARLIEST_BIRTH), so that a file
    the engine plans (``plan``) is also one the clinic can store (``import``).
    """
    visit, born = case.visit_date, case.patient.date_of_birth
    if visit > today:
        errors.append(FieldError("visit_date", f"{visit} is in the future (today is {today})"))
    if born < EARLIEST_BIRTH:
        errors.append(
            FieldError(
                "patient.date_of_birth",
                f"is not a possible date of birth (the earliest is {EARLIEST_BIRTH})",
            )
        )
    elif born > visit:
        errors.append(FieldError("patient.date_of_birth", f"is after the visit date {visit}"))
    dated = [("imaging.date", case.imaging.date if case.imaging else None)]
    injections = (case.treatment and case.treatment.injections) or ()
    dated += [(f"treatment.injections[{i}].date", inj.date) for i, inj in enumerate(injections)]
    for path, when in dated:
        if when is None:
            continue
        if when > visit:
            errors.append(FieldError(path, f"{when} is after the visit date {visit}"))
        elif when < born:
            errors.append(FieldError(path, f"{when} is before the date of birth {born}"))


def _check_zcq_balance(case: Case, errors: _Problems) -> None:
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


def _parse_dataclass(cls: type, data: Any, path: str, errors: _Problems) -> Any:
    if not isinstance(data, Mapping):
        errors.append(FieldError(path, f"must be an object, not {_kind(data)}"))
        return None
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = [key for key in data if key not in fields]
    if unknown:
        allowed = ", ".join(sorted(fields))
        for key in unknown:
            errors.append(FieldError(_join(path, _key(key)), f"unknown field (allowed: {allowed})"))
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


def _parse_value(tp: Any, value: Any, path: str, meta: dict[str, Any], errors: _Problems):
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
            shown_value = described(value)
            errors.append(
                FieldError(path, f"{shown_value} is not allowed (allowed: {', '.join(allowed)})")
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
            return value
        problem = text_problem(value, multiline=meta.get("multiline", False))
        if problem is not None:
            errors.append(FieldError(path, problem))
            return value
        if "pattern" in meta:
            regex, description = _PATTERNS[meta["pattern"]]
            if not regex.match(value):
                errors.append(FieldError(path, f"{described(value)} is not {description}"))
        return value
    if origin in (Union, types.UnionType):  # int | None inside a questionnaire list
        return _parse_value(_strip_optional(tp), value, path, meta, errors)
    raise TypeError(f"no parser for {tp!r} at {path}")  # a programming error, not bad input


def _parse_list(item_tp: Any, value: Any, path: str, meta: dict[str, Any], errors: _Problems):
    if not isinstance(value, list):
        errors.append(FieldError(path, f"must be a list, not {_kind(value)}"))
        return ()
    if "length" in meta and len(value) != meta["length"]:
        errors.append(
            FieldError(path, f"must have exactly {meta['length']} entries (got {len(value)})")
        )
        if len(value) > meta["length"]:
            return ()
    most = list_limit(item_tp, meta)
    if len(value) > most:
        errors.append(FieldError(path, f"has {len(value)} entries (at most {most})"))
        return ()
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
                errors.append(FieldError(f"{path}[{i}]", f"{described(item)} is listed twice"))
            seen.add(key)
    return tuple(out)


def list_limit(item_tp: Any, meta: Mapping[str, Any]) -> int:
    """The most entries a list field may hold: its ``max_items``, its fixed ``length``, or for a
    list of distinct codes the number of codes. Every list of the case has one, so that no file
    can make the validator, the engine or a printed summary work through millions of entries.
    """
    if "max_items" in meta:
        return int(meta["max_items"])
    if "length" in meta:
        return int(meta["length"])
    if meta.get("unique") and typing.get_origin(item_tp) is Literal:
        return len(typing.get_args(item_tp))
    raise TypeError(f"a list of {item_tp!r} without a maximum")  # a programming error


def _key(key: Any) -> str:
    """An unknown key as it may appear in a field path: plain when it is a plain name."""
    text = str(key)
    return text if text.isidentifier() and len(text) <= 40 else described(text)


#: A text value is quoted in a message only when it could be a misspelt code (``gout``,
#: ``l4_l5``) or spinal level (``L6-S1``). Anything else (capitals, spaces, a leading digit, a
#: date) may be a name, a record number or a date of birth typed into the wrong field, and these
#: messages reach screens, terminals and logs, where patient data must never go (issue 18).
_CODE_LIKE = re.compile(r"[a-z][a-z0-9_]{0,39}|[A-Z][0-9]{1,2}(-[A-Z][0-9]{1,2})?")
NOT_QUOTED = "the text given"


def described(value: Any) -> str:
    """A value inside a message: a code-like text quoted (control characters escaped), any other
    text only described, and a value of another kind by its kind."""
    if isinstance(value, str):
        return shown(value) if _CODE_LIKE.fullmatch(value) else NOT_QUOTED
    return _kind(value)


def _check_range(value: float, path: str, meta: dict[str, Any], errors: _Problems) -> None:
    lo, hi = meta.get("minimum"), meta.get("maximum")
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        errors.append(FieldError(path, f"{_number(value)} is out of range (allowed {lo} to {hi})"))


def _parse_date(value: Any, path: str, errors: _Problems) -> date | None:
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        wrong = described(value)
        errors.append(FieldError(path, f"must be a date written YYYY-MM-DD, not {wrong}"))
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.append(FieldError(path, "is not a real calendar date (there is no such day)"))
        return None


def _number(value: float) -> str:
    """A number for a message; one too long to print (Python refuses past 4,300 digits) is cut."""
    if isinstance(value, int) and abs(value) >= 10**40:
        return "a number of more than 40 digits"
    return str(value)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no)"
    if isinstance(value, int | float):
        return f"the number {_number(value)}"
    if isinstance(value, str):
        return f"the text {value!r}" if _CODE_LIKE.fullmatch(value) else NOT_QUOTED
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__
