"""One simulated workstation of the load figure: a process working as a front desk or a clinician.

It goes through the services exactly as the window does (no GUI): search as the user types, open
a patient and their latest visit, start a visit and autosave it every few seconds, sign it (a
clinician), print the patient summary, and refresh the board and the alerts every few seconds.
Think times are a person's (a keystroke every 150 ms, an autosave every 2 s, each varying by
30 %, and the workstations starting within 3 s of each other), so N workstations put N people's
load on the server, not N loops as fast as the CPU goes, nor N people in step.

Every operation is timed and classed ``ok``, ``conflict`` (someone else changed it first: the
app asks the user, it is not a failure) or ``error``. What the server acknowledged is reported
back, so the parent can check that nothing acknowledged is missing from the database.
"""

from __future__ import annotations

import copy
import json
import random
import time
import traceback
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CASE = json.loads((ROOT / "tests" / "data" / "examples" / "04_mild_candidate.json").read_text())
KEYSTROKE = 0.15
AUTOSAVE = 2.0
SAVES_PER_VISIT = 3
BOARD_EVERY = 5.0
#: How much a think time varies either way (a fraction of it), and how long a workstation may
#: take to start after the others (seconds): people do not all begin at the same instant.
JITTER = 0.3
START_WITHIN = 3.0


@dataclass
class Plan:
    """What one workstation is told: where, who, for how long, and whom it may look up."""

    url: str
    index: int
    username: str
    password: str
    clinician: bool
    seconds: float
    patients: list[tuple[int, str, str, str]]  # id, name, record number, date of birth
    seed: int = 0


@dataclass
class Outcome:
    """What one workstation measured and what the server acknowledged to it."""

    samples: dict[str, list[float]] = field(default_factory=dict)
    conflicts: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    #: visit id -> (version, marker) of its last acknowledged save or signature
    saved: dict[int, tuple[int, int]] = field(default_factory=dict)
    signed: list[int] = field(default_factory=list)
    username: str = ""


def workstation_database(url: str) -> Any:
    """The workstation's database handle, opened as the app opens it: the same engine, pool
    and checks (``storage.database``), without the schema check at start (the parent made it).
    """
    from intake_desktop.storage.database import open_database

    return open_database(url, migrate=False)


