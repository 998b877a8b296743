"""Follow-up: carried-forward fields, trend series over five visits, and the alerts."""

from __future__ import annotations

from datetime import date

import pytest

from intake_desktop.domain.followup import (
    VisitSnapshot,
    alerts,
    carry_forward,
    injection_dates,
    trends,
)
from intake_desktop.domain.validation import case_to_dict
from tests.domain.builders import make_case


def visit(day: str, distance: float, *, injections=(), odi=None, leg=7, **extra) -> VisitSnapshot:
    changes = {
        "visit_date": day,
        "history": {"painless_walking_distance_m": distance, "pain_nrs": {"back": 4, "leg": leg}},
        "treatment": {"conservative_care_weeks": 10, "injections": list(injections)},
        **extra,
    }
    if odi is not None:
        changes["questionnaires"] = {"odi": odi}
    return VisitSnapshot(make_case(**changes), "conservative", "conservative")


def inj(day: str) -> dict:
    return {"date": day, "type": "epidural_steroid", "relief_weeks": 3}


FIVE = [
    visit("2025-09-01", 800, odi=[2] * 10),
    visit("2025-12-01", 700, injections=[inj("2025-11-01")], odi=[3] * 10),
    visit("2026-03-01", 650, injections=[inj("2025-11-01"), inj("2026-02-01")], leg=9),
    visit("2026-07-01", 500, injections=[inj("2025-11-01"), inj("2026-02-01"), inj("2026-06-01")]),
    visit("2026-11-20", 420, injections=[inj("2026-02-01"), inj("2026-06-01")], odi=[4] * 10),
]


def test_series_have_the_right_values_in_order() -> None:
    s = trends(list(reversed(FIVE)))  # order of input does not matter
    assert [v for _, v in s["walking_distance_m"]] == [800, 700, 650, 500, 420]
    assert [d for d, _ in s["walking_distance_m"]] == sorted(d for d, _ in s["walking_distance_m"])
    assert [v for _, v in s["odi_percent"]] == [40, 60, 80]
    assert [v for _, v in s["nrs_leg"]] == [7, 7, 9, 7, 7]
    assert [v for _, v in s["injections_last_12_months"]] == [0, 1, 2, 3, 2]
    assert [v for _, v in s["level_accepted"]] == ["conservative"] * 5


def test_injection_dates_are_listed_once() -> None:
    assert injection_dates(FIVE) == [date(2025, 11, 1), date(2026, 2, 1), date(2026, 6, 1)]


@pytest.mark.parametrize(("now", "fires"), [(850, True), (860, False)])
def test_walking_alert_fires_at_15_percent_not_14(now: float, fires: bool) -> None:
    got = alerts(visit("2026-01-01", 1000), visit("2026-11-20", now))
    assert any(a.code == "walking_distance_shrinking" for a in got) is fires


def test_injection_cap_uses_a_rolling_twelve_months() -> None:
    at_cap = visit(
        "2026-11-20", 500, injections=[inj("2025-11-20"), inj("2026-03-01"), inj("2026-08-01")]
    )
    assert any(a.code == "injection_cap_reached" for a in alerts(None, at_cap))
    aged_out = visit(
        "2026-11-20", 500, injections=[inj("2025-11-19"), inj("2026-03-01"), inj("2026-08-01")]
    )
    assert not any(a.code == "injection_cap_reached" for a in alerts(None, aged_out))


def test_medication_up_activity_down_alert() -> None:
    v = visit(
        "2026-11-20",
        500,
        treatment={"medication_trend": "increasing", "activity_trend": "decreasing"},
    )
    assert [a.code for a in alerts(None, v)] == ["more_medication_less_activity"]


def test_meaningful_questionnaire_changes_both_ways() -> None:
    worse = alerts(FIVE[0], FIVE[1])  # ODI 40 -> 60
    assert [(a.code, a.direction) for a in worse if a.code == "odi_change"] == [
        ("odi_change", "worse")
    ]
    better = alerts(visit("2026-01-01", 500, leg=8), visit("2026-11-20", 500, leg=6))
    assert [(a.code, a.direction) for a in better] == [("nrs_change", "better")]
    small = alerts(visit("2026-01-01", 500, leg=8), visit("2026-11-20", 500, leg=7))
    assert small == []


def test_carry_forward_marks_every_carried_field() -> None:
    previous = case_to_dict(FIVE[-1].case)
    data, carried = carry_forward(previous, date(2027, 2, 1))
    assert data["visit_date"] == "2027-02-01"
    assert data["history"] == previous["history"]
    assert "history.painless_walking_distance_m" in carried
    assert "treatment.injections" in carried
    assert data["function"]["previous_painless_walking_distance_m"] == 420
    data["history"]["painless_walking_distance_m"] = 300  # editable: the previous is untouched
    assert previous["history"]["painless_walking_distance_m"] == 420


def test_the_carried_paths_of_a_window_state_ignore_anything_else() -> None:
    from intake_desktop.domain.followup import carried_paths

    assert carried_paths({"carried": ["history.pain_nrs.back", 3, None]}) == (
        "history.pain_nrs.back",
    )
    assert carried_paths({"carried": "history"}) == ()
    assert carried_paths(None) == ()
