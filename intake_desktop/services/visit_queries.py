"""Reading visits: one visit, its signed versions, today's list, a patient's history, open drafts.

"Reopen the draft?" after a crash is :func:`list_drafts` (the user's open drafts, newest first)
followed by :func:`get_visit`, whose ``draft_data`` is the form as last saved. Open work is a
draft *or* an amendment opened on a signed visit and not yet signed (its status stays
``signed``/``amended`` while its edits wait in ``draft_data``): both are listed, so neither is
lost; ``VisitSummary.amending`` tells them apart.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, defer

from intake_desktop.storage.database import Database
from intake_desktop.storage.models import Patient, Visit, VisitVersion

from ._common import reader, transaction, version_record, visit_record, visit_summary
from .actor import Actor
from .errors import NotFoundError
from .permissions import authorize
from .records import SIGNED_STATUSES, VisitRecord, VisitSummary, VisitVersionRecord

if TYPE_CHECKING:
    from intake_desktop.domain.followup import VisitSnapshot
# The lists a window fills at sign-in need neither the domain's case nor the saving of visits:
# those are imported where a visit or a patient's history is read (they take as long to load
# as the window takes to appear).


def get_visit(db: Database, visit_id: int, *, actor: Actor) -> VisitRecord:
    """One visit as stored, or :class:`NotFoundError`; a view, so it is audited."""
    from .visits import get_visit_row

    with transaction(db) as session:
        authorize(session, actor, "visit.view", visit_id=visit_id)
        return visit_record(get_visit_row(session, visit_id))


def visit_versions(db: Database, visit_id: int, *, actor: Actor) -> list[VisitVersionRecord]:
    """Every signed version of a visit, oldest first; the last one is the current.

    Empty for a draft. Earlier versions come verbatim from the append-only history. A view of
    the visit, audited.
    """
    with transaction(db) as session:
        authorize(session, actor, "visit.view", visit_id=visit_id)
        return versions_in(session, visit_id)


def versions_in(session: Session, visit_id: int) -> list[VisitVersionRecord]:
    """:func:`visit_versions` inside an operation's session (no check, no audit entry)."""
    from .visits import get_visit_row

    visit = get_visit_row(session, visit_id)
    earlier = session.scalars(
        select(VisitVersion)
        .where(VisitVersion.visit_id == visit_id)
        .order_by(VisitVersion.revision)
    )
    versions = [version_record(v) for v in earlier]
    if visit.status in SIGNED_STATUSES:
        assert visit.case_data is not None and visit.plan is not None
        versions.append(
            VisitVersionRecord(
                visit_id=visit.id,
                revision=visit.revision,
                visit_date=visit.visit_date,
                case_data=visit.case_data,
                plan=visit.plan,
                rules_version=visit.rules_version or "",
                computed_level=visit.computed_level or "",
                final_level=visit.final_level or "",
                override_reason=visit.override_reason,
                chosen_procedure=visit.chosen_procedure,
                signed_at=visit.signed_at,  # type: ignore[arg-type]
                signed_by=visit.signed_by or "",
                amendment_reason=visit.amendment_reason,
                superseded_at=None,
                superseded_by=None,
                signature_hash=visit.signature_hash,
                signed_identity=visit.signed_identity,
            )
        )
    return versions


def get_visit_version(
    db: Database, visit_id: int, revision: int, *, actor: Actor
) -> VisitVersionRecord:
    """One signed version of a visit (0 is the original signature)."""
    for version in visit_versions(db, visit_id, actor=actor):
        if version.revision == revision:
            return version
    raise NotFoundError(f"visit {visit_id} has no signed version {revision}", "revision")


def todays_visits(db: Database, day: date | None = None, *, actor: Actor) -> list[VisitSummary]:
    """The visits of one day (today by default), in the order they were opened."""
    _may_list(db, actor)
    stmt = _summaries().where(
        Visit.visit_date == (day or date.today()), Visit.status != "discarded"
    )
    return _run(db, stmt.order_by(Visit.created_at, Visit.id))


def patient_visits(db: Database, patient_id: int, *, actor: Actor) -> list[VisitSummary]:
    """A patient's visits, newest first (discarded drafts left out); a view of the patient."""
    stmt = _summaries().where(Visit.patient_id == patient_id, Visit.status != "discarded")
    stmt = stmt.order_by(Visit.visit_date.desc(), Visit.id.desc())
    with transaction(db) as session:
        authorize(session, actor, "patient.view", patient_id=patient_id, detail="visits")
        return [visit_summary(v, p) for v, p in session.execute(stmt)]


def patient_history(db: Database, patient_id: int, *, actor: Actor) -> tuple[VisitSnapshot, ...]:
    """The patient's signed visits as snapshots for trends and alerts, oldest first.

    One audited view of the patient and one query, however many visits there are.
    """
    with transaction(db) as session:
        authorize(session, actor, "patient.view", patient_id=patient_id, detail="history")
        return signed_history(session, patient_id)


