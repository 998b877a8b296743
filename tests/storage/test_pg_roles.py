"""PostgreSQL roles (issue 17): an owner runs ``db upgrade``, workstations connect as a role that
owns nothing and may only do what the app does.

On the suite's own server: an owner role and a workstation role are created, the owner upgrades
an empty database and grants, then the workstation role does a day's work through the services
(sign-in, a patient, drafts with a red flag heard over LISTEN, signing, an amendment, users,
the audit trail), while rewriting history directly on the server is refused, every statement
with PostgreSQL's "insufficient privilege" (SQLSTATE 42501).
"""

from __future__ import annotations

import io
import sys
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import psycopg
import pytest

from intake_desktop import services as s
from intake_desktop.cli import main
from intake_desktop.services import board, patient_entry
from intake_desktop.services.alerts import listen_for_alerts
from intake_desktop.services.errors import InputError, PermissionDenied
from intake_desktop.storage.database import open_database
from intake_desktop.storage.models import Base
from intake_desktop.storage.roles import UNKNOWN_TABLE, WORKSTATION_PRIVILEGES, known_tables
from tests.actors import TEST_PASSWORD, seed_users
from tests.pg_server import PostgresServer
from tests.services.conftest import EXAMPLES_DIR, load_example
from tests.signing import SIGN_OFF

pytestmark = pytest.mark.postgres
_REFUSED = psycopg.errors.InsufficientPrivilege


@dataclass(frozen=True)
class Clinic:
    server: PostgresServer
    dbname: str
    owner: str
    workstation: str

    def url(self, user: str) -> str:
        return self.server.url(self.dbname, user=user)

    def connect(self, user: str) -> psycopg.Connection:
        """A plain psycopg connection as ``user``: what anyone holding its password can do."""
        return psycopg.connect(
            host="127.0.0.1", port=self.server.port, user=user, dbname=self.dbname,
            autocommit=True,
        )  # fmt: skip


def _admin(db) -> s.Actor:
    return s.sign_in(db, "admin.user", TEST_PASSWORD, workstation="server-room")


@pytest.fixture(scope="module")
def clinic(postgres_server: PostgresServer) -> Iterator[Clinic]:
    """An owner-made, migrated database whose workstation role has been granted."""
    tag = uuid.uuid4().hex[:8]
    owner, workstation = f"clinic_owner_{tag}", f"clinic_ws_{tag}"
    server = postgres_server
    server.execute(f'CREATE ROLE "{owner}" LOGIN')
    server.execute(f'CREATE ROLE "{workstation}" LOGIN')
    dbname = server.create_database()
    server.execute(f'ALTER DATABASE "{dbname}" OWNER TO "{owner}"')
    # As the README has the superuser do: only the workstations' role may connect besides.
    server.execute(f'REVOKE ALL ON DATABASE "{dbname}" FROM PUBLIC')
    server.execute(f'GRANT CONNECT ON DATABASE "{dbname}" TO "{workstation}"')
    clinic = Clinic(server, dbname, owner, workstation)
    try:
        result = s.upgrade_database(clinic.url(owner))
        assert result.from_revision is None and result.regranted == ()
        with open_database(clinic.url(owner)) as db:
            seed_users(db)
        granted = s.grant_workstation(clinic.url(owner), workstation, sign_in_as=_admin)
        assert set(granted.tables) == set(known_tables())
        yield clinic
    finally:
        server.drop_database(dbname)
        for role in (owner, workstation):
            server.execute(f'DROP ROLE IF EXISTS "{role}"')


def test_every_table_has_its_workstation_privileges_written_down() -> None:
    # A new table needs a decision here (the default is append-only, SELECT and INSERT).
    assert set(WORKSTATION_PRIVILEGES) == set(Base.metadata.tables) | {"alembic_version"}
    assert UNKNOWN_TABLE == ("SELECT", "INSERT")
    for table in (
        "audit_entries",
        "visit_versions",
        "alembic_version",
        "audit_checkpoints",
        "audit_seal_keys",
    ):
        assert not {"UPDATE", "DELETE"} & set(WORKSTATION_PRIVILEGES[table]), table
    assert WORKSTATION_PRIVILEGES["audit_head"] == ("SELECT", "UPDATE (last_seq, last_hash)")
    for table, privileges in WORKSTATION_PRIVILEGES.items():
        words = " ".join(privileges)
        for never in ("TRUNCATE", "TRIGGER", "REFERENCES", "ALL"):
            assert never not in words, (table, never)


