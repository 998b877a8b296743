"""Every kind of file the app writes is private under the usual umask 022 (issue 18): the data
folder 0700; the database, its WAL and shared-memory files, backups, the restore's safety copy,
the copy made before a schema upgrade, exports (case, FHIR, audit CSV, PDF), prints to a folder
or a file, the preview's copy for an outside viewer and the Qt settings file 0600 (its folder
0700); and no temporary file is left behind once the work is done.

One run through the command line on the default database in the (test's) data folder, then the
parts only the windows write. Real files throughout; only the outside PDF viewer is stood in.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from PySide6.QtCore import QSettings

from intake_desktop import services
from intake_desktop.cli import main
from intake_desktop.private_files import PARTIAL_SUFFIX
from intake_desktop.storage import migrate
from intake_desktop.storage.database import default_database_path
from intake_desktop.storage.database import open_database as open_storage
from intake_desktop.ui import pdf_preview
from intake_desktop.ui.app import make_application
from intake_desktop.ui.printing import FolderDestination, PrintRequest, PrintTask
from tests.ui.test_printing import _pdf

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "03_interventional.json"
PASSWORD = "Rare-Admin-Pass-1"


@pytest.fixture(autouse=True)
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def _cli(capsys, *argv: str, stdin: str = "") -> str:
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv))
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def _leftovers(*folders: Path) -> list[Path]:
    """Temporaries of ours (``.name.pid-xxxx.partial``) and SQLite journals left anywhere."""
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.name.endswith(PARTIAL_SUFFIX) or path.name.endswith("-journal"):
                found.append(path)
    return found


def test_the_command_line_writes_only_private_files(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("INTAKE_DESKTOP_USER", "boss")
    monkeypatch.setenv("INTAKE_DESKTOP_PASSWORD", PASSWORD)
    database = default_database_path()
    assert not database.parent.exists()
    _cli(capsys, "users", "add", "boss", "--role", "admin", "--role", "clinician",
         stdin=f"{PASSWORD}\n")  # fmt: skip
    assert (_mode(database.parent), _mode(database)) == (0o700, 0o600)
    # WAL and shared memory exist while a connection is open.
    with services.open_database(None) as db:
        services.sign_in(db, "boss", PASSWORD)
        sides = [Path(f"{database}{s}") for s in ("-wal", "-shm")]
        assert all(p.exists() for p in sides)
        assert [_mode(p) for p in sides] == [0o600, 0o600]

    out = tmp_path / "out"  # a folder of the user's: its own mode is theirs to choose
    out.mkdir()
    visit = _cli(capsys, "import", str(EXAMPLE)).strip()
    written = {
        "case": out / "case.json",
        "fhir": out / "bundle.json",
        "csv": out / "audit.csv",
        "pdf": out / "summary.pdf",
        "backup": out / "backups" / "clinic.sqlite3",  # a new folder: the app makes it
    }
    _cli(capsys, "export-case", visit, "--out", str(written["case"]))
    _cli(capsys, "export-fhir", visit, "--out", str(written["fhir"]))
    _cli(capsys, "audit", "--csv", "--out", str(written["csv"]))
    _cli(capsys, "export-pdf", visit, "--kind", "clinician", "--out", str(written["pdf"]))
    _cli(capsys, "backup", str(written["backup"]))
    said = _cli(capsys, "restore", str(written["backup"]))
    safety = Path(said.split("kept in ", 1)[1].strip())
    assert {k: _mode(p) for k, p in written.items()} == dict.fromkeys(written, 0o600)
    assert _mode(written["backup"].parent) == 0o700
    assert _mode(safety) == 0o600

    # An older database: ``db upgrade`` copies it aside first, privately.
    old = out / "old.sqlite3"
    storage = open_storage(f"sqlite:///{old}", migrate=False)
    with storage.engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "0004")
    storage.dispose()
    _cli(capsys, "--db", f"sqlite:///{old}", "db", "upgrade")
    (before,) = out.glob("old.before-upgrade-0004-*.sqlite3")
    assert (_mode(old), _mode(before)) == (0o600, 0o600)

    assert _leftovers(out, database.parent) == []
    for folder in (database.parent, written["backup"].parent):
        for path in folder.iterdir():
            assert _mode(path) == 0o600, path


def test_the_settings_file_and_its_folder_are_private(qtbot) -> None:
    make_application()
    settings = QSettings()
    settings.setValue("geometry/test", b"\x01\x02")
    settings.sync()
    assert settings.status() == QSettings.Status.NoError
    path = Path(settings.fileName())
    assert path.is_file()
    assert (_mode(path.parent), _mode(path)) == (0o700, 0o600)
    # An older installation's open file and folder are tightened at the next start.
    os.chmod(path, 0o644)
    os.chmod(path.parent, 0o755)
    make_application()
    QSettings().setValue("geometry/test", b"\x03")
    QSettings().sync()
    assert (_mode(path.parent), _mode(path)) == (0o700, 0o600)
    assert not list(path.parent.glob("*.lock"))


def test_prints_and_the_viewers_copy_are_private_and_cleaned_up(
    qtbot, tmp_path, monkeypatch
) -> None:
    pdf, name = _pdf("patient")
    prints = tmp_path / "prints"  # a print folder the app creates
    task = PrintTask(FolderDestination(prints), PrintRequest(pdf.data, name))
    task.start()
    with qtbot.waitSignal(task.finished, timeout=60_000) as done:
        pass
    assert done.args[0] is True
    printed = Path(done.args[1])
    assert (_mode(prints), _mode(printed)) == (0o700, 0o600)
    assert [p.name for p in prints.iterdir()] == [printed.name]

    opened: list[str] = []
    monkeypatch.setattr(
        pdf_preview.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile())
    )
    dialog = pdf_preview.PdfPreviewDialog(pdf.data, name, "Summary")
    qtbot.addWidget(dialog)
    copy = dialog.open_in_viewer()
    assert copy is not None and opened == [str(copy)]
    assert (_mode(copy.parent), _mode(copy)) == (0o700, 0o600)
    assert [p.name for p in copy.parent.iterdir()] == [copy.name]
    pdf_preview._remove_viewer_copies()  # what the program does as it ends
    assert not copy.parent.exists()
