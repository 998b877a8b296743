"""The shared example cases give their expected plans, and every plan fits plan.schema.json."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from intake_desktop.domain.engine import RULES, evaluate
from intake_desktop.domain.plan import plan_from_dict
from intake_desktop.domain.validation import parse_case
from tests.domain.builders import DATA, TODAY, load_json

EXAMPLES = sorted(
    p for p in (DATA / "examples").glob("*.json") if not p.name.endswith(".expected.json")
)
PLAN_SCHEMA = load_json(DATA / "schemas" / "plan.schema.json")
CASE_SCHEMA = load_json(DATA / "schemas" / "case.schema.json")


def check_expected(plan: dict, expected: dict) -> None:
    """Compare a plan with an ``*.expected.json``: equal keys, and ``*_includes`` subsets."""
    for key, want in expected.items():
        if key.endswith("_includes") or key.endswith("_include"):
            field = key.rsplit("_", 1)[0]
            missing = set(want) - set(plan[field])
            assert not missing, f"{field} lacks {sorted(missing)}: {plan[field]}"
        else:
            assert plan[key] == want, f"{key}: {plan[key]!r} != {want!r}"


def test_there_are_six_shared_examples() -> None:
    assert len(EXAMPLES) == 6


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_gives_its_expected_plan(path: Path) -> None:
    data = load_json(path)
    jsonschema.validate(data, CASE_SCHEMA)
    plan = evaluate(parse_case(data, today=TODAY)).to_dict()
    jsonschema.validate(plan, PLAN_SCHEMA)
    check_expected(plan, load_json(path.with_suffix(".expected.json")))
    assert plan["rules_fired"], "a plan always lists at least one rule"
    assert all(r["id"] in RULES for r in plan["rules_fired"])


def test_a_stored_plan_reads_back_as_the_same_plan_with_its_messages() -> None:
    """A signed visit is shown with its stored plan: ``plan_from_dict`` inverts ``to_dict``,
    and the sentences keep their message keys so they can be said in Spanish."""
    for path in EXAMPLES:
        plan = evaluate(parse_case(load_json(path), today=TODAY))
        stored = json.loads(json.dumps(plan.to_dict()))
        again = plan_from_dict(stored)
        assert again.to_dict() == stored, path.name
        assert [r.key for r in again.rules_fired] == [r.key for r in plan.rules_fired]
