"""GUI test fixtures: offscreen Qt, isolated settings and folders, a real SQLite database."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from intake_desktop.services.records import PatientDetails
from intake_desktop.ui.clinic import Clinic
from tests.actors import as_user, copy_database, open_unlocked

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "data" / "examples"
EXAMPLES = sorted(p for p in EXAMPLES_DIR.glob("*.json") if not p.name.endswith(".expected.json"))


@pytest.fixture(autouse=True)
def _isolated_qt_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test away from the real home, data and settings folders."""
    home = tmp_path / "home"
    for var, sub in (("HOME", ""), ("XDG_DATA_HOME", ".local/share"),
                     ("XDG_CONFIG_HOME", ".config")):  # fmt: skip
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("INTAKE_DESKTOP_DB", raising=False)
    folder = home / ".config"
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, str(folder / "system"))
    return home


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui-settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def db_url(sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "records.sqlite3"
    copy_database(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def clinic(db_url: str) -> Iterator[Clinic]:
    c = Clinic(open_unlocked(db_url), actor=as_user("test-desk"))
    yield c
    c.close()


@pytest.fixture
def patient(clinic: Clinic):
    return clinic.register_patient(
        PatientDetails(name="Ana Test", date_of_birth=date(1955, 4, 2), record_number="MRN-1")
    )


def load_example(path: Path) -> tuple[dict, dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))
    return data, expected
