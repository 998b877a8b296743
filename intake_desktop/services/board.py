"""The clinic's day: who is expected, who is waiting, who is with the clinician, who is done.

Each patient on a day's board is a :class:`BoardEntry`: booked ahead (``expected``, no visit
yet) or walked in. Checking in opens the visit's draft; the state then moves as the work is done,
only ever forward (see :data:`BOARD_STATES`): the patient answers on the tablet (``answering``),
the answers are in (``ready``), a clinician opens the visit (``with_clinician``), signs it
(``signed``, from :mod:`.signing`), a summary is printed (``printed``, from :mod:`.exports`).

Every change sends ``NOTIFY`` on :data:`CHANNEL` at its commit on PostgreSQL, as the red-flag
alerts do, so every workstation's board follows within a second; on SQLite the boards ask again
every couple of seconds. Boards are lists: reading them is not audited; every change is.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from intake_desktop.domain.codes import CASE_FORMAT
from intake_desktop.storage.database import Database
from intake_desktop.storage.models import BOARD_STATES, BoardEntry, Patient, Visit, utc_now
from intake_desktop.storage.urgency import split_codes

from ._common import check_actor, reader, transaction
from .actor import Actor
from .errors import InputError, NotFoundError, VisitLockedError
from .permissions import authorize, record, require

#: The PostgreSQL notification channel of board changes (payload: the entry's id).
CHANNEL = "intake_board"
_URGENCY_RANK = {"emergency": 0, "urgent": 1}
_DONE = ("signed", "printed")


@dataclass(frozen=True, slots=True)
class BoardRow:
    """One line of a day's board, as every workstation shows it."""

    entry_id: int
    patient_id: int
    patient_name: str | None
    record_number: str | None
    date_of_birth: date
    language: str | None
    day: date
    booked_time: time | None
    visit_id: int | None
    state: str
    state_since: datetime
    #: Each state entered so far with its time (UTC), in the order of :data:`BOARD_STATES`.
    timeline: tuple[tuple[str, datetime], ...]
    urgency: str | None
    red_flags: tuple[str, ...]
    visit_status: str | None

    @property
    def flagged(self) -> bool:
        return self.urgency is not None


def day_board(db: Database, day: date | None = None, *, actor: Actor) -> list[BoardRow]:
    """The day's board: red-flag visits first (emergencies, then urgent), then the visits under
    way, then those done; within each, by booked time, then by arrival."""
    day = day or date.today()
    with reader(db) as session:
        authorize(session, actor, "board.view")
        rows = session.execute(
            select(BoardEntry, Patient, Visit.urgency, Visit.red_flag_codes, Visit.status)
            .join(Patient, Patient.id == BoardEntry.patient_id)
            .outerjoin(Visit, Visit.id == BoardEntry.visit_id)
            .where(BoardEntry.day == day)
        ).all()
        board = [_row(e, p, u, c, s) for e, p, u, c, s in rows]
    return sorted(board, key=_order)


def _order(row: BoardRow) -> tuple[Any, ...]:
    arrived = dict(row.timeline).get("checked_in")
    return (
        _URGENCY_RANK.get(row.urgency or "", 2),
        row.state in _DONE,
        row.booked_time or time(23, 59, 59),
        arrived or row.state_since,
        row.entry_id,
    )


def book_visit(
    db: Database,
    patient_id: int,
    day: date,
    *,
    actor: Actor,
    booked_time: time | None = None,
    from_visit_id: int | None = None,
) -> BoardRow:
    """Put a patient on ``day``'s board as expected; with ``from_visit_id`` (a draft), its
    ``follow_up.next_visit_date`` says the same day, so the summary prints it."""
    author = check_actor(actor)
    if not isinstance(day, date):
        raise InputError("must be a date", "day")
    with transaction(db) as session:
        require(session, actor, "board.book", patient_id=patient_id)
        if session.get(Patient, patient_id) is None:
            raise NotFoundError(f"there is no patient {patient_id}", "patient")
        if from_visit_id is not None:
            _set_next_visit_date(session, from_visit_id, patient_id, day, author)
        entry = book_in_session(session, patient_id, day, author, booked_time=booked_time)
        record(session, actor, "board.book", patient_id=patient_id, visit_id=from_visit_id,
               detail=f"entry {entry.id}: {day.isoformat()}")  # fmt: skip
        return _reload(session, entry.id)


