"""The front desk's patient search: one box for a name, a record number or a date of birth.

What may be typed:

* the start of any word of the name, without accents or case: ``garc`` finds "María García
  López", so do ``lopez`` and ``maria garcia l``;
* several words in any order, each the start of a word of the name: ``gonz bre`` and
  ``gonzalez, brenda`` find "Brenda González";
* a record number by any part of it: ``MRN-0012``, ``0012`` or ``2108`` for "DEMO-0021084"
  (case and punctuation as for names);
* a year of birth (``1958``), alone or with a name;
* a date of birth as ``YYYY-MM-DD``, ``DD.MM.YYYY`` or ``MM/DD/YYYY``, alone or with a name
  (``garcia 1958-03-02``).

Each search is one statement on one pooled connection (two for a year alone, and one more
before a search of several words, counting each word's terms up to a thousand to choose the
rarest; on PostgreSQL in autocommit, see ``_common.read_connection``): a range scan of the
search-term index for that word (``term >= 'garc' AND term < 'gard'``) joined to the patients
it names, each other word checked against the patient's own few terms, or the date of birth
index when only a date is typed. Each result carries the urgency of the patient's latest visit
(one lookup in the visits' patient-and-date index), so the list can mark an emergency. The
search box asks at every keystroke, so the path is kept lean: only the columns of a result line
are read, no ORM session or entity is made, and the statements, built and compiled once, are
run by the driver itself (see :mod:`.fast_select`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    Select,
    bindparam,
    case,
    func,
    or_,
    select,
    tuple_,
)
from sqlalchemy.orm import aliased

from intake_desktop.storage.database import Database
from intake_desktop.storage.models import Patient, PatientSearchTerm, Visit
from intake_desktop.storage.search_text import normalise_text, prefix_upper_bound

from ._common import read_connection, transaction
from .actor import Actor
from .fast_select import PrecompiledSelect
from .permissions import UNAUDITED_WHEN_ALLOWED, allowed, authorize
from .records import PatientSummary

MAX_LIMIT = 500
_OPERATION = "patient.search"

# YYYY-MM-DD | DD.MM.YYYY | a date with slashes: one pattern, so a name is rejected by one failed
# match (strptime, tried form by form, was most of the time of a search by date of birth). With
# slashes the United States write the month first and most of the world the day: see
# date_readings.
_DATE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{1,2})/(\d{1,2})/(\d{4})"
)


def _latest_urgency() -> Any:
    """The urgency of the patient's latest visit, for the red mark on the result: of the
    visits on the latest date, the most urgent (an emergency is not hidden by a later visit
    of the same day)."""
    v = aliased(Visit)
    rank = case((v.urgency == "emergency", 0), (v.urgency == "urgent", 1), else_=2)
    return (
        select(v.urgency)
        .where(v.patient_id == Patient.id, v.status != "discarded")
        .order_by(v.visit_date.desc(), rank, v.id.desc())
        .limit(1)
        .scalar_subquery()
    )


#: What a result line shows, in :class:`PatientSummary`'s field order.
_SUMMARY_COLUMNS = (
    Patient.id,
    Patient.record_number,
    Patient.name,
    Patient.date_of_birth,
    Patient.sex,
    _latest_urgency().label("urgency"),
)


def search_patients(
    db: Database, text: str, limit: int = 50, *, actor: Actor
) -> list[PatientSummary]:
    """Patients matching ``text`` (see the module docstring), best first, at most ``limit``.

    Name and record-number matches come in the order of the matched words; a date alone lists
    that day's births by name; a year alone, the record numbers holding it, then that year's
    births by date.
    """
    _authorize(db, actor)
    limit = max(0, min(limit, MAX_LIMIT))
    births, rest = split_date(text if isinstance(text, str) else "")
    words = normalise_text(rest).split()
    year = None
    if not births:
        year, words = split_year(words)
    if limit == 0 or (not births and year is None and not words):
        return []
    with read_connection(db) as conn:
        if len(births) > 1:  # 05/03/1980: the patients of either day, the first reading's first
            both: dict[int, PatientSummary] = {}
            for day in births:
                for p in _by_birth_and_words(conn, words, day, limit):
                    both.setdefault(p.id, p)
            return list(both.values())[:limit]
        birth = births[0] if births else None
        if words:
            return _by_words(conn, words, birth, year, limit)
        if birth is not None:
            return _summaries(conn, _BY_BIRTH, _BY_BIRTH.rows(conn, birth=birth, limit=limit))
        # A year alone: a record number holding it first, then the births of that year.
        found = {p.id: p for p in _by_words(conn, [str(year)], None, None, limit)}
        if len(found) < limit:
            rows = _BY_YEAR.rows(conn, **_year_params(year), limit=limit)
            for p in _summaries(conn, _BY_YEAR, rows):
                found.setdefault(p.id, p)
        return list(found.values())[:limit]


def _by_birth_and_words(
    conn: Connection, words: list[str], birth: date, limit: int
) -> list[PatientSummary]:
    if words:
        return _by_words(conn, words, birth, None, limit)
    return _summaries(conn, _BY_BIRTH, _BY_BIRTH.rows(conn, birth=birth, limit=limit))


def _authorize(db: Database, actor: Actor) -> None:
    """The permission check, without opening anything when the search is allowed.

    An allowed search leaves no audit entry, so there is nothing to write and no reason to
    open a session at every keystroke; a refusal (or a search that someone made audited) goes
    through :func:`authorize` in a transaction, which records it.
    """
    unaudited = _OPERATION in UNAUDITED_WHEN_ALLOWED
    if unaudited and isinstance(actor, Actor) and allowed(actor, _OPERATION):
        return
    with transaction(db) as session:
        authorize(session, actor, _OPERATION)


def split_date(text: str) -> tuple[tuple[date, ...], str]:
    """The readings of the first word of ``text`` that is a date of birth (two for 05/03/1980,
    see :func:`date_readings`), and the rest of the text."""
    words = text.split()
    for i, word in enumerate(words):
        readings = date_readings(word)
        if readings:
            return readings, " ".join(words[:i] + words[i + 1 :])
    return (), text


def date_readings(word: str) -> tuple[date, ...]:
    """Every date ``word`` can be, in the accepted forms: none for a name or 31.02.1990; one for
    YYYY-MM-DD, DD.MM.YYYY and a slashed date only one order makes valid (14/03/1963 is 14
    March, 03/14/1963 too); two for 05/03/1980, 5 March (day first, most of the world) or 3 May
    (month first, the United States)."""
    m = _DATE.fullmatch(word)
    if m is None:
        return ()
    g = m.groups()
    if g[0] is not None:
        orders = [(g[0], g[1], g[2])]
    elif g[3] is not None:
        orders = [(g[5], g[4], g[3])]
    else:
        orders = [(g[8], g[6], g[7]), (g[8], g[7], g[6])]  # month first, then day first
    found: list[date] = []
    for year, month, day in orders:
        try:
            moment = date(int(year), int(month), int(day))
        except ValueError:
            continue
        if moment not in found:
            found.append(moment)
    return tuple(found)


def parse_date(word: str) -> date | None:
    """The date ``word`` is, when it can be only one (see :func:`date_readings`), else None:
    a date of birth is never guessed."""
    readings = date_readings(word)
    return readings[0] if len(readings) == 1 else None


def split_year(words: list[str]) -> tuple[int | None, list[str]]:
    """The first word that is a plausible year of birth (1900 to this year), and the others."""
    this_year = date.today().year
    for i, word in enumerate(words):
        if len(word) == 4 and word.isdigit() and 1900 <= int(word) <= this_year:
            return int(word), words[:i] + words[i + 1 :]
    return None, words


def _year_params(year: int | None) -> dict[str, Any]:
    assert year is not None
    return {"y0": date(year, 1, 1), "y1": date(year + 1, 1, 1)}


def _has_term(low: str, high: str) -> Any:
    """EXISTS a search term of the patient in ``[:low, :high)`` (the patient-id index)."""
    t = aliased(PatientSearchTerm)
    return (
        select(t.patient_id)
        .where(
            t.patient_id == PatientSearchTerm.patient_id,
            t.term >= bindparam(low),
            t.term < bindparam(high),
        )
        .exists()
    )


def prefix_query(
    *, birth: bool = False, after: bool = False, extra: int = 0, year: bool = False
) -> Select:
    """(term, the patient's summary columns) for terms in ``[:low, :high)``, in term order.

    One range scan of the search-term index joined to the patients by primary key; the index
    order is the result order, so no sort. Parameters: ``low``, ``high`` and ``batch`` (the
    LIMIT); with ``birth``, ``birth`` (a date); with ``year``, ``y0``/``y1`` (born in that
    year) or a term in ``[:ylow, :yhigh)`` (a record number holding it); for each of ``extra``
    more typed words, a term of the same patient in ``[:low_N, :high_N)``; with ``after``,
    ``after_term`` and ``after_id``, to read on after the last row of the previous batch.
    """
    term, patient_id = PatientSearchTerm.term, PatientSearchTerm.patient_id
    stmt = (
        select(term, *_SUMMARY_COLUMNS)
        .join_from(PatientSearchTerm, Patient, Patient.id == patient_id)
        .where(term >= bindparam("low"), term < bindparam("high"))
    )
    if birth:
        stmt = stmt.where(Patient.date_of_birth == bindparam("birth"))
    if year:
        born_then = (Patient.date_of_birth >= bindparam("y0")) & (
            Patient.date_of_birth < bindparam("y1")
        )
        stmt = stmt.where(or_(born_then, _has_term("ylow", "yhigh")))
    for n in range(extra):
        stmt = stmt.where(_has_term(f"low_{n}", f"high_{n}"))
    if after:
        after_term = bindparam("after_term", type_=term.type)
        after_id = bindparam("after_id", type_=Integer)
        stmt = stmt.where(tuple_(term, patient_id) > tuple_(after_term, after_id))
    return stmt.order_by(term, patient_id).limit(bindparam("batch", type_=Integer))


def birth_query(*, year: bool = False) -> Select:
    """The patients born on ``:birth``, by name, at most ``:limit``: the date of birth index.

    With ``year``, those born from ``:y0`` to before ``:y1``, by date of birth: the index
    order, so the scan stops at ``:limit`` rows instead of sorting a year's births by name.
    """
    born = Patient.date_of_birth
    if year:
        stmt = select(*_SUMMARY_COLUMNS).where(born >= bindparam("y0"), born < bindparam("y1"))
        stmt = stmt.order_by(born, Patient.id)
    else:
        stmt = select(*_SUMMARY_COLUMNS).where(born == bindparam("birth"))
        stmt = stmt.order_by(Patient.search_name, Patient.id)
    return stmt.limit(bindparam("limit", type_=Integer))


# Built once: a statement made per call costs more in Python than SQLite takes to run it.
_BY_BIRTH = PrecompiledSelect(birth_query())
_BY_YEAR = PrecompiledSelect(birth_query(year=True))
_BY_PREFIX: dict[tuple[bool, bool, int, bool], PrecompiledSelect] = {}


def _prefix_select(birth: bool, year: bool, extra: int, after: bool) -> PrecompiledSelect:
    key = (birth, year, extra, after)
    found = _BY_PREFIX.get(key)
    if found is None:
        stmt = prefix_query(birth=birth, after=after, extra=extra, year=year)
        found = _BY_PREFIX[key] = PrecompiledSelect(stmt)
    return found


def _summaries(
    conn: Connection, stmt: PrecompiledSelect, rows: list[tuple[Any, ...]]
) -> list[PatientSummary]:
    born = stmt.converters(conn)[3]
    return [PatientSummary(i, no, name, born(b), sex, u) for i, no, name, b, sex, u in rows]


#: Terms counted per typed word, at most, to choose the word that drives the search.
DRIVER_PROBE = 1000
_COUNTS: dict[int, PrecompiledSelect] = {}


def _count_terms(words: int) -> PrecompiledSelect:
    """One statement: for each of ``words`` typed words (``low_N``/``high_N``), how many terms
    start with it, counted up to ``cap`` (an index-only range scan that stops there)."""
    known = _COUNTS.get(words)
    if known is None:
        counts = []
        for n in range(words):
            t = aliased(PatientSearchTerm)
            first = (
                select(t.patient_id)
                .where(t.term >= bindparam(f"low_{n}"), t.term < bindparam(f"high_{n}"))
                .limit(bindparam("cap", type_=Integer))
                .subquery()
            )
            counts.append(select(func.count()).select_from(first).scalar_subquery())
        known = _COUNTS[words] = PrecompiledSelect(select(*counts))
    return known


def _driver(conn: Connection, words: list[str]) -> str:
    """The typed word whose prefix starts the fewest terms (counted up to DRIVER_PROBE each;
    ties: the longest). The search reads the driver's terms until it has found enough
    patients who also have every other word, so with two words of half a million patients a
    common first name driving ("andrew", thousands of terms) would read every one of them to
    find the few who are also "foley", when "foley" itself has a few dozen. Counting, in one
    statement, at most a thousand index entries per word costs far less than that."""
    if len(words) == 1:
        return words[0]
    params: dict[str, Any] = {"cap": DRIVER_PROBE}
    for n, w in enumerate(words):
        params[f"low_{n}"], params[f"high_{n}"] = w, prefix_upper_bound(w)
    counts = _count_terms(len(words)).rows(conn, **params)[0]
    order = sorted(range(len(words)), key=lambda n: (counts[n], -len(words[n]), n))
    return words[order[0]]


def _by_words(
    conn: Connection, words: list[str], birth: date | None, year: int | None, limit: int
) -> list[PatientSummary]:
    """The first ``limit`` distinct patients with a term starting with each typed word.

    The word with the fewest terms drives a range scan of the term index, in term order (see
    :func:`_driver`); each other word must start a term of the same patient (any order: "gonz
    bre", "surname, given"). A
    patient can match through several terms ("maria maria"), so rows are read a batch at a
    time and de-duplicated until ``limit`` patients are found; almost always the first batch
    is the last.
    """
    driver = _driver(conn, words)
    others = list(words)
    others.remove(driver)
    batch = limit + 8
    params: dict[str, Any] = {"low": driver, "high": prefix_upper_bound(driver), "batch": batch}
    for n, word in enumerate(others):
        params[f"low_{n}"], params[f"high_{n}"] = word, prefix_upper_bound(word)
    if birth is not None:
        params["birth"] = birth
    if year is not None:
        params.update(_year_params(year), ylow=str(year), yhigh=prefix_upper_bound(str(year)))
    found: dict[int, PatientSummary] = {}
    after = False
    while True:
        stmt = _prefix_select(birth is not None, year is not None, len(others), after)
        rows = stmt.rows(conn, **params)
        born = stmt.converters(conn)[4]
        for _term, i, number, name, b, sex, urgency in rows:
            if i not in found:
                found[i] = PatientSummary(i, number, name, born(b), sex, urgency)
                if len(found) == limit:
                    return list(found.values())
        if len(rows) < batch:
            return list(found.values())
        after = True
        params["after_term"], params["after_id"] = rows[-1][0], rows[-1][1]
