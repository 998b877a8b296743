"""A password check started at launch, for the sign-in to take when it gets there.

Signing in from the environment (``INTAKE_DESKTOP_USER``/``_PASSWORD``), the app knows the name
and the password before anything has loaded, and argon2, most of a sign-in's time, lets go of
Python's interpreter lock while it hashes. Started on a thread of its own as the records begin
to open, it runs on the second core while the database layer is imported, instead of after it.
The hash is read with the standard ``sqlite3`` module (:mod:`intake_desktop.storage.password_peek`;
plain SQLite files only), so nothing here waits for SQLAlchemy.

Nothing else of the sign-in moves. :func:`.auth.sign_in` still reads the user in its transaction,
looks at the lock and the counters, records the attempt in the audit trail and counts a failure;
only where it would run argon2 it takes the early answer (:func:`offered_answer`), and only when
that was made for the very hash it read and the same password: a hash changed meanwhile, or an
early check that failed to answer, is checked there as before. The answer is argon2's, a function
of the hash and the password alone, whichever file the hash was read from. A name with no hash
early gets no early check: its sign-in checks the dummy hash as before.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from intake_desktop.storage.password_peek import sqlite_file, stored_password_hash

_offered: ContextVar[EarlyPasswordCheck | None] = ContextVar("early_password", default=None)


class EarlyPasswordCheck:
    """One argon2 check of ``password`` against ``encoded``, running on a thread of its own."""

    def __init__(self, encoded: str, password: str) -> None:
        self.encoded = encoded
        self._password = password
        self._answer: bool | None = None
        self._thread = threading.Thread(target=self._check, name="early-password", daemon=True)
        self._thread.start()

    def _check(self) -> None:
        from argon2 import PasswordHasher
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            self._answer = PasswordHasher().verify(self.encoded, self._password)
        except (VerificationError, InvalidHashError):  # a mismatch is a VerificationError
            self._answer = False
        except Exception:  # no answer (None): the sign-in checks the password itself
            return

    def answer(self, encoded: str, password: str) -> bool | None:
        """Whether ``password`` matches ``encoded``, if this check was made for both (waiting
        for it to finish); None when it was not, or could not answer."""
        if encoded != self.encoded or not hmac.compare_digest(
            _bytes(password), _bytes(self._password)
        ):
            return None
        self._thread.join()
        return self._answer


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def start_early_check(url: str | None, username: str, password: str) -> EarlyPasswordCheck | None:
    """Start checking ``password`` against the hash stored for ``username`` in the database
    ``url`` names; None when that hash cannot be read without the database layer."""
    path = sqlite_file(url)
    encoded = stored_password_hash(path, username.strip()) if path is not None else None
    return EarlyPasswordCheck(encoded, password) if encoded else None


@contextmanager
def offered(check: EarlyPasswordCheck | None) -> Iterator[None]:
    """Within this block (on this thread), a sign-in may take ``check``'s answer."""
    token = _offered.set(check)
    try:
        yield
    finally:
        _offered.reset(token)


def offered_answer(encoded: str, password: str) -> bool | None:
    """The offered early check's answer for ``encoded`` and ``password``, or None (check it)."""
    check = _offered.get()
    return None if check is None else check.answer(encoded, password)
