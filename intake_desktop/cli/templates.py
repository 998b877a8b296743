"""``intake-desktop templates copy|where``: the clinic's own report templates.

The default templates ship inside the package; a clinic rewords or restyles its summaries in a
copy of them in its configuration folder (:func:`intake_desktop.reporting.paths.templates_folder`
uses that copy once it holds ``clinic.toml``). ``copy`` makes that copy, ``where`` says which
folder the next summary is printed from. No database and no sign-in: templates hold no patient
data.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from intake_desktop.cli import CliError
from intake_desktop.private_files import make_private_folder, write_private
from intake_desktop.resources import TEMPLATES_DIR, config_dir

# reporting.paths would load ReportLab (the reporting package) with the parser: on use only.


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "templates",
        help="copy the report templates to edit them, or show which ones print",
        description="The printed summaries' wording and look. 'copy' puts the defaults in the "
        "configuration folder, where a clinic edits them; from then on they print instead of "
        "the defaults. 'where' prints the folder in use.",
    )
    actions = p.add_subparsers(dest="templates_action", metavar="ACTION", required=True)
    copy = actions.add_parser("copy", help="copy the default templates to edit them")
    copy.add_argument(
        "--to",
        type=Path,
        metavar="FOLDER",
        default=None,
        help=f"where to copy them (default: templates/ in {config_dir()}; "
        "INTAKE_DESKTOP_CONFIG names another configuration folder)",
    )
    copy.set_defaults(handler=_copy)
    where = actions.add_parser("where", help="print the templates folder the summaries use")
    where.set_defaults(handler=_where)


def _copy(args: argparse.Namespace) -> int:
    from intake_desktop.reporting.paths import clinic_templates_dir

    target = Path(args.to) if args.to is not None else clinic_templates_dir()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise CliError(
            f"--to: {target} already exists and is not an empty folder; "
            "nothing was copied (move it aside first to start again from the defaults)"
        )
    sources = sorted(p for p in TEMPLATES_DIR.rglob("*") if p.is_file())
    for source in sources:
        relative = source.relative_to(TEMPLATES_DIR)
        folder = target
        for part in relative.parts[:-1]:
            folder = make_private_folder(folder / part)
        write_private(make_private_folder(folder) / relative.name, source.read_bytes())
    print(f"Copied {len(sources)} template files to {target}.")
    if args.to is None:
        print("The summaries now print from there; edit clinic.toml first.")
    else:
        print(f"To print from there, copy the folder to {clinic_templates_dir()}.")
    return 0


def _where(args: argparse.Namespace) -> int:
    from intake_desktop.reporting.paths import templates_folder

    print(templates_folder())
    return 0
