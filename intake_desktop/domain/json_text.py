"""Decoding JSON from an untrusted file, with limits that Python's ``json`` module does not set.

Case files and FHIR Bundles come from other programs and other people. ``json.loads`` alone lets
a duplicated key silently replace the first value, turns ``NaN`` into a number, raises
``RecursionError`` on deep nesting and ``ValueError`` on a 5,000-digit number: none of those is a
clear message naming what is wrong. :func:`decode_json` refuses each of them with
:class:`JsonRefused`, whose text says what to fix. Pure: bytes in, data out (the command line
decides which files may be read and how large they may be).
"""

from __future__ import annotations

import json
from typing import Any

#: Deepest nesting of objects and lists accepted; a case file needs 4, a FHIR Bundle about 10.
MAX_DEPTH = 64
#: Longest number accepted, in characters; clinical values need a handful of digits.
MAX_NUMBER_LENGTH = 40


class JsonRefused(ValueError):
    """The text is not JSON this app accepts; the message says why, in one sentence."""


def decode_json(raw: bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    """The JSON value in ``raw`` (UTF-8), or :class:`JsonRefused` saying what is wrong."""
    if not raw.strip():
        raise JsonRefused("the file is empty; a JSON object was expected")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise JsonRefused("not UTF-8 text") from None
    try:
        data = json.loads(
            text,
            object_pairs_hook=_object,
            parse_int=_integer,
            parse_float=_decimal,
            parse_constant=_constant,
        )
    except RecursionError:
        raise JsonRefused(f"nested more than {max_depth} levels deep") from None
    except json.JSONDecodeError as exc:
        raise JsonRefused(
            f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    _check_depth(data, max_depth)
    return data


def shown(text: str, limit: int = 40) -> str:
    """``text`` quoted for a message: control and invisible characters escaped, cut at ``limit``."""
    quoted = repr(text[:limit])
    return quoted + ("…" if len(text) > limit else "")


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise JsonRefused(
                    f"the key {shown(key)} appears twice in one object; "
                    "which value is meant cannot be known"
                )
            seen.add(key)
    return obj


def _number_length(text: str) -> None:
    if len(text) > MAX_NUMBER_LENGTH:
        raise JsonRefused(
            f"a number is written with {len(text)} characters "
            f"(at most {MAX_NUMBER_LENGTH}): {text[:20]}…"
        )


def _integer(text: str) -> int:
    _number_length(text)
    return int(text)


def _decimal(text: str) -> float:
    _number_length(text)
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise JsonRefused(f"the number {text} is too large")
    return value


def _constant(name: str) -> Any:
    raise JsonRefused(f"{name} is not a JSON number")


def _check_depth(data: Any, max_depth: int) -> None:
    """Walk the containers without recursion; refuse nesting deeper than ``max_depth``."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > max_depth:
            raise JsonRefused(f"nested more than {max_depth} levels deep")
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
