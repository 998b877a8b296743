"""``intake-desktop plan``: text for people, JSON for programs, exit 2 naming the field."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from intake_desktop.cli import main
from tests.domain.builders import DATA, case_data, merge

EXAMPLES = DATA / "examples"


def write(tmp_path: Path, content: str | bytes, name: str = "case.json") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_json_output_is_the_plan(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", str(EXAMPLES / "04_mild_candidate.json"), "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["format"] == "spine-intake-plan/1"
    assert plan["level"] == "minimally_invasive"


def test_text_output_puts_red_flags_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", str(EXAMPLES / "02_cauda_equina.json")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("!!! RED FLAGS — EMERGENCY DEPARTMENT NOW !!!")
    assert "New loss of bladder or bowel control" in out
    assert "[R1.emergency]" in out


def test_text_output_explains_level_work_up_answers_and_scores(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["plan", str(EXAMPLES / "03_interventional.json")]) == 0
    out = capsys.readouterr().out
    for text in (
        "Recommended level: Interventional pain management",
        "[R6.interventional]",
        "Work-up: MRI",
        "How limited is daily life? moderate [findings]",
        "Scores:",
        "Konno",
    ):
        assert text in out


BAD = {
    "not JSON": ("{'format': 1", "not valid JSON (line 1, column 2"),
    "empty": ("", "the file is empty"),
    "unknown key": (json.dumps(merge(case_data(), {"mood": "ok"})), "mood: unknown field"),
    "wrong type": (
        json.dumps(merge(case_data(), {"history": {"shopping_cart_sign": "yes"}})),
        "history.shopping_cart_sign: must be true or false",
    ),
    "out of range": (
        json.dumps(merge(case_data(), {"history": {"standing_tolerance_min": -1}})),
        "history.standing_tolerance_min: -1 is out of range (allowed 0 to 1440)",
    ),
    "impossible date": (
        json.dumps(merge(case_data(), {"visit_date": "2026-13-01"})),
        "visit_date: is not a real calendar date",
    ),
    "unknown code": (
        json.dumps(merge(case_data(), {"comorbidities": ["gout"]})),
        "comorbidities[0]: 'gout' is not allowed (allowed: diabetes,",
    ),
    "missing date of birth": (
        json.dumps(merge(case_data(), {"patient": {"date_of_birth": None}})),
        "patient.date_of_birth: required but missing",
    ),
    "wrong format": (
        json.dumps(merge(case_data(), {"format": "other/1"})),
        "format: must be 'spine-intake-case/1' (got 'other/1')",
    ),
    "not an object": ("[1, 2]", "a case file must be a JSON object, not a list"),
    "not UTF-8": (b"\xff\xfe{}", "not UTF-8 text"),
}


@pytest.mark.parametrize("kind", BAD)
def test_malformed_files_exit_2_naming_the_field(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content, message = BAD[kind]
    path = write(tmp_path, content)
    assert main(["plan", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err
    assert "Traceback" not in captured.err
    assert captured.err.count("\n") == 1  # one paragraph


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", str(tmp_path / "nope.json")]) == 2
    assert "no such file" in capsys.readouterr().err


@pytest.mark.parametrize(
    "entry",
    [
        ["-m", "intake_desktop"],
        ["-c", "from intake_desktop.cli import main; raise SystemExit(main())"],
    ],
)
def test_module_entry_point_in_a_fresh_process(entry: list[str], tmp_path: Path) -> None:
    ok = subprocess.run(
        [sys.executable, *entry, "plan", str(EXAMPLES / "06_cervical_myelopathy.json"), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["level"] == "surgical"
    bad = subprocess.run(
        [sys.executable, *entry, "plan", str(write(tmp_path, "{"))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert "not valid JSON" in bad.stderr
    assert "Traceback" not in bad.stderr
