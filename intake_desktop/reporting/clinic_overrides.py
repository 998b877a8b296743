"""The clinic's settings stored with the records, laid over ``clinic.toml``.

``clinic.toml`` stays the template a clinic starts from; an administrator's changes are kept in
the database (so every workstation on one PostgreSQL server prints the same letterhead) and
handed to the loader as a :class:`ClinicOverrides`: tables shaped like the file's
(``{"clinic": {"name": ...}, "page": {"size": "A4"}}``) and, for the logo, the picture's bytes.
The merged result is checked against the same spec as the file, so a bad stored value fails
like a bad file would, naming the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True)
class ClinicOverrides:
    """Stored settings over ``clinic.toml``; ``logo`` is a PNG/JPEG's bytes, ``no_logo`` says
    the clinic chose to print without one."""

    tables: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    logo: bytes | None = None
    no_logo: bool = False

    @property
    def empty(self) -> bool:
        return not self.tables and self.logo is None and not self.no_logo


def merged(base: Mapping[str, Any], overrides: ClinicOverrides) -> dict[str, Any]:
    """``base`` (the checked clinic.toml) with the stored values in place, as plain dicts."""
    out: dict[str, Any] = {k: dict(v) if isinstance(v, Mapping) else v for k, v in base.items()}
    for table, values in overrides.tables.items():
        target = out.setdefault(table, {})
        if isinstance(target, dict):
            target.update(values)
    return out


def frozen(data: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(
        {k: MappingProxyType(dict(v)) if isinstance(v, Mapping) else v for k, v in data.items()}
    )
