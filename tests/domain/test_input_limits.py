"""Hostile case files: the validator and the JSON decoder refuse them quickly, naming the field."""

from __future__ import annotations

import dataclasses
import json
import time
import typing

import pytest

from intake_desktop.domain import case as case_module
from intake_desktop.domain.json_text import JsonRefused, decode_json
from intake_desktop.domain.validation import (
    MAX_REPORTED,
    CaseValidationError,
    list_limit,
    parse_case,
)
from tests.domain.builders import TODAY, case_data, merge

BAD_CHARACTERS = {
    "lone surrogate": ("\ud800", "lone surrogate U+D800"),
    "NUL": ("\x00", "control character U+0000"),
    "BEL": ("\x07", "control character U+0007"),
    "ESC": ("\x1b[31m", "control character U+001B"),
    "C1 control": ("\x9b", "control character U+009B"),
    "right-to-left override": ("\u202e", "bidirectional control U+202E"),
    "first strong isolate": ("\u2068", "bidirectional control U+2068"),
}
TEXT_FIELDS = {
    "patient.name": {"patient": {"name": "Ana {}Ruiz"}},
    "patient.id": {"patient": {"id": "MRN-{}42"}},
    "follow_up.note_for_patient": {"follow_up": {"note_for_patient": "Walk {}daily"}},
}


def problems(data: dict) -> CaseValidationError:
    with pytest.raises(CaseValidationError) as caught:
        parse_case(data, today=TODAY)
    return caught.value


def with_text(field: str, bad: str) -> dict:
    change = json.loads(json.dumps(TEXT_FIELDS[field]).replace("{}", json.dumps(bad)[1:-1]))
    return merge(case_data(), change)


@pytest.mark.parametrize("field", TEXT_FIELDS)
@pytest.mark.parametrize("kind", BAD_CHARACTERS)
def test_invisible_and_unencodable_characters_are_refused_naming_the_field(
    field: str, kind: str
) -> None:
    bad, message = BAD_CHARACTERS[kind]
    error = problems(with_text(field, bad))
    assert [e.path for e in error.errors] == [field]
    assert message in error.errors[0].message


def test_a_note_may_hold_line_breaks_and_tabs_but_a_name_may_not() -> None:
    note = {"follow_up": {"note_for_patient": "Walk daily.\n\tTwice if you can."}}
    assert parse_case(merge(case_data(), note), today=TODAY).follow_up is not None
    error = problems(merge(case_data(), {"patient": {"name": "Ana\nRuiz"}}))
    assert error.errors[0].path == "patient.name"


def test_accents_and_other_scripts_are_welcome() -> None:
    data = merge(case_data(), {"patient": {"name": "José Ñúñez 山田 Müller-Łukasz"}})
    assert parse_case(data, today=TODAY).patient.name == "José Ñúñez 山田 Müller-Łukasz"


def test_an_impossible_date_of_birth_is_refused_as_import_refuses_it() -> None:
    error = problems(merge(case_data(), {"patient": {"date_of_birth": "0001-01-01"}}))
    assert error.errors[0].path == "patient.date_of_birth"
    assert "not a possible date of birth" in error.errors[0].message
    born_1900 = merge(case_data(), {"patient": {"date_of_birth": "1900-01-01"}})
    assert parse_case(born_1900, today=TODAY).patient.date_of_birth.year == 1900


def test_an_injection_before_birth_is_refused() -> None:
    data = merge(
        case_data(),
        {"treatment": {"injections": [{"date": "1930-01-01", "type": "epidural_steroid"}]}},
    )
    error = problems(data)
    assert error.errors[0].path == "treatment.injections[0].date"
    assert "before the date of birth" in error.errors[0].message


def test_five_million_duplicate_symptom_sites_are_refused_at_once() -> None:
    data = merge(case_data(), {"history": {"symptom_sites": ["low_back"] * 5_000_000}})
    started = time.perf_counter()
    error = problems(data)
    assert time.perf_counter() - started < 1.0
    assert str(error) == "history.symptom_sites: has 5000000 entries (at most 10)"


