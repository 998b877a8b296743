"""A synthetic clinic to explore or benchmark: Faker patients, several visits each.

Names, addresses and phone numbers come from Faker in English, Spanish, German and French (so
accents and two-word surnames appear, as they do at a real front desk); every e-mail address is at
an ``example.*`` domain. Visits follow the case templates of :mod:`.cases`, varied per
patient and dated over the last three years: earlier visits signed (some amended, some with the
level overridden and a reason), the latest one sometimes still a draft, a few dated today.
Signed visits carry the engine's real plan for their case.

Half a million patients (1.5 million visits) is the largest clinic the benchmarks build, so the
build is made for bulk: the plans and case sections are remembered per template variant (see
:mod:`.visits`), worker processes make each batch's visits, signatures and JSON while this one
writes the previous batch straight to the driver (:mod:`.bulk`: ``executemany`` on SQLite,
``COPY`` on PostgreSQL), one transaction per batch, so an interrupted run leaves only whole
batches behind. The rows are the same whatever the number of workers.
Nothing here logs patient data.
"""

from __future__ import annotations

import os
import random
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from typing import Any

from sqlalchemy import func, select

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

from .bulk import BulkWriter, private_build
from .people import DemoPerson, PeopleFactory
from .rows import BatchVisits, RowMaker, start_worker, worker_batch
from .visits import DAY_SIZE, DaySlot, board_row, day_slots

Progress = Callable[[int, int], None]
RECORD_PREFIX = "DEMO-"
DEFAULT_SEED = 20261123
#: Changes whenever the rows the demo makes for a seed change (the benchmarks' cached clinics
#: are keyed by it): bump it with any change to the people, cases or visits it makes.
DATA_VERSION = 1
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
    batch_size: int = 2000,
    progress: Progress | None = None,
    today: date | None = None,
    actor: Actor | None = None,
    workers: int | None = None,
) -> DemoResult:
    """Add ``patients`` synthetic patients with 1 to 5 visits each; report progress per batch.

    Record numbers continue after any demo patients already there (``DEMO-0000001`` ...), so
    running it twice adds a second clinic's worth instead of failing. A database holding any
    other patient is refused: demo data never mixes with a clinic's records. ``actor`` is the
    administrator who asked (the command line always passes one); tests and benchmarks that
    build a throwaway clinic in Python may leave it out. ``workers`` processes make the visits
    while this one writes (default: one per core for clinics of 10,000 patients or more, none
    below); the clinic is the same whatever their number.
    """
    if workers is None:
        workers = (os.cpu_count() or 1) if patients >= 10_000 else 0
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
    now = datetime.now(UTC) if day == date.today() else datetime.combine(day, dtime(12), UTC)
    # Today's board: the first patients made are the day's, booked around now.
    slots = dict(enumerate(day_slots(min(DAY_SIZE, patients), now)))
    done = made_visits = 0
    if progress:
        progress(0, patients)

    def jobs() -> Iterator[tuple[list[DemoPerson], dict[int, DaySlot]]]:
        for start in range(0, patients, batch_size):
            count = min(batch_size, patients - start)
            batch = [people.make(first + start + i) for i in range(count)]
            yield batch, {i: slots[start + i] for i in range(count) if start + i in slots}

    with (
        _batches(jobs(), day, workers) as made,
        db.engine.connect() as conn,
        private_build(conn),
    ):
        writer = BulkWriter(conn)
        for (batch, _), visits in made:
            with conn.begin():
                made_visits += _write_batch(writer, batch, visits, day)
            done += len(batch)
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


@contextmanager
def _batches(
    jobs: Iterator[tuple[list[DemoPerson], dict[int, DaySlot]]], day: date, workers: int
) -> Iterator[Iterator[tuple[tuple[list[DemoPerson], dict[int, DaySlot]], BatchVisits]]]:
    """Each job with its visits, in order; made by ``workers`` processes (0: in this one)."""
    if workers <= 0:
        maker = RowMaker(day)
        yield ((job, maker.batch(*job)) for job in jobs)
        return
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with context.Pool(workers, initializer=start_worker, initargs=(day,)) as pool:
        yield _ahead(pool, jobs, workers + 1)


def _ahead(
    pool: Any, jobs: Iterator[tuple[list[DemoPerson], dict[int, DaySlot]]], depth: int
) -> Iterator[tuple[tuple[list[DemoPerson], dict[int, DaySlot]], BatchVisits]]:
    """At most ``depth`` batches in the making at once (memory stays a few batches' worth)."""
    pending: deque[tuple[Any, Any]] = deque()
    for job in jobs:
        pending.append((job, pool.apply_async(worker_batch, (job,))))
        if len(pending) >= depth:
            done, result = pending.popleft()
            yield done, result.get()
    while pending:
        done, result = pending.popleft()
        yield done, result.get()


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


def _write_batch(writer: BulkWriter, batch: list[DemoPerson], made: BatchVisits, day: date) -> int:
    """Write one batch of patients with their terms, visits, earlier versions and places on
    today's board, inside the caller's transaction; the number of visits written."""
    patients = [_patient_row(p) for p in batch]
    ids = writer.ids(Patient.__table__, len(patients))
    for pid, row in zip(ids, patients, strict=True):
        row["id"] = pid
    writer.write(Patient.__table__, patients)
    terms = [
        {"term": term, "patient_id": pid}
        for pid, person in zip(ids, batch, strict=True)
        for term in search_terms(person.name, person.record_number)
    ]
    writer.write(PatientSearchTerm.__table__, terms)
    visit_ids = writer.ids(Visit.__table__, len(made.rows))
    for vid, row, n in zip(visit_ids, made.rows, made.owner, strict=True):
        row["id"], row["patient_id"] = vid, ids[n]
    writer.write(Visit.__table__, made.rows)
    versions = [
        {**row, "visit_id": vid}
        for vid, row in zip(visit_ids, made.earlier, strict=True)
        if row is not None
    ]
    writer.write(VisitVersion.__table__, versions)
    board = [board_row(slot, ids[n], visit_ids[i], day) for slot, n, i in made.todays]
    writer.write(BoardEntry.__table__, board)
    return len(made.rows)


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
