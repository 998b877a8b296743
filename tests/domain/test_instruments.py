"""Scores of INSTRUMENTS.md: its worked examples, both sides of every band, missing-item limits."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from intake_desktop.domain.case import Case, Mjoa, Zcq
from intake_desktop.domain.instruments import (
    abi_band,
    mjoa_band,
    mjoa_score,
    ndi_band,
    ndi_score,
    nrs_band,
    odi_band,
    odi_score,
    round_half_up,
    zcq_satisfied,
    zcq_score,
)
from intake_desktop.domain.validation import parse_case

TODAY = date(2026, 11, 23)


def make_case(**sections: Any) -> Case:
    """A valid case holding only the given sections (everything else: not recorded)."""
    data = {
        "format": "spine-intake-case/1",
        "patient": {"date_of_birth": "1950-03-01"},
        "visit_date": "2026-11-20",
        **sections,
    }
    return parse_case(data, today=TODAY)


def answers_summing(total: int, answered: int = 10) -> tuple[int | None, ...]:
    """Ten 0–5 answers (the first ``answered`` given) adding up to ``total``."""
    given = [5] * (total // 5) + ([total % 5] if total % 5 else [])
    given += [0] * (answered - len(given))
    assert len(given) == answered and sum(given) == total
    return (*given, *[None] * (10 - answered))


def mjoa_of(total: int) -> Mjoa:
    parts = []
    for maximum in (5, 7, 3, 3):
        parts.append(min(maximum, total))
        total -= parts[-1]
    return Mjoa(*parts)


# --- rounding ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Fraction(45, 2), 0, Decimal(23)),  # 22.5 -> 23 (round() would give 22)
        (Fraction(47, 2), 0, Decimal(24)),  # 23.5 -> 24
        (Fraction(1600, 45), 0, Decimal(36)),  # 35.55... -> 36
        (Fraction(2, 3), 2, Decimal("0.67")),
        (Fraction(1, 8), 2, Decimal("0.13")),  # 0.125 -> 0.13
        (Decimal("2.345"), 2, Decimal("2.35")),
        (7, 0, Decimal(7)),
    ],
)
def test_round_half_up_rounds_exact_halves_up(value, places, expected):
    assert round_half_up(value, places) == expected


# --- ODI -----------------------------------------------------------------------------------------


def test_odi_worked_example_full():
    assert odi_score((1, 5, 4, 4, 3, 0, 1, 5, 3, 4)) == {
        "percent": 60,
        "band": "severe",
        "answered": 10,
    }


def test_odi_worked_example_one_missing_rounds_half_up():
    # 16 / 45 x 100 = 35.55... -> 36
    assert odi_score((5, 5, 3, 3, 0, 0, 0, 0, 0, None)) == {
        "percent": 36,
        "band": "moderate",
        "answered": 9,
    }


@pytest.mark.parametrize(
    ("total", "expected"),
    [(1, 2), (2, 4), (3, 7), (4, 9)],  # 2.22 -> 2, 4.44 -> 4, 6.67 -> 7, 8.89 -> 9
)
def test_odi_rounds_to_nearest_with_nine_answers(total, expected):
    assert odi_score(answers_summing(total, answered=9))["percent"] == expected


def test_odi_two_missing_is_not_scorable():
    result = odi_score((5, 5, 3, 3, 0, 0, 0, 0, None, None))
    assert result["percent"] is None
    assert result["band"] is None
    assert result["answered"] == 8
    assert "2 of 10" in result["reason"]


def test_odi_reason_only_when_not_scorable():
    assert "reason" not in odi_score(answers_summing(20))


def test_odi_nothing_answered_is_not_scorable():
    result = odi_score((None,) * 10)
    assert result["percent"] is None and result["answered"] == 0 and result["reason"]


@pytest.mark.parametrize(
    ("percent", "band"),
    [
        (0, "minimal"),
        (20, "minimal"),
        (21, "moderate"),
        (40, "moderate"),
        (41, "severe"),
        (60, "severe"),
        (61, "crippled"),
        (80, "crippled"),
        (81, "bed_bound"),
        (100, "bed_bound"),
    ],
)
def test_odi_band_boundaries(percent, band):
    assert odi_band(percent) == band


@pytest.mark.parametrize(
    ("total", "percent", "band"),
    [
        (10, 20, "minimal"),
        (11, 22, "moderate"),
        (20, 40, "moderate"),
        (21, 42, "severe"),
        (30, 60, "severe"),
        (31, 62, "crippled"),
        (40, 80, "crippled"),
        (41, 82, "bed_bound"),
        (50, 100, "bed_bound"),
    ],
)
def test_odi_score_band_boundaries(total, percent, band):
    # With 10 answers the percent is even, so 21/41/61/81 are checked on odi_band above.
    assert odi_score(answers_summing(total)) == {"percent": percent, "band": band, "answered": 10}


def test_odi_rejects_a_wrong_number_of_answers():
    with pytest.raises(ValueError, match="10 answers"):
        odi_score((1, 2, 3))


# --- NDI -----------------------------------------------------------------------------------------


def test_ndi_worked_example():
    assert ndi_score((2, 1, 2, 3, 2, 1, 2, 2, 1, 1)) == {
        "raw": 17,
        "percent": 34,
        "band": "moderate",
    }


def test_ndi_one_missing_is_filled_with_the_mean():
    # 16 + 16/9 = 17.78 -> 18
    assert ndi_score((2, 1, 2, 3, 2, 1, 2, 2, 1, None)) == {
        "raw": 18,
        "percent": 36,
        "band": "moderate",
    }


def test_ndi_mean_fill_rounds_down_below_half():
    # 13 + 13/9 = 14.44 -> 14, still mild
    assert ndi_score(answers_summing(13, answered=9)) == {"raw": 14, "percent": 28, "band": "mild"}


def test_ndi_two_missing_is_not_scorable():
    result = ndi_score((2, 1, 2, 3, 2, 1, 2, 2, None, None))
    assert result["raw"] is None and result["percent"] is None and result["band"] is None
    assert "2 of 10" in result["reason"]


def test_ndi_reason_only_when_not_scorable():
    assert "reason" not in ndi_score(answers_summing(0))


@pytest.mark.parametrize(
    ("raw", "band"),
    [
        (0, "none"),
        (4, "none"),
        (5, "mild"),
        (14, "mild"),
        (15, "moderate"),
        (24, "moderate"),
        (25, "severe"),
        (34, "severe"),
        (35, "complete"),
        (50, "complete"),
    ],
)
def test_ndi_band_boundaries(raw, band):
    assert ndi_band(raw) == band
    assert ndi_score(answers_summing(raw)) == {"raw": raw, "percent": raw * 2, "band": band}


# --- ZCQ -----------------------------------------------------------------------------------------


def test_zcq_worked_example():
    result = zcq_score(
        Zcq(symptom_severity=(3, 4, None, 4, None, 2, 3), physical_function=(2, 3, 2, 1, 1))
    )
    assert result == {
        "symptom_severity": 3.2,
        "physical_function": 1.8,
        "satisfaction": None,
        "satisfied": None,
    }


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ((2, 2, 3, 3, 3, 3, None), 2.67),  # 16/6 = 2.666...
        ((1, 1, 1, 1, 1, 2, None), 1.17),  # 7/6 = 1.1666...
        ((1, 1, 1, 1, 1, 1, 3), 1.29),  # 9/7 = 1.2857...
        ((3, 4, None, 4, None, 2, None), None),  # 3 missing
    ],
)
def test_zcq_symptom_severity_two_decimals_and_missing_limit(items, expected):
    assert zcq_score(Zcq(symptom_severity=items))["symptom_severity"] == expected


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ((2, 3, 2, 1, None), 2.0),  # 1 missing: still scored
        ((2, 3, 2, None, None), None),  # 2 missing
    ],
)
def test_zcq_physical_function_missing_limit(items, expected):
    assert zcq_score(Zcq(physical_function=items))["physical_function"] == expected


@pytest.mark.parametrize(
    ("items", "satisfaction", "satisfied"),
    [
        ((3, 3, 3, 2, 2, 2), 2.5, True),  # 15/6: boundary, satisfied
        ((3, 3, 2, 2, 3, None), 2.6, False),  # 13/5, 1 missing: scored
        ((1, 1, 1, 1, None, None), None, None),  # 2 missing
    ],
)
def test_zcq_satisfaction(items, satisfaction, satisfied):
    result = zcq_score(Zcq(satisfaction=items))
    assert result["satisfaction"] == satisfaction
    assert result["satisfied"] is satisfied


@pytest.mark.parametrize(("value", "expected"), [(1.0, True), (2.5, True), (2.51, False)])
def test_zcq_satisfied_boundary(value, expected):
    assert zcq_satisfied(value) is expected


def test_zcq_subscales_not_asked_are_null():
    assert zcq_score(Zcq()) == {
        "symptom_severity": None,
        "physical_function": None,
        "satisfaction": None,
        "satisfied": None,
    }


# --- mJOA, NRS, ABI ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (18, "none"),
        (17, "mild"),
        (15, "mild"),
        (14, "moderate"),
        (12, "moderate"),
        (11, "severe"),
        (0, "severe"),
    ],
)
def test_mjoa_band_boundaries(total, band):
    assert mjoa_band(total) == band
    assert mjoa_score(mjoa_of(total)) == {"total": total, "band": band}


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (0, "none"),
        (1, "mild"),
        (3, "mild"),
        (4, "moderate"),
        (6, "moderate"),
        (7, "severe"),
        (10, "severe"),
    ],
)
def test_nrs_band_boundaries(value, band):
    assert nrs_band(value) == band


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (0.5, "abnormal"),
        (0.90, "abnormal"),
        (0.904, "abnormal"),  # rounds to 0.90
        (0.905, "borderline"),  # rounds half up to 0.91
        (0.91, "borderline"),
        (0.99, "borderline"),
        (0.994, "borderline"),
        (0.995, "normal"),  # as written, not as the float 0.99499... is stored
        (1.00, "normal"),
        (1.40, "normal"),
        (1.404, "normal"),
        (1.405, "noncompressible"),
        (1.41, "noncompressible"),
        (2.5, "noncompressible"),
    ],
)
def test_abi_band_boundaries_after_rounding(value, band):
    assert abi_band(value) == band


@pytest.mark.parametrize(
    ("band_of", "value"),
    [(nrs_band, 11), (nrs_band, -1), (odi_band, 101), (ndi_band, 51), (mjoa_band, 19)],
)
def test_bands_reject_values_off_the_scale(band_of, value):
    with pytest.raises(ValueError, match="outside"):
        band_of(value)
