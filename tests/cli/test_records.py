"""The records commands, run in-process through ``main`` (and once through the real entry point)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from intake_desktop.cli import main
from intake_desktop.services import get_visit, search_patients
from tests.actors import READER, connect_file, open_unlocked
from tests.conftest import with_users

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "data" / "examples"  # = shared examples
EXAMPLES = sorted(p for p in EXAMPLES_DIR.glob("*.json") if not p.name.endswith(".expected.json"))
assert EXAMPLES, f"no example cases in {EXAMPLES_DIR}"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_import_then_export_gives_back_the_case(database_url, capsys, path: Path) -> None:
    code, out, err = run(capsys, "--db", database_url, "import", str(path), "--user", "dr.x")
    assert code == 0, err
    visit_id = int(out.strip())
    code, out, err = run(capsys, "--db", database_url, "export-case", str(visit_id))
    assert code == 0, err
    assert json.loads(out) == json.loads(path.read_text(encoding="utf-8"))
    assert next(iter(json.loads(out))) == "format"


def test_export_to_a_file(database_url, capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--db", database_url, "import", str(EXAMPLES[0]))
    target = tmp_path / "out" / "case.json"
    target.parent.mkdir()
    code, out, _ = run(
        capsys, "--db", database_url, "export-case", out.strip(), "--out", str(target)
    )
    assert code == 0 and out == ""
    assert json.loads(target.read_text()) == json.loads(EXAMPLES[0].read_text())
    assert [p.name for p in target.parent.iterdir()] == ["case.json"]  # no temporary file left


def test_bad_files_exit_2_naming_the_problem(capsys, tmp_path: Path) -> None:
    db = with_users(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    case = json.loads(EXAMPLES[0].read_text())
    case["history"]["duration_weeks"] = "forty"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(case))
    code, out, err = run(capsys, "--db", db, "import", str(bad))
    assert (code, out) == (2, "")
    assert "history.duration_weeks" in err
    assert "Traceback" not in err
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": ')
    code, _, err = run(capsys, "--db", db, "import", str(broken))
    assert code == 2 and "not valid JSON (line 1" in err
    code, _, err = run(capsys, "--db", db, "import", str(tmp_path / "missing.json"))
    assert code == 2 and "no such file" in err
    code, _, err = run(capsys, "--db", db, "export-case", "12345")
    assert code == 2 and "no visit 12345" in err


def test_backup_and_restore_commands(capsys, tmp_path: Path) -> None:
    db_path = tmp_path / "r.sqlite3"
    db = with_users(f"sqlite:///{db_path}")
    assert run(capsys, "--db", db, "import", str(EXAMPLES[0]))[0] == 0
    backup = tmp_path / "copy.sqlite3"
    code, out, _ = run(capsys, "--db", db, "backup", str(backup))
    assert code == 0 and str(backup) in out
    assert connect_file(backup).execute("SELECT count(*) FROM visits").fetchone() == (1,)
    assert run(capsys, "--db", db, "import", str(EXAMPLES[1]))[0] == 0
    code, out, _ = run(capsys, "--db", db, "restore", str(backup))
    assert code == 0 and "before-restore" in out
    with open_unlocked(db) as records, pytest.raises(Exception, match="no visit 2"):
        get_visit(records, 2, actor=READER)
    code, _, err = run(capsys, "--db", db, "restore", str(tmp_path / "nothing.sqlite3"))
    assert code == 2 and "not a file" in err


def test_backup_on_postgresql_points_to_pg_dump(postgres_server, capsys, tmp_path) -> None:
    name = postgres_server.create_database(template=postgres_server.TEMPLATE)
    try:
        code, _, err = run(capsys, "--db", postgres_server.url(name), "backup", str(tmp_path / "x"))
        assert code == 2 and "pg_dump" in err
    finally:
        postgres_server.drop_database(name)


def test_db_upgrade_creates_then_reports_current(capsys, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    code, out, _ = run(capsys, "--db", db, "db", "upgrade")
    assert code == 0 and "from empty to" in out
    code, out, _ = run(capsys, "--db", db, "db", "upgrade")
    assert code == 0 and "up to date" in out


def test_default_database_is_created_in_the_data_folder(capsys, _isolated_user_folders) -> None:
    with_users(None)  # the first administrator and the team, as on a new workstation
    code, _, err = run(capsys, "import", str(EXAMPLES[0]))
    assert code == 0, err
    files = list((_isolated_user_folders / ".local" / "share").rglob("records.sqlite3"))
    assert len(files) == 1 and files[0].parent.name == "intake-desktop"


def test_demo_builds_a_searchable_clinic(database_url, capsys) -> None:
    code, out, err = run(capsys, "--db", database_url, "demo", "--patients", "200")
    assert code == 0, err
    assert "Added 200 patients" in out
    assert "100% (200/200 patients" in err
    assert err.count("\n") <= 12  # not a tty: a line every 10 %
    with open_unlocked(database_url) as db:
        name = search_patients(db, "demo-00001", actor=READER)[0].name
        assert name
        word = name.split()[-1][:3]
        assert any(p.name == name for p in search_patients(db, word, limit=500, actor=READER))
    code, _, err = run(capsys, "--db", database_url, "demo", "--patients", "0")
    assert code == 2 and "--patients" in err


def test_the_installed_entry_point(tmp_path: Path) -> None:
    """One real process: ``python -m intake_desktop`` with INTAKE_DESKTOP_DB."""
    url = with_users(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    env = {**os.environ, "INTAKE_DESKTOP_DB": url}
    imported = subprocess.run(
        [sys.executable, "-m", "intake_desktop", "import", str(EXAMPLES[0])],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert imported.returncode == 0, imported.stderr
    exported = subprocess.run(
        [sys.executable, "-m", "intake_desktop", "export-case", imported.stdout.strip()],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout) == json.loads(EXAMPLES[0].read_text())
