"""Who runs a command: ``--user NAME`` (or ``INTAKE_DESKTOP_USER``) and a password.

The password comes from ``INTAKE_DESKTOP_PASSWORD`` when set, else from standard input: typed
without echo at a terminal, else the first line of what is piped in. It is never an argument
(arguments show in the process list and the shell history). A command that needs a user signs
in, runs as that user, and signs out; a refusal is exit 3, like any :class:`PermissionDenied`.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from intake_desktop import services
from intake_desktop.services import Actor
from intake_desktop.services.errors import PermissionDenied

from . import CliError

USER_VARIABLE = "INTAKE_DESKTOP_USER"
PASSWORD_VARIABLE = "INTAKE_DESKTOP_PASSWORD"
RECOVERY_VARIABLE = "INTAKE_DESKTOP_RECOVERY_KEY"
NOT_SIGNED_IN = 3


def add_user_option(parser: argparse.ArgumentParser) -> None:
    """``--user NAME`` on a command too (the global one, before the command, also works)."""
    parser.add_argument(
        "--user",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help=f"who runs the command (env {USER_VARIABLE}); the password is read from standard "
        f"input or {PASSWORD_VARIABLE}",
    )


def read_password(prompt: str = "Password: ") -> str:
    """The next password: from the environment, a terminal (no echo), or a line of stdin."""
    from_env = os.environ.get(PASSWORD_VARIABLE)
    if from_env is not None:
        return from_env
    return read_stdin_password(prompt)


def read_stdin_password(prompt: str = "Password: ") -> str:
    """A password from standard input only (no echo at a terminal)."""
    if sys.stdin is None:
        return ""
    if sys.stdin.isatty():
        try:
            return getpass.getpass(prompt)
        except (EOFError, KeyboardInterrupt):
            return ""
    line = sys.stdin.readline()
    return line[:-1] if line.endswith("\n") else line


def read_recovery_key(prompt: str = "Recovery key: ") -> str:
    """The recovery key: from ``INTAKE_DESKTOP_RECOVERY_KEY``, a terminal (no echo) or a line
    of standard input; never an argument, like a password."""
    from_env = os.environ.get(RECOVERY_VARIABLE)
    if from_env is not None:
        return from_env
    return read_stdin_password(prompt)


def sign_in_keeping_password(args: argparse.Namespace, db: Any) -> tuple[Actor, str]:
    """Sign in as ``--user``; the password is kept for what needs it again (a restore opens
    an encrypted backup with it)."""
    username = getattr(args, "user", None)
    if not username:
        raise CliError(
            f"--user: name who you are (or set {USER_VARIABLE}); "
            "commands that touch patient data need a user and their password",
            NOT_SIGNED_IN,
        )
    password = read_password()
    actor = services.sign_in(db, username, password)
    from intake_desktop.services.users import must_change_password

    if must_change_password(db, actor):
        services.sign_out(db, actor)
        raise PermissionDenied(
            "an administrator reset this password: sign in to the app once and choose your own"
        )
    return actor, password


@contextmanager
def signed_in(args: argparse.Namespace, db: Any, *, sign_out: bool = True) -> Iterator[Actor]:
    """Sign in as ``--user`` for the duration of the command, then sign out."""
    actor, _ = sign_in_keeping_password(args, db)
    try:
        yield actor
    finally:
        if sign_out:
            services.sign_out(db, actor)