def signed_history(
    session: Session, patient_id: int, *, exclude: int | None = None
) -> tuple[VisitSnapshot, ...]:
    """Signed and amended visits of a patient (all but ``exclude``), oldest first."""
    from intake_desktop.domain.followup import VisitSnapshot
    from intake_desktop.domain.validation import CaseValidationError, parse_case

    stmt = select(Visit).where(Visit.patient_id == patient_id, Visit.status.in_(SIGNED_STATUSES))
    if exclude is not None:
        stmt = stmt.where(Visit.id != exclude)
    out = []
    for row in session.scalars(stmt.order_by(Visit.visit_date, Visit.id)):
        try:
            case = parse_case(row.case_data, today=row.visit_date)
        except CaseValidationError:
            continue  # stored before a stricter rule: it still prints on its own visit
        out.append(VisitSnapshot(case, row.computed_level, row.final_level))
    return tuple(out)


def list_drafts(
    db: Database,
    *,
    actor: Actor,
    author: str | None = None,
    patient_id: int | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[VisitSummary]:
    """Open drafts and open amendments, most recently saved first, one page of ``limit`` from
    ``offset``; ``author`` narrows to one user's own, ``patient_id`` to one patient's.
    :func:`count_drafts` says how many there are.

    Two statements, merged here: drafts read in the order of ``ix_visits_status_updated_at``
    (the newest page, at once), the few open amendments through their partial index. One
    statement with "draft OR open amendment" made SQLite sort every draft before the first page
    (57 ms of the start's 61 at 7,389 drafts, against 1 ms this way).
    """
    _may_list(db, actor)
    page, skip = max(0, limit), max(0, offset)
    with reader(db) as session:
        found = [
            visit_summary(v, p)
            for stmt in open_work_statements(author, patient_id, skip + page)
            for v, p in session.execute(stmt)
        ]
    found.sort(key=lambda v: (v.updated_at, v.id), reverse=True)
    return found[skip : skip + page]


def count_drafts(
    db: Database, *, actor: Actor, author: str | None = None, patient_id: int | None = None
) -> int:
    """How many open drafts and amendments :func:`list_drafts` pages through."""
    _may_list(db, actor)
    counts = [
        select(func.count()).select_from(Visit).where(*kind, *_narrowing(author, patient_id))
        for kind in _OPEN_WORK
    ]
    with reader(db) as session:
        return sum(int(session.scalar(stmt) or 0) for stmt in counts)


def open_work_statements(
    author: str | None, patient_id: int | None, limit: int
) -> list[Select[tuple[Visit, Patient]]]:
    """The newest ``limit`` drafts, and the newest ``limit`` open amendments (see
    :func:`list_drafts`, which merges them)."""
    newest = (Visit.updated_at.desc(), Visit.id.desc())
    narrowing = _narrowing(author, patient_id)
    return [
        _summaries().where(*kind, *narrowing).order_by(*newest).limit(limit) for kind in _OPEN_WORK
    ]


# Open work: drafts, and amendments in progress, which are as unfinished as a draft (leaving
# them out of the list is how one went missing after a crash: its edits stored, nowhere to
# resume, sign or abandon them). "Signed or amended" is written "neither draft nor discarded"
# (the only other statuses): then the planner finds these few through the partial index
# ix_visits_pending_amendment, never through the status index, which would read every signed
# visit (SQLite, no ANALYZE).
_OPEN_WORK = (
    (Visit.status == "draft",),
    (Visit.status.not_in(("draft", "discarded")), Visit.pending_amendment_reason.is_not(None)),
)


def _narrowing(author: str | None, patient_id: int | None) -> list[Any]:
    conditions: list[Any] = []
    if author is not None:
        conditions.append(Visit.updated_by == author)
    if patient_id is not None:
        conditions.append(Visit.patient_id == patient_id)
    return conditions


def _may_list(db: Database, actor: Actor) -> None:
    with reader(db) as session:
        authorize(session, actor, "visit.list")  # audited only when refused


def _summaries() -> Select[tuple[Visit, Patient]]:
    # Only the columns a list shows: the JSON documents stay on disk.
    return (
        select(Visit, Patient)
        .join(Patient, Patient.id == Visit.patient_id)
        .options(
            defer(Visit.draft_data, raiseload=True),
            defer(Visit.case_data, raiseload=True),
            defer(Visit.plan, raiseload=True),
        )
    )


def _run(db: Database, stmt: Select[tuple[Visit, Patient]]) -> list[VisitSummary]:
    with reader(db) as session:
        return [visit_summary(v, p) for v, p in session.execute(stmt)]
