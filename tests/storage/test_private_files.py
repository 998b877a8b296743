"""Every file the app writes is private, whole, and never written over the wrong thing.

Real files in ``tmp_path`` and real SQLite databases, under the usual umask 022 (which made the
database, its WAL, backups and exports world-readable before).
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from intake_desktop.private_files import (
    OutputExistsError,
    UnsafeTargetError,
    WriteFailedError,
    remove_stale_partials,
    write_private,
)
from intake_desktop.storage.backup import backup_database, restore_database
from intake_desktop.storage.database import default_database_path, open_database
from tests.actors import connect_file
from tests.storage.readonly import a_device, as_nobody, readonly_folder


@pytest.fixture(autouse=True)
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_a_new_file_is_0600_and_nothing_else_is_left(tmp_path: Path) -> None:
    out = write_private(tmp_path / "a.json", b"{}")
    assert mode(out) == 0o600 and out.read_bytes() == b"{}"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_an_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "a.json"
    out.write_bytes(b"keep")
    out.chmod(0o644)
    with pytest.raises(OutputExistsError, match="already exists"):
        write_private(out, b"new")
    assert out.read_bytes() == b"keep"
    write_private(out, b"new", force=True)
    assert out.read_bytes() == b"new" and mode(out) == 0o600  # the replacement is private too


def test_a_symbolic_link_is_never_written_through_even_with_force(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    link = tmp_path / "link.bak"
    link.symlink_to(victim)
    dangling = tmp_path / "dangling.bak"
    dangling.symlink_to(tmp_path / "nowhere")
    for force in (False, True):
        for target in (link, dangling):
            with pytest.raises(UnsafeTargetError, match=r"symbolic link.*not even with --force"):
                write_private(target, b"x", force=force)
    assert victim.read_bytes() == b"precious" and link.is_symlink()
    assert not (tmp_path / "nowhere").exists()


def test_a_folder_a_fifo_and_a_device_are_never_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    device = a_device(tmp_path)
    for target, kind in ((folder, "a folder"), (fifo, "a FIFO"), (device, "a device")):
        for force in (False, True):
            with pytest.raises(UnsafeTargetError, match=f"is {kind}") as caught:
                write_private(target, b"x", force=force)
            assert str(target) in str(caught.value)
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and folder.is_dir()


def test_a_missing_folder_is_a_bad_path(tmp_path: Path) -> None:
    with pytest.raises(UnsafeTargetError, match="does not exist"):
        write_private(tmp_path / "no" / "a.json", b"x")


def test_a_read_only_folder_says_why_and_leaves_nothing(tmp_path: Path) -> None:
    with readonly_folder() as folder:
        with as_nobody(), pytest.raises(WriteFailedError, match="cannot be written: Permission"):
            write_private(folder / "a.json", b"x")
        assert list(folder.iterdir()) == []


def test_a_failed_rename_removes_the_temporary_file_without_masking_the_error(
    tmp_path: Path, monkeypatch
) -> None:
    def full_disk(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "link", full_disk)
    monkeypatch.setattr(os, "unlink", full_disk)  # even the clean-up fails: still no new error
    with pytest.raises(WriteFailedError, match="the disk is full"):
        write_private(tmp_path / "a.json", b"x")


# --- the database and its copies ---------------------------------------------------------


def test_a_new_database_and_its_wal_and_shm_are_0600(tmp_path: Path) -> None:
    path = tmp_path / "new" / "records.sqlite3"
    with open_database(str(path)) as db:
        with db.engine.begin() as conn:  # a write, so -wal and -shm exist while open
            conn.exec_driver_sql("CREATE TABLE t (x)")
            conn.exec_driver_sql("INSERT INTO t VALUES (1)")
        side = [Path(f"{path}-wal"), Path(f"{path}-shm")]
        assert all(p.exists() for p in side)
        assert {p.name: mode(p) for p in [path, *side]} == {
            "records.sqlite3": 0o600,
            "records.sqlite3-wal": 0o600,
            "records.sqlite3-shm": 0o600,
        }
    assert mode(path.parent) == 0o700  # a folder the app made


def test_the_default_data_folder_and_database_are_tightened_if_left_open(tmp_path: Path) -> None:
    folder = default_database_path().parent
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)  # as an earlier version left them
    sqlite3.connect(default_database_path()).close()
    default_database_path().chmod(0o644)
    with open_database(None) as db:
        with db.engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE t (x)")
        assert mode(folder) == 0o700
        assert {mode(p) for p in folder.iterdir()} == {0o600}  # database, -wal, -shm


def test_backups_and_safety_copies_are_0600(tmp_path: Path) -> None:
    live = tmp_path / "records.sqlite3"
    with open_database(str(live)) as db:
        copy = backup_database(db, tmp_path / "backups" / "copy.sqlite3")
        assert mode(copy) == 0o600 and mode(copy.parent) == 0o700
        with pytest.raises(OutputExistsError):
            backup_database(db, copy)
        result = restore_database(db, copy)
        assert mode(result.safety_copy) == 0o600
    assert not list(tmp_path.rglob("*.partial"))


def test_a_killed_backup_leaves_a_private_partial_that_the_next_start_removes(
    tmp_path: Path,
) -> None:
    live = tmp_path / "records.sqlite3"
    open_database(str(live)).dispose()
    # A backup killed halfway, as a separate process: its partial copy stays behind.
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from intake_desktop.storage import sqlite_copy\n"
        "from intake_desktop.storage.database import open_database\n"
        "real = sqlite_copy.place\n"
        "def killed(tmp, path, **kw):\n"
        "    print(tmp, flush=True); os._exit(9)\n"
        "sqlite_copy.place = killed\n"
        "with open_database(sys.argv[1]) as db:\n"
        "    sqlite_copy.copy_live_sqlite(db, Path(sys.argv[2]))\n"
    )
    os.umask(0o022)
    run = subprocess.run(
        [sys.executable, "-c", script, str(live), str(tmp_path / "copy.sqlite3")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 9, run.stderr
    partial = Path(run.stdout.strip())
    assert partial.exists() and partial.name.endswith(".partial")
    assert mode(partial) == 0o600  # never readable by others, not even while it lasts
    # An older-style leftover too, and one of a process that still runs (kept).
    older = tmp_path / ".records.sqlite3.999999.partial"
    older.write_bytes(b"old copy")
    running = tmp_path / f".other.sqlite3.{os.getpid()}-0a0b0c0d.partial"
    running.write_bytes(b"in progress")
    open_database(str(live)).dispose()
    assert not partial.exists() and not older.exists()
    assert running.exists()
    assert not (tmp_path / "copy.sqlite3").exists()
    assert connect_file(live).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_stale_partials_are_only_ours(tmp_path: Path) -> None:
    (tmp_path / "notes.partial").write_bytes(b"not hidden: not ours")
    (tmp_path / ".x.999999.partial").mkdir()  # a folder: left alone
    assert remove_stale_partials(tmp_path) == []
