"""The command line: ``intake-desktop [--db URL] COMMAND ...`` (see shared CLI.md).

Every command is a thin layer over the same services the windows use. Expected failures become
one clear paragraph on standard error and the exit codes of CLI.md (0 done, 1 unexpected,
2 bad input, 3 not permitted, 4 conflict); a traceback is never shown to the user.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from intake_desktop import __version__

#: Modules under ``intake_desktop.cli`` that add commands; each has ``register(subparsers)``.
COMMAND_MODULES: tuple[str, ...] = (
    "plan",
    "records",
    "signing",
    "reports",
    "fhir",
    "admin",
    "templates",
)

Handler = Callable[[argparse.Namespace], int]


class CliError(Exception):
    """An expected failure with its exit code and a message for the person at the terminal."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line, assembled from the command modules that are present.

    ``commands=False`` gives the global options alone: starting the app needs nothing more, and
    importing every command module (the services, SQLAlchemy) would delay its window.
    """
    parser = argparse.ArgumentParser(
        prog="intake-desktop",
        description="Intake and procedure-decision support for spine and pain clinics. "
        "With no command, starts the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"intake-desktop {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        default=os.environ.get("INTAKE_DESKTOP_DB"),
        help="database URL (default: an SQLite file in your data folder; env INTAKE_DESKTOP_DB)",
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        default=os.environ.get("INTAKE_DESKTOP_USER"),
        help="who runs the command (env INTAKE_DESKTOP_USER); the password is read from "
        "standard input or INTAKE_DESKTOP_PASSWORD",
    )
    if not commands:
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``intake-desktop`` and ``python -m intake_desktop``."""
    args = _app_arguments(argv)
    if args is None:
        args = _parse(build_parser(), argv)
    handler: Handler | None = getattr(args, "handler", None)
    try:
        if handler is None:
            return _start_app(args)
        return handler(args)
    except CliError as exc:
        _say(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        _say("Interrupted.")
        return 130
    except Exception as caught:
        error = _database_refusal(caught) or caught
        code = _expected_exit_code(error)
        if code is not None:
            _say(str(error))
            return code
        import logging  # here: starting the app should not load it

        logging.getLogger(__name__).debug("unexpected error", exc_info=True)
        _say(
            f"Unexpected error ({type(error).__name__}). Nothing further was changed. "
            "Run again with INTAKE_DESKTOP_DEBUG=1 to see the details."
        )
        if os.environ.get("INTAKE_DESKTOP_DEBUG"):
            raise
        return 1


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """``parse_args``, except that a command's optional trailing file may follow its options
    (``amend 12 --reason TEXT CASE.json``), which argparse alone refuses: it has matched the
    optional positional, empty, at the visit number already. A command names that positional in
    its ``trailing_positional`` default."""
    args, extra = parser.parse_known_args(argv)
    name = getattr(args, "trailing_positional", None)
    if extra:
        free = name is not None and getattr(args, name, None) is None
        if name is None or not free or len(extra) != 1 or extra[0].startswith("-"):
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        setattr(args, name, Path(extra[0]))
    return args


def _app_arguments(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The global options when nothing but them was given (start the app), else None."""
    words = list(sys.argv[1:] if argv is None else argv)
    if any(w in ("-h", "--help") for w in words):
        return None
    args, rest = build_parser(commands=False).parse_known_args(words)
    return None if rest else args


def _database_refusal(exc: Exception) -> Exception | None:
    """The server's refusal of the database role (a missing grant), said as a refusal (exit 3)
    wherever it surfaced, or None."""
    from intake_desktop.services.errors import database_refusal

    return database_refusal(exc)


def _expected_exit_code(exc: Exception) -> int | None:
    """Exit code of an expected error from the layers below, or None for a real bug."""
    from intake_desktop.domain.validation import CaseValidationError
    from intake_desktop.private_files import UnsafeTargetError, WriteFailedError
    from intake_desktop.services.errors import ServiceError

    if isinstance(exc, UnsafeTargetError):  # an existing file, a link, a device: a bad path
        return 2
    if isinstance(exc, WriteFailedError):  # the folder refused the write; the cause is said
        return 1
    if isinstance(exc, ServiceError):
        return exc.exit_code
    if isinstance(exc, CaseValidationError):
        return 2
    return None


def _start_app(args: argparse.Namespace) -> int:
    from intake_desktop import start_collector

    start_collector.pause()  # until the window works on the records (see there)
    try:
        from intake_desktop.ui.app import run
    except ModuleNotFoundError as exc:
        if exc.name != "intake_desktop.ui.app":
            raise
        build_parser().print_help()
        return 0
    return run(db_url=args.db)


def _say(message: str) -> None:
    """One paragraph on standard error; a control character in it (from a file name or a value
    quoted from a file) is shown escaped, never sent to the terminal as it is."""
    print(f"intake-desktop: {_visible(message)}", file=sys.stderr)


def _visible(text: str) -> str:
    import re  # here: starting the app should not need it

    unsafe = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
    return unsafe.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
