"""Bad input is refused with a message naming the field; nothing is silently coerced."""

from __future__ import annotations

from datetime import date

import pytest

from intake_desktop.domain.validation import CaseValidationError, case_to_dict, parse_case
from tests.domain.builders import TODAY, case_data, merge


def errors_of(data) -> list[str]:
    with pytest.raises(CaseValidationError) as info:
        parse_case(data, today=TODAY)
    return [str(e) for e in info.value.errors]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"colour": "blue"}, "colour: unknown field"),
        ({"history": {"bilateral": 1}}, "history.bilateral: must be true or false"),
        ({"history": {"bilateral": "yes"}}, "history.bilateral: must be true or false"),
        (
            {"history": {"painless_walking_distance_m": "300"}},
            "history.painless_walking_distance_m: must be a number",
        ),
        (
            {"history": {"pain_nrs": {"leg": 11}}},
            "history.pain_nrs.leg: 11 is out of range (allowed 0 to 10)",
        ),
        ({"history": {"pain_nrs": {"leg": 6.5}}}, "history.pain_nrs.leg: must be a whole number"),
        ({"exam": {"ankle_brachial_index": 3}}, "exam.ankle_brachial_index: 3 is out of range"),
        (
            {"exam": {"pedal_pulses": "weak"}},
            "exam.pedal_pulses: 'weak' is not allowed (allowed: normal, diminished, absent)",
        ),
        ({"red_flags": ["headache"]}, "red_flags[0]: 'headache' is not allowed"),
        ({"red_flags": ["fever", "fever"]}, "red_flags[1]: 'fever' is listed twice"),
        (
            {"patient": {"date_of_birth": "1958-02-30"}},
            "patient.date_of_birth: is not a real calendar date",
        ),
        (
            {"patient": {"date_of_birth": "02/03/1958"}},
            "patient.date_of_birth: must be a date written YYYY-MM-DD",
        ),
        ({"patient": {"date_of_birth": None}}, "patient.date_of_birth: required but missing"),
        (
            {"patient": {"date_of_birth": "2026-11-21"}},
            "patient.date_of_birth: is after the visit date",
        ),
        ({"visit_date": "2026-11-24"}, "visit_date: 2026-11-24 is in the future"),
        ({"imaging": {"levels": ["L6-S1"]}}, "imaging.levels[0]: 'L6-S1' is not a spinal level"),
        (
            {"treatment": {"injections": [{"date": "2026-01-01"}]}},
            "treatment.injections[0].type: required but missing",
        ),
        (
            {"treatment": {"injections": [{"date": "2026-12-01", "type": "epidural_steroid"}]}},
            "treatment.injections[0].date: 2026-12-01 is after the visit date",
        ),
        (
            {"questionnaires": {"odi": [1, 2, 3]}},
            "questionnaires.odi: must have exactly 10 entries (got 3)",
        ),
        (
            {"questionnaires": {"zcq": {"symptom_severity": [1, 1, 1, 1, 1, 1, 2]}}},
            "questionnaires.zcq.symptom_severity[6]: 2 is not allowed for the balance item",
        ),
        (
            {"questionnaires": {"mjoa": {"upper_motor": 5}}},
            "questionnaires.mjoa.lower_motor: required but missing",
        ),
        (
            {"patient": {"language": "english please"}},
            "patient.language: the text given is not a language tag",
        ),
        (
            {"history": {"duration_weeks": float("nan")}},
            "history.duration_weeks: must be a finite number",
        ),
        ({"exam": None, "history": {"sensations": None, "onset": None}}, None),
    ],
)
def test_bad_field_is_named(changes: dict, expected: str | None) -> None:
    data = merge(case_data(), changes)
    if expected is None:
        parse_case(data, today=TODAY)
        return
    assert any(e.startswith(expected) for e in errors_of(data)), errors_of(data)


def test_format_must_match() -> None:
    assert errors_of(merge(case_data(), {"format": "spine-intake-case/2"})) == [
        "format: must be 'spine-intake-case/1' (got 'spine-intake-case/2')"
    ]


@pytest.mark.parametrize("data", [[], "case", 3, None])
def test_a_case_must_be_an_object(data) -> None:
    assert errors_of(data)[0].startswith("a case file must be a JSON object")


def test_null_is_not_the_same_as_absent() -> None:
    data = case_data()
    data["history"]["bilateral"] = None
    assert errors_of(data) == [
        "history.bilateral: must not be null; leave the field out if not recorded"
    ]


def test_every_problem_is_reported_at_once() -> None:
    data = merge(case_data(), {"history": {"bilateral": 1, "onset": "slow"}, "x": 1})
    assert len(errors_of(data)) == 3


def test_round_trip_keeps_empty_lists_and_numbers_as_given() -> None:
    data = merge(case_data(), {"red_flags": [], "exam": {"ankle_brachial_index": 1}})
    assert case_to_dict(parse_case(data, today=TODAY)) == data


def test_today_defaults_to_the_system_date() -> None:
    data = merge(case_data(), {"visit_date": date.today().isoformat()})
    assert parse_case(data).visit_date == date.today()


@pytest.mark.parametrize(
    ("changes", "hidden"),
    [
        ({"history": {"onset": "Ana Ruiz Soto"}}, "Ana Ruiz"),
        ({"history": {"duration_weeks": "Ruiz"}}, "Ruiz"),
        ({"patient": {"language": "Soto Ruiz"}}, "Soto"),
        ({"history": {"onset": "1961-04-17"}}, "1961"),
        ({"patient": {"date_of_birth": "1961-02-30"}}, "1961"),
        ({"patient": {"date_of_birth": "17/04/1961"}}, "1961"),
        ({"visit_date": "MRN-20931"}, "20931"),
    ],
)
def test_messages_never_repeat_what_may_be_patient_data(changes, hidden) -> None:
    """A name, date or record number typed into the wrong field is described, not repeated:
    these messages reach terminals and logs (issue 18). A misspelt code is still quoted."""
    messages = errors_of(merge(case_data(), changes))
    assert messages and not any(hidden in m for m in messages), messages
    assert "'gradul'" in " ".join(errors_of(merge(case_data(), {"history": {"onset": "gradul"}})))
