"""The benchmark clinic encrypted (SQLCipher), beside the plain one, to compare the figures.

The encrypted clinic is the plain one converted as ``db upgrade`` converts a clinic's file
(:func:`intake_desktop.storage.convert.encrypt_plain_database`), cached beside it; the
benchmark's users keep their passwords, which unwrap the key as a sign-in does.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from benchmarks.app_figures import BENCH_PASSWORD, BENCH_USER, ensure_bench_user


def encrypted_clinic(plain: Path) -> Path:
    """The encrypted copy of the cached clinic ``plain`` (built once, from a copy of it)."""
    from intake_desktop.storage.convert import encrypt_plain_database
    from intake_desktop.storage.database import open_database
    from intake_desktop.storage.keyring import key_file_for

    target = plain.with_name(plain.stem + "-encrypted.db")
    if target.exists() and key_file_for(target).exists():
        return target
    ensure_bench_user(plain)
    building = plain.with_name(plain.stem + "-encrypting.db")
    for leftover in plain.parent.glob(building.name + "*"):
        leftover.unlink()
    shutil.copyfile(plain, building)
    encrypt_plain_database(open_database(f"sqlite:///{building}", migrate=False))
    key_file_for(building).rename(key_file_for(target))
    building.rename(target)
    return target


def database_key(path: Path) -> bytes:
    """The clinic's key, unwrapped with the benchmark user's password (as a sign-in does)."""
    from intake_desktop.storage import keyring

    keys = keyring.read_key_file(keyring.key_file_for(path))
    key = keyring.unwrap_for_user(keys, BENCH_USER, BENCH_PASSWORD)
    if key is None:
        raise RuntimeError(f"{BENCH_USER} holds no key to {path}")
    return key


def open_clinic(url: str) -> Any:
    """``open_database(url)``, unlocked with the benchmark user's password when encrypted."""
    from intake_desktop.services import dbkey, open_database

    db = open_database(url)
    if db.locked and not dbkey.unlock_for_sign_in(db, BENCH_USER, BENCH_PASSWORD):
        raise RuntimeError(f"{BENCH_USER} cannot open {url}")
    return db


def raw_connection(path: Path) -> Any:
    """The floor's driver connection: sqlite3 for a plain file, SQLCipher with the key."""
    import sqlite3

    from intake_desktop.storage import cipher

    if cipher.file_kind(path) is cipher.FileKind.ENCRYPTED:
        return cipher.connect(path, database_key(path))
    return sqlite3.connect(path)