def book_in_session(
    session: Session, patient_id: int, day: date, author: str, *, booked_time: time | None = None
) -> BoardEntry:
    """The patient's booking on ``day`` in ``session``: the one already there, or a new one."""
    existing = session.scalars(
        select(BoardEntry).where(
            BoardEntry.patient_id == patient_id,
            BoardEntry.day == day,
            BoardEntry.state == "expected",
        )
    ).first()
    if existing is not None:
        if booked_time is not None:
            existing.booked_time = booked_time
            _touch(existing, author)
        _notify(session, existing)
        return existing
    now = utc_now()
    entry = BoardEntry(
        patient_id=patient_id,
        day=day,
        booked_time=booked_time,
        state="expected",
        state_since=now,
        timeline={"expected": now.isoformat()},
        created_at=now,
        created_by=author,
        updated_at=now,
        updated_by=author,
    )
    session.add(entry)
    session.flush()
    _notify(session, entry)
    return entry


def check_in(
    db: Database,
    *,
    actor: Actor,
    entry_id: int | None = None,
    patient_id: int | None = None,
    day: date | None = None,
) -> BoardRow:
    """The patient has arrived: the booked ``entry_id``, or a walk-in ``patient_id``.

    Opens the visit's draft (the patient block as registered, the visit date the board's day),
    so the tablet and the intake steps have a visit to fill. A draft of that patient already
    open for that day (started with New intake, say) is taken instead of a second one; a
    walk-in whose draft of the day is on the board already gets that line back, unchanged.
    """
    from .visits import new_draft, raise_new_draft_alert

    author = check_actor(actor)
    with transaction(db) as session:
        if entry_id is not None:
            entry = session.get(BoardEntry, entry_id)
            if entry is None:
                raise NotFoundError(f"there is no board entry {entry_id}", "entry")
            if entry.visit_id is not None:
                raise InputError("is already checked in", "entry")
            patient_id = entry.patient_id
        elif patient_id is None:
            raise InputError("name the booking or the patient who arrived", "patient")
        require(session, actor, "board.check_in", patient_id=patient_id)
        require(session, actor, "visit.start", patient_id=patient_id)
        patient = session.get(Patient, patient_id)
        if patient is None:
            raise NotFoundError(f"there is no patient {patient_id}", "patient")
        the_day = entry.day if entry_id is not None else (day or date.today())
        visit = _open_draft(session, patient_id, the_day)
        holder = (
            None
            if visit is None
            else session.scalar(select(BoardEntry.id).where(BoardEntry.visit_id == visit.id))
        )
        if holder is not None:
            if entry_id is None:
                return _reload(session, holder)
            visit = None  # another booking's draft: this booking gets its own
        if entry_id is None:
            entry = book_in_session(session, patient_id, the_day, author)
        if visit is None:
            visit = new_draft(session, patient_id, _first_draft(patient, entry.day), author)
            record(session, actor, "visit.start", patient_id=patient_id, visit_id=visit.id)
            raise_new_draft_alert(session, actor, visit)
        entry.visit_id = visit.id
        _enter(entry, "checked_in", author)
        record(session, actor, "board.check_in", patient_id=patient_id, visit_id=visit.id,
               detail=f"entry {entry.id}")  # fmt: skip
        _notify(session, entry)
        session.flush()
        return _reload(session, entry.id)


def _open_draft(session: Session, patient_id: int, day: date) -> Visit | None:
    """The patient's newest open draft dated ``day`` that no board line holds yet, else one
    that a line holds (the caller hands that line back), else None."""
    held = select(BoardEntry.visit_id).where(BoardEntry.visit_id.is_not(None))
    stmt = select(Visit).where(
        Visit.patient_id == patient_id, Visit.visit_date == day, Visit.status == "draft"
    )
    newest = (Visit.updated_at.desc(), Visit.id.desc())
    free = session.scalars(stmt.where(Visit.id.not_in(held)).order_by(*newest)).first()
    return free or session.scalars(stmt.order_by(*newest)).first()


def move_visit(db: Database, visit_id: int, state: str, *, actor: Actor) -> BoardRow | None:
    """Move the visit's board entry forward to ``state`` (never back); None when the visit is
    not on a board. The tablet (``answering``, ``ready``), the desk (``ready``) and a clinician
    opening the visit (``with_clinician``) call this."""
    author = check_actor(actor)
    if state not in BOARD_STATES:
        raise InputError(f"must be one of {', '.join(BOARD_STATES)}", "state")
    with transaction(db) as session:
        authorize(session, actor, "board.update", visit_id=visit_id, detail=state)
        entry = advance(session, visit_id, state, author)
        return None if entry is None else _reload(session, entry.id)


def advance(session: Session, visit_id: int, state: str, author: str) -> BoardEntry | None:
    """In the caller's transaction: the visit's entry moves to ``state`` if that is further on.

    Signing (:mod:`.signing`) and printing (:mod:`.exports`) call this; a visit not on a
    board (imported, or from before the board) is left alone.
    """
    entry = session.scalars(select(BoardEntry).where(BoardEntry.visit_id == visit_id)).first()
    if entry is None:
        return None
    if BOARD_STATES.index(state) > BOARD_STATES.index(entry.state):
        _enter(entry, state, author)
        _notify(session, entry)
        session.flush()
    return entry


