"""Helpers for the service tests: the shared example cases and a registered patient."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from intake_desktop.services import PatientDetails, PatientRecord, register_patient
from tests.actors import as_user

#: The repository's copy of shared/clinical/examples (tests/domain checks it is the same set).
EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "data" / "examples"
AUTHOR = "dr.house"


def example_paths() -> list[Path]:
    """Every shared example case (not the *.expected.json answers)."""
    paths = sorted(p for p in EXAMPLES_DIR.glob("*.json") if not p.name.endswith(".expected.json"))
    assert paths, f"no example cases in {EXAMPLES_DIR}"
    return paths


def load_example(name: str) -> dict[str, Any]:
    return json.loads((EXAMPLES_DIR / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture
def patient(database) -> PatientRecord:
    """María García López, born 1958-03-02 (the DOB of example 01), record MRN-0001."""
    return register_patient(
        database,
        PatientDetails(
            name="María García López",
            date_of_birth=date(1958, 3, 2),
            record_number="MRN-0001",
            sex="female",
            phone="+34 600 000 000",
            language="es",
        ),
        actor=as_user(AUTHOR),
    )


@pytest.fixture
def lumbar_case(patient: PatientRecord) -> dict[str, Any]:
    """Example 01, belonging to ``patient``."""
    case = load_example("01_lumbar_early")
    case["patient"]["id"] = patient.record_number
    return case
