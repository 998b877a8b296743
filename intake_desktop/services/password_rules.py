"""What a new password must be: long enough, and not one an intruder tries first.

Every path that sets a password (the first administrator, ``users add``, a change of one's own
password, an administrator's reset) goes through :func:`check_new_password`, so no path can skip
a rule. Refused are passwords shorter than :data:`MIN_PASSWORD`, made only of spaces (or other
blank characters), one character repeated, or on the list of the 10,000 most common passwords
shipped in ``data/common_passwords.txt`` (SecLists, MIT licence; see ``data/README.md``), compared
without regard to case or surrounding blanks. Guessing tools try exactly those first, and the
lockout (5 tries) does not stop an attacker who starts at the top of that list.

A refusal is a :class:`WeakPasswordError`: an :class:`InputError` on the field ``password`` whose
``reason`` lets the windows say it in the user's language; the message never repeats the password.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from .errors import InputError

MIN_PASSWORD = 8
MAX_PASSWORD = 1024
#: Where the list lives inside the package (read with importlib.resources, so a wheel works).
COMMON_PASSWORDS = "data/common_passwords.txt"

#: reason → the English message (the windows translate by reason).
REASONS: dict[str, str] = {
    "short": f"must have at least {MIN_PASSWORD} characters",
    "long": f"is longer than {MAX_PASSWORD} characters",
    "nul": "may not contain a NUL character",
    "blank": "is only spaces; choose one with letters, digits or signs",
    "repeated": "is one character repeated; choose one that is harder to guess",
    "common": "is one of the most common passwords, which are tried first when guessing; "
    "choose another",
}


class WeakPasswordError(InputError):
    """A new password the rules refuse; ``reason`` is a key of :data:`REASONS`."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(REASONS[reason], "password")


def check_new_password(password: str) -> str:
    """``password`` unchanged if it may be set, else :class:`WeakPasswordError` saying why."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise WeakPasswordError("short")
    if len(password) > MAX_PASSWORD:
        raise WeakPasswordError("long")
    if "\x00" in password:
        raise WeakPasswordError("nul")
    if not password.strip():
        raise WeakPasswordError("blank")
    if len(set(password)) == 1:
        raise WeakPasswordError("repeated")
    if is_common(password):
        raise WeakPasswordError("common")
    return password


def is_common(password: str) -> bool:
    """Whether ``password`` is on the shipped list (ignoring case and surrounding blanks)."""
    return password.strip().casefold() in common_passwords()


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list, case-folded; read once per process (about 10,000 short lines)."""
    text = resources.files(__package__).joinpath(COMMON_PASSWORDS).read_text(encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip())
