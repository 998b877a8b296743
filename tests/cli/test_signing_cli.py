"""``sign VISIT`` and ``amend VISIT --reason TEXT [CASE.json]`` (issue 13, item 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intake_desktop.cli import main
from intake_desktop.domain.signing import NEURO_ITEMS
from intake_desktop.services import get_visit
from tests.actors import READER, open_unlocked

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "01_lumbar_early.json"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def imported(capsys, db: str) -> str:
    code, out, err = run(capsys, "--db", db, "import", str(EXAMPLE), "--user", "dr.x")
    assert code == 0, err
    return out.strip()


def test_front_desk_may_not_sign_or_amend(database_url, capsys) -> None:
    visit = imported(capsys, database_url)
    code, _, err = run(capsys, "--db", database_url, "sign", visit, "--red-flags-screened",
                       "--not-examined", "x", "--user", "desk.user")  # fmt: skip
    assert code == 3 and "visit.sign" in err
    code, _, err = run(capsys, "--db", database_url, "amend", visit, "--reason", "typo",
                       "--user", "desk.user")  # fmt: skip
    assert code == 3


def test_an_incomplete_visit_exits_2_naming_each_missing_field(database_url, capsys) -> None:
    visit = imported(capsys, database_url)
    code, out, err = run(capsys, "--db", database_url, "sign", visit, "--user", "dr.x")
    assert (code, out) == (2, "")
    assert "red_flag_screen.fever: not answered" in err
    assert "red_flag_screen.night_or_rest_pain" in err
    for item in NEURO_ITEMS:
        if item != "leg_weakness":  # example 01 records it
            assert f"exam.{item}: not recorded" in err
    assert "Traceback" not in err
    override = ("--override", "surgical")
    code, _, err = run(capsys, "--db", database_url, "sign", visit, "--red-flags-screened",
                       "--not-examined", "x", *override, "--user", "dr.x")  # fmt: skip
    assert code == 2 and "override_reason: is required" in err


def test_sign_then_amend_then_sign_the_amendment(database_url, capsys, tmp_path: Path) -> None:
    visit = imported(capsys, database_url)
    code, out, err = run(capsys, "--db", database_url, "sign", visit, "--red-flags-screened",
                         "--not-examined", "seen by video", "--user", "dr.x")  # fmt: skip
    assert code == 0, err
    assert f"Signed visit {visit}" in out and "as dr.x" in out and "SHA-256 " in out
    # Signed: it changes only by amendment.
    code, _, err = run(capsys, "--db", database_url, "sign", visit, "--user", "dr.x")
    assert code == 4 and "amendment" in err
    with pytest.raises(SystemExit) as exited:  # --reason is required (argparse says so)
        run(capsys, "--db", database_url, "amend", visit, "--user", "dr.x")
    assert exited.value.code == 2 and "--reason" in capsys.readouterr().err
    corrected = json.loads(EXAMPLE.read_text())
    corrected["history"]["duration_weeks"] = 9
    case_file = tmp_path / "corrected.json"
    case_file.write_text(json.dumps(corrected))
    code, out, err = run(capsys, "--db", database_url, "amend", visit, "--reason",
                         "duration corrected", str(case_file), "--user", "dr.x")  # fmt: skip
    assert code == 0, err
    assert f"sign {visit}" in out
    code, out, err = run(capsys, "--db", database_url, "sign", visit, "--user", "dr.x")
    assert code == 0, err
    assert f"Signed amendment of visit {visit}" in out
    with open_unlocked(database_url) as db:
        record = get_visit(db, int(visit), actor=READER)
    assert (record.status, record.revision, record.amendment_reason) == (
        "amended", 1, "duration corrected")  # fmt: skip
    assert record.case_data["history"]["duration_weeks"] == 9