def book_follow_up(session: Session, visit: Visit, author: str) -> None:
    """At signing: a next visit date in the case puts the patient on that day's board."""
    data = visit.case_data or {}
    value = (data.get("follow_up") or {}).get("next_visit_date")
    try:
        day = date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        day = None
    if day is not None and day > visit.visit_date:
        book_in_session(session, visit.patient_id, day, author)


def board_row_for_visit(db: Database, visit_id: int, *, actor: Actor) -> BoardRow | None:
    """The board line of one visit (the tablet asks which state it is in), or None."""
    with reader(db) as session:
        authorize(session, actor, "board.view")
        entry_id = session.scalar(select(BoardEntry.id).where(BoardEntry.visit_id == visit_id))
        return None if entry_id is None else _reload(session, entry_id)


def _set_next_visit_date(
    session: Session, visit_id: int, patient_id: int, day: date, author: str
) -> None:
    visit = session.get(Visit, visit_id)
    if visit is None or visit.patient_id != patient_id:
        raise NotFoundError(f"there is no visit {visit_id} of this patient", "visit")
    if visit.status != "draft":
        raise VisitLockedError(
            f"visit {visit_id} is signed: its next visit date changes only by amendment; "
            "book the day without it"
        )
    if day <= visit.visit_date:
        raise InputError("must be after the visit's date", "follow_up.next_visit_date")
    data = dict(visit.draft_data or {})
    follow_up = dict(data.get("follow_up") or {})
    follow_up["next_visit_date"] = day.isoformat()
    data["follow_up"] = follow_up
    visit.draft_data = data
    visit.updated_at = utc_now()
    visit.updated_by = author
    session.flush()  # the version column moves: an open window saving next sees a conflict


def _first_draft(patient: Patient, day: date) -> dict[str, Any]:
    block: dict[str, Any] = {"date_of_birth": patient.date_of_birth.isoformat()}
    for key, value in (("id", patient.record_number), ("name", patient.name),
                       ("sex", patient.sex), ("language", patient.language)):  # fmt: skip
        if value:
            block[key] = value
    return {"format": CASE_FORMAT, "patient": block, "visit_date": day.isoformat()}


def _enter(entry: BoardEntry, state: str, author: str) -> None:
    now = utc_now()
    entry.state = state
    entry.state_since = now
    entry.timeline = {**(entry.timeline or {}), state: now.isoformat()}
    _touch(entry, author, now)


def _touch(entry: BoardEntry, author: str, now: datetime | None = None) -> None:
    entry.updated_at = now or utc_now()
    entry.updated_by = author


def _notify(session: Session, entry: BoardEntry) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.flush()
        session.execute(text("SELECT pg_notify(:channel, :payload)"),
                        {"channel": CHANNEL, "payload": str(entry.id)})  # fmt: skip


def _reload(session: Session, entry_id: int) -> BoardRow:
    e, p, u, c, s = session.execute(
        select(BoardEntry, Patient, Visit.urgency, Visit.red_flag_codes, Visit.status)
        .join(Patient, Patient.id == BoardEntry.patient_id)
        .outerjoin(Visit, Visit.id == BoardEntry.visit_id)
        .where(BoardEntry.id == entry_id)
    ).one()
    return _row(e, p, u, c, s)


def _row(e: BoardEntry, p: Patient, urgency: str | None, codes: str | None,
         status: str | None) -> BoardRow:  # fmt: skip
    stamps = e.timeline or {}
    timeline = tuple(
        (name, datetime.fromisoformat(stamps[name]))
        for name in BOARD_STATES
        if isinstance(stamps.get(name), str)
    )
    return BoardRow(
        entry_id=e.id,
        patient_id=p.id,
        patient_name=p.name,
        record_number=p.record_number,
        date_of_birth=p.date_of_birth,
        language=p.language,
        day=e.day,
        booked_time=e.booked_time,
        visit_id=e.visit_id,
        state=e.state,
        state_since=e.state_since,
        timeline=timeline,
        urgency=urgency,
        red_flags=split_codes(codes),
        visit_status=status,
    )


def listen_for_board(
    db: Database,
    on_notify: Callable[[str | None], None],
    stop: threading.Event,
    *,
    ready: threading.Event | None = None,
) -> None:
    """Block, calling ``on_notify`` at each board change anywhere, until ``stop`` is set
    (PostgreSQL only, in a worker thread; SQLite boards poll :func:`day_board`)."""
    from intake_desktop.storage.notify import listen

    if db.dialect != "postgresql":
        raise ValueError("notifications need PostgreSQL; on SQLite, poll day_board")
    listen(db.engine, CHANNEL, on_notify, stop, ready=ready)
