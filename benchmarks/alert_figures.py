"""Red flag on one workstation to the alert on another, on PostgreSQL (target p95 ≤ 2 s).

Two processes, as two workstations: the *clinic* process listens for notifications on a
connection of its own (``services.alerts.listen_for_alerts``, as a clinician's window does in
its worker thread) and, on each one, asks for the pending alerts as the window does; the *desk*
process saves drafts that record a new red flag. Each sample runs from the moment the desk's
transaction commits (SQLAlchemy's ``commit`` event, just before COMMIT goes to the server) to
the moment the clinic process has the alert in its list. Both read ``time.monotonic_ns``, one
clock for the whole machine on Linux. For comparison, an SQLite window polls every 1.5 s, so
there the wait is up to that poll interval.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import time
from datetime import date
from typing import Any

from benchmarks.stats import Row

RUNS = 200


def clinic_process(url: str, ready: Any, out: Any, stop: Any) -> None:
    """The listening workstation: report each new alert id with the time it was listed."""
    import threading

    from intake_desktop.services import Actor, open_database, pending_alerts
    from intake_desktop.services.alerts import listen_for_alerts

    doctor = Actor(None, "bench.clinician", frozenset({"clinician"}), "clinic-ws")
    db = open_database(url)
    seen: set[int] = set()
    halt, listening = threading.Event(), threading.Event()

    def on_notify(_payload: str | None) -> None:
        for alert in pending_alerts(db, actor=doctor):
            if alert.id not in seen:
                seen.add(alert.id)
                out.put((alert.id, time.monotonic_ns()))

    worker = threading.Thread(target=listen_for_alerts, args=(db, on_notify, halt),
                              kwargs={"ready": listening}, daemon=True)  # fmt: skip
    worker.start()
    listening.wait(30)
    ready.set()
    stop.wait()
    halt.set()
    worker.join(5)
    db.dispose()


def alert_rows(url: str) -> list[Row]:
    """Save red-flag drafts on one connection, time their alerts in the other process."""
    from sqlalchemy import event

    from intake_desktop.services import (
        Actor,
        PatientDetails,
        acknowledge_alert,
        open_database,
        register_patient,
        save_draft,
        start_draft,
    )

    from .services_figures import EXAMPLES, bench_actor

    ctx = mp.get_context("spawn")
    ready, stop, out = ctx.Event(), ctx.Event(), ctx.Queue()
    listener = ctx.Process(target=clinic_process, args=(url, ready, out, stop), daemon=True)
    listener.start()
    db = open_database(url)
    try:
        if not ready.wait(60):
            raise RuntimeError("the listening workstation did not start")
        case = json.loads((EXAMPLES / "04_mild_candidate.json").read_text())
        intake = {k: v for k, v in case.items() if k not in ("exam", "imaging", "framework")}
        patient = register_patient(
            db, PatientDetails(name="Bench Flag", date_of_birth=date(1951, 5, 5)),
            actor=bench_actor(),
        )  # fmt: skip
        intake["patient"] = {"date_of_birth": "1951-05-05"}
        committed: list[int] = []
        event.listen(db.engine, "commit", lambda _conn: committed.append(time.monotonic_ns()))
        doctor = Actor(None, "bench.ack", frozenset({"clinician"}), "bench")
        samples, saves = [], []
        for i in range(RUNS + 10):
            draft = start_draft(db, patient.id, intake, actor=bench_actor())
            flagged = {**intake, "red_flags": ["saddle_anaesthesia" if i % 2 else "fever"]}
            committed.clear()
            started = time.monotonic_ns()
            save_draft(db, draft.visit_id, flagged, expected_version=draft.version,
                       actor=bench_actor())  # fmt: skip
            alert_id, listed = out.get(timeout=30)
            if i >= 10:  # warm-up: connections, statement caches
                samples.append((listed - committed[-1]) / 1e9)
                saves.append((listed - started) / 1e9)
            acknowledge_alert(db, alert_id, actor=doctor)
        return [
            Row("red flag to alert on another workstation (PostgreSQL, from commit)",
                samples).check(p95_at_most=2000),
            Row("red flag to alert, from the start of the save (PostgreSQL)", saves),
        ]  # fmt: skip
    finally:
        stop.set()
        listener.join(10)
        db.dispose()
