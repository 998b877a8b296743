"""Files the commands read: only regular files under a size limit, strict JSON, nothing stored.

Pipes and devices run in a real process with a timeout: before these checks, ``plan`` on a named
pipe waited forever and ``/dev/zero`` was read until memory ran out.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from intake_desktop.cli import main
from intake_desktop.cli.files import BUNDLE_FILE_LIMIT, CASE_FILE_LIMIT
from tests.actors import connect_file
from tests.conftest import with_users

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "03_interventional.json"
READERS = [
    pytest.param(["plan"], id="plan"),
    pytest.param(["import"], id="import"),
    pytest.param(["import-fhir"], id="import-fhir"),
    pytest.param(["amend", "1", "--reason", "typo"], id="amend"),
]


def example() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return with_users(f"sqlite:///{tmp_path / 'records.sqlite3'}")


def stored_visits(url: str) -> int:
    path = url.removeprefix("sqlite:///")
    return connect_file(path).execute("SELECT count(*) FROM visits").fetchone()[0]


def run_process(url: str, *argv: str) -> subprocess.CompletedProcess[str]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "intake_desktop", "--db", url, *argv],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert time.perf_counter() - started < 20
    return done


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def refused(code: int, out: str, err: str, *words: str) -> None:
    assert (code, out) == (2, ""), err
    assert "Traceback" not in err
    assert err.count("\n") == 1, err  # one paragraph
    for word in words:
        assert word in err


@pytest.mark.parametrize("command", READERS)
def test_a_named_pipe_is_refused_without_waiting(command, db_url, tmp_path: Path) -> None:
    fifo = tmp_path / "case.json"
    os.mkfifo(fifo)
    done = run_process(db_url, *command, str(fifo))
    refused(done.returncode, done.stdout, done.stderr, str(fifo), "not a regular file")


def test_a_device_is_refused_without_reading_it(db_url) -> None:
    done = run_process(db_url, "plan", "/dev/zero")
    refused(done.returncode, done.stdout, done.stderr, "/dev/zero", "not a regular file")


def test_restore_refuses_a_named_pipe(db_url, tmp_path: Path) -> None:
    fifo = tmp_path / "backup.sqlite3"
    os.mkfifo(fifo)
    done = run_process(db_url, "--user", "admin.user", "restore", str(fifo))
    assert done.returncode == 2, done.stderr
    assert "not a file" in done.stderr


@pytest.mark.parametrize(
    ("command", "limit", "name"),
    [
        (["plan"], CASE_FILE_LIMIT, "a case file"),
        (["import"], CASE_FILE_LIMIT, "a case file"),
        (["import-fhir"], BUNDLE_FILE_LIMIT, "a FHIR Bundle"),
    ],
)
def test_a_file_over_the_limit_is_refused_before_reading(
    command, limit, name, capsys, db_url, tmp_path: Path
) -> None:
    big = tmp_path / "big.json"
    text = json.dumps(example())
    big.write_text(text + " " * (limit + 1 - len(text)), encoding="utf-8")
    code, out, err = run(capsys, "--db", db_url, *command, str(big))
    refused(code, out, err, str(big), f"{name} may be at most {limit // (1024 * 1024)}.0 MB")
    assert stored_visits(db_url) == 0
    big.write_text(text + " " * (limit - len(text)), encoding="utf-8")  # at the limit: read
    code, _, err = run(capsys, "--db", db_url, "plan", str(big))
    assert code == (0 if name == "a case file" else 2), err


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


HOSTILE_JSON = {
    "100,000 levels": (
        lambda: json.dumps(example())[:-1] + ', "history": ' + nested(100_000) + "}",
        "nested more than 64 levels deep",
    ),
    "5,000-digit number": (
        lambda: json.dumps(example())[:-1] + ', "weight": ' + "9" * 5000 + "}",
        "a number is written with 5000 characters",
    ),
    "duplicate key": (
        lambda: json.dumps(example())[:-1] + ', "visit_date": "2026-01-02"}',
        "the key 'visit_date' appears twice",
    ),
}


@pytest.mark.parametrize("kind", HOSTILE_JSON)
@pytest.mark.parametrize("command", READERS)
def test_hostile_json_exits_2_saying_what_is_wrong(
    kind, command, capsys, db_url, tmp_path: Path
) -> None:
    make, message = HOSTILE_JSON[kind]
    path = tmp_path / "hostile.json"
    path.write_text(make(), encoding="utf-8")
    started = time.perf_counter()
    code, out, err = run(capsys, "--db", db_url, *command, str(path))
    assert time.perf_counter() - started < 2
    refused(code, out, err, message)
    assert stored_visits(db_url) == 0


CASE_PROBLEMS = {
    "lone surrogate in the name": (
        {"patient": {"name": "Ana \ud800"}},
        "patient.name: holds a lone surrogate U+D800",
    ),
    "ESC sequence in the name": (
        {"patient": {"name": "Ana \x1b[31mRuiz"}},
        "patient.name: holds the control character U+001B",
    ),
    "NUL in the record number": (
        {"patient": {"id": "MRN\x00-1"}},
        "patient.id: holds the control character U+0000",
    ),
    "right-to-left override in the record number": (
        {"patient": {"id": "MRN-\u202e123"}},
        "patient.id: holds the bidirectional control U+202E",
    ),
    "BEL in the note": (
        {"follow_up": {"note_for_patient": "ring\x07"}},
        "follow_up.note_for_patient: holds the control character U+0007",
    ),
    "year 1 birth": (
        {"patient": {"date_of_birth": "0001-01-01"}},
        "patient.date_of_birth: is not a possible date of birth (the earliest is",
    ),
}


@pytest.mark.parametrize("kind", CASE_PROBLEMS)
@pytest.mark.parametrize("command", ["plan", "import"])
def test_plan_and_import_refuse_the_same_case_the_same_way(
    kind, command, capsys, db_url, tmp_path: Path
) -> None:
    change, message = CASE_PROBLEMS[kind]
    data = example()
    for section, values in change.items():
        data[section] = {**data.get(section, {}), **values}
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # ASCII: the surrogate as \\ud800
    code, out, err = run(capsys, "--db", db_url, command, str(path))
    refused(code, out, err, message)
    assert "\x1b" not in err and "\x00" not in err
    assert stored_visits(db_url) == 0


def test_a_case_with_every_list_overlong_gives_a_short_message(
    capsys, db_url, tmp_path: Path
) -> None:
    data = example()
    data["history"]["symptom_sites"] = ["low_back"] * 150_000
    data["treatment"]["injections"] = [{"date": "2026-01-01", "type": "epidural_steroid"}] * 51
    data["function"] = {f"unknown_{i}": True for i in range(5_000)}
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    for command in ("plan", "import"):
        started = time.perf_counter()
        code, out, err = run(capsys, "--db", db_url, command, str(path))
        assert time.perf_counter() - started < 2
        refused(code, out, err, "history.symptom_sites: has 150000 entries (at most 10)")
        assert "treatment.injections: has 51 entries (at most 50)" in err
        assert "and 4982 more" in err
        assert len(err) < 10_000
    assert stored_visits(db_url) == 0


def test_a_bundle_with_too_many_entries_is_refused(capsys, db_url, tmp_path: Path) -> None:
    entry = {"resource": {"resourceType": "Observation"}}
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [entry] * 100_000}
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    code, out, err = run(capsys, "--db", db_url, "import-fhir", str(path))
    refused(code, out, err, "Bundle: entry holds 100000 resources (one visit has at most 500)")
    assert stored_visits(db_url) == 0


def test_the_limits_are_in_the_help(capsys) -> None:
    for command, limit in (("plan", "2 MB"), ("import", "2 MB"), ("import-fhir", "10 MB")):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert limit in capsys.readouterr().out.replace("\n", " ")
