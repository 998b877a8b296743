"""A synthetic clinic to explore or benchmark: Faker patients, several visits each.

Names, addresses and phone numbers come from Faker in English, Spanish, German and French (so
accents and two-word surnames appear, as they do at a real front desk); every e-mail address is at
an ``example.*`` domain. Visits follow the case templates of :mod:`.cases`, varied per
patient and dated over the last three years: earlier visits signed (some amended, some with the
level overridden and a reason), the latest one sometimes still a draft, a few dated today.
Signed visits carry the engine's real plan for their case.

Rows are written with bulk INSERTs, one transaction per batch, so a clinic of 50,000 patients
(about 150,000 visits) takes about 50 s on SQLite and 85 s on PostgreSQL on a two-core machine,
and an interrupted run leaves only whole batches behind.
Nothing here logs patient data.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from typing import Any

from sqlalchemy import func, insert, select

from intake_desktop.domain.signing import signature_hash, signed_identity
from intake_desktop.services._common import transaction
from intake_desktop.services.actor import SYSTEM, Actor
from intake_desktop.services.errors import InputError
from intake_desktop.services.permissions import authorize
from intake_desktop.storage.audit import NewEntry, append_entry
from intake_desktop.storage.database import Database
from intake_desktop.storage.models import (
    BoardEntry,
    Patient,
    PatientSearchTerm,
    Visit,
    VisitVersion,
)
from intake_desktop.storage.search_text import normalise_text, search_terms
from intake_desktop.storage.urgency import draft_red_flags, join_codes, signed_urgency

from .people import DemoPerson, PeopleFactory
from .visits import DAY_RED_FLAG, DAY_SIZE, DaySlot, VisitFactory, board_row, day_slots

Progress = Callable[[int, int], None]
RECORD_PREFIX = "DEMO-"
DEFAULT_SEED = 20261123
#: The first text after every record number that starts with RECORD_PREFIX.
_AFTER_PREFIX = RECORD_PREFIX[:-1] + chr(ord(RECORD_PREFIX[-1]) + 1)


@dataclass(frozen=True, slots=True)
class DemoResult:
    """How much was built, and how long it took."""

    patients: int
    visits: int
    seconds: float


def build_demo(
    db: Database,
    patients: int,
    *,
    seed: int = DEFAULT_SEED,
    batch_size: int = 500,
    progress: Progress | None = None,
    today: date | None = None,
    actor: Actor | None = None,
) -> DemoResult:
    """Add ``patients`` synthetic patients with 1 to 5 visits each; report progress per batch.

    Record numbers continue after any demo patients already there (``DEMO-0000001`` ...), so
    running it twice adds a second clinic's worth instead of failing. A database holding any
    other patient is refused: demo data never mixes with a clinic's records. ``actor`` is the
    administrator who asked (the command line always passes one); tests and benchmarks that
    build a throwaway clinic in Python may leave it out.
    """
    if not isinstance(patients, int) or patients < 1:
        raise InputError("must be a whole number of at least 1", "patients")
    if actor is not None:
        with transaction(db) as session:
            authorize(session, actor, "demo.build")
    _refuse_real_patients(db)
    started = time.perf_counter()
    first = _next_demo_number(db)
    people = PeopleFactory(seed + first)
    day = today or date.today()
    visits = VisitFactory(seed + first, day)
    now = datetime.now(UTC) if day == date.today() else datetime.combine(day, dtime(12), UTC)
    # Today's board: the first patients made are the day's, booked around now.
    slots = dict(enumerate(day_slots(min(DAY_SIZE, patients), now)))
    done = made_visits = 0
    if progress:
        progress(0, patients)
    while done < patients:
        count = min(batch_size, patients - done)
        batch = [people.make(first + done + i) for i in range(count)]
        day_slots_here = {i: slots[done + i] for i in range(count) if done + i in slots}
        made_visits += _insert_batch(db, batch, visits, day_slots_here, day)
        done += count
        if progress:
            progress(done, patients)
    with transaction(db) as session:
        # Demo data is made by the system actor (no person signs in for it); one entry says so.
        append_entry(
            session,
            NewEntry(
                username=SYSTEM.username,
                workstation=SYSTEM.workstation,
                action="demo.build",
                outcome="ok",
                detail=f"patients={patients} visits={made_visits}",
            ),
        )
    return DemoResult(patients, made_visits, time.perf_counter() - started)


def _refuse_real_patients(db: Database) -> None:
    with db.session() as session:
        real = session.scalar(
            select(func.count())
            .select_from(Patient)
            .where(
                (Patient.record_number.is_(None))
                | (Patient.record_number < RECORD_PREFIX)
                | (Patient.record_number >= _AFTER_PREFIX)
            )
        )
    if real:
        raise InputError(
            f"this database holds {real} patients who are not demo patients; demo data goes "
            "into a database of its own (give another --db)",
            "database",
        )


def _next_demo_number(db: Database) -> int:
    with db.session() as session:
        last = session.scalar(
            select(func.max(Patient.record_number)).where(
                Patient.record_number >= RECORD_PREFIX,
                Patient.record_number < _AFTER_PREFIX,
            )
        )
    if last is None:
        return 1
    try:
        return int(last[len(RECORD_PREFIX) :]) + 1
    except ValueError:
        return 1


def _insert_batch(
    db: Database,
    batch: list[DemoPerson],
    factory: VisitFactory,
    slots: dict[int, DaySlot] | None = None,
    day: date | None = None,
) -> int:
    """Write one batch of patients with their terms, visits, earlier versions and places on
    today's board (``slots``: position in the batch -> slot)."""
    slots = slots or {}
    with transaction(db) as session:
        conn = session.connection()
        ids = (
            conn.execute(
                insert(Patient.__table__).returning(
                    Patient.__table__.c.id, sort_by_parameter_order=True
                ),
                [_patient_row(p) for p in batch],
            )
            .scalars()
            .all()
        )
        terms = [
            {"term": term, "patient_id": pid}
            for pid, person in zip(ids, batch, strict=True)
            for term in search_terms(person.name, person.record_number)
        ]
        conn.execute(insert(PatientSearchTerm.__table__), terms)
        visit_rows: list[dict[str, Any]] = []
        earlier: list[dict[str, Any] | None] = []
        todays: list[tuple[DaySlot, int, int]] = []  # slot, patient id, index of today's visit
        flag_shown = False
        for n, (pid, person) in enumerate(zip(ids, batch, strict=True)):
            slot = slots.get(n)
            for visit in factory.visits_for(person, slot):
                row = visit.row
                if (slot is not None and not flag_shown and row["draft_data"] is not None
                        and slot.state in ("checked_in", "answering", "ready")):  # fmt: skip
                    row["draft_data"] = {**row["draft_data"], "red_flags": [DAY_RED_FLAG]}
                    flag_shown = True
                signed = _signature_columns(row, person)
                visit_rows.append({**row, **_urgency_columns(row), **signed, "patient_id": pid})
                old = visit.earlier
                earlier.append(None if old is None else {**old, **_signature_columns(old, person)})
            if slot is not None:
                todays.append((slot, pid, len(visit_rows) - 1))
        visit_ids = (
            conn.execute(
                insert(Visit.__table__).returning(
                    Visit.__table__.c.id, sort_by_parameter_order=True
                ),
                visit_rows,
            )
            .scalars()
            .all()
        )
        versions = [
            {**row, "visit_id": vid}
            for vid, row in zip(visit_ids, earlier, strict=True)
            if row is not None
        ]
        if versions:
            conn.execute(insert(VisitVersion.__table__), versions)
        if todays:
            rows = [board_row(slot, pid, visit_ids[i], day or date.today())
                    for slot, pid, i in todays]  # fmt: skip
            conn.execute(insert(BoardEntry.__table__), rows)
        return len(visit_rows)


