"""Opening the clinic's database, and the storage layer's failures said as service errors.

Apart from :mod:`.maintenance` (which uses :func:`translated` for upgrades, backups and restores
too) so that opening the records at start-up loads only what opening needs: not the backup,
conversion, role and audit-repair code, which take as long to import as the window to appear.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import URL
from sqlalchemy.exc import DatabaseError, OperationalError

from intake_desktop.private_files import UnsafeTargetError, WriteFailedError
from intake_desktop.storage.cipher import DatabaseLocked
from intake_desktop.storage.database import Database
from intake_desktop.storage.database import open_database as _open_database
from intake_desktop.storage.errors import AuditRestoreRefused, BackupError, SchemaError
from intake_desktop.storage.keyring import KeyFileError

from ._common import first_line
from .errors import (
    ConflictError,
    InputError,
    PermissionDenied,
    ServiceError,
    UnavailableError,
    database_refusal,
)

#: libpq's words for a refused TLS connection → what the person at the workstation can check.
_TLS_HINTS = {
    "certificate verify failed": "the server's certificate was not issued by the CA of "
    "sslrootcert (or has expired); ",
    "does not match host name": "the server's certificate is for another name: use the host "
    "name it was issued for; ",
}


def open_database(url: str | URL | None = None) -> Database:
    """The clinic's database at ``url`` (None: the default file), schema created if empty.

    Raises :class:`UnavailableError` when it cannot be reached or its schema needs attention.
    """
    with translated():
        return _open_database(url)


@contextmanager
def translated() -> Iterator[None]:
    try:
        yield
    except AuditRestoreRefused as exc:  # before BackupError, which it is
        raise ConflictError(str(exc)) from exc
    except BackupError as exc:
        raise InputError(str(exc)) from exc
    except KeyFileError as exc:
        raise UnavailableError(str(exc)) from exc
    except DatabaseLocked as exc:
        raise PermissionDenied(str(exc)) from exc
    except UnsafeTargetError as exc:  # an existing file, a link, a device: the path is wrong
        raise InputError(str(exc)) from exc
    except WriteFailedError as exc:  # the folder refused (read-only, full): said in words
        raise ServiceError(str(exc)) from exc
    except SchemaError as exc:
        raise UnavailableError(str(exc)) from exc
    except OperationalError as exc:
        line = first_line(exc)
        hint = next((h for words, h in _TLS_HINTS.items() if words in line), "")
        raise UnavailableError(
            f"cannot use the database ({line}): {hint}check the --db URL (and its "
            "sslmode and sslrootcert), that the server is running and that you may connect"
        ) from exc
    except DatabaseError as exc:  # reached, but not a database (a wrong or damaged file)
        refused = database_refusal(exc)  # e.g. a workstation role opening an empty database
        if refused is not None:
            raise refused from exc
        if "connection option" in str(exc.orig):  # libpq: a misspelt ?option= in the URL
            raise InputError(
                f"the URL has an option PostgreSQL does not know ({first_line(exc)})", "--db"
            ) from exc
        raise UnavailableError(
            f"this is not a database the app can use ({first_line(exc)}): check the --db URL, "
            "or restore the file from a backup"
        ) from exc