def test_the_workstation_role_does_a_day_s_work(clinic: Clinic) -> None:
    case = load_example("01_lumbar_early")
    with open_database(clinic.url(clinic.workstation)) as db:
        admin = _admin(db)
        s.add_user(db, admin, f"desk.{clinic.dbname[-4:]}", TEST_PASSWORD, ["front_desk"])
        s.set_roles(db, admin, "front.desk", ["front_desk", "clinician"])
        s.set_roles(db, admin, "front.desk", ["front_desk"])
        s.change_password(db, admin, "desk.user", "An0ther-passw0rd-here")
        with pytest.raises(PermissionDenied):
            s.sign_in(db, "clin.user", "not the password")  # counts a failed sign-in
        desk = s.sign_in(db, "front.desk", TEST_PASSWORD)
        doctor = s.sign_in(db, "dr.x", TEST_PASSWORD)
        patient = s.register_patient(
            db,
            s.PatientDetails(
                name="Rosa Test Moreno", date_of_birth=date(1958, 3, 2), record_number="WS-1"
            ),
            actor=desk,
        )
        patient = s.update_patient(
            db, patient.id, s.PatientDetails(
                name="Rosa Test Moreno-Díaz", date_of_birth=date(1958, 3, 2), record_number="WS-1"
            ), expected_version=patient.version, actor=desk,
        )  # fmt: skip
        assert [p.id for p in s.search_patients(db, "moreno-d", actor=desk)] == [patient.id]

        # A red flag saved on one workstation is heard by another's LISTEN, as this role.
        heard: list[str | None] = []
        stop, ready = threading.Event(), threading.Event()
        listener = threading.Thread(
            target=listen_for_alerts, args=(db, heard.append, stop), kwargs={"ready": ready}
        )
        listener.start()
        try:
            assert ready.wait(10)
            intake = {k: v for k, v in case.items() if k not in ("exam", "imaging", "framework")}
            draft = s.start_draft(db, patient.id, intake, actor=desk)
            saved = s.save_draft(
                db, draft.visit_id, {**intake, "red_flags": ["fever"]},
                expected_version=draft.version, actor=desk,
            )  # fmt: skip
            for _ in range(100):
                if heard:
                    break
                threading.Event().wait(0.05)
            assert heard, "the NOTIFY of the new red flag was not heard"
        finally:
            stop.set()
            listener.join(5)
        (alert,) = s.pending_alerts(db, actor=doctor)
        s.acknowledge_alert(db, alert.id, actor=doctor)

        saved = s.save_draft(db, draft.visit_id, case, expected_version=saved.version, actor=doctor)
        signed = s.sign_visit(
            db, draft.visit_id, expected_version=saved.version, actor=doctor, **SIGN_OFF
        )
        opened = s.open_amendment(
            db, signed.id, "typo in the history", case, expected_version=signed.version,
            actor=doctor,
        )  # fmt: skip
        amended = s.sign_visit(
            db, signed.id, expected_version=opened.version, actor=doctor, **SIGN_OFF
        )
        assert amended.revision == 1
        assert [v.revision for v in s.visit_versions(db, signed.id, actor=doctor)] == [0, 1]
        other = s.start_draft(db, patient.id, intake, actor=desk)
        s.discard_draft(db, other.visit_id, expected_version=other.version, actor=desk)
        # Today's board: a booking, the check-in, the tablet's answers, the clinician.
        board.book_visit(db, patient.id, date.today() + timedelta(days=30), actor=desk)
        row = board.check_in(db, actor=desk, patient_id=patient.id)
        patient_entry.submit_patient_answers(db, row.visit_id, {"pain_back": 5}, actor=desk)
        assert board.move_visit(db, row.visit_id, "with_clinician", actor=doctor).state == (
            "with_clinician"
        )
        assert s.verify_audit(db, admin) == []
        s.sign_out(db, desk)
    with clinic.connect(clinic.workstation) as conn:
        failed = conn.execute("SELECT failed_attempts FROM users WHERE username = 'clin.user'")
        assert failed.fetchone() == (1,)
        # The role may update drafts, but the signed visits' guard (which it cannot drop,
        # disable or replace) refuses a change to what was signed.
        with pytest.raises(psycopg.errors.RaiseException):
            conn.execute("UPDATE visits SET final_level = 'x' WHERE id = %s", (signed.id,))


