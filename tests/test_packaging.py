"""The desktop entry, the icon and the bundle's spec agree with the package they install."""

from __future__ import annotations

import configparser
import tomllib
from pathlib import Path

from PySide6.QtGui import QImage

from intake_desktop import resources

ROOT = Path(__file__).resolve().parents[1]


def test_the_desktop_entry_starts_the_installed_command_with_the_shipped_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(ROOT / "packaging" / "intake-desktop.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert desktop["Type"] == "Application" and desktop["Terminal"] == "false"
    assert desktop["Exec"].split()[0] in scripts
    assert desktop["Icon"] == resources.ICON_FILE.stem
    assert desktop["Name"] and desktop["Comment[es]"]


def test_the_icon_ships_as_svg_and_as_a_square_png() -> None:
    assert resources.ICON_FILE.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    png = QImage(str(resources.ICON_FILE.with_suffix(".png")))
    assert not png.isNull() and png.width() == png.height() >= 256


def test_the_bundle_spec_takes_its_files_from_the_package() -> None:
    spec = (ROOT / "packaging" / "intake-desktop.spec").read_text(encoding="utf-8")
    assert 'collect_submodules("intake_desktop")' in spec  # modules loaded by name
    assert '"migrations" in path' in spec  # Alembic reads its scripts as files
    assert (ROOT / "packaging" / "launch.py").is_file()


def test_the_app_windows_carry_the_icon(qapp) -> None:
    from intake_desktop.ui.app import make_application

    app = make_application()
    assert not app.windowIcon().isNull()
    assert app.windowIcon().availableSizes()[0].width() >= 256
