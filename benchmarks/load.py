"""Workstations under load: N simulated workstations (processes) against one PostgreSQL server.

Each workstation (:mod:`benchmarks.workstation`) signs in as its user and works through patients
as a person would, with a person's think times, for a fixed time. The figure reports each
operation's p50, p95 and p99 at each N, conflicts apart from errors, what the server itself used
(connections, memory, CPU), and checks at the end of each round that nothing was lost: every
acknowledged save is in the database as saved, every signature is stored and audited, and the
audit chain verifies. Targets at N = 25 (issue 20): search p95 ≤ 30 ms, draft save p95 ≤ 50 ms,
sign p95 ≤ 100 ms, no error, no lost write.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.stats import Row, p95
from benchmarks.workstation import Outcome, Plan, workstation_main

PASSWORD = "load-password-not-secret"
USERS_PER_ROLE = 5
TARGETS = {"search": 30, "draft save": 50, "sign": 100}
TARGET_N = 25


@dataclass
class Round:
    """One round of the figure: N workstations, what they measured, what the check found."""

    n: int
    outcomes: list[Outcome]
    failed: list[str]
    lost: list[str]
    chain_problems: int
    server: dict[str, Any] = field(default_factory=dict)

    def samples(self, op: str) -> list[float]:
        return [s for o in self.outcomes for s in o.samples.get(op, [])]

    @property
    def errors(self) -> list[str]:
        return self.failed + [e for o in self.outcomes for e in o.errors]

    @property
    def conflicts(self) -> int:
        return sum(sum(o.conflicts.values()) for o in self.outcomes)


def prepare(url: str, patients: int) -> tuple[list[tuple[int, str, str, str]], Any]:
    """Fill the database with a demo clinic and the load's users (once); who may be looked up."""
    from sqlalchemy import text

    from intake_desktop import services
    from intake_desktop.demo import build_demo

    db = services.open_database(url)
    with db.engine.connect() as conn:
        have = conn.execute(text("SELECT count(*) FROM patients")).scalar_one()
    if have < patients:
        started = time.perf_counter()
        build_demo(db, patients - have, progress=_progress("load clinic"))
        print(f"\nload clinic built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    with db.engine.connect() as conn:
        ours = conn.execute(text("SELECT count(*) FROM users WHERE username = 'load.admin'"))
        missing = not ours.scalar_one()
    if missing:
        if services.has_users(db):
            # A copy of the benchmark clinic, whose administrator adds the load's users.
            from benchmarks.app_figures import BENCH_PASSWORD

            admin = services.sign_in(db, "bench.admin", BENCH_PASSWORD, workstation="load-setup")
            services.add_user(db, admin, "load.admin", PASSWORD, ["admin"])
        else:
            admin = services.create_first_admin(db, "load.admin", PASSWORD)
        for i in range(USERS_PER_ROLE):
            both = ["front_desk", "clinician"]
            services.add_user(db, admin, f"load.clinician{i}", PASSWORD, both)
            services.add_user(db, admin, f"load.desk{i}", PASSWORD, ["front_desk"])
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id, name, record_number, date_of_birth FROM patients "
                "WHERE date_of_birth BETWEEN '1940-01-01' AND '1990-12-31' "
                "ORDER BY id LIMIT 3000"
            )
        ).all()
    return [(r[0], r[1], r[2], r[3].isoformat()) for r in rows], db


def _progress(what: str) -> Any:
    def show(done: int, total: int) -> None:
        print(f"\r{what}: {done:,}/{total:,} patients", end="", file=sys.stderr, flush=True)

    return show


