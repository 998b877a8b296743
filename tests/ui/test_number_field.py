"""Numbers typed the interface language's way, and nothing read that could mean two things.

The bug: a comma was read as a decimal mark in every language, so 1,200 metres walked, typed in
the English interface, became 1.2 metres, silently.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from intake_desktop.ui.widgets.number_field import NumberField, read_number
from tests.ui import test_translation

spanish = test_translation.spanish  # fixture: the Spanish interface for one test


@pytest.mark.parametrize(
    ("text", "english", "spanish_value"),
    [
        ("1200", 1200, 1200),
        ("1,200", 1200, 1.2),  # English groups thousands with the comma; Spanish writes decimals
        ("12,345,678.5", 12345678.5, None),
        ("1 200", 1200, 1200),  # a space groups thousands in both
        ("1\u00a0200,5", None, 1200.5),
        ("12 00", None, None),  # a space that groups nothing
        ("0,85", None, 0.85),  # English never writes a decimal comma: refused, not guessed
        ("1,20", None, 1.2),  # in English a slip for 120 or 1,200 as likely as for 1.2
        ("1,2000", None, 1.2),
        ("0.85", 0.85, 0.85),  # a decimal point in Spanish too (Mexico, the United States)
        ("0.850", 0.85, 0.85),  # no thousands group starts with 0
        ("1.200", 1.2, None),  # Spanish: a thousand and two hundred, or one point two: refused
        ("2,5", None, 2.5),
        ("1,2,3", None, None),
        ("-3", -3, -3),
        ("1e3", None, None),
        ("1_200", None, None),
        ("inf", None, None),
        ("nan", None, None),
        ("Infinity", None, None),
        ("abc", None, None),
    ],
)
def test_read_number_follows_the_language_and_refuses_what_reads_two_ways(
    text: str, english: float | None, spanish_value: float | None
) -> None:
    assert read_number(text, ".") == english
    assert read_number(text, ",") == spanish_value


def test_the_english_field_reads_a_grouped_thousand_as_a_thousand(qtbot) -> None:
    field = NumberField(0, 100_000, "m", integer=True)
    qtbot.addWidget(field)
    seen: list[object] = []
    field.value_changed.connect(seen.append)
    qtbot.keyClicks(field.edit, "1,200")
    assert field.value() == 1200 and seen[-1] == 1200
    field.edit.clear()
    qtbot.keyClicks(field.edit, "1,2,0")
    assert field.value() == "1,2,0"  # not a number: kept as typed, for validation to name
    field.set_value(12345.67)
    assert field.edit.text() == "12345.67"  # as typed: every decimal kept


def test_the_spanish_field_reads_and_shows_the_decimal_comma(qtbot, spanish) -> None:
    field = NumberField(0.3, 1.5, "")
    qtbot.addWidget(field)
    assert field.edit.placeholderText() == "0,3–1,5"
    qtbot.keyClicks(field.edit, "0,85")
    assert field.value() == 0.85
    field.set_value(0.9)
    assert field.edit.text() == "0,9"
    field.edit.clear()
    qtbot.keyClick(field.edit, Qt.Key.Key_1)
    qtbot.keyClicks(field.edit, ".200")
    assert field.value() == "1.200"  # read two ways: kept as typed, refused by validation
