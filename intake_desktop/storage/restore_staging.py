"""Preparing a backup for a restore, in a copy beside the database, before anything is replaced.

The copy is migrated to this program's schema, its audit trail checked against the live
database's signed checkpoints, and the live trail's newer entries added
(``storage.restore_audit``); only then does ``storage.backup`` write it into the database in one
step. A refusal leaves the database exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import URL, create_engine
from sqlalchemy.orm import sessionmaker

from . import cipher as _cipher
from .database import Database
from .errors import BackupError
from .migrate import _run_upgrade, current_revision, head_revision
from .restore_audit import Carried, backup_trail_problems, carry_newer_entries
from .seal_file import read_seal_file, seal_path

#: How many problems a refusal names (the rest are counted).
SHOWN = 5


def prepare_restore(
    live: Database, staging: Path, *, refused: type[BackupError], key: bytes | None = None
) -> Carried:
    """Make ``staging`` (a copy of the backup) ready to replace ``live``; returns what live
    audit entries were carried into it. Raises ``refused`` when its trail fails the check.
    ``key`` opens an encrypted copy."""
    url = URL.create("sqlite", database=str(staging))
    if key is None:
        engine = create_engine(url)
    else:
        engine = create_engine(
            url, module=_cipher.driver(), creator=lambda: _cipher.connect(staging, key)
        )
    copy = Database(url=url, engine=engine, session=sessionmaker(engine, expire_on_commit=False))
    try:
        head = head_revision()
        if current_revision(copy) != head:
            _run_upgrade(copy, head)
        seal_file = read_seal_file(seal_path(live))
        with copy.session() as backup, live.session() as now:
            problems = backup_trail_problems(backup, now, seal_file)
        if problems:
            shown = "; ".join(p.message for p in problems[:SHOWN])
            more = f"; and {len(problems) - SHOWN} more" if len(problems) > SHOWN else ""
            raise refused(
                f"the backup's audit trail fails its check, so it was not restored (nothing "
                f"was changed): {shown}{more}"
            )
        with copy.session.begin() as backup, live.session() as now:
            carried = carry_newer_entries(backup, now)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode = DELETE")
    finally:
        engine.dispose()
    return carried
