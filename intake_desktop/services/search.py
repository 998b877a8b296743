"""The front desk's patient search: one box for a name, a record number or a date of birth.

What may be typed:

* the start of any word of the name, without accents or case: ``garc`` finds "María García
  López", so do ``lopez`` and ``maria garcia l``;
* the start of a record number: ``MRN-0012`` (case and punctuation as for names);
* a date of birth as ``YYYY-MM-DD``, ``DD.MM.YYYY`` or ``MM/DD/YYYY``, alone or with a name
  (``garcia 1958-03-02``).

Each search is one range scan of an index (``term >= 'garc' AND term < 'gard'``), plus the date of
birth index when a date is typed, so it answers in milliseconds on a clinic of any size.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from sqlalchemy import Select, select, tuple_
from sqlalchemy.orm import Session

from intake_desktop.storage.database import Database
from intake_desktop.storage.models import Patient, PatientSearchTerm
from intake_desktop.storage.search_text import normalise_text, prefix_upper_bound

from ._common import patient_summary, reader
from .actor import Actor
from .permissions import authorize
from .records import PatientSummary

_DATE_PATTERNS = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "%Y-%m-%d"),
    (re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}$"), "%d.%m.%Y"),
    (re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$"), "%m/%d/%Y"),
)
MAX_LIMIT = 500


def search_patients(
    db: Database, text: str, limit: int = 50, *, actor: Actor
) -> list[PatientSummary]:
    """Patients matching ``text`` (see the module docstring), best first, at most ``limit``.

    Name and record-number matches come in the order of the matched words; a date alone lists
    that day's births by name.
    """
    with reader(db) as session:
        authorize(session, actor, "patient.search")  # audited only when refused
    limit = max(0, min(limit, MAX_LIMIT))
    birth, rest = split_date(text if isinstance(text, str) else "")
    prefix = normalise_text(rest)
    if limit == 0 or (birth is None and not prefix):
        return []
    with reader(db) as session:
        if not prefix:
            stmt = (
                select(Patient)
                .where(Patient.date_of_birth == birth)
                .order_by(Patient.search_name, Patient.id)
                .limit(limit)
            )
            return [patient_summary(p) for p in session.scalars(stmt)]
        ids = _ids_by_prefix(session, prefix, birth, limit)
        if not ids:
            return []
        found = {p.id: p for p in session.scalars(select(Patient).where(Patient.id.in_(ids)))}
        return [patient_summary(found[i]) for i in ids if i in found]


def split_date(text: str) -> tuple[date | None, str]:
    """The first word of ``text`` that is a date of birth, and the rest of the text."""
    words = text.split()
    for i, word in enumerate(words):
        parsed = parse_date(word)
        if parsed is not None:
            return parsed, " ".join(words[:i] + words[i + 1 :])
    return None, text


def parse_date(word: str) -> date | None:
    """A date typed in one of the accepted forms, or None."""
    for pattern, fmt in _DATE_PATTERNS:
        if pattern.match(word):
            try:
                return datetime.strptime(word, fmt).date()
            except ValueError:
                return None
    return None


def prefix_query(prefix: str, birth: date | None = None) -> Select[tuple[str, int]]:
    """(term, patient id) rows whose term starts with ``prefix``: one index range scan."""
    term = PatientSearchTerm.term
    pid = PatientSearchTerm.patient_id
    stmt = select(term, pid).where(term >= prefix, term < prefix_upper_bound(prefix))
    if birth is not None:
        stmt = stmt.join(Patient, Patient.id == pid).where(Patient.date_of_birth == birth)
    return stmt


def _ids_by_prefix(session: Session, prefix: str, birth: date | None, limit: int) -> list[int]:
    """Distinct patient ids whose terms start with ``prefix``, in term order.

    A patient can match through several terms ("maria maria"), so rows are read in index
    order a batch at a time and de-duplicated until ``limit`` patients are found.
    """
    term = PatientSearchTerm.term
    pid = PatientSearchTerm.patient_id
    base = prefix_query(prefix, birth)
    batch = limit * 2 + 8
    seen: dict[int, None] = {}
    after: tuple[str, int] | None = None
    while len(seen) < limit:
        stmt = base
        if after is not None:
            stmt = stmt.where(tuple_(term, pid) > tuple_(*after))
        rows = session.execute(stmt.order_by(term, pid).limit(batch)).all()
        for row in rows:
            seen.setdefault(row[1], None)
            if len(seen) == limit:
                break
        if len(rows) < batch:
            break
        after = (rows[-1][0], rows[-1][1])
    return list(seen)
