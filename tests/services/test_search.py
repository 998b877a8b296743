"""The front desk's search: any word of the name, no accents or case, record number, birth date."""

from __future__ import annotations

from datetime import date

import pytest

from intake_desktop.services import PatientDetails, register_patient, search_patients
from intake_desktop.services.search import date_readings, parse_date, split_date
from intake_desktop.storage.search_text import normalise_text, prefix_upper_bound, search_terms
from tests.actors import READER, as_user

PEOPLE = [
    ("María García López", date(1958, 3, 2), "MRN-0001"),
    ("Jean-Luc O'Brien", date(1961, 7, 14), "MRN-0002"),
    ("Jürgen Müller", date(1958, 3, 2), "A-77"),
    ("Garcia Marquez", date(1947, 3, 6), None),
    ("Søren Ærø", date(1990, 12, 31), "MRN-0100"),
]


@pytest.fixture
def clinic(database) -> dict[str, int]:
    ids = {}
    for name, dob, number in PEOPLE:
        record = register_patient(
            database,
            PatientDetails(name=name, date_of_birth=dob, record_number=number),
            actor=as_user("desk"),
        )
        ids[name] = record.id
    return ids


def names(results) -> list[str]:
    return [r.name for r in results]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("gar", ["María García López", "Garcia Marquez"]),
        ("GARCÍA", ["María García López", "Garcia Marquez"]),
        ("lopez", ["María García López"]),
        ("maria garcia l", ["María García López"]),
        ("mull", ["Jürgen Müller"]),
        ("obrien", ["Jean-Luc O'Brien"]),
        ("jean-l", ["Jean-Luc O'Brien"]),
        ("luc", ["Jean-Luc O'Brien"]),
        ("soren aer", ["Søren Ærø"]),
        ("mrn-000", ["María García López", "Jean-Luc O'Brien"]),
        ("mrn 01", ["María García López", "Søren Ærø"]),  # "01" is a part of "0001" too
        ("a-77", ["Jürgen Müller"]),
        ("1958-03-02", ["Jürgen Müller", "María García López"]),
        ("02.03.1958", ["Jürgen Müller", "María García López"]),
        ("03/02/1958", ["Jürgen Müller", "María García López"]),
        ("garcia 1958-03-02", ["María García López"]),
        ("zzz", []),
        ("", []),
        ("   ", []),
        ("%", []),
        ("_", []),
    ],
)
def test_search(database, clinic, typed, expected) -> None:
    assert names(search_patients(database, typed, actor=READER)) == expected


def test_limit_counts_patients_not_terms(database) -> None:
    for i in range(12):
        register_patient(
            database,
            PatientDetails(name=f"Anna Anna Annabel {i}", date_of_birth=date(1970, 1, 1)),
            actor=as_user("desk"),
        )
    found = search_patients(database, "ann", limit=5, actor=READER)
    assert len(found) == 5
    assert len({p.id for p in found}) == 5
    assert len(search_patients(database, "ann", limit=50, actor=READER)) == 12


def test_normalisation() -> None:
    assert normalise_text("  María-José  O’Neil ") == "maria jose oneil"
    assert normalise_text("STRAßE Œuvre") == "strasse oeuvre"
    assert search_terms("Ana María Pérez", None, "MRN-1") == {
        "ana maria perez",
        "maria perez",
        "perez",
        "mrn 1",
        "1",
    }
    assert prefix_upper_bound("abc") == "abd"
    assert prefix_upper_bound("a\ud7ff") == "a\ue000"


def test_dates() -> None:
    assert parse_date("31.12.1990") == date(1990, 12, 31)
    assert parse_date("1.2.1990") == date(1990, 2, 1)
    assert parse_date("12/31/1990") == date(1990, 12, 31)  # slashes: the one valid order
    assert parse_date("31/12/1990") == date(1990, 12, 31)
    assert parse_date("5/5/1990") == date(1990, 5, 5)
    assert parse_date("1990-12-31") == date(1990, 12, 31)
    # 2/1/1990: 1 February (day first) or 2 January (month first): a birth date is never guessed
    assert date_readings("2/1/1990") == (date(1990, 2, 1), date(1990, 1, 2))
    not_dates = ["31.02.1990", "1990-1-1", "0000-01-01", "1990-13-01", "2/1/1990", "13/13/1990"]
    not_dates += ["1990-12-31x", "1990-12-31\n", "123.1.1990", "garcia", "", "1990"]
    for not_a_date in not_dates:
        assert parse_date(not_a_date) is None, not_a_date
    assert split_date("lee 1990-12-31") == ((date(1990, 12, 31),), "lee")
    assert split_date("lee") == ((), "lee")


