"""PostgreSQL roles: what the workstations' role may do to each table, and granting exactly that.

A clinic's server has two roles. The *owner* owns the tables, the sequences and the trigger
functions and runs ``db upgrade``. The *workstation* role, the one every workstation's ``--db``
URL names, owns nothing: privileges are granted to it table by table, no more than the app
needs. Append-only tables (the audit trail, earlier signed versions) get ``SELECT, INSERT``:
no UPDATE, DELETE or TRUNCATE. The one row the audit append updates (``audit_head``) gets UPDATE
on its two moving columns only. Because the role owns nothing it cannot ``DROP`` or ``ALTER`` a
table, so it can neither drop nor disable the triggers that refuse changes to signed records;
``TRIGGER`` and ``REFERENCES`` are never granted.

Each table's privileges are written below rather than given by ``ALTER DEFAULT PRIVILEGES``,
which would hand one and the same set to every future table, an append-only one included.
``db upgrade`` re-applies this table to every role that already holds workstation grants, so a
table added by a migration is covered at once; a table this program does not know gets the
append-only set (:data:`UNKNOWN_TABLE`), failing closed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, text

#: table → the privileges the workstation role gets on it. ``UPDATE (a, b)`` is column-level.
WORKSTATION_PRIVILEGES: dict[str, tuple[str, ...]] = {
    "alembic_version": ("SELECT",),
    "patients": ("SELECT", "INSERT", "UPDATE"),
    # A patient's search keys are replaced whole when the name or record number changes.
    "patient_search_terms": ("SELECT", "INSERT", "DELETE"),
    # Drafts are saved, signed and amended; never deleted (discarding is a status).
    "visits": ("SELECT", "INSERT", "UPDATE"),
    "visit_versions": ("SELECT", "INSERT"),
    "red_flag_alerts": ("SELECT", "INSERT", "UPDATE (acknowledged_at, acknowledged_by)"),
    # Lockout counters, passwords, names, deactivation; never the id or the user name.
    "users": (
        "SELECT",
        "INSERT",
        "UPDATE (password_hash, full_name, credentials, active, failed_attempts, "
        "locked_until, updated_at, updated_by, must_change_password, language)",
    ),
    # The clinic's settings: changed by an administrator, returned to the default (deleted).
    "clinic_settings": ("SELECT", "INSERT", "UPDATE", "DELETE"),
    # A user's roles are replaced whole.
    "user_roles": ("SELECT", "INSERT", "DELETE"),
    "audit_entries": ("SELECT", "INSERT"),
    "audit_head": ("SELECT", "UPDATE (last_seq, last_hash)"),
    # The day's board: booked, checked in, moved on; never deleted, never moved to another
    # patient or day.
    "board_entries": (
        "SELECT",
        "INSERT",
        "UPDATE (booked_time, visit_id, state, state_since, timeline, updated_at, updated_by)",
    ),
    # Signed checkpoints are append-only; a key is added once, never changed.
    "audit_checkpoints": ("SELECT", "INSERT"),
    "audit_seal_keys": ("SELECT", "INSERT"),
    # A wrap is replaced whole when its administrator's password changes or the role goes.
    "audit_seal_wraps": ("SELECT", "INSERT", "DELETE"),
}
#: What a table missing from :data:`WORKSTATION_PRIVILEGES` gets: append-only.
UNKNOWN_TABLE: tuple[str, ...] = ("SELECT", "INSERT")
#: Predefined roles whose members reach past table grants (write any table, the server's files).
POWERFUL_ROLES = (
    "pg_write_all_data",
    "pg_read_server_files",
    "pg_write_server_files",
    "pg_execute_server_program",
)
#: The table whose INSERT privilege marks a role as a workstation role (see :func:`grantees`).
MARKER_TABLE = "audit_entries"


class RoleError(Exception):
    """The role named cannot be made a workstation role (missing, or too powerful)."""


@dataclass(frozen=True, slots=True)
class GrantResult:
    """What :func:`grant_workstation` did: the role, the tables covered, the SQL it ran."""

    role: str
    tables: tuple[str, ...]
    statements: tuple[str, ...]


def known_tables() -> list[str]:
    """The tables this version's migrations make (for printing the grants without a server)."""
    from .models import Base

    return sorted({*Base.metadata.tables, "alembic_version"})


