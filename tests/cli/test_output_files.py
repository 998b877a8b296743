"""Every command that writes a file: refuses to destroy one, writes it 0600, says what failed.

Each command runs through ``main`` on a real SQLite database, with real files, FIFOs, links and
/dev/full as targets, under the usual umask 022.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from intake_desktop.cli import main
from tests.actors import connect_file
from tests.conftest import with_users
from tests.storage.readonly import a_device, as_nobody

EXAMPLE = sorted(
    p
    for p in (Path(__file__).resolve().parents[1] / "data" / "examples").glob("*.json")
    if not p.name.endswith(".expected.json")
)[0]

#: command → its arguments for writing to ``out`` (visit 1 is imported by the fixture).
COMMANDS: dict[str, Callable[[Path], list[str]]] = {
    "backup": lambda out: ["backup", str(out)],
    "export-case": lambda out: ["export-case", "1", "--out", str(out)],
    "export-fhir": lambda out: ["export-fhir", "1", "--out", str(out)],
    "export-pdf": lambda out: ["export-pdf", "1", "--kind", "patient", "--out", str(out)],
    "audit": lambda out: ["audit", "--csv", "--out", str(out)],
}
commands = pytest.mark.parametrize("command", COMMANDS)


@pytest.fixture(autouse=True)
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def new_clinic(folder: Path) -> str:
    url = with_users(f"sqlite:///{folder / 'records.sqlite3'}")
    assert main(["--db", url, "import", str(EXAMPLE)]) == 0
    return url


@pytest.fixture
def db(tmp_path: Path, capsys) -> str:
    url = new_clinic(tmp_path)
    capsys.readouterr()
    return url


def run(capsys, db: str, command: str, out: Path, *extra: str) -> tuple[int, str]:
    code = main(["--db", db, *COMMANDS[command](out), *extra])
    return code, capsys.readouterr().err


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@commands
def test_an_existing_file_is_refused_unless_forced_and_the_result_is_0600(
    db, capsys, tmp_path: Path, command: str
) -> None:
    out = tmp_path / "out" / "file"
    out.parent.mkdir()
    out.write_bytes(b"keep me")
    code, err = run(capsys, db, command, out)
    assert code == 2 and "already exists" in err and "--force" in err and str(out) in err
    assert out.read_bytes() == b"keep me"
    code, err = run(capsys, db, command, out, "--force")
    assert code == 0, err
    assert out.read_bytes() != b"keep me" and mode(out) == 0o600
    fresh = tmp_path / "out" / "fresh"
    assert run(capsys, db, command, fresh)[0] == 0 and mode(fresh) == 0o600
    names = sorted(p.name for p in out.parent.iterdir())
    # An encrypted backup's key file goes beside it, 0600 like the copy; nothing else is left.
    keys = [n for n in names if n.endswith(".keys")]
    assert keys in ([], ["file.keys", "fresh.keys"]) and all(
        mode(out.parent / n) == 0o600 for n in keys
    )
    assert [n for n in names if n not in keys] == ["file", "fresh"]  # no temporaries


@commands
def test_a_symbolic_link_is_refused_even_with_force(db, capsys, tmp_path: Path, command) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    link = tmp_path / "link.bak"
    link.symlink_to(victim)
    for extra in ((), ("--force",)):
        code, err = run(capsys, db, command, link, *extra)
        assert code == 2 and str(link) in err and "symbolic link" in err
        assert "not even with --force" in err
    assert victim.read_bytes() == b"precious" and link.is_symlink()


@commands
def test_a_device_a_fifo_and_a_folder_are_never_replaced(
    db, capsys, tmp_path: Path, command: str
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    device = a_device(tmp_path)
    for target in (device, fifo, folder):
        code, err = run(capsys, db, command, target, "--force")
        assert code == 2, err
        assert str(target) in err and "not a regular file" in err
        assert err.count("\n") == 1  # one paragraph
    assert stat.S_ISCHR(os.lstat(device).st_mode) and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert list(folder.iterdir()) == []


@pytest.fixture
def nobodys_clinic() -> Iterator[tuple[str, Path]]:
    """A clinic in /tmp owned by ``nobody`` (when root) with a folder they cannot write to."""
    base = Path(tempfile.mkdtemp(prefix="intake-cli-ro-", dir="/tmp"))
    base.chmod(0o777)
    try:
        with as_nobody():
            url = new_clinic(base)
            readonly = base / "read-only"
            readonly.mkdir(mode=0o555)
            readonly.chmod(0o555)
        yield url, readonly
    finally:
        shutil.rmtree(base, ignore_errors=True)


@commands
def test_a_read_only_folder_gives_the_cause_in_words(nobodys_clinic, capsys, command) -> None:
    url, readonly = nobodys_clinic
    capsys.readouterr()
    with as_nobody():
        code, err = run(capsys, url, command, readonly / "file")
    assert code == 1, err
    assert "Unexpected error" not in err
    assert f"{readonly / 'file'}: cannot be written: Permission denied" in err
    assert "read-only" in err
    assert list(readonly.iterdir()) == []


def test_a_missing_folder_is_a_bad_path(db, capsys, tmp_path: Path) -> None:
    code, err = run(capsys, db, "export-case", tmp_path / "no" / "such" / "case.json")
    assert code == 2 and "does not exist" in err


def test_backup_replaced_with_force_is_a_complete_database(db, capsys, tmp_path: Path) -> None:
    out = tmp_path / "copy.sqlite3"
    assert run(capsys, db, "backup", out)[0] == 0
    assert run(capsys, db, "backup", out, "--force")[0] == 0
    assert connect_file(out).execute("SELECT count(*) FROM visits").fetchone() == (1,)


@commands
def test_the_help_says_what_force_does(capsys, command: str) -> None:
    with pytest.raises(SystemExit):
        main([*COMMANDS[command](Path("x"))[:1], "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--force" in text and "symbolic link" in text
