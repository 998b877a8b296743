"""Commands on the clinic's records: import, export-case, backup, restore, db upgrade/grant, demo.

Each is a few lines over :mod:`intake_desktop.services`; errors from there carry their exit code
(2 bad input naming the field, 4 conflict). Files are written through :mod:`.output` (0600, a
temporary file renamed into place, an existing file replaced only with ``--force``), so an
interrupted command never leaves half a file under the name asked for.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from intake_desktop import services

from . import CliError
from .files import CASE_FILE_LIMIT, read_json_file
from .output import add_force_option, checked_output, write_output
from .recovery import print_recovery_key
from .session import (
    add_user_option,
    read_recovery_key,
    sign_in_keeping_password,
    signed_in,
)


def register(subparsers: Any) -> None:
    """Add this module's commands to the ``intake-desktop`` parser."""
    p = subparsers.add_parser(
        "import",
        help="store a case file as a new draft visit; prints the visit id",
        description="Store a case file (case.schema.json) as a new draft visit. The file must "
        f"be a regular file of at most {CASE_FILE_LIMIT // (1024 * 1024)} MB.",
    )
    p.add_argument("case_file", metavar="CASE.json", type=Path)
    add_user_option(p)
    p.set_defaults(handler=_import)

    p = subparsers.add_parser("export-case", help="print a visit's case file (JSON)")
    p.add_argument("visit", metavar="VISIT", type=int)
    p.add_argument(
        "--out", metavar="FILE", type=Path, help="write to FILE (0600) instead of printing"
    )
    add_force_option(p)
    add_user_option(p)
    p.set_defaults(handler=_export_case)

    p = subparsers.add_parser(
        "backup",
        help="consistent copy of the (SQLite) database to FILE (0600; --force replaces FILE)",
    )
    p.add_argument("file", metavar="FILE", type=Path)
    add_force_option(p)
    add_user_option(p)
    p.set_defaults(handler=_backup)

    p = subparsers.add_parser(
        "restore", help="replace the (SQLite) database with a backup, keeping a safety copy"
    )
    p.add_argument("file", metavar="FILE", type=Path)
    p.add_argument(
        "--recovery-key",
        action="store_true",
        help="open an encrypted backup with the recovery key (read from standard input after "
        "your password, or INTAKE_DESKTOP_RECOVERY_KEY) instead of your password",
    )
    add_user_option(p)
    p.set_defaults(handler=_restore)

    db = subparsers.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    p = db_commands.add_parser(
        "upgrade",
        help="apply pending schema migrations (an SQLite file is backed up first; admins, "
        "once the database has users)",
    )
    add_user_option(p)
    p.set_defaults(handler=_db_upgrade)
    p = db_commands.add_parser(
        "grant",
        help="PostgreSQL: give the workstations' role exactly what the app needs (run as the "
        "role that owns the tables; admins, once the database has users)",
    )
    p.add_argument("--workstation", metavar="ROLE", required=True, help="the workstations' role")
    p.add_argument(
        "--sql",
        action="store_true",
        help="print the statements instead of running them (to read, or run with psql)",
    )
    add_user_option(p)
    p.set_defaults(handler=_db_grant)

    p = subparsers.add_parser(
        "demo",
        help="add synthetic patients and visits to a database of demo patients only "
        "(explore, benchmark; admins)",
    )
    p.add_argument("--patients", metavar="N", type=int, default=200, help="how many (default 200)")
    p.add_argument("--seed", type=int, default=None, help="random seed (same seed, same clinic)")
    add_user_option(p)
    p.set_defaults(handler=_demo)


def _import(args: argparse.Namespace) -> int:
    data = read_json_file(args.case_file, "a case file", CASE_FILE_LIMIT)
    with services.open_database(args.db) as db, signed_in(args, db) as actor:
        result = services.import_case(db, data, actor=actor)
    print(result.visit_id)
    return 0


def _export_case(args: argparse.Namespace) -> int:
    out = checked_output(args.out, force=args.force) if args.out else None
    with services.open_database(args.db) as db, signed_in(args, db) as actor:
        case = services.export_case(db, args.visit, actor=actor)
    text = json.dumps(case, indent=1, ensure_ascii=False) + "\n"
    if out is not None:
        write_output(out, text, force=args.force)
    else:
        sys.stdout.write(text)
    return 0