REFUSED = {
    "update an audit entry": "UPDATE audit_entries SET detail = 'nothing happened'",
    "delete audit entries": "DELETE FROM audit_entries",
    "truncate the audit trail": "TRUNCATE audit_entries",
    "move the head's id": "UPDATE audit_head SET id = 2",
    "delete the head": "DELETE FROM audit_head",
    "add a second head": "INSERT INTO audit_head VALUES (2, 0, repeat('0', 64))",
    "delete the signed checkpoints": "DELETE FROM audit_checkpoints",
    "truncate the signed checkpoints": "TRUNCATE audit_checkpoints",
    "replace the sealing key": "UPDATE audit_seal_keys SET public_key = repeat('0', 64)",
    "disable the checkpoints' triggers": "ALTER TABLE audit_checkpoints DISABLE TRIGGER ALL",
    "update an earlier signed version": "UPDATE visit_versions SET final_level = 'x'",
    "delete earlier signed versions": "DELETE FROM visit_versions",
    "delete visits": "DELETE FROM visits",
    "delete the board": "DELETE FROM board_entries",
    "move a booking to another patient": "UPDATE board_entries SET patient_id = patient_id",
    "truncate visits": "TRUNCATE visits CASCADE",
    "delete patients": "DELETE FROM patients",
    "delete users": "DELETE FROM users",
    "rename a user": "UPDATE users SET username = 'someone.else'",
    "change the schema revision": "UPDATE alembic_version SET version_num = '0001'",
    "drop the append-only trigger": "DROP TRIGGER audit_entries_append_only ON audit_entries",
    "drop the truncate trigger": "DROP TRIGGER audit_entries_no_truncate ON audit_entries",
    "drop the versions' trigger": "DROP TRIGGER visit_versions_append_only ON visit_versions",
    "disable the audit triggers": "ALTER TABLE audit_entries DISABLE TRIGGER ALL",
    "disable the visits' triggers": "ALTER TABLE visits DISABLE TRIGGER USER",
    "drop the signed visits' guard": "DROP TRIGGER visits_signed_guard ON visits",
    "replace the signed visits' guard": (
        "CREATE OR REPLACE FUNCTION visits_signed_guard() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"
    ),
    "replace the trigger function": (
        "CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"
    ),
    "drop the trigger function": "DROP FUNCTION audit_entries_append_only() CASCADE",
    "add a trigger": (
        "CREATE TRIGGER sneak BEFORE INSERT ON audit_entries "
        "FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()"
    ),
    "skip every trigger for the session": "SET session_replication_role = replica",
    "drop the audit trail": "DROP TABLE audit_entries CASCADE",
    "drop the visits": "DROP TABLE visits CASCADE",
    "take the table over": "ALTER TABLE audit_entries OWNER TO CURRENT_USER",
    "create a table": "CREATE TABLE audit_entries_copy (seq integer)",
}


@pytest.mark.parametrize("statement", list(REFUSED.values()), ids=list(REFUSED))
def test_the_workstation_role_cannot_rewrite_history(clinic: Clinic, statement: str) -> None:
    with clinic.connect(clinic.workstation) as conn:
        before = conn.execute("SELECT count(*) FROM audit_entries").fetchone()
        try:
            conn.execute(statement)
        except psycopg.errors.InsufficientPrivilege:
            pass
        else:
            pytest.fail(f"the workstation role was allowed: {statement}")
        assert conn.execute("SELECT count(*) FROM audit_entries").fetchone() == before
    with clinic.connect(clinic.owner) as conn:
        triggers = conn.execute(
            "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'O' "
            "AND tgrelid IN ('audit_entries'::regclass, 'visit_versions'::regclass, "
            "'visits'::regclass)"
        ).fetchone()
        assert triggers == (4,)  # two on audit_entries, one each on visit_versions and visits


