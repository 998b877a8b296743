"""``intake-desktop export-pdf VISIT --kind patient|clinician --out FILE``: a visit summary PDF.

The visit is read through the services layer (never the database directly) and turned into a
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
from typing import TYPE_CHECKING

from intake_desktop.cli import CliError
from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.validation import CaseValidationError, parse_case
from intake_desktop.reporting import (
    KINDS,
    Amendment,
    OutputExistsError,
    TemplateError,
    VisitDocument,
    build_summary,
    choose_language,
)
from intake_desktop.services import (
    get_patient,
    get_visit,
    open_database,
    visit_versions,
)

if TYPE_CHECKING:
    from intake_desktop.storage.database import Database


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
    p.add_argument("--force", action="store_true", help="replace FILE if it already exists")
    p.add_argument(
        "--language",
        default=None,
        metavar="TAG",
        help="template language, a tag such as en, es or es-MX (default: the patient's preferred "
        "language, or English when there are no templates for it)",
    )
    p.set_defaults(handler=run_export_pdf)


def run_export_pdf(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.exists() and not args.force:
        raise CliError(f"{out}: the file already exists; use --force to replace it", 2)
    if not out.parent.is_dir():
        raise CliError(f"{out.parent}: no such folder", 2)
    with open_database(args.db) as db:
        doc = visit_document(db, args.visit)
    language = args.language
    if language is None:
        choice = choose_language(doc.preferred_language, args.kind)
        if choice.warning:
            print(f"intake-desktop: warning: {choice.warning}", file=sys.stderr)
        language = choice.language
    try:
        pages = build_summary(args.kind, doc, out, language=language, overwrite=args.force)
    except OutputExistsError:
        raise CliError(f"{out}: the file already exists; use --force to replace it", 2) from None
    except TemplateError as exc:
        raise CliError(str(exc), 2) from None
    except OSError as exc:
        raise CliError(f"{out}: cannot be written ({exc.strerror or exc})", 1) from None
    draft = " (DRAFT: the visit is not signed)" if doc.is_draft else ""
    used = choose_language(language, args.kind).language
    print(f"Wrote {out} ({pages} page{'s' if pages != 1 else ''}, language {used}){draft}.")
    return 0


def visit_document(db: Database, visit_id: int) -> VisitDocument:
    """Everything a summary needs about one visit, read through the services.

    A signed or amended visit keeps the plan stored at signature (printed as it was computed,
    never recomputed); the first signature is the signature, and each later revision is an
    amendment. A draft is validated and evaluated now, since it has no stored plan yet.
    """
    visit = get_visit(db, visit_id)
    patient = get_patient(db, visit.patient_id)
    data = visit.data
    if not data:
        raise CliError(f"visit {visit_id} has nothing recorded yet", 2)
    try:
        case = parse_case(data, today=visit.visit_date if visit.is_signed else None)
    except CaseValidationError as exc:
        raise CliError(
            f"visit {visit_id} cannot be printed until its intake is complete: {exc}", 2
        ) from None
    signed_by = signed_at = None
    amendments: list[Amendment] = []
    if visit.is_signed:
        versions = visit_versions(db, visit_id)
        first = versions[0]
        signed_by, signed_at = first.signed_by, first.signed_at
        amendments = [
            Amendment(v.signed_by, v.signed_at, v.amendment_reason or "") for v in versions[1:]
        ]
    plan = visit.plan if visit.is_signed and visit.plan else evaluate(case)
    return VisitDocument(
        case=case,
        plan=plan,
        patient_name=patient.name or case.patient.name or "",
        record_number=patient.record_number,
        visit_id=str(visit.id),
        status="draft" if not visit.is_signed else visit.status,  # type: ignore[arg-type]
        accepted_level=visit.final_level if visit.is_signed else None,
        override_reason=visit.override_reason,
        signed_by=signed_by,
        signed_at=signed_at,
        amendments=tuple(amendments),
        language=patient.language,
    )


def _visit_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a visit number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a visit number")
    return value
