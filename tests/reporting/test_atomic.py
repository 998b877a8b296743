"""Files are written in one step and never overwritten without being asked."""

from __future__ import annotations

import pytest

from intake_desktop.reporting import (
    OutputExistsError,
    build_clinician_summary,
    build_patient_summary,
    write_atomic,
)
from tests.reporting.builders import EXAMPLES, document, example_data


def test_write_atomic_refuses_an_existing_file(tmp_path) -> None:
    out = tmp_path / "a.pdf"
    write_atomic(out, b"first")
    with pytest.raises(OutputExistsError, match="already exists"):
        write_atomic(out, b"second")
    assert out.read_bytes() == b"first"
    write_atomic(out, b"third", overwrite=True)
    assert out.read_bytes() == b"third"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf"]  # no temporary file left


def test_builders_write_a_pdf_and_return_the_page_count(tmp_path) -> None:
    doc = document(example_data(EXAMPLES[0]))
    out = tmp_path / "patient.pdf"
    pages = build_patient_summary(doc, out)
    assert out.read_bytes().startswith(b"%PDF-") and 1 <= pages <= 2
    with pytest.raises(OutputExistsError):
        build_clinician_summary(doc, out)
    assert build_clinician_summary(doc, out, overwrite=True) >= 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["patient.pdf"]


def test_a_failed_write_leaves_nothing_behind(tmp_path, monkeypatch) -> None:
    import os

    def broken_replace(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(tmp_path / "x.pdf", b"data", overwrite=True)
    assert list(tmp_path.iterdir()) == []