def check_role_name(role: str) -> str:
    """``role`` if it can name a PostgreSQL role (1 to 63 characters, no NUL), else ValueError."""
    if not role or len(role.encode("utf-8")) > 63 or "\x00" in role:
        raise ValueError("a role name has 1 to 63 characters")
    return role


def quote_ident(name: str) -> str:
    """``name`` as a PostgreSQL identifier in double quotes (any character allowed)."""
    return '"' + name.replace('"', '""') + '"'


def workstation_grant_sql(role: str, tables: Iterable[str], *, schema: str = "public") -> list[str]:
    """The statements that give ``role`` exactly the workstation privileges on ``tables``.

    Everything the role held on the schema's tables and sequences is revoked first, so running
    them again (after an upgrade, or over a hand-made grant of too much) converges.
    """
    who, where = quote_ident(role), quote_ident(schema)
    sql = [
        # Before PostgreSQL 15 every role may create tables in the public schema.
        f"REVOKE CREATE ON SCHEMA {where} FROM PUBLIC",
        f"REVOKE CREATE ON SCHEMA {where} FROM {who}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {where} FROM {who}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {where} FROM {who}",
        f"GRANT USAGE ON SCHEMA {where} TO {who}",
    ]
    for table in sorted(tables):
        privileges = ", ".join(WORKSTATION_PRIVILEGES.get(table, UNKNOWN_TABLE))
        sql.append(f"GRANT {privileges} ON {where}.{quote_ident(table)} TO {who}")
    # New ids (SERIAL columns) come from the tables' sequences.
    sql.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {where} TO {who}")
    return sql


def schema_tables(conn: Connection) -> list[str]:
    """The ordinary tables of the current schema (where the migrations put them)."""
    return list(
        conn.scalars(
            text(
                "SELECT c.relname FROM pg_class c "
                "WHERE c.relnamespace = current_schema()::regnamespace "
                "AND c.relkind IN ('r', 'p') ORDER BY c.relname"
            )
        )
    )


def check_workstation_role(conn: Connection, role: str) -> None:
    """Refuse a role that could undo what the grants protect; :class:`RoleError` says why.

    The role must exist and must not be the one connected (the owner), a superuser, a role that
    may create roles (before PostgreSQL 16 it could join the owner role), a member of a
    predefined role that writes any table or the server's files, a member of the owner's role,
    or the owner of the database, the schema, any table or function (an owner may drop or alter
    what it owns; the schema's owner may drop every table in it).
    """
    found = conn.execute(
        text(
            "SELECT oid, rolsuper, rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = :role"
        ),
        {"role": role},
    ).first()
    if found is None:
        raise RoleError(
            f"there is no role {role} on the server: create it first "
            f"(CREATE ROLE {quote_ident(role)} LOGIN PASSWORD '…')"
        )
    oid, superuser, createrole, bypassrls = found
    me = conn.scalar(text("SELECT current_user"))
    if role == me:
        raise RoleError(
            f"{role} is the role running this command (the owner): workstations need a role "
            "of their own"
        )
    if superuser or createrole or bypassrls:
        raise RoleError(
            f"{role} is a superuser or may create roles: a workstation role must be an "
            f"ordinary one (ALTER ROLE {quote_ident(role)} NOSUPERUSER NOCREATEROLE "
            "NOBYPASSRLS)"
        )
    powers = conn.scalars(
        text(
            "SELECT rolname FROM pg_roles WHERE rolname = ANY(:powerful) "
            "AND pg_has_role(:oid, oid, 'MEMBER') ORDER BY rolname"
        ),
        {"oid": oid, "powerful": list(POWERFUL_ROLES)},
    ).all()
    if powers:
        raise RoleError(
            f"{role} is a member of {', '.join(powers)}, which reaches past the grants: "
            f"REVOKE {', '.join(quote_ident(p) for p in powers)} FROM {quote_ident(role)}"
        )
    owners = conn.execute(
        text(
            "SELECT 'the database' FROM pg_database "
            "WHERE datname = current_database() AND pg_has_role(:oid, datdba, 'MEMBER') "
            "UNION ALL SELECT 'the schema' FROM pg_namespace "
            "WHERE oid = current_schema()::regnamespace AND pg_has_role(:oid, nspowner, 'MEMBER') "
            "UNION ALL SELECT 'table ' || relname FROM pg_class "
            "WHERE relnamespace = current_schema()::regnamespace "
            "AND pg_has_role(:oid, relowner, 'MEMBER') "
            # The owner of a trigger function could replace it with one that lets all through.
            "UNION ALL SELECT 'function ' || proname FROM pg_proc "
            "WHERE pronamespace = current_schema()::regnamespace "
            "AND pg_has_role(:oid, proowner, 'MEMBER')"
        ),
        {"oid": oid},
    ).scalars()
    owned = list(owners)
    if owned:
        shown = ", ".join(owned[:3]) + (f" and {len(owned) - 3} more" if len(owned) > 3 else "")
        raise RoleError(
            f"{role} owns (or is a member of the role that owns) {shown}: an owner may drop "
            "tables and their triggers; make the owner a separate role and run 'db upgrade' "
            "as that role"
        )


