"""Errors an operation reports to its caller (window or command line), each with its exit code.

The command line maps them to the exit codes of CLI.md; the windows show ``str(error)``. They carry
no patient data beyond what the user typed, so they are safe to show, never to log verbatim.
"""

from __future__ import annotations


class ServiceError(Exception):
    """Base of every expected failure of an operation."""

    exit_code = 1


class InputError(ServiceError):
    """Bad input; ``field`` names the offending field (dotted path) when there is one."""

    exit_code = 2

    def __init__(self, message: str, field: str | None = None) -> None:
        self.field = field
        super().__init__(f"{field}: {message}" if field else message)


class NotFoundError(InputError):
    """The record named does not exist."""


class PermissionDenied(ServiceError):
    """The user is not signed in, or their role does not allow the operation."""

    exit_code = 3


class AuditTrailDamaged(PermissionDenied):
    """The audit trail holds an entry the program never wrote, so nothing can be recorded.

    Until an administrator checks it (``audit --verify``) and restores a backup, every operation
    that must leave an entry is refused; administrators may still sign in to do that repair.
    """


class ConflictError(ServiceError):
    """Someone else changed the record first; nothing was overwritten."""

    exit_code = 4


class CaseInvalidError(InputError):
    """A case cannot be signed or imported as it is; ``errors`` lists every field's problem.

    ``field`` is the first problem's path, so a one-line message still names a field.
    """

    def __init__(self, errors: list[tuple[str, str]], more: int = 0) -> None:
        self.errors = errors
        first = errors[0][0] if errors else None
        detail = "; ".join(f"{path}: {message}" if path else message for path, message in errors)
        if more:
            detail += f"; and {more} more"
        super().__init__(f"the case is not complete or not valid: {detail}")
        self.field = first


class VisitLockedError(ConflictError):
    """The visit is signed (or discarded): it changes only by amendment, with a reason."""


class SignatureMismatchError(ServiceError):
    """A signed visit's content no longer matches its signature (changed outside the program):
    it is not printed or exported. Exit 4, as for a record someone else changed."""

    exit_code = 4


class UnavailableError(ServiceError):
    """The database cannot be used right now (busy, unreachable, or its schema needs work)."""


class IncompleteError(InputError):
    """A visit cannot be signed yet; ``missing`` lists each missing item (``path``, message).

    Raised by signing and amending with the checks of ``domain.signing``: the message names every
    field, so the command line's one paragraph says all that is missing (exit 2).
    """

    def __init__(self, missing: list[tuple[str, str]]) -> None:
        self.missing = missing
        detail = "; ".join(f"{path}: {message}" for path, message in missing)
        super().__init__(f"the visit cannot be signed yet: {detail}")
        self.field = missing[0][0] if missing else None


def privilege_refused(detail: str) -> PermissionDenied:
    """The database server refused the connected role (SQLSTATE 42501): said, with the fix.

    ``detail`` is the server's first line ("permission denied for table users"): table and
    role names only, never a record's content.
    """
    return PermissionDenied(
        f"the database server refused this database role ({detail}); the role that owns the "
        "tables makes the schema with 'intake-desktop db upgrade' and grants workstations what "
        "they need with 'intake-desktop db grant --workstation ROLE' (README, PostgreSQL)"
    )


def database_refusal(exc: BaseException) -> PermissionDenied | None:
    """:func:`privilege_refused` for a driver error wrapped by SQLAlchemy whose SQLSTATE is
    42501 (insufficient privilege, or not the owner), else None. Duck-typed, so that callers
    need not import SQLAlchemy to ask."""
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) != "42501":
        return None
    message = str(orig).strip()
    return privilege_refused(message.splitlines()[0] if message else type(orig).__name__)
