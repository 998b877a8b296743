"""``export-fhir VISIT --out FILE`` and ``import-fhir FILE``: a visit as a FHIR R4 Bundle.

Both go through the services like every other command; the Bundle itself is built and read by
:mod:`intake_desktop.interop`, which the windows use too. An import always makes a new draft: a
signature in the Bundle is reported but not taken over, since only a clinician of this clinic can
sign here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from intake_desktop import services
from intake_desktop.domain.validation import CaseValidationError

from . import CliError
from .files import BUNDLE_FILE_LIMIT, read_json_file
from .output import add_force_option, checked_output, write_output
from .session import add_user_option, signed_in


def register(subparsers: Any) -> None:
    """Add ``export-fhir`` and ``import-fhir`` to the ``intake-desktop`` parser."""
    p = subparsers.add_parser(
        "export-fhir",
        help="write a visit as a FHIR R4 Bundle (JSON)",
        description="Write the visit as a FHIR R4 Bundle: patient, encounter, intake and "
        "questionnaire answers, findings, pattern, recommendation and work-up, and the "
        "signature of a signed visit.",
    )
    p.add_argument("visit", metavar="VISIT", type=int)
    p.add_argument(
        "--out", metavar="FILE", type=Path, required=True, help="the Bundle's file (0600)"
    )
    add_force_option(p)
    p.add_argument("--clinic", metavar="NAME", help="the clinic's name, shown as the provider")
    add_user_option(p)
    p.set_defaults(handler=run_export)

    p = subparsers.add_parser(
        "import-fhir",
        help="store the visit of a FHIR Bundle as a new draft; prints the visit id",
        description="Read a Bundle written by export-fhir and store its case as a new draft "
        "visit (patient matched on the record number, else registered). The file must be a "
        f"regular file of at most {BUNDLE_FILE_LIMIT // (1024 * 1024)} MB.",
    )
    p.add_argument("file", metavar="FILE", type=Path)
    add_user_option(p)
    p.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace) -> int:
    from intake_desktop.interop import NotExportable

    out = checked_output(args.out, force=args.force)
    try:
        with services.open_database(args.db) as db, signed_in(args, db) as actor:
            bundle = services.fhir_bundle(db, actor, args.visit, clinic_name=args.clinic)
    except NotExportable as exc:
        raise CliError(str(exc)) from None
    except CaseValidationError as exc:
        problems = "; ".join(str(e) for e in exc.errors)
        raise CliError(
            f"visit {args.visit} is a draft that is not a complete case yet ({problems}); "
            "finish it before exporting"
        ) from None
    write_output(out, json.dumps(bundle, indent=1, ensure_ascii=False) + "\n", force=args.force)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from intake_desktop.interop import BundleError, parse_bundle
    from intake_desktop.interop.stored import case_for_import

    data = read_json_file(args.file, "a FHIR Bundle", BUNDLE_FILE_LIMIT)
    try:
        imported = parse_bundle(data)
    except BundleError as exc:
        raise CliError(f"{args.file}: {exc}") from None
    with services.open_database(args.db) as db, signed_in(args, db) as actor:
        result = services.import_case(db, case_for_import(imported), actor=actor)
    visit = imported.visit
    if visit.is_signed:
        print(
            f"intake-desktop: note: the Bundle's visit was signed by {visit.signed_by}; "
            f"it is stored here as draft visit {result.visit_id}, to be signed again",
            file=sys.stderr,
        )
    print(result.visit_id)
    return 0