def _signature_columns(row: dict[str, Any], person: DemoPerson) -> dict[str, Any]:
    """The signed identification and signature hash a signing would have stored, so that demo
    visits pass the check every print makes (services.signature_check); none for a draft."""
    if row.get("case_data") is None:
        return {"signed_identity": None, "signature_hash": None}
    identity = signed_identity(person.name, person.date_of_birth, person.record_number)
    digest = signature_hash(
        row["case_data"], row["plan"], row["final_level"], row["override_reason"],
        row.get("chosen_procedure"), identity,
    )  # fmt: skip
    return {"signed_identity": identity, "signature_hash": digest}


def _urgency_columns(row: dict[str, Any]) -> dict[str, Any]:
    """The lists' urgency mark of a demo visit, derived as a save would (storage.urgency)."""
    if row["status"] == "draft":
        codes, urgency = draft_red_flags(row["draft_data"])
    else:
        codes, urgency = signed_urgency(row["plan"], row["computed_level"], row["final_level"])
    return {"urgency": urgency, "red_flag_codes": join_codes(codes)}


def _patient_row(p: DemoPerson) -> dict[str, Any]:
    now = datetime.now(UTC)
    return {
        "record_number": p.record_number,
        "name": p.name,
        "search_name": normalise_text(p.name),
        "date_of_birth": p.date_of_birth,
        "sex": p.sex,
        "phone": p.phone,
        "email": p.email,
        "address": p.address,
        "language": p.language,
        "created_at": now - timedelta(days=1200),
        "created_by": "demo",
        "updated_at": now,
        "updated_by": "demo",
        "version": 1,
    }


def random_prefixes(count: int, seed: int = 1) -> list[str]:
    """Three-letter name prefixes as a front desk would type them (for benchmarks)."""
    people = PeopleFactory(seed)
    rng = random.Random(seed)
    out = []
    for i in range(count):
        words = normalise_text(people.make(i).name).split()
        out.append(rng.choice(words)[:3])
    return out
