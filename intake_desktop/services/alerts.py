"""Red-flag alerts between workstations: raised by the save that records a red flag, shown in
every signed-in clinician's window until one of them acknowledges it.

A save of a draft (or an import, a signature, an amendment) that records a red flag the visit
did not have before adds a :class:`RedFlagAlert` row and an ``alert.raise`` audit entry in the
save's own transaction. On PostgreSQL the same transaction sends ``NOTIFY`` on
:data:`CHANNEL` with the alert's id, which the server delivers to every listening workstation
at the commit (see :mod:`intake_desktop.storage.notify`); on SQLite the windows ask
:func:`pending_alerts` every couple of seconds. Acknowledging is a clinician's operation, with
its audit entry, and notifies the others so their windows drop the alert too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from intake_desktop.storage.audit import NewEntry, append_entry
from intake_desktop.storage.database import Database
from intake_desktop.storage.models import Patient, RedFlagAlert, utc_now
from intake_desktop.storage.urgency import flag_urgency, join_codes, split_codes

from ._common import check_actor, reader, transaction
from .actor import Actor
from .errors import NotFoundError
from .permissions import authorize

#: The PostgreSQL notification channel (payload: the alert's id, never patient data).
CHANNEL = "intake_red_flag"
RAISE_ACTION = "alert.raise"


@dataclass(frozen=True, slots=True)
class AlertRecord:
    """One alert as a clinician's window shows it."""

    id: int
    visit_id: int
    patient_id: int
    patient_name: str | None
    record_number: str | None
    date_of_birth: date
    level: str
    red_flags: tuple[str, ...]
    raised_at: datetime
    raised_by: str
    workstation: str
    acknowledged_at: datetime | None
    acknowledged_by: str | None


def raise_if_new(
    session: Session,
    actor: Actor,
    *,
    visit_id: int,
    patient_id: int,
    before: tuple[str, ...],
    now: tuple[str, ...],
) -> int | None:
    """Add an alert when ``now`` holds a red flag that ``before`` did not; its id, or None.

    In the caller's transaction: the alert exists exactly when the save that recorded the flag
    does. The alert lists every flag present, its level the one they demand together.
    """
    if not set(now) - set(before):
        return None
    level = flag_urgency(now)
    assert level is not None
    alert = RedFlagAlert(
        visit_id=visit_id,
        patient_id=patient_id,
        level=level,
        red_flag_codes=join_codes(now) or "",
        raised_at=utc_now(),
        raised_by=actor.username,
        workstation=actor.workstation,
    )
    session.add(alert)
    session.flush()
    append_entry(
        session,
        NewEntry(
            username=actor.username,
            workstation=actor.workstation,
            user_id=actor.user_id,
            action=RAISE_ACTION,
            outcome="allowed",
            patient_id=patient_id,
            visit_id=visit_id,
            detail=f"alert {alert.id}: {level}",
        ),
    )
    notify(session, alert.id)
    return alert.id


def notify(session: Session, alert_id: int) -> None:
    """Tell the other workstations at commit (PostgreSQL; SQLite windows poll instead)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_notify(:channel, :payload)"),
                        {"channel": CHANNEL, "payload": str(alert_id)})  # fmt: skip


def pending_alerts(db: Database, *, actor: Actor) -> list[AlertRecord]:
    """Alerts no clinician has acknowledged yet, newest first (clinicians; a list, unaudited)."""
    with reader(db) as session:
        authorize(session, actor, "alert.list")  # audited only when refused
        rows = session.execute(
            _with_patient().where(RedFlagAlert.acknowledged_at.is_(None))
            .order_by(RedFlagAlert.id.desc())
        ).all()  # fmt: skip
        return [_record(a, p) for a, p in rows]


def acknowledge_alert(db: Database, alert_id: int, *, actor: Actor) -> AlertRecord:
    """A clinician takes charge of an alert: recorded, audited, and gone from every window.

    Acknowledging an alert someone else acknowledged meanwhile changes nothing and returns it
    as they left it (who and when), so the window can say so.
    """
    author = check_actor(actor)
    with transaction(db) as session:
        found = session.execute(
            select(RedFlagAlert.visit_id, RedFlagAlert.patient_id).where(
                RedFlagAlert.id == alert_id
            )
        ).first()
        if found is None:
            raise NotFoundError(f"there is no alert {alert_id}", "alert")
        authorize(session, actor, "alert.acknowledge", visit_id=found.visit_id,
                  patient_id=found.patient_id, detail=f"alert {alert_id}")  # fmt: skip
        session.execute(
            update(RedFlagAlert)
            .where(RedFlagAlert.id == alert_id, RedFlagAlert.acknowledged_at.is_(None))
            .values(acknowledged_at=utc_now(), acknowledged_by=author)
            .execution_options(synchronize_session=False)
        )
        notify(session, alert_id)
        alert, patient = session.execute(
            _with_patient().where(RedFlagAlert.id == alert_id)
            .execution_options(populate_existing=True)
        ).one()  # fmt: skip
        return _record(alert, patient)


def _with_patient():
    return select(RedFlagAlert, Patient).join(Patient, Patient.id == RedFlagAlert.patient_id)


def _record(a: RedFlagAlert, p: Patient) -> AlertRecord:
    return AlertRecord(
        id=a.id,
        visit_id=a.visit_id,
        patient_id=a.patient_id,
        patient_name=p.name,
        record_number=p.record_number,
        date_of_birth=p.date_of_birth,
        level=a.level,
        red_flags=split_codes(a.red_flag_codes),
        raised_at=a.raised_at,
        raised_by=a.raised_by,
        workstation=a.workstation,
        acknowledged_at=a.acknowledged_at,
        acknowledged_by=a.acknowledged_by,
    )


def listen_for_alerts(
    db: Database,
    on_notify: Callable[[str | None], None],
    stop: threading.Event,
    *,
    ready: threading.Event | None = None,
) -> None:
    """Block, calling ``on_notify`` whenever an alert is raised or acknowledged anywhere, until
    ``stop`` is set (PostgreSQL only: run it in a worker thread; SQLite windows poll instead).

    The payload is an alert id; ``None`` after a lost connection was made again (ask
    :func:`pending_alerts` for anything missed).
    """
    from intake_desktop.storage.notify import listen

    if db.dialect != "postgresql":
        raise ValueError("notifications need PostgreSQL; on SQLite, poll pending_alerts")
    listen(db.engine, CHANNEL, on_notify, stop, ready=ready)