def check_owner(conn: Connection) -> None:
    """Refuse unless the connected role owns every table (only an owner's GRANT takes effect;
    anyone else's is a warning that grants nothing)."""
    foreign = conn.execute(
        text(
            "SELECT c.relname, pg_get_userbyid(c.relowner) FROM pg_class c "
            "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') "
            "AND NOT pg_has_role(current_user, c.relowner, 'USAGE') ORDER BY c.relname"
        )
    ).first()
    if foreign is not None:
        table, owner = foreign
        raise RoleError(
            f"the table {table} belongs to {owner}: connect as the role that owns the tables "
            "(the one that ran 'db upgrade') to grant privileges on them"
        )


def grantees(conn: Connection) -> list[str]:
    """Roles other than the connected one that may INSERT into the audit trail directly.

    They are the workstation roles granted earlier; ``db upgrade`` grants them again so that a
    table a migration added is covered.
    """
    return list(
        conn.scalars(
            text(
                "SELECT DISTINCT r.rolname FROM pg_class c "
                "CROSS JOIN LATERAL aclexplode(c.relacl) a "
                "JOIN pg_roles r ON r.oid = a.grantee "
                "WHERE c.relnamespace = current_schema()::regnamespace "
                "AND c.relname = :table AND a.privilege_type = 'INSERT' "
                "AND r.rolname <> current_user AND NOT pg_has_role(r.oid, c.relowner, 'MEMBER') "
                "ORDER BY r.rolname"
            ),
            {"table": MARKER_TABLE},
        )
    )


def grant_workstation(conn: Connection, role: str) -> GrantResult:
    """Check ``role`` and give it the workstation privileges on every table, in ``conn``'s
    transaction (the caller commits)."""
    check_role_name(role)
    check_workstation_role(conn, role)
    check_owner(conn)
    tables = schema_tables(conn)
    schema = conn.scalar(text("SELECT current_schema()")) or "public"
    statements = workstation_grant_sql(role, tables, schema=schema)
    owns_schema = conn.scalar(
        text(
            "SELECT pg_has_role(current_user, nspowner, 'USAGE') FROM pg_namespace "
            "WHERE oid = current_schema()::regnamespace"
        )
    )
    ran = [s for s in statements if owns_schema or not s.startswith("REVOKE CREATE ON SCHEMA")]
    for statement in ran:
        conn.exec_driver_sql(statement)
    if conn.scalar(
        text("SELECT has_schema_privilege(:role, current_schema(), 'CREATE')"), {"role": role}
    ):
        raise RoleError(
            f"{role} may still create tables in the schema {schema} (a grant to PUBLIC or to "
            f"{role}); ask the schema's owner to run: REVOKE CREATE ON SCHEMA "
            f"{quote_ident(schema)} FROM PUBLIC, {quote_ident(role)}"
        )
    return GrantResult(role, tuple(tables), tuple(ran))