def run_round(url: str, n: int, seconds: float, people: list[Any], server_pid: int | None) -> Round:
    """Start ``n`` workstations, let them work ``seconds``, gather and check what they did."""
    ctx = mp.get_context("fork")  # everything is imported already: a start costs no import
    start, out = ctx.Event(), ctx.Queue()
    procs = []
    for i in range(n):
        clinician = i % 2 == 0
        role = "clinician" if clinician else "desk"
        plan = Plan(url, i, f"load.{role}{(i // 2) % USERS_PER_ROLE}", PASSWORD, clinician,
                    seconds, people, seed=n)  # fmt: skip
        proc = ctx.Process(target=workstation_main, args=(plan, start, out), daemon=True)
        proc.start()
        procs.append(proc)
    failed: list[str] = []
    ready = 0
    while ready + len(failed) < n:
        kind, index, detail = out.get(timeout=300)
        if kind == "ready":
            ready += 1
        else:
            failed.append(f"workstation {index} did not start: {detail}")
    watch = ServerWatch(server_pid, url)
    start.set()
    outcomes: list[Outcome] = []
    deadline = time.monotonic() + seconds + 300
    while len(outcomes) + len(failed) < n and time.monotonic() < deadline:
        try:
            kind, index, detail = out.get(timeout=0.5)
        except queue.Empty:
            watch.sample()
            continue
        if kind == "done":
            outcomes.append(detail)
        else:
            failed.append(f"workstation {index} failed: {detail}")
    for proc in procs:
        proc.join(10)
        if proc.is_alive():
            proc.kill()
    lost, chain = check_nothing_lost(url, outcomes)
    return Round(n, outcomes, failed, lost, chain, watch.summary(seconds))


def check_nothing_lost(url: str, outcomes: list[Outcome]) -> tuple[list[str], int]:
    """Every acknowledged save and signature as stored, every signature audited; chain problems."""
    from sqlalchemy import text

    from intake_desktop import services

    lost: list[str] = []
    db = services.open_database(url)
    try:
        with db.engine.connect() as conn:
            for o in outcomes:
                signed = set(o.signed)
                for visit_id, (version, marker) in o.saved.items():
                    row = conn.execute(
                        text("SELECT status, version, draft_data, case_data, signed_by "
                             "FROM visits WHERE id = :id"), {"id": visit_id},
                    ).one_or_none()  # fmt: skip
                    if row is None:
                        lost.append(f"visit {visit_id} missing")
                        continue
                    status, stored_version, draft, case, signed_by = row
                    data = case if visit_id in signed else draft
                    want = "signed" if visit_id in signed else "draft"
                    if (
                        status != want
                        or stored_version != version
                        or (data or {}).get("history", {}).get("standing_tolerance_min") != marker
                        or (visit_id in signed and signed_by != o.username)
                    ):
                        got = f"{status} v{stored_version}"
                        lost.append(f"visit {visit_id}: {got}, acknowledged v{version}")
                if signed:
                    audited = conn.execute(
                        text("SELECT count(DISTINCT visit_id) FROM audit_entries "
                             "WHERE action = 'visit.sign' AND outcome = 'allowed' "
                             "AND visit_id = ANY(:ids)"), {"ids": list(signed)},
                    ).scalar_one()  # fmt: skip
                    if audited != len(signed):
                        lost.append(f"{len(signed) - audited} signatures of {o.username} unaudited")
        admin = services.sign_in(db, "load.admin", PASSWORD, workstation="load-check")
        chain = len(services.verify_audit(db, admin))
        services.sign_out(db, admin)
    finally:
        db.dispose()
    return lost, chain


