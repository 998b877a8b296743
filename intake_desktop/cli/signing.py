"""``sign VISIT`` and ``amend VISIT --reason TEXT [CASE.json]`` (clinicians).

Signing from the command line obeys the same checks as the app (``domain.signing``, applied by
the services): every red-flag question answered, the neurological exam recorded or "not
examined" with a reason, a reason for an overridden level. Anything missing is exit 2 with each
field named. The sign-in the command starts with is the signature's password re-entry.

A case file holds only the red flags present; ``--red-flags-screened`` is the clinician's
statement that every other question was asked and answered no (the app records each answer on
its screen). An amendment is opened with ``amend`` and signed with ``sign``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from intake_desktop import services
from intake_desktop.domain.codes import LEVELS, RED_FLAGS

from .files import read_json_file
from .session import add_user_option, signed_in


def register(subparsers: Any) -> None:
    """Add ``sign`` and ``amend`` to the ``intake-desktop`` parser."""
    p = subparsers.add_parser(
        "sign", help="sign a visit or its open amendment (clinicians; checked like in the app)"
    )
    p.add_argument("visit", metavar="VISIT", type=int)
    p.add_argument(
        "--red-flags-screened",
        action="store_true",
        help="every red-flag question was asked; those the case does not list were answered no",
    )
    p.add_argument(
        "--not-examined",
        metavar="REASON",
        help="the neurological exam could not be done, and why",
    )
    p.add_argument(
        "--override", metavar="LEVEL", choices=LEVELS, help="sign another level than recommended"
    )
    p.add_argument("--override-reason", metavar="TEXT", help="why (required with --override)")
    add_user_option(p)
    p.set_defaults(handler=_sign)

    p = subparsers.add_parser(
        "amend",
        help="open an amendment of a signed visit (clinicians), optionally with the corrected "
        "case; sign it with `sign`",
    )
    p.add_argument("visit", metavar="VISIT", type=int)
    p.add_argument("--reason", metavar="TEXT", required=True, help="why the signed visit changes")
    p.add_argument("case_file", metavar="CASE.json", type=Path, nargs="?")
    add_user_option(p)
    p.set_defaults(handler=_amend, trailing_positional="case_file")


def _sign(args: argparse.Namespace) -> int:
    with services.open_database(args.db) as db, signed_in(args, db) as actor:
        visit = services.get_visit(db, args.visit, actor=actor)
        screen = None
        if args.red_flags_screened:
            present = set((visit.data or {}).get("red_flags") or ())
            screen = {code: "yes" if code in present else "no" for code in RED_FLAGS}
        signed = services.sign_visit(
            db,
            args.visit,
            expected_version=visit.version,
            actor=actor,
            override_level=args.override,
            override_reason=args.override_reason,
            red_flag_screen=screen,
            not_examined_reason=args.not_examined,
        )
    what = "amendment of visit" if signed.revision else "visit"
    print(
        f"Signed {what} {signed.id} (level {signed.final_level}) as {signed.signed_by} at "
        f"{signed.signed_at:%Y-%m-%d %H:%M %Z}; SHA-256 {signed.signature_hash}"
    )
    return 0


def _amend(args: argparse.Namespace) -> int:
    case = read_json_file(args.case_file, "a case file") if args.case_file else None
    with services.open_database(args.db) as db, signed_in(args, db) as actor:
        visit = services.get_visit(db, args.visit, actor=actor)
        opened = services.open_amendment(
            db, args.visit, args.reason, case, expected_version=visit.version, actor=actor
        )
    print(
        f"Amendment of visit {opened.id} opened; edit it in the app or sign it with "
        f"`intake-desktop sign {opened.id}`."
    )
    return 0
