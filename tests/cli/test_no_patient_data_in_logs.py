"""Nothing the command line writes to standard error or to a log holds patient data (issue 18).

One whole session on a new database, with every logger at DEBUG (the root logger, so the
storage layer's and SQLAlchemy's too) writing to a log file, warnings routed to logging, and
``INTAKE_DESKTOP_DEBUG=1``: users added, a synthetic patient's case imported, planned, exported
(case, PDF, FHIR), signed, amended and signed again, the audit trail listed, exported and
verified, a backup made and restored, and the usual mistakes (bad input, a wrong password, a
conflict, a record that is not there). Standard error and the log are then searched for the
patient's name, date of birth (in the usual spellings), record number and the free text of the
case. Standard output is not searched: ``export-case`` prints the case there, on purpose.
"""

from __future__ import annotations

import io
import json
import logging
import sys
from pathlib import Path

import pytest

from intake_desktop.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "01_lumbar_early.json"

NAME = "Zebulon Quackenbush-Oyelaran"
RECORD = "MRN-LEAK-7731"
BORN = "1947-09-23"
NOTE = "Walk each morning along the Wexcombe towpath"
REASON = "Corrected after the Brindlemere phone call"
NOT_EXAMINED = "Seen by video from Pellingford"
#: What must never show: every part of the name, the record number, the birth date as people
#: write it, and the free text typed into the case and the commands.
SECRETS = [
    "Zebulon",
    "Quackenbush",
    "Oyelaran",
    RECORD,
    "LEAK-7731",
    BORN,
    "23/09/1947",
    "09/23/1947",
    "23.09.1947",
    "1947-9-23",
    "Wexcombe",
    "Brindlemere",
    "Pellingford",
]
ADMIN, ADMIN_PASSWORD = "boss", "Rare-Admin-Pass-1"
DOCTOR, DOCTOR_PASSWORD = "dr.who", "Rare-Doctor-Pass-2"


