"""Failures of the storage layer that the services turn into messages for the user."""

from __future__ import annotations


class StorageError(Exception):
    """Base of the storage layer's expected failures."""


class SchemaError(StorageError):
    """The database's schema is not one this program can use as it is (too old, too new, alien)."""


class BackupError(StorageError):
    """A backup or restore could not be made; nothing was changed."""


class AuditRestoreRefused(BackupError):
    """The backup's audit trail fails its check (a broken chain, or history that a signed
    checkpoint contradicts): restoring it would replace the trail with a forged one."""
