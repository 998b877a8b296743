"""The front desk's search: any word of the name, no accents or case, record number, birth date."""

from __future__ import annotations

from datetime import date

import pytest

from intake_desktop.services import PatientDetails, register_patient, search_patients
from intake_desktop.services.search import parse_date, split_date
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
        ("mrn 01", ["Søren Ærø"]),
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
    assert parse_date("31.02.1990") is None
    assert parse_date("1990-1-1") is None
    assert split_date("lee 1990-12-31") == (date(1990, 12, 31), "lee")
    assert split_date("lee") == (None, "lee")


def test_name_search_is_an_index_range_scan(database, dialect) -> None:
    """The query plan reads a slice of the search-term index, never the whole table."""
    from sqlalchemy import text

    from intake_desktop.services.search import prefix_query

    stmt = prefix_query("gar").order_by("term", "patient_id").limit(50)
    sql = str(stmt.compile(database.engine, compile_kwargs={"literal_binds": True}))
    with database.engine.connect() as conn:
        if dialect == "sqlite":
            plan = " ".join(r[-1] for r in conn.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
            assert "SEARCH patient_search_terms USING" in plan, plan
            assert "term>? AND term<?" in plan, plan
        else:
            conn.execute(text("SET enable_seqscan = off"))  # the table is tiny in a test
            plan = " ".join(r[0] for r in conn.execute(text(f"EXPLAIN {sql}")))
            assert "Index Only Scan using pk_patient_search_terms" in plan, plan
            assert "Sort" not in plan, plan  # the index order is the result order


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
