"""PostgreSQL over TLS (issue 18): ``sslmode=verify-full`` with the clinic's own CA.

A second throwaway server, configured as the README tells a clinic (``ssl = on``, a certificate
for its name signed by a CA made here, ``hostssl ... scram-sha-256`` and nothing for plain
connections), and the app's URL carrying ``?sslmode=verify-full&sslrootcert=CA``. The server's
own view of each connection (``pg_stat_ssl``) says it is encrypted; a wrong CA, a certificate
for another host, a missing CA file and a plain connection are each refused with one paragraph.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from intake_desktop import services as s
from intake_desktop.cli import main
from intake_desktop.services.alerts import listen_for_alerts
from intake_desktop.services.errors import InputError, UnavailableError
from tests.actors import TEST_PASSWORD
from tests.pg_server import PostgresServer, postgres_bindir

pytestmark = pytest.mark.postgres

ROLE, PASSWORD = "clinic_tls", "Wh0le-clinic-Passw0rd"

# What the README asks of a clinic's pg_hba.conf, plus trust on the server's own socket and for
# the test's superuser (over TLS too), which sets things up.
HBA = """\
local   all  all                  trust
hostssl all  intake  127.0.0.1/32 trust
hostssl all  all     127.0.0.1/32 scram-sha-256
"""


def _openssl(folder: Path, *args: str) -> None:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.fail("the openssl command is needed to make the test CA (apt install openssl)")
    subprocess.run([openssl, *args], cwd=folder, check=True, capture_output=True)


def make_ca(folder: Path, name: str) -> Path:
    """A throwaway CA (P-256 key, two days) in ``folder``; returns its certificate."""
    folder.mkdir(parents=True, exist_ok=True)
    _openssl(folder, "req", "-x509", "-new", "-nodes", "-newkey", "ec",
             "-pkeyopt", "ec_paramgen_curve:prime256v1", "-keyout", f"{name}.key",
             "-out", f"{name}.crt", "-days", "2", "-subj", f"/CN={name}",
             "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign")  # fmt: skip
    return folder / f"{name}.crt"


def make_server_certificate(folder: Path, ca: Path) -> tuple[Path, Path]:
    """A certificate for ``localhost`` and 127.0.0.1 (subjectAltName), signed by ``ca``."""
    (folder / "server.ext").write_text(
        "subjectAltName = DNS:localhost, IP:127.0.0.1\n"
        "basicConstraints = CA:FALSE\nextendedKeyUsage = serverAuth\n"
    )
    _openssl(folder, "req", "-new", "-nodes", "-newkey", "ec",
             "-pkeyopt", "ec_paramgen_curve:prime256v1", "-keyout", "server.key",
             "-out", "server.csr", "-subj", "/CN=localhost")  # fmt: skip
    _openssl(folder, "x509", "-req", "-in", "server.csr", "-CA", str(ca),
             "-CAkey", str(ca.with_suffix(".key")), "-CAcreateserial", "-days", "2",
             "-extfile", "server.ext", "-out", "server.crt")  # fmt: skip
    (folder / "server.key").chmod(0o600)
    return folder / "server.crt", folder / "server.key"


@dataclass(frozen=True)
class TlsServer:
    server: PostgresServer
    dbname: str
    ca: Path
    wrong_ca: Path

    def url(self, host: str = "localhost", **options: str) -> str:
        query = {"sslmode": "verify-full", "sslrootcert": str(self.ca), **options}
        tail = "&".join(f"{k}={v}" for k, v in query.items())
        return f"postgresql://{ROLE}:{PASSWORD}@{host}:{self.server.port}/{self.dbname}?{tail}"


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TlsServer]:
    bindir = postgres_bindir()
    assert bindir is not None, "PostgreSQL server binaries not found"
    clients = tmp_path_factory.mktemp("tls-client")
    ca = make_ca(clients, "clinic-ca")
    wrong_ca = make_ca(clients / "other", "someone-elses-ca")
    server = PostgresServer(
        bindir,
        settings={"ssl": "on", "password_encryption": "scram-sha-256"},
        hba=HBA,
    )
    # The server reads its key and certificate from its own folder (its key must be its own).
    tls = server.root / "tls"
    tls.mkdir()
    cert, key = make_server_certificate(tls, ca)
    server.settings |= {"ssl_cert_file": str(cert), "ssl_key_file": str(key)}
    for path in (tls, cert, key):
        server.give(path)
    try:
        server.start()
        server.execute(f"CREATE ROLE {ROLE} LOGIN PASSWORD '{PASSWORD}'")
        dbname = f"clinic_{uuid.uuid4().hex[:8]}"
        server.execute(f"CREATE DATABASE {dbname} OWNER {ROLE}")
        yield TlsServer(server, dbname, ca, wrong_ca)
    finally:
        server.stop()


def test_verify_full_connects_encrypted_for_the_app_and_its_listener(tls_server) -> None:
    with s.open_database(tls_server.url()) as db:  # the schema is made over TLS too
        with db.engine.connect() as conn:
            ssl, version = conn.execute(
                text("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            ).one()
        assert ssl is True and version.startswith("TLSv1.")
        # The alerts' own LISTEN connection is made from the same URL, so it is encrypted too.
        stop, ready = threading.Event(), threading.Event()
        listener = threading.Thread(
            target=listen_for_alerts, args=(db, lambda _: None, stop), kwargs={"ready": ready}
        )
        listener.start()
        try:
            assert ready.wait(10)
            with db.engine.connect() as conn:
                count, all_ssl = conn.execute(
                    text(
                        "SELECT count(*), bool_and(s.ssl) FROM pg_stat_activity a "
                        "JOIN pg_stat_ssl s USING (pid) WHERE a.usename = :role"
                    ),
                    {"role": ROLE},
                ).one()
        finally:
            stop.set()
            listener.join(5)
        assert count >= 2 and all_ssl is True


def test_the_url_in_the_environment_works_for_the_command_line(
    tls_server, monkeypatch, capsys
) -> None:
    # ``~`` in the CA's path is the user's home (libpq itself would not expand it).
    home_ca = Path.home() / ".postgresql" / "clinic-ca.crt"
    home_ca.parent.mkdir(exist_ok=True)
    shutil.copy(tls_server.ca, home_ca)
    url = tls_server.url(sslrootcert="~/.postgresql/clinic-ca.crt")
    monkeypatch.setenv("INTAKE_DESKTOP_DB", url)
    sys.stdin = io.StringIO(f"{TEST_PASSWORD}\n")
    try:
        code = main(["users", "add", "tls.admin", "--role", "admin"])
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "tls.admin (admin), the first administrator" in out


def _refused(capsys, url: str) -> str:
    """The one-paragraph refusal of the services and of the command line for ``url``."""
    with pytest.raises(UnavailableError) as refused:
        s.open_database(url)
    code = main(["--db", url, "audit"])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert str(refused.value) in err
    return str(refused.value)


def test_a_server_certificate_from_another_ca_is_refused(tls_server, capsys) -> None:
    message = _refused(capsys, tls_server.url(sslrootcert=str(tls_server.wrong_ca)))
    assert "certificate verify failed" in message
    assert "was not issued by the CA of sslrootcert" in message


def test_a_certificate_for_another_host_name_is_refused(tls_server, capsys) -> None:
    # The right server at the right address, but asked for by a name its certificate lacks.
    url = tls_server.url(host="records.other-clinic.example", hostaddr="127.0.0.1")
    message = _refused(capsys, url)
    assert 'does not match host name "records.other-clinic.example"' in message
    assert "use the host name it was issued for" in message


def test_a_missing_ca_file_and_a_plain_connection_are_refused(tls_server, capsys) -> None:
    missing = tls_server.url(sslrootcert=str(tls_server.ca.parent / "no-such-ca.crt"))
    assert "no-such-ca.crt" in _refused(capsys, missing)
    # The server itself accepts nothing unencrypted (no hostnossl line in pg_hba.conf).
    plain = _refused(capsys, tls_server.url(sslmode="disable"))
    assert "no pg_hba.conf entry" in plain and "no encryption" in plain


def test_a_misspelt_option_in_the_url_is_named(tls_server, capsys) -> None:
    url = tls_server.url(sslmod="verify-full")
    with pytest.raises(InputError) as refused:
        s.open_database(url)
    assert refused.value.field == "--db" and "sslmod" in str(refused.value)
    code = main(["--db", url, "audit"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert "--db: the URL has an option PostgreSQL does not know" in err
    assert "Traceback" not in err
