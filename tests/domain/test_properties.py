"""Properties of the engine over generated valid cases (hypothesis)."""

from __future__ import annotations

import copy

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake_desktop.domain.codes import RED_FLAGS, level_rank
from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.validation import case_to_dict, parse_case
from tests.domain.builders import DATA, TODAY, load_json
from tests.domain.strategies import case_dicts

PLAN_SCHEMA = load_json(DATA / "schemas" / "plan.schema.json")
CASE_SCHEMA = load_json(DATA / "schemas" / "case.schema.json")
VALIDATOR = jsonschema.Draft202012Validator(PLAN_SCHEMA)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(case_dicts())
def test_engine_never_raises_and_plans_fit_the_schema(data: dict) -> None:
    jsonschema.validate(data, CASE_SCHEMA)  # the generator only makes valid cases
    case = parse_case(data, today=TODAY)
    assert case_to_dict(case) == data
    plan = evaluate(case).to_dict()
    VALIDATOR.validate(plan)
    assert len(plan["rules_fired"]) >= 1


@SETTINGS
@given(case_dicts(), st.sampled_from(RED_FLAGS))
def test_adding_a_red_flag_never_lowers_the_level(data: dict, flag: str) -> None:
    before = evaluate(parse_case(data, today=TODAY))
    more = copy.deepcopy(data)
    more["red_flags"] = sorted({*more.get("red_flags", []), flag})
    after = evaluate(parse_case(more, today=TODAY))
    assert level_rank(after.level) >= level_rank(before.level)
    assert flag in after.red_flag_codes


@SETTINGS
@given(case_dicts())
def test_without_red_flags_the_level_is_never_urgent_or_emergency(data: dict) -> None:
    clean = copy.deepcopy(data)
    clean.pop("red_flags", None)
    exam = clean.get("exam", {})
    for key in ("foot_drop", "saddle_sensation_reduced"):
        exam.pop(key, None)
    if exam.get("temperature_c", 0) > 38.0:
        exam["temperature_c"] = 37.0
    plan = evaluate(parse_case(clean, today=TODAY))
    assert plan.red_flags == ()
    assert plan.level not in ("urgent", "emergency")