@pytest.mark.parametrize(
    ("change", "field", "most"),
    [
        (
            {"treatment": {"injections": [{"date": "2026-01-01", "type": "epidural_steroid"}]}},
            "treatment.injections",
            50,
        ),
        ({"imaging": {"levels": ["L4-L5"]}}, "imaging.levels", 20),
        ({"questionnaires": {"odi": [1]}}, "questionnaires.odi", 10),
        ({"red_flags": ["fever"]}, "red_flags", None),
        ({"comorbidities": ["diabetes"]}, "comorbidities", None),
        ({"imaging": {"causes": ["disc_herniation"]}}, "imaging.causes", None),
    ],
)
def test_every_list_has_a_maximum_named_in_the_error(change, field, most) -> None:
    section, _, name = field.rpartition(".")
    holder = change[section] if section else change
    one = holder[name][0]
    holder[name] = [one] * 200_000
    error = problems(merge(case_data(), change))
    assert error.errors[0].path == field
    message = error.errors[0].message
    assert len(error.errors) == 1
    assert "has 200000 entries (at most" in message or "exactly 10 entries (got 200000)" in message
    if most is not None:
        assert str(most) in message


def test_fifty_injections_are_still_a_case() -> None:
    injections = [{"date": "2026-01-01", "type": "medial_branch_block"}] * 50
    case = parse_case(merge(case_data(), {"treatment": {"injections": injections}}), today=TODAY)
    assert case.treatment is not None and len(case.treatment.injections or ()) == 50


def test_every_list_field_of_the_case_has_a_maximum() -> None:
    classes = [c for c in vars(case_module).values() if dataclasses.is_dataclass(c)]
    checked = 0
    for cls in classes:
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            tp = hints[f.name]
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0] if args and typing.get_origin(tp) is not tuple else tp
            if typing.get_origin(tp) is tuple:
                assert list_limit(typing.get_args(tp)[0], dict(f.metadata)) <= 50, f.name
                checked += 1
    assert checked >= 14


def test_the_problems_reported_are_capped_and_the_rest_counted() -> None:
    data = case_data()
    data["history"] = {f"unknown_{i}": 1 for i in range(100_000)}
    error = problems(data)
    assert len(error.errors) == MAX_REPORTED
    assert error.total == 100_000
    assert str(error).endswith(f"; and {100_000 - MAX_REPORTED} more")
    assert len(str(error)) < 20_000


def test_a_huge_value_is_quoted_short() -> None:
    error = problems(merge(case_data(), {"patient": {"sex": "x" * 1_000_000}}))
    assert len(str(error)) < 300
    big = problems(merge(case_data(), {"history": {"duration_weeks": 10**5000}}))
    assert "a number of more than 40 digits is out of range" in str(big)


DECODER_REFUSALS = {
    "duplicate key": (b'{"a": 1, "a": 2}', "the key 'a' appears twice"),
    "deep nesting": (b"[" * 100_000 + b"]" * 100_000, "nested more than 64 levels deep"),
    "nesting just past the limit": (b"[" * 65 + b"]" * 65, "nested more than 64 levels deep"),
    "5,000-digit integer": (b'{"a": ' + b"7" * 5000 + b"}", "written with 5000 characters"),
    "long decimal": (b'{"a": 0.' + b"1" * 100 + b"}", "written with 102 characters"),
    "overflowing number": (b'{"a": 1e999}', "the number 1e999 is too large"),
    "NaN": (b'{"a": NaN}', "NaN is not a JSON number"),
    "Infinity": (b'{"a": -Infinity}', "-Infinity is not a JSON number"),
    "not UTF-8": (b"\xff\xfe{}", "not UTF-8 text"),
    "empty": (b"  \n", "the file is empty"),
    "broken": (b'{"a": ', "not valid JSON (line 1"),
}


@pytest.mark.parametrize("kind", DECODER_REFUSALS)
def test_the_decoder_refuses_with_a_reason(kind: str) -> None:
    raw, message = DECODER_REFUSALS[kind]
    started = time.perf_counter()
    with pytest.raises(JsonRefused, match=message.replace("(", r"\(")):
        decode_json(raw)
    assert time.perf_counter() - started < 1.0


def test_nesting_up_to_the_limit_decodes() -> None:
    assert decode_json(b"[" * 64 + b"]" * 64) is not None
    assert decode_json(b'{"a": [1, 2.5, "x", {"b": null}]}') == {"a": [1, 2.5, "x", {"b": None}]}
