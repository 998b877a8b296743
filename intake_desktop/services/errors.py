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


class ConflictError(ServiceError):
    """Someone else changed the record first; nothing was overwritten."""

    exit_code = 4
