"""Alembic environment, driven only from :mod:`intake_desktop.storage.migrate`.

There is no alembic.ini: the caller hands over an open connection in
``config.attributes["connection"]``, so migrations run on exactly the database the program opened
(the file from ``--db``, the default file, or a workstation's PostgreSQL server).
"""

from __future__ import annotations

from alembic import context

from intake_desktop.storage.models import Base

#: Any constant will do; every workstation uses the same one so only one of them migrates.
_PG_MIGRATION_LOCK = 0x1A7A4E


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("migrations run through intake_desktop.storage.migrate, not the CLI")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            # Two workstations starting the new version at once: the second waits, then finds
            # the schema current and does nothing.
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})")
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations()