def _backup(args: argparse.Namespace) -> int:
    target = checked_output(args.file, force=args.force)
    with services.open_database(args.db) as db, signed_in(args, db) as actor:
        path = services.backup_database(db, target, actor=actor, force=args.force)
    print(f"Backup written to {path}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    with services.open_database(args.db) as db:
        # A restore replaces the trail the sign-out would go to; the restore records itself.
        actor, password = sign_in_keeping_password(args, db)
        recovery = read_recovery_key() if args.recovery_key else None
        result = services.restore_database(
            db, args.file, actor=actor, password=password, recovery_key=recovery
        )
    print(f"Restored {args.file} (schema {result.revision}).")
    print(f"The records as they were before are kept in {result.safety_copy}")
    return 0


def _db_upgrade(args: argparse.Namespace) -> int:
    result = services.upgrade_database(args.db, sign_in_as=lambda db: _sign_in_only(args, db))
    if not result.changed:
        print(f"The database is up to date (schema {result.to_revision}).")
    else:
        print(f"Database upgraded from {result.from_revision or 'empty'} to {result.to_revision}.")
    if result.backup_path:
        print(f"A copy from before the upgrade is in {result.backup_path}")
    if result.regranted:
        print(f"Workstation roles granted every table again: {', '.join(result.regranted)}.")
    if result.encrypted:
        print("The database is now encrypted; its key file is beside it (FILE.keys).")
        print("Every user signs in with their usual password.")
        for name in result.users_without_key:
            print(f"  {name} needs a new password from an administrator (users reset-password).")
        print_recovery_key(result.recovery_key)
    return 0


def _db_grant(args: argparse.Namespace) -> int:
    if args.sql:
        for statement in services.workstation_grant_sql(args.workstation):
            print(f"{statement};")
        return 0
    result = services.grant_workstation(
        args.db, args.workstation, sign_in_as=lambda db: _sign_in_only(args, db)
    )
    print(
        f"The role {result.role} may now use the {len(result.tables)} tables as a workstation; "
        "it owns none of them and may not change or remove audit entries or signed versions."
    )
    return 0


def _demo(args: argparse.Namespace) -> int:
    if args.patients < 1:
        raise CliError("--patients: must be at least 1")
    from intake_desktop.demo import build_demo  # Faker data: loaded for this command only

    progress = ProgressDisplay("demo", "patients", sys.stderr)
    extra = {} if args.seed is None else {"seed": args.seed}
    with services.open_database(args.db) as db:
        actor = _sign_in_only(args, db)
        result = build_demo(db, args.patients, progress=progress, actor=actor, **extra)
    progress.close()
    print(
        f"Added {result.patients:,} patients with {result.visits:,} visits "
        f"in {result.seconds:.1f} s."
    )
    return 0


def _sign_in_only(args: argparse.Namespace, db: Any) -> services.Actor:
    # A restore replaces the trail the sign-out would go to; the restore records itself.
    with signed_in(args, db, sign_out=False) as actor:
        return actor


class ProgressDisplay:
    """Percent and rate on one line rewritten in place on a terminal; every 10 % otherwise."""

    def __init__(self, label: str, unit: str, stream: TextIO) -> None:
        self._label, self._unit, self._stream = label, unit, stream
        self._tty = stream.isatty()
        self._started = time.perf_counter()
        self._last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        elapsed = max(time.perf_counter() - self._started, 1e-9)
        line = (
            f"{self._label}: {percent:3d}% ({done:,}/{total:,} {self._unit}, "
            f"{done / elapsed:,.0f}/s)"
        )
        if self._tty:
            self._stream.write(f"\r{line}")
            self._stream.flush()
        elif percent // 10 > self._last_tenth:
            self._last_tenth = percent // 10
            self._stream.write(line + "\n")
            self._stream.flush()

    def close(self) -> None:
        if self._tty:
            self._stream.write("\n")
            self._stream.flush()
