"""``users add NAME --role ROLE`` and ``audit [--patient ID] [--csv] [--verify]`` (admins).

``users add`` reads the new user's password from standard input. On a database without users it
creates the first administrator (no ``--user`` needed; the role must be admin). Otherwise the
admin running it signs in with ``--user``: their password comes from ``INTAKE_DESKTOP_PASSWORD``,
or else from the first line of standard input, the new user's from the next.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from intake_desktop import services

from . import CliError
from .output import add_force_option, checked_output, write_output
from .recovery import print_recovery_key
from .session import add_user_option, read_recovery_key, read_stdin_password, signed_in

ROLES = ("front_desk", "clinician", "admin")


def register(subparsers: Any) -> None:
    """Add ``users`` and ``audit`` to the ``intake-desktop`` parser."""
    users = subparsers.add_parser("users", help="user accounts (admins)")
    actions = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    p = actions.add_parser("add", help="add a user; their password is read from standard input")
    p.add_argument("name", metavar="NAME")
    p.add_argument(
        "--role",
        action="append",
        required=True,
        choices=ROLES,
        help="a role of the user (repeat for several)",
    )
    p.add_argument(
        "--full-name", metavar="TEXT", help="printed with the user's signature, e.g. 'Ana Ruiz'"
    )
    p.add_argument(
        "--credentials",
        metavar="TEXT",
        help="printed after the full name, e.g. 'MD'",
    )
    add_user_option(p)
    p.set_defaults(handler=_users_add)

    p = actions.add_parser(
        "reset-password",
        help="give a user a new password (read from standard input): an administrator signs "
        "in, or --recovery-key when every password is lost",
    )
    p.add_argument("name", metavar="NAME")
    p.add_argument(
        "--recovery-key",
        action="store_true",
        help="use the recovery key of the encrypted database instead of signing in (read "
        "from INTAKE_DESKTOP_RECOVERY_KEY or the first line of standard input)",
    )
    add_user_option(p)
    p.set_defaults(handler=_users_reset_password)

    p = actions.add_parser(
        "recovery-key",
        help="issue a new recovery key for the encrypted database (the old one stops working)",
    )
    add_user_option(p)
    p.set_defaults(handler=_users_recovery_key)

    p = subparsers.add_parser(
        "audit", help="list the audit trail, export it as CSV, or verify its hash chain (admins)"
    )
    p.add_argument("--patient", metavar="ID", type=int, help="only entries about this patient")
    p.add_argument("--csv", action="store_true", help="CSV instead of a table")
    p.add_argument("--out", metavar="FILE", help="write the CSV to FILE (0600) instead of printing")
    add_force_option(p)
    p.add_argument(
        "--verify",
        action="store_true",
        help="check that no entry was edited, removed or reordered (exit 4 when one was)",
    )
    p.add_argument(
        "--new-seal-key",
        action="store_true",
        help="make a new key for sealing the trail, when no administrator can unlock the old "
        "one (asks your password again; print the new fingerprint)",
    )
    add_user_option(p)
    p.set_defaults(handler=_audit)


def _print_seal_status(status: services.SealStatus) -> None:
    """The key's fingerprint (to compare with the printed one) and the checkpoints."""
    if status.fingerprint:
        made = f" (made {status.key_created_at:%Y-%m-%d})" if status.key_created_at else ""
        print(f"Sealing key fingerprint: {status.fingerprint}{made}")
        print("  Compare it with the fingerprint the clinic printed: if they differ, the key "
              "was replaced and the checkpoints prove nothing.")  # fmt: skip
    last = status.last_checkpoint
    if last is not None:
        print(
            f"Checkpoints: {status.checkpoints}; the last sealed entry {last.seq} on "
            f"{last.at:%Y-%m-%d %H:%M} UTC ({last.reason} by {last.made_by})."
        )
    else:
        print("Checkpoints: none yet.")
    print(f"Seal file: {status.seal_file}{'' if status.seal_file_exists else ' (missing)'}")
    for note in status.notes:
        print(f"NOTE: {note}")


def _users_add(args: argparse.Namespace) -> int:
    with services.open_database(args.db) as db:
        if not services.has_users(db):
            if "admin" not in args.role:
                raise CliError("--role: the first user must be an admin", 2)
            password = read_stdin_password(f"Password for {args.name}: ")
            admin = services.create_first_admin(
                db, args.name, password, full_name=args.full_name, credentials=args.credentials
            )
            if set(args.role) != {"admin"}:
                services.set_roles(db, admin, admin.username, args.role)
            roles = ", ".join(sorted(set(args.role)))
            print(f"Added {admin.username} ({roles}), the first administrator.")
            print_recovery_key(services.issue_recovery_key(db, admin))
            return 0
        with signed_in(args, db) as actor:
            password = read_stdin_password(f"Password for {args.name}: ")
            user = services.add_user(
                db,
                actor,
                args.name,
                password,
                args.role,
                full_name=args.full_name,
                credentials=args.credentials,
            )
    print(f"Added {user.username} ({', '.join(sorted(user.roles))}).")
    return 0


def _users_reset_password(args: argparse.Namespace) -> int:
    with services.open_database(args.db) as db:
        if args.recovery_key:
            recovery = read_recovery_key()
            password = read_stdin_password(f"New password for {args.name}: ")
            services.reset_password_with_recovery_key(db, recovery, args.name, password)
        else:
            with signed_in(args, db) as actor:
                password = read_stdin_password(f"New password for {args.name}: ")
                services.change_password(db, actor, args.name, password)
    print(f"{args.name} has a new password.")
    return 0


def _users_recovery_key(args: argparse.Namespace) -> int:
    with services.open_database(args.db) as db, signed_in(args, db) as actor:
        recovery = services.issue_recovery_key(db, actor)
    if recovery is None:
        raise CliError("this database is not encrypted: it has no recovery key", 2)
    print_recovery_key(recovery)
    return 0


def _audit(args: argparse.Namespace) -> int:
    out = checked_output(Path(args.out), force=args.force) if args.out else None
    with services.open_database(args.db) as db, signed_in(args, db) as actor:
        if args.new_seal_key:
            from .session import read_password

            fingerprint = services.new_seal_key(db, actor, read_password())
            print(f"A new sealing key was made. Its fingerprint: {fingerprint}")
            print("Print it and keep it with the clinic's records; audit --verify shows it.")
            return 0
        if args.verify:
            problems = services.verify_audit(db, actor)
            _print_seal_status(services.audit_seal_status(db, actor))
            if problems:
                for problem in problems:
                    print(f"TAMPERED: {problem.message}")
                print(f"The audit trail was tampered with: {len(problems)} problem(s) found.")
                return 4
            print(
                "The audit trail is intact: every entry is as it was written, in order, and "
                "every checkpoint still matches it."
            )
            return 0
        if args.csv or args.out:
            text = services.export_audit_csv(db, actor, patient_id=args.patient)
            if out is not None:
                write_output(out, text, force=args.force)
            else:
                sys.stdout.write(text)
            return 0
        entries = services.audit_entries(db, actor, patient_id=args.patient)
    for e in entries:
        record = " ".join(
            f"{k}={v}"
            for k, v in (
                ("patient", e.patient_id),
                ("visit", e.visit_id),
                ("user", e.subject_user_id),
            )
            if v is not None
        )
        print(
            f"{e.seq:>6} {e.at:%Y-%m-%d %H:%M:%S} {e.username} @{e.workstation} "
            f"{e.action} {e.outcome} {record} {e.detail or ''}".rstrip()
        )
    return 0
