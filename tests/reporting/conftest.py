"""Fixtures for the report tests: a copy of the templates a test may change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from intake_desktop.reporting import DEFAULT_TEMPLATES_DIR


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    """A private copy of the default templates to edit without touching the real one."""
    copy = tmp_path / "templates"
    shutil.copytree(DEFAULT_TEMPLATES_DIR, copy)
    return copy


@pytest.fixture
def metric_templates(templates: Path) -> Path:
    """The templates of a clinic that measures in metres and writes UK English."""
    clinic = templates / "clinic.toml"
    text = clinic.read_text(encoding="utf-8")
    text = text.replace('units = "us"', 'units = "metric"').replace(
        'spelling = "us"', 'spelling = "uk"'
    )
    clinic.write_text(text, encoding="utf-8")
    return templates