class ServerWatch:
    """What the PostgreSQL server used while the workstations worked: the most connections at
    once, its memory (proportional set size, shared buffers counted once) and CPU cores."""

    def __init__(self, postmaster: int | None, url: str | None = None) -> None:
        self.postmaster = postmaster
        #: What the workstations' server processes were doing at each sample (pg_stat_activity):
        #: running, idle between operations, or waiting on a lock (and which).
        self.states: dict[str, int] = {}
        self.conninfo: str | None = None
        self.conn: Any = None
        self.clients = 0
        if url is not None:
            from sqlalchemy import make_url

            u = make_url(url)
            self.conninfo = f"host={u.host} port={u.port} user={u.username} dbname={u.database}"
        self.cpu: dict[int, float] = {}
        self._cpu()
        self.cpu0 = dict(self.cpu)
        self.t0 = time.monotonic()
        self.connections = 0
        self.memory_mb = 0.0
        self.load = os.getloadavg()[0]

    def _children(self) -> list[int]:
        if self.postmaster is None:
            return []
        pids = [self.postmaster]
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.postmaster:
                    pids.append(int(entry.name))
        return pids

    def _cpu(self) -> float:
        """CPU seconds used since the start, by every server process seen (gone ones too)."""
        tick = os.sysconf("SC_CLK_TCK")
        for pid in self._children():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            self.cpu[pid] = (int(fields[11]) + int(fields[12])) / tick
        return sum(t - getattr(self, "cpu0", {}).get(pid, 0.0) for pid, t in self.cpu.items())

    def sample(self) -> None:
        self._cpu()
        if self.conninfo is not None:
            import psycopg

            if self.conn is None:
                self.conn = psycopg.connect(self.conninfo, autocommit=True)
            clients = 0
            for state, count in self.conn.execute(
                "SELECT CASE WHEN wait_event_type = 'Lock' THEN 'waiting on a lock (' "
                "|| wait_event || ')' WHEN state = 'active' THEN 'running a statement' "
                "WHEN state LIKE 'idle in transaction%' THEN 'in a transaction, "
                "waiting for the workstation' ELSE 'idle' END, count(*) "
                "FROM pg_stat_activity WHERE backend_type = 'client backend' "
                "AND pid <> pg_backend_pid() GROUP BY 1"
            ):
                self.states[state] = self.states.get(state, 0) + count
                clients += count
            self.clients = max(self.clients, clients)
        pids = self._children()
        self.connections = max(self.connections, len(pids) - 6)  # less the server's own
        pss = 0
        for pid in pids:
            try:
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1])
            except OSError:
                continue
        self.memory_mb = max(self.memory_mb, pss / 1024)
        self.load = max(self.load, os.getloadavg()[0])

    def summary(self, seconds: float) -> dict[str, Any]:
        self.sample()
        cores = self._cpu() / max(seconds, time.monotonic() - self.t0)
        if self.conn is not None:
            self.conn.close()
            self.connections = self.clients
        busy = {k: v for k, v in self.states.items() if k != "idle"}
        total = sum(busy.values()) or 1
        shares = {k: round(v / total, 2) for k, v in sorted(busy.items())}
        return {"connections": self.connections, "server_memory_mb": round(self.memory_mb, 1),
                "server_cores": round(cores, 2), "load_average": round(self.load, 1),
                "busy_connections": shares}  # fmt: skip


def postmaster_pid(data_dir: Path) -> int | None:
    try:
        return int((data_dir / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def round_rows(r: Round) -> list[Row]:
    """The table's rows of one round: each operation, then errors, conflicts and lost writes."""
    rows = []
    ops = sorted({op for o in r.outcomes for op in o.samples})
    for op in ops:
        row = Row(f"load N={r.n}: {op}", r.samples(op))
        if r.n == TARGET_N and op in TARGETS:
            row.check(p95_at_most=TARGETS[op])
        rows.append(row)
    counts = {"errors": len(r.errors), "lost writes": len(r.lost) + r.chain_problems}
    for what, count in counts.items():
        row = Row(f"load N={r.n}: {what}", [float(count)], unit="count")
        rows.append(row.check(median_at_most=0))
    rows.append(Row(f"load N={r.n}: conflicts (not errors)", [float(r.conflicts)], unit="count"))
    return rows


def print_round(r: Round) -> None:
    """Per-operation p50/p95/p99 of one round, and what the server used, on standard error."""
    print(f"\nN = {r.n} workstations  server: {r.server}", file=sys.stderr)
    for op in sorted({op for o in r.outcomes for op in o.samples}):
        s = sorted(r.samples(op))
        p50, p99 = s[len(s) // 2], s[min(len(s) - 1, round(0.99 * (len(s) - 1)))]
        print(f"  {op:16} n={len(s):5}  p50 {p50 * 1e3:7.1f}  p95 {p95(s) * 1e3:7.1f}  "
              f"p99 {p99 * 1e3:7.1f} ms", file=sys.stderr)  # fmt: skip
    print(f"  conflicts {r.conflicts}  errors {len(r.errors)}  lost {len(r.lost)}  "
          f"audit chain problems {r.chain_problems}", file=sys.stderr)  # fmt: skip
    for line in sorted(set(r.errors))[:5] + r.lost[:5]:
        print(f"    {line}", file=sys.stderr)


def load_rows(url: str, counts: list[int], seconds: float, patients: int,
              data_dir: Path | None = None) -> tuple[list[Row], list[Round]]:  # fmt: skip
    """Every round of the figure, in order of N, on the server at ``url``."""
    people, db = prepare(url, patients)
    db.dispose()
    pid = postmaster_pid(data_dir) if data_dir is not None else None
    rows, rounds = [], []
    for n in counts:
        r = run_round(url, n, seconds, people, pid)
        print_round(r)
        rounds.append(r)
        rows.extend(round_rows(r))
    return rows, rounds