@pytest.fixture
def debug_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Every logger at DEBUG into a file (as a developer chasing a bug would set it up)."""
    monkeypatch.setenv("INTAKE_DESKTOP_DEBUG", "1")
    path = tmp_path / "debug.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root, sql = logging.getLogger(), logging.getLogger("sqlalchemy")
    levels = root.level, sql.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    sql.setLevel(logging.DEBUG)  # SQLAlchemy keeps its own at WARNING unless told: told here
    logging.captureWarnings(True)
    try:
        yield path
    finally:
        logging.captureWarnings(False)
        root.removeHandler(handler)
        root.setLevel(levels[0])
        sql.setLevel(levels[1])
        handler.close()


class Session:
    """Runs commands in-process as someone, collecting standard error (never standard out)."""

    def __init__(self, capfd, monkeypatch, db: str) -> None:
        self.capfd, self.monkeypatch, self.db = capfd, monkeypatch, db
        self.stderr: list[str] = []

    def run(self, who: tuple[str, str] | None, *argv: str, stdin: str = "") -> tuple[int, str]:
        if who is None:
            self.monkeypatch.delenv("INTAKE_DESKTOP_USER", raising=False)
            self.monkeypatch.delenv("INTAKE_DESKTOP_PASSWORD", raising=False)
        else:
            self.monkeypatch.setenv("INTAKE_DESKTOP_USER", who[0])
            self.monkeypatch.setenv("INTAKE_DESKTOP_PASSWORD", who[1])
        sys.stdin = io.StringIO(stdin)
        try:
            code = main(["--db", self.db, *argv])
        finally:
            sys.stdin = sys.__stdin__
        out, err = self.capfd.readouterr()
        self.stderr.append(err)
        self.last = f"$ {' '.join(argv)} -> {code}\n{err}"
        return code, out


def _case(**changes) -> dict:
    case = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    case["patient"] = {
        "id": RECORD,
        "name": NAME,
        "date_of_birth": BORN,
        "sex": "male",
        "language": "en",
    }
    case["follow_up"] = {"note_for_patient": NOTE}
    for path, value in changes.items():
        node = case
        *parents, last = path.split(".")
        for part in parents:
            node = node[part]
        node[last] = value
    return case


def _write(folder: Path, name: str, data: dict) -> str:
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_a_whole_session_leaves_no_patient_data_in_stderr_or_logs(
    tmp_path: Path, capfd, monkeypatch, debug_log: Path
) -> None:
    files = tmp_path / "files"
    files.mkdir()
    cli = Session(capfd, monkeypatch, f"sqlite:///{tmp_path / 'clinic.sqlite3'}")
    admin, doctor = (ADMIN, ADMIN_PASSWORD), (DOCTOR, DOCTOR_PASSWORD)

    def ok(who, *argv: str, stdin: str = "") -> str:
        code, out = cli.run(who, *argv, stdin=stdin)
        assert code == 0, cli.last
        return out

    def refused(code_wanted: int, who, *argv: str, stdin: str = "") -> None:
        code, _ = cli.run(who, *argv, stdin=stdin)
        assert code == code_wanted, cli.last

    ok(None, "users", "add", ADMIN, "--role", "admin", stdin=f"{ADMIN_PASSWORD}\n")
    ok(admin, "users", "add", DOCTOR, "--role", "clinician", "--full-name", "Ana Ruiz",
       stdin=f"{DOCTOR_PASSWORD}\n")  # fmt: skip
    case_file = _write(files, "case.json", _case())
    visit = ok(doctor, "import", case_file).strip()
    ok(None, "plan", case_file)
    ok(None, "plan", "--json", case_file)
    ok(doctor, "export-case", visit)
    ok(doctor, "export-case", visit, "--out", str(files / "export.json"))
    for kind in ("patient", "clinician"):
        ok(doctor, "export-pdf", visit, "--kind", kind, "--out", str(files / f"{kind}.pdf"))
    ok(doctor, "export-fhir", visit, "--out", str(files / "bundle.json"))
    ok(doctor, "import-fhir", str(files / "bundle.json"))
    ok(doctor, "sign", visit, "--red-flags-screened", "--not-examined", NOT_EXAMINED)
    corrected = _write(files, "corrected.json", _case(**{"history.duration_weeks": 41}))
    ok(doctor, "amend", visit, "--reason", REASON, corrected)
    ok(doctor, "sign", visit)
    ok(admin, "audit")
    ok(admin, "audit", "--patient", "1")
    ok(admin, "audit", "--csv", "--out", str(files / "audit.csv"))
    ok(admin, "audit", "--verify")
    ok(admin, "backup", str(files / "backup.sqlite3"))
    ok(admin, "restore", str(files / "backup.sqlite3"))
    ok(admin, "db", "upgrade")

    # The usual mistakes, each with the patient's data close at hand.
    bad = {
        "name_in_a_number.json": _case(**{"history.duration_weeks": NAME}),
        "long_name.json": _case(**{"patient.name": NAME * 10}),
        "future_birth.json": _case(**{"patient.date_of_birth": "2099-09-23"}),
        "long_note.json": _case(**{"follow_up.note_for_patient": NOTE * 50}),
        "wrong_birth.json": _case(**{"patient.date_of_birth": "1950-01-01"}),  # same record
        "bad_date.json": _case(**{"visit_date": BORN.replace("-09-", "-13-")}),
        "bad_language.json": _case(**{"patient.language": NAME}),
        "name_as_code.json": _case(**{"history.onset": NAME}),
    }
    for name, data in bad.items():
        refused(2, doctor, "import", _write(files, name, data))
        if name != "wrong_birth.json":  # a valid case on its own
            refused(2, None, "plan", str(files / name))
    bundle = json.loads((files / "bundle.json").read_text(encoding="utf-8"))
    for field, resource_type in (("gender", "Patient"), ("status", "QuestionnaireResponse")):
        changed = json.loads(json.dumps(bundle))
        for entry in changed["entry"]:
            if entry["resource"]["resourceType"] == resource_type:
                entry["resource"][field] = NAME
        refused(2, doctor, "import-fhir", _write(files, f"bundle_{field}.json", changed))
    (files / "broken.json").write_text(f'{{"patient": {{"name": "{NAME}", ', encoding="utf-8")
    refused(2, doctor, "import", str(files / "broken.json"))
    refused(2, None, "plan", str(files / "broken.json"))
    refused(3, (DOCTOR, "Not-my-password-3"), "export-case", visit)
    refused(3, (DOCTOR, ""), "export-case", visit)
    refused(3, (NAME.split()[0], DOCTOR_PASSWORD), "export-case", visit)  # a name as user name
    refused(3, doctor, "audit")  # not an admin
    refused(4, doctor, "sign", visit)  # signed already: a conflict
    refused(4, admin, "users", "add", DOCTOR, "--role", "clinician", stdin="Another-rare-4\n")
    refused(2, doctor, "export-case", visit, "--out", str(files / "export.json"))  # exists
    refused(2, doctor, "export-case", "999")
    refused(2, doctor, "amend", visit, "--reason", REASON * 100)

    stderr = "".join(cli.stderr)
    log = debug_log.read_text(encoding="utf-8")
    assert "intake_desktop." in log and "sqlalchemy.engine" in log, "nothing logged?"
    leaks = {
        where: sorted({s for s in SECRETS if s.casefold() in text.casefold()})
        for where, text in (("stderr", stderr), ("log", log))
    }
    assert leaks == {"stderr": [], "log": []}, _excerpts(stderr, log)
    # And the app wrote no log of its own anywhere in the (test's) home folders.
    home = Path.home()
    assert not [p for p in home.rglob("*") if p.suffix in (".log", ".txt") and p.is_file()]


def _excerpts(stderr: str, log: str) -> str:
    lines = []
    for where, text in (("stderr", stderr), ("log", log)):
        for line in text.splitlines():
            if any(s.casefold() in line.casefold() for s in SECRETS):
                lines.append(f"{where}: {line[:300]}")
    return "\n".join(lines[:60])
