"""``intake-desktop export-pdf VISIT --kind patient|clinician --out FILE``: a visit summary PDF.

The visit is read through the services layer (never the database directly), which checks the
user may print this kind of summary and audits the print, and turned into a
:class:`~intake_desktop.reporting.VisitDocument`: a signed visit prints its stored plan verbatim,
a draft gets a plan computed now and prints with a DRAFT mark. The file is written atomically and
an existing file is never replaced without ``--force``.

The summary is printed in the patient's preferred language (the patient record's, else the
case's) unless ``--language`` says otherwise; a preferred language without report templates
prints in English, with a warning on standard error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from intake_desktop.cli import CliError
from intake_desktop.cli.output import add_force_option, checked_output
from intake_desktop.cli.session import add_user_option, signed_in
from intake_desktop.services import open_database, visit_document

#: The summaries there are (``intake_desktop.reporting.KINDS``; ReportLab loads only on use).
KINDS = ("patient", "clinician")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export-pdf",
        help="write a visit summary PDF (patient or clinician)",
        description="Write the patient's take-home summary or the clinician summary of a visit "
        "as a PDF. An unsigned visit prints with a DRAFT mark on every page.",
    )
    p.add_argument("visit", metavar="VISIT", type=_visit_id, help="the visit's number")
    p.add_argument("--kind", required=True, choices=KINDS, help="which summary to write")
    p.add_argument("--out", required=True, type=Path, metavar="FILE", help="the PDF to write")
    add_force_option(p)
    p.add_argument(
        "--language",
        default=None,
        metavar="TAG",
        help="template language, a tag such as en, es or es-MX (default: the patient's preferred "
        "language, or English when there are no templates for it)",
    )
    add_user_option(p)
    p.set_defaults(handler=run_export_pdf)


def run_export_pdf(args: argparse.Namespace) -> int:
    from intake_desktop.reporting import (
        TemplateError,
        build_summary,
        choose_language,
    )

    out = checked_output(args.out, force=args.force)
    with open_database(args.db) as db, signed_in(args, db) as actor:
        doc = visit_document(db, actor, args.visit, kind=args.kind)
    language = args.language
    if language is None:
        choice = choose_language(doc.preferred_language, args.kind)
        if choice.warning:
            print(f"intake-desktop: warning: {choice.warning}", file=sys.stderr)
        language = choice.language
    try:
        pages = build_summary(args.kind, doc, out, language=language, overwrite=args.force)
    except TemplateError as exc:
        raise CliError(str(exc), 2) from None
    draft = " (DRAFT: the visit is not signed)" if doc.is_draft else ""
    used = choose_language(language, args.kind).language
    print(f"Wrote {out} ({pages} page{'s' if pages != 1 else ''}, language {used}){draft}.")
    return 0


def _visit_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a visit number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a visit number")
    return value