@pytest.mark.parametrize("birth", [False, True], ids=["name", "name and birth"])
def test_name_search_is_an_index_range_scan(database, dialect, birth) -> None:
    """The plan reads a slice of the search-term index in order, never the whole table.

    Either the term index in order, joined to the patients by key (no sort), or, with a
    date of birth, that day's patients by the date index and their terms.
    """
    from sqlalchemy import text

    from intake_desktop.services.search import prefix_query

    params = {"low": "gar", "high": "gas", "batch": 50}
    if birth:
        params["birth"] = date(1958, 3, 2)
    stmt = prefix_query(birth=birth).params(params)
    sql = str(stmt.compile(database.engine, compile_kwargs={"literal_binds": True}))
    with database.engine.connect() as conn:
        if dialect == "sqlite":
            rows = list(conn.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
            # The latest visit's urgency is a correlated subquery with its own small sort.
            sub = {r[0] for r in rows if "CORRELATED SCALAR SUBQUERY" in r[-1]}
            for r in rows:
                if r[1] in sub:
                    sub.add(r[0])
            plan = " ".join(r[-1] for r in rows if r[0] not in sub)
            if birth:
                assert "SEARCH patients USING INDEX ix_patients_date_of_birth" in plan, plan
            else:
                assert "SEARCH patient_search_terms USING COVERING INDEX" in plan, plan
                assert "term>? AND term<?" in plan, plan
                assert "TEMP B-TREE" not in plan, plan  # the index order is the result order
            assert "SCAN" not in plan, plan
        else:
            conn.execute(text("SET enable_seqscan = off"))  # the tables are tiny in a test
            plan = " ".join(r[0] for r in conn.execute(text(f"EXPLAIN {sql}")))
            if not birth:
                assert "Index Only Scan using pk_patient_search_terms" in plan, plan
                main = plan.split("SubPlan")[0]  # the latest visit's urgency sorts its own few
                assert "Sort" not in main, plan  # the index order is the result order
            assert "Seq Scan" not in plan, plan


def test_one_statement_per_search_and_none_for_the_permission(database, clinic) -> None:
    """An allowed search runs one statement on one connection: nothing for the permission
    check (an allowed search is not audited), no second query for the patients' columns; a
    search of several words one more, first, counting each word's terms (to drive the search
    by the rarest)."""
    from sqlalchemy import event

    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", seen)
    try:
        for typed in ("gar", "1958-03-02", "garcia 1958-03-02", "mrn-000"):
            statements.clear()
            assert search_patients(database, typed, actor=READER)
            assert len(statements) == 1 + (typed == "mrn-000"), statements
        statements.clear()
        assert search_patients(database, "zzz", actor=READER) == []
        assert search_patients(database, "", actor=READER) == []
        assert len(statements) == 1, statements  # nothing at all for an empty box
    finally:
        event.remove(database.engine, "before_cursor_execute", seen)


def test_results_carry_what_the_list_shows(database, clinic) -> None:
    (found,) = search_patients(database, "obrien", actor=READER)
    assert found.id == clinic["Jean-Luc O'Brien"]
    assert (found.name, found.record_number, found.date_of_birth) == (
        "Jean-Luc O'Brien",
        "MRN-0002",
        date(1961, 7, 14),
    )
    assert isinstance(found.date_of_birth, date)
    (by_birth,) = search_patients(database, "31.12.1990", actor=READER)
    assert by_birth == search_patients(database, "soren", actor=READER)[0]


def test_a_refused_search_is_recorded_and_runs_nothing(database, clinic) -> None:
    from intake_desktop.services import PermissionDenied, audit_entries

    admin = as_user("admin.only", {"admin"})
    with pytest.raises(PermissionDenied):
        search_patients(database, "gar", actor=admin)
    entry = audit_entries(database, admin, action="patient.search")[-1]
    assert (entry.username, entry.outcome) == ("admin.only", "refused")
    with pytest.raises(PermissionDenied):
        search_patients(database, "gar", actor=None)  # type: ignore[arg-type]


def test_many_terms_of_one_patient_do_not_hide_the_next(database) -> None:
    """Twelve matching terms of one patient fill the first batch; the search reads on."""
    dob = date(1970, 1, 1)
    many = register_patient(
        database, PatientDetails(name=" ".join(["Zz"] * 12), date_of_birth=dob), actor=as_user("d")
    )
    other = register_patient(
        database, PatientDetails(name="Zzz Top", date_of_birth=dob), actor=as_user("d")
    )
    assert [p.id for p in search_patients(database, "zz", limit=2, actor=READER)] == [
        many.id,
        other.id,
    ]
    assert [p.id for p in search_patients(database, "zz", limit=1, actor=READER)] == [many.id]


def test_a_database_error_comes_as_sqlalchemy_raises_it(database, clinic) -> None:
    """The search runs its statement on the driver itself, but its failures look the same as
    any other operation's (SQLAlchemy's exception classes), and the connection stays usable."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    with database.engine.begin() as conn:
        conn.execute(text("DROP TABLE patient_search_terms"))
    with pytest.raises(DBAPIError, match="patient_search_terms"):
        search_patients(database, "gar", actor=READER)
    assert names(search_patients(database, "1961-07-14", actor=READER)) == ["Jean-Luc O'Brien"]


MORE_PEOPLE = [
    ("Brenda González Ruiz", date(1974, 5, 9), "DEMO-0021084"),
    ("Bruno Gonzaga", date(1974, 11, 30), "DEMO-0000512"),
    ("Gonzalo Brenes", date(1981, 2, 2), "DEMO-0044444"),
]


@pytest.fixture
def more(database, clinic) -> dict[str, int]:
    ids = dict(clinic)
    for name, dob, number in MORE_PEOPLE:
        ids[name] = register_patient(
            database,
            PatientDetails(name=name, date_of_birth=dob, record_number=number),
            actor=as_user("desk"),
        ).id
    return ids


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2108", ["Brenda González Ruiz"]),  # any part of the record number
        ("021084", ["Brenda González Ruiz"]),
        ("demo-00210", ["Brenda González Ruiz"]),
        ("0512", ["Bruno Gonzaga"]),
        ("gonzalez brenda", ["Brenda González Ruiz"]),  # surname given
        ("González, Brenda", ["Brenda González Ruiz"]),  # surname, given
        ("gonz bre", ["Brenda González Ruiz", "Gonzalo Brenes"]),  # partial words of both
        ("bre gonz", ["Gonzalo Brenes", "Brenda González Ruiz"]),  # the longest word leads
        ("ruiz gonz bren", ["Brenda González Ruiz"]),
        ("1974", ["Brenda González Ruiz", "Bruno Gonzaga"]),  # a year of birth alone
        ("gonz 1974", ["Brenda González Ruiz", "Bruno Gonzaga"]),  # with a name
        ("gonz 1981", ["Gonzalo Brenes"]),
        ("1958 garcia", ["María García López"]),
        ("gonz 1990", []),
    ],
)
def test_search_by_parts_orders_and_years(database, more, typed, expected) -> None:
    assert sorted(names(search_patients(database, typed, actor=READER))) == sorted(expected)


def test_a_year_alone_lists_record_numbers_holding_it_then_the_births(database, more) -> None:
    odd = register_patient(
        database,
        PatientDetails(name="Zoe Year", date_of_birth=date(2001, 1, 1), record_number="X-19740"),
        actor=as_user("desk"),
    )
    found = search_patients(database, "1974", actor=READER)
    assert [p.id for p in found] == [odd.id, more["Brenda González Ruiz"], more["Bruno Gonzaga"]]


def test_results_carry_the_latest_visits_urgency(database, more) -> None:
    from intake_desktop.services import start_draft

    brenda = more["Brenda González Ruiz"]
    base = {"format": "spine-intake-case/1",
            "patient": {"date_of_birth": "1974-05-09"}, "visit_date": "2026-01-05"}  # fmt: skip
    start_draft(database, brenda, {**base, "red_flags": ["saddle_anaesthesia"]},
                actor=as_user("desk"))  # fmt: skip
    (found,) = search_patients(database, "2108", actor=READER)
    assert found.urgency == "emergency"
    (other,) = search_patients(database, "0512", actor=READER)
    assert other.urgency is None


def test_several_words_are_driven_by_the_rarest(database) -> None:
    """ "foley andrew" among many Andrews reads the few Foley terms, not every Andrew: the word
    starting the fewest terms drives (the longest did, and read every Andrew at 500,000)."""
    from intake_desktop.services.search import _driver

    dob = date(1960, 1, 1)
    writer = as_user("desk")
    for i in range(12):
        register_patient(
            database, PatientDetails(name=f"Andrew Smith{i}", date_of_birth=dob), actor=writer
        )
    foley = register_patient(
        database, PatientDetails(name="Andrew Foley", date_of_birth=dob), actor=writer
    )
    with database.engine.connect() as conn:
        assert _driver(conn, ["andrew", "foley"]) == "foley"
        assert _driver(conn, ["andre", "andrew"]) == "andrew"  # a tie: the longer word
    found = search_patients(database, "Foley Andrew", actor=READER)
    assert [p.id for p in found] == [foley.id]
    assert len(search_patients(database, "andr smi", actor=READER)) == 12


def test_a_slashed_date_that_reads_two_ways_finds_the_patients_of_both_days(database) -> None:
    """05/03/1980 is 5 March in most of the world and 3 May in the United States: the search
    lists both days' patients rather than guess (it used to read every slashed date month
    first, so 14/03/1963 found nobody)."""
    for name, born in (("Marzo Cinco", date(1980, 3, 5)), ("May Third", date(1980, 5, 3)),
                       ("Pi Day", date(1963, 3, 14))):  # fmt: skip
        register_patient(
            database, PatientDetails(name=name, date_of_birth=born), actor=as_user("desk")
        )
    assert sorted(names(search_patients(database, "05/03/1980", actor=READER))) == [
        "Marzo Cinco", "May Third"
    ]  # fmt: skip
    assert names(search_patients(database, "may 05/03/1980", actor=READER)) == ["May Third"]
    assert names(search_patients(database, "14/03/1963", actor=READER)) == ["Pi Day"]
    assert names(search_patients(database, "03/14/1963", actor=READER)) == ["Pi Day"]