def test_db_grant_refuses_a_role_that_could_undo_it(clinic: Clinic) -> None:
    server, tag = clinic.server, uuid.uuid4().hex[:8]
    member, maker, writer = f"member_{tag}", f"maker_{tag}", f"writer_{tag}"
    author, plain = f"author_{tag}", f"plain_{tag}"
    server.execute(f'CREATE ROLE "{member}" LOGIN IN ROLE "{clinic.owner}"')
    server.execute(f'CREATE ROLE "{maker}" LOGIN CREATEROLE')
    server.execute(f'CREATE ROLE "{writer}" LOGIN IN ROLE pg_write_all_data')
    server.execute(f'CREATE ROLE "{author}" LOGIN')
    server.execute(f'CREATE ROLE "{plain}" LOGIN')
    server.execute(f'GRANT CONNECT ON DATABASE "{clinic.dbname}" TO "{plain}"')
    function = "audit_entries_append_only()"
    server.execute(f'ALTER FUNCTION {function} OWNER TO "{author}"', dbname=clinic.dbname)
    try:
        refusals = {
            f"missing_{tag}": "there is no role",
            clinic.owner: "is the role running this command",
            member: "is a member of the role that owns",
            maker: "may create roles",
            writer: "is a member of pg_write_all_data",
            author: "owns .*function audit_entries_append_only",
            server.USER: "is a superuser",
        }
        for role, words in refusals.items():
            with pytest.raises(InputError, match=words) as refused:
                s.grant_workstation(clinic.url(clinic.owner), role, sign_in_as=_admin)
            assert refused.value.field == "--workstation"
        # Only the tables' owner can grant on them (anyone else's GRANT is a mere warning).
        with pytest.raises(InputError, match=f"belongs to {clinic.owner}"):
            s.grant_workstation(clinic.url(clinic.workstation), plain, sign_in_as=_admin)
        with clinic.connect(plain) as conn, pytest.raises(_REFUSED):
            conn.execute("SELECT count(*) FROM audit_entries")
    finally:
        server.execute(f'ALTER FUNCTION {function} OWNER TO "{clinic.owner}"', dbname=clinic.dbname)
        server.execute(f'REVOKE CONNECT ON DATABASE "{clinic.dbname}" FROM "{plain}"')
        for role in (member, maker, writer, author, plain):
            server.execute(f'DROP ROLE "{role}"')


def test_db_upgrade_grants_a_new_table_to_the_workstation_role(clinic: Clinic) -> None:
    # What a migration adding a table does, as far as the grants are concerned.
    with clinic.connect(clinic.owner) as conn:
        conn.execute("CREATE TABLE extra_notes (id serial PRIMARY KEY, note text)")
    try:
        with clinic.connect(clinic.workstation) as conn, pytest.raises(_REFUSED):
            conn.execute("SELECT * FROM extra_notes")  # fails closed until granted
        result = s.upgrade_database(clinic.url(clinic.owner), sign_in_as=_admin)
        assert (result.changed, result.regranted) == (False, (clinic.workstation,))
        with clinic.connect(clinic.workstation) as conn:
            conn.execute("INSERT INTO extra_notes (note) VALUES ('appended')")
            assert conn.execute("SELECT count(*) FROM extra_notes").fetchone() == (1,)
            # A table this version does not know is append-only for the workstations.
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("UPDATE extra_notes SET note = 'changed'")
    finally:
        with clinic.connect(clinic.owner) as conn:
            conn.execute("DROP TABLE extra_notes")


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    sys.stdin = io.StringIO("")
    try:
        code = main(list(argv))
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return code, out, err