class Workstation:
    """The timed loop of one workstation (see the module docstring)."""

    def __init__(self, plan: Plan) -> None:
        from intake_desktop import services

        self.plan, self.s = plan, services
        self.rng = random.Random(plan.seed * 7919 + plan.index)
        self.out = Outcome(username=plan.username)
        self.db = workstation_database(plan.url)
        self.actor = services.sign_in(
            self.db, plan.username, plan.password, workstation=f"load-ws-{plan.index}"
        )
        self.next_board = 0.0
        self.last_case: dict[str, Any] | None = None

    def timed(self, op: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Run one operation, file its time under ``op``; None when it did not succeed."""
        from intake_desktop.services.errors import ConflictError

        start = time.perf_counter()
        try:
            result = fn(*args, **kwargs)
        except ConflictError:
            self.out.conflicts[op] = self.out.conflicts.get(op, 0) + 1
            return None
        except Exception as exc:  # counted and reported by type, never the patient's data
            self.out.errors.append(f"{op}: {type(exc).__name__}: {str(exc)[:160]}")
            return None
        self.out.samples.setdefault(op, []).append(time.perf_counter() - start)
        return result

    def pause(self, seconds: float) -> None:
        """Think time; the board and alerts refresh on their timer meanwhile, as in the window.

        A person's pace varies (:data:`JITTER` either way): with fixed think times, workstations
        started together would stay in step all round and sign and print at the same instant.
        """
        end = time.monotonic() + seconds * self.rng.uniform(1 - JITTER, 1 + JITTER)
        while True:
            now = time.monotonic()
            if now >= self.next_board:
                self.next_board = now + BOARD_EVERY
                self.timed("board refresh", self.board)
            left = end - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(left, max(0.0, self.next_board - time.monotonic())))

    def board(self) -> None:
        self.s.todays_visits(self.db, actor=self.actor)
        if self.plan.clinician:
            self.s.pending_alerts(self.db, actor=self.actor)

    def run(self) -> Outcome:
        deadline = time.monotonic() + self.plan.seconds
        self.next_board = time.monotonic() + self.rng.uniform(0, BOARD_EVERY)
        self.pause(self.rng.uniform(0, START_WITHIN))
        while time.monotonic() < deadline:
            self.encounter()
        self.db.dispose()
        return self.out

    def encounter(self) -> None:
        """One patient at the desk: find them, open them, record a visit, sign and print it."""
        pid, name, number, born = self.rng.choice(self.plan.patients)
        words = name.split()
        word = words[-1] if self.rng.random() < 0.6 else words[0]
        for i in range(1, min(len(word), self.rng.randint(3, 5)) + 1):
            self.timed("search", self.s.search_patients, self.db, word[:i], 50, actor=self.actor)
            self.pause(KEYSTROKE)
        self.timed("open patient", self.open_patient, pid)
        self.pause(0.5)
        case = copy.deepcopy(CASE)
        case["patient"] = {**case["patient"], "id": number, "date_of_birth": born}
        case["visit_date"] = date.today().isoformat()
        if not self.plan.clinician:
            # The examination is the clinician's; the imaging is carried forward from the last
            # signed visit, as the window's follow-up does (the desk may not change it).
            case.pop("exam", None)
            case.pop("imaging", None)
            if self.last_case and "imaging" in self.last_case:
                case["imaging"] = self.last_case["imaging"]
        draft = self.timed("start visit", self.s.start_draft, self.db, pid, case, actor=self.actor)
        if draft is None:
            return
        version = draft.version
        for marker in range(1, SAVES_PER_VISIT + 1):
            self.pause(AUTOSAVE)
            case["history"] = {**case["history"], "standing_tolerance_min": marker}
            saved = self.timed(
                "draft save", self.s.save_draft, self.db, draft.visit_id, case,
                expected_version=version, actor=self.actor,
            )  # fmt: skip
            if saved is None:
                return
            version = saved.version
            self.out.saved[draft.visit_id] = (version, marker)
        if self.plan.clinician:
            from benchmarks.services_figures import SIGN_OFF

            signed = self.timed(
                "sign", self.s.sign_visit, self.db, draft.visit_id,
                expected_version=version, actor=self.actor, **SIGN_OFF,
            )  # fmt: skip
            if signed is None:
                return
            self.out.saved[draft.visit_id] = (signed.version, SAVES_PER_VISIT)
            self.out.signed.append(draft.visit_id)
            self.pause(0.5)
            self.timed("print summary", self.print_summary, draft.visit_id)
        self.pause(1.0)

    def open_patient(self, pid: int) -> None:
        """The patient's record and visit list, then their latest visit, as the window opens."""
        self.s.get_patient(self.db, pid, actor=self.actor)
        visits = self.s.patient_visits(self.db, pid, actor=self.actor)
        signed = [v for v in visits if v.status in ("signed", "amended")]
        self.last_case = None
        if signed:
            latest = max(signed, key=lambda v: (v.visit_date, v.id))
            self.last_case = self.s.get_visit(self.db, latest.id, actor=self.actor).case_data

    def print_summary(self, visit_id: int) -> None:
        from intake_desktop.reporting import render_pdf

        doc = self.s.visit_document(self.db, self.actor, visit_id, kind="patient")
        render_pdf("patient", doc)


def workstation_main(plan: Plan, start: Any, out: Any) -> None:
    """Process entry: sign in, wait for every workstation to be ready, work, report."""
    try:
        ws = Workstation(plan)
    except Exception:
        out.put(("failed", plan.index, traceback.format_exc(limit=3)))
        start.wait()
        return
    out.put(("ready", plan.index, None))
    start.wait()
    try:
        out.put(("done", plan.index, ws.run()))
    except Exception:
        out.put(("failed", plan.index, traceback.format_exc(limit=3)))
