"""What signing requires (issue 13, item 6), the fingerprint of what is signed, and case diffs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from intake_desktop.domain.case_diff import case_changes
from intake_desktop.domain.codes import RED_FLAGS
from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.signing import (
    CORD_ITEMS,
    NEURO_ITEMS,
    missing_for_signature,
    signature_hash,
    signed_identity,
)
from intake_desktop.domain.validation import parse_case

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
ALL_NO = dict.fromkeys(RED_FLAGS, "no")
FULL_EXAM = {item: False for item in NEURO_ITEMS + CORD_ITEMS} | {"leg_weakness": "none"}


def example(name: str) -> dict:
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def missing(data: dict, screen=ALL_NO, not_examined=None, level=None, reason=None) -> list[str]:
    case = parse_case(data)
    plan = evaluate(case)
    return [
        m.path
        for m in missing_for_signature(
            case,
            red_flag_screen=screen,
            not_examined_reason=not_examined,
            region=plan.region,
            recommended_level=plan.level,
            override_level=level,
            override_reason=reason,
        )
    ]


def test_a_follow_up_with_no_screen_and_no_exam_names_every_gap() -> None:
    data = example("01_lumbar_early")
    data.pop("exam")
    paths = missing(data, screen={})
    assert paths[: len(RED_FLAGS)] == [f"red_flag_screen.{c}" for c in RED_FLAGS]
    assert paths[len(RED_FLAGS) :] == [f"exam.{i}" for i in NEURO_ITEMS]  # lumbar: no cord signs


def test_a_flag_the_case_lists_counts_as_answered_yes() -> None:
    data = example("02_cauda_equina")
    screen = {c: "no" for c in RED_FLAGS if c not in data["red_flags"]}
    data["exam"] = FULL_EXAM | {"saddle_sensation_reduced": True}
    assert missing(data, screen=screen) == []


def test_not_asked_is_not_an_answer() -> None:
    data = example("01_lumbar_early") | {"exam": FULL_EXAM}
    assert missing(data, screen=ALL_NO | {"fever": "not asked"}) == ["red_flag_screen.fever"]


def test_cord_signs_are_required_when_the_neck_is_involved() -> None:
    data = example("06_cervical_myelopathy")
    data["exam"] = {k: v for k, v in (FULL_EXAM | data["exam"]).items() if k != "hoffmann_sign"}
    assert missing(data) == ["exam.hoffmann_sign"]


def test_not_examined_needs_a_reason_and_then_replaces_the_items() -> None:
    data = example("01_lumbar_early")
    assert missing(data, not_examined="  ") == ["exam.not_examined_reason"]
    assert missing(data, not_examined="patient could not stand today") == []


def test_an_override_needs_a_reason() -> None:
    data = example("01_lumbar_early") | {"exam": FULL_EXAM}
    recommended = evaluate(parse_case(data)).level
    assert missing(data, level=recommended) == []
    assert missing(data, level="surgical") == ["override_reason"]
    assert missing(data, level="surgical", reason="patient's informed choice") == []


def test_the_signature_hash_changes_with_any_signed_part() -> None:
    case, plan = {"visit_date": "2026-12-01"}, {"level": "conservative"}
    base = signature_hash(case, plan, "conservative", None)
    assert len(base) == 64 and base == signature_hash(dict(case), dict(plan), "conservative", None)
    assert base != signature_hash({"visit_date": "2026-12-02"}, plan, "conservative", None)
    assert base != signature_hash(case, {"level": "surgical"}, "conservative", None)
    assert base != signature_hash(case, plan, "surgical", "why")


def test_the_signature_hash_binds_the_identification_signed() -> None:
    """Issue 17: the name, date of birth and record number are signed with the content; a
    visit signed without them (None) keeps the hash it had."""
    case, plan = {"visit_date": "2026-12-01"}, {"level": "conservative"}
    who = signed_identity("Ana Test", date(1958, 3, 2), "MRN-1")
    assert who == {"name": "Ana Test", "date_of_birth": "1958-03-02", "record_number": "MRN-1"}
    legacy = signature_hash(case, plan, "conservative", None)
    signed = signature_hash(case, plan, "conservative", None, None, who)
    assert signed != legacy
    for changed in ({**who, "name": "Ana Other"}, {**who, "record_number": "MRN-2"},
                    {**who, "date_of_birth": "1958-03-03"}):  # fmt: skip
        assert signature_hash(case, plan, "conservative", None, None, changed) != signed


def test_case_changes_name_each_field() -> None:
    shot = {"date": "2026-01-01", "relief": 50}
    before = {
        "history": {"duration_weeks": 6},
        "red_flags": ["fever"],
        "treatment": {"injections": [shot]},
    }
    after = {
        "history": {"duration_weeks": 8, "onset": "sudden"},
        "red_flags": ["fever", "foot_drop"],
        "treatment": {"injections": [shot | {"relief": 20}]},
        "exam": {"foot_drop": True},
    }
    changes = {c.path: (c.before, c.after, c.kind) for c in case_changes(before, after)}
    assert changes == {
        "exam.foot_drop": (None, True, "added"),
        "history.duration_weeks": (6, 8, "changed"),
        "history.onset": (None, "sudden", "added"),
        "red_flags": (["fever"], ["fever", "foot_drop"], "changed"),
        "treatment.injections[0].relief": (50, 20, "changed"),
    }
    assert case_changes(after, after) == []