def test_db_grant_on_the_command_line(clinic: Clinic, capsys) -> None:
    owner_url = clinic.url(clinic.owner)
    code, out, err = _run(capsys, "--db", owner_url, "db", "grant", "--workstation",
                          clinic.workstation)  # fmt: skip
    assert code == 0, err
    assert f"The role {clinic.workstation} may now use the {len(known_tables())} tables" in out
    code, out, err = _run(capsys, "--db", owner_url, "db", "grant", "--workstation", "nobody_x")
    assert (code, out) == (2, "")
    assert err.startswith("intake-desktop: --workstation: there is no role nobody_x")
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    with clinic.connect(clinic.owner) as conn:
        granted = conn.execute(
            "SELECT username, outcome, detail FROM audit_entries "
            "WHERE action = 'database.grant' ORDER BY seq"
        ).fetchall()
    assert granted[-2:] == [
        ("tester", "allowed", f"role={clinic.workstation}"),
        ("tester", "allowed", "role=nobody_x"),
    ]
    # The statements printed for psql are the ones the command runs: they work as they are.
    code, out, _ = _run(capsys, "db", "grant", "--workstation", clinic.workstation, "--sql")
    assert code == 0
    assert f'GRANT SELECT, INSERT ON "public"."audit_entries" TO "{clinic.workstation}";' in out
    with clinic.connect(clinic.owner) as conn:
        conn.execute(f'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "{clinic.workstation}"')
        for statement in out.splitlines():
            conn.execute(statement)
    with clinic.connect(clinic.workstation) as conn:
        privileges = conn.execute(
            "SELECT has_table_privilege('audit_entries', 'INSERT'), "
            "has_table_privilege('audit_entries', 'UPDATE'), "
            "has_column_privilege('audit_head', 'last_hash', 'UPDATE'), "
            "has_column_privilege('audit_head', 'id', 'UPDATE')"
        ).fetchone()
    assert privileges == (True, False, True, False)


def test_a_workstation_role_on_an_empty_database_is_told_what_to_do(clinic: Clinic, capsys) -> None:
    server = clinic.server
    name = server.create_database()
    server.execute(f'ALTER DATABASE "{name}" OWNER TO "{clinic.owner}"')
    try:
        url = server.url(name, user=clinic.workstation)
        with pytest.raises(PermissionDenied, match="permission denied for schema public") as err:
            s.open_database(url)
        assert "db grant --workstation ROLE" in str(err.value)
        code, out, err_text = _run(capsys, "--db", url, "audit")
        assert (code, out) == (3, "")
        assert "intake-desktop db upgrade" in err_text and "Traceback" not in err_text
        assert len(err_text.strip().splitlines()) == 1
    finally:
        server.drop_database(name)


def test_a_missing_grant_is_one_paragraph_naming_db_grant(clinic: Clinic, capsys) -> None:
    example = EXAMPLES_DIR / "03_interventional.json"
    with clinic.connect(clinic.owner) as conn:
        conn.execute(f'REVOKE ALL ON patients FROM "{clinic.workstation}"')
    try:
        code, out, err = _run(
            capsys, "--db", clinic.url(clinic.workstation), "import", str(example)
        )
        assert (code, out) == (3, "")
        assert "refused this database role (permission denied for table patients)" in err
        assert "db grant --workstation ROLE" in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1
    finally:
        s.grant_workstation(clinic.url(clinic.owner), clinic.workstation, sign_in_as=_admin)
    code, out, err = _run(capsys, "--db", clinic.url(clinic.workstation), "import", str(example))
    assert code == 0, err


def test_db_upgrade_as_the_workstation_role_is_refused(clinic: Clinic, capsys) -> None:
    with clinic.connect(clinic.owner) as conn:
        head = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        conn.execute("UPDATE alembic_version SET version_num = '0004'")  # as if one behind
    try:
        url = clinic.url(clinic.workstation)
        code, _, err = _run(capsys, "--db", url, "db", "upgrade")
        assert code == 3, err
        assert "refused this database role (must be owner of table" in err
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1
        with clinic.connect(clinic.owner) as conn:  # the migration was rolled back whole
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0004",)
    finally:
        with clinic.connect(clinic.owner) as conn:
            conn.execute("UPDATE alembic_version SET version_num = %s", (head,))


def test_db_grant_on_an_sqlite_file_says_roles_are_a_server_s(tmp_path, capsys) -> None:
    missing = tmp_path / "records.sqlite3"
    code, out, err = _run(capsys, "--db", str(missing), "db", "grant", "--workstation", "ws")
    assert (code, out) == (2, "")
    assert err.startswith("intake-desktop: --db: database roles are a PostgreSQL server's")
    assert not missing.exists()  # no database is made just to refuse
