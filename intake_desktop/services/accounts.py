"""What a user account is and may hold: the record an administrator sees, the form of a user
name, the roles, a signer's name and credentials.

Checked by :mod:`.auth` (which keeps these names importable) and the other services that make
or change accounts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from intake_desktop.storage.models import ROLES

from .errors import InputError

MAX_USERNAME = 100
MAX_SIGNER_TEXT = 200
#: Letters, digits and ``. _ @ -``, not starting with a sign, at most 100 characters.
USERNAME_FORM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")


@dataclass(frozen=True, slots=True)
class UserRecord:
    """A user as an admin sees one (never the hash)."""

    id: int
    username: str
    roles: frozenset[str]
    active: bool
    locked_until: datetime | None


def check_username(username: str) -> str:
    """A user name: letters, digits and ``. _ @ -``, at most 100 characters."""
    if not isinstance(username, str) or not username.strip():
        raise InputError("is required", "username")
    username = username.strip()
    if len(username) > MAX_USERNAME:
        raise InputError(f"is longer than {MAX_USERNAME} characters", "username")
    if not USERNAME_FORM.match(username):
        raise InputError("may hold only letters, digits and . _ @ -", "username")
    return username


def check_signer_details(full_name: str | None, credentials: str | None) -> dict[str, str | None]:
    """Full name and credentials as stored (stripped; empty is None; at most 200 characters)."""
    out: dict[str, str | None] = {}
    for field, value in (("full_name", full_name), ("credentials", credentials)):
        text = value.strip() if isinstance(value, str) else ""
        if len(text) > MAX_SIGNER_TEXT:
            raise InputError(f"is longer than {MAX_SIGNER_TEXT} characters", field)
        if any(ord(c) < 32 for c in text):
            raise InputError("may not contain control characters", field)
        out[field] = text or None
    return out


def check_roles(roles: Iterable[str]) -> set[str]:
    wanted = {r.strip() for r in roles if isinstance(r, str) and r.strip()}
    if not wanted:
        raise InputError(f"name at least one of {', '.join(ROLES)}", "roles")
    unknown = wanted - set(ROLES)
    if unknown:
        raise InputError(
            f"{', '.join(sorted(unknown))} is not a role (one of {', '.join(ROLES)})", "roles"
        )
    return wanted
