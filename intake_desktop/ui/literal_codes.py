"""The allowed codes of a field, read from the domain's ``Literal`` types (one source of truth)."""

from __future__ import annotations

import typing


def codes_of(literal: object) -> tuple[str, ...]:
    return tuple(typing.get_args(literal))
