"""Messages: the domain says what it found as a key and values; words come from a catalogue.

The engine explains itself in sentences (rule reasons, findings, evidence, warnings). So that the
UI and the printouts can say them in the reader's language, every such sentence is a
:class:`Message`: a ``str`` holding the English text (so plan JSON, equality and printing are
unchanged) that also carries its ``key`` and ``values``. The English templates live here because
the plan's JSON keeps English text; other languages live outside the domain
(``intake_desktop/catalogue/messages.py``), which renders the same key and values.

Template placeholders are ``{name}`` or ``{name:spec}``:

- no spec: a number (``300``, not ``300.0``), a nested message, or free text (dates, levels);
- ``code``: a code in words (``disc_bulge`` -> ``disc bulge``); ``codeid``: the code itself in
  English (kept as the engine always printed it), its words in other languages;
- ``codes`` / ``and``: a list of codes in words, joined by commas / by "and";
- ``procs``: a list of procedure codes in words (``mild`` is the MILD procedure, not a degree);
- ``rule``: a rule id said as what the rule decided (``R5.mild`` -> MILD for a thickened
  ligamentum flavum ...): a sentence never shows a rule id, which prints only in the clinician
  summary's list of the rules that fired, beside the rule's name;
- ``join`` / ``list``: a list of messages or texts, joined by ", " / "; ".
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from typing import Any

from .texts_en import ENGLISH as ENGLISH  # English templates; rule reasons: rule.<rule id>
from .texts_en import RULE_WORDS, UNNAMED_RULE


class Message(str):
    """English text that also knows its message key and values (see the module docstring)."""

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, /, **values: Any) -> Message:
        obj = super().__new__(cls, render_with(key, values, ENGLISH, english_words, "and"))
        obj.key = key
        obj.values = values
        return obj

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, Any]]:
        return (self.key,), dict(self.values)

    def to_dict(self) -> dict[str, Any]:
        """Key and values as JSON (nested messages become ``{"key", "values"}`` objects)."""
        return {"key": self.key, "values": {k: _json(v) for k, v in self.values.items()}}


def msg(key: str, /, **values: Any) -> Message:
    """A message; the key must have an English template."""
    assert key in ENGLISH, key
    return Message(key, **values)


def from_dict(data: Mapping[str, Any]) -> Message:
    """A message back from :meth:`Message.to_dict` (as stored in a plan's JSON)."""
    values = {k: _from_json(v) for k, v in (data.get("values") or {}).items()}
    return Message(str(data["key"]), **values)


#: Marks a code as a procedure for the word tables, where ``mild`` would otherwise be a degree.
PROCEDURE_PREFIX = "procedure:"
#: Marks a rule id for the word tables (``rule:R5.mild``): its words say what the rule decided.
RULE_PREFIX = "rule:"


def english_words(code: str) -> str:
    """A code in English words, as the engine has always written them (MILD in capitals)."""
    if code == f"{PROCEDURE_PREFIX}mild":
        return "MILD"
    if code.startswith(RULE_PREFIX):  # never the id itself, even for a rule with no words yet
        return RULE_WORDS.get(code.removeprefix(RULE_PREFIX), UNNAMED_RULE)
    return code.removeprefix(PROCEDURE_PREFIX).replace("_", " ")


def fmt_number(value: float, decimal: str = ".", places: int | None = None) -> str:
    """A recorded number as people write it: 300, not 300.0; ``places`` fixes the decimals
    (a score shown as 2.40). ``decimal`` is the language's mark: every printed or shown number
    goes through here so that one language never mixes 0.85 and 0,85."""
    if places is not None:
        text = f"{value:.{places}f}"
    else:
        text = str(int(value)) if float(value).is_integer() else f"{value:g}"
    return text.replace(".", decimal)


def render_with(
    key: str,
    values: Mapping[str, Any],
    templates: Mapping[str, str],
    words: Callable[[str], str],
    conjunction: str,
    decimal: str = ".",
    english_codes: bool = True,
) -> str:
    """``key`` rendered with ``templates``; nested messages are rendered the same way."""
    template = templates.get(key) or ENGLISH.get(key)
    if template is None:
        return key

    def nested(value: Any) -> str:
        if isinstance(value, Message):
            return render_with(
                value.key, value.values, templates, words, conjunction, decimal, english_codes
            )
        if isinstance(value, bool):
            return str(value).lower()
        if isinstance(value, int | float):
            return fmt_number(value, decimal)
        return str(value)

    def field(value: Any, spec: str) -> str:
        if spec == "code":
            return words(str(value))
        if spec == "codeid":
            return str(value) if english_codes else words(str(value))
        if spec == "codes":
            return ", ".join(words(str(v)) for v in value)
        if spec == "rule":
            return words(f"{RULE_PREFIX}{value}")
        if spec == "procs":
            return ", ".join(words(f"{PROCEDURE_PREFIX}{v}") for v in value)
        if spec == "and":
            items = [words(str(v)) for v in value]
            return f" {conjunction} ".join(items)
        if spec == "join":
            return ", ".join(nested(v) for v in value)
        if spec == "list":
            return "; ".join(nested(v) for v in value)
        return nested(value)

    return _Formatter(field).vformat(template, (), dict(values))


class _Formatter(string.Formatter):
    def __init__(self, field: Callable[[Any, str], str]) -> None:
        self._field = field

    def format_field(self, value: Any, format_spec: str) -> str:
        return self._field(value, format_spec)


def _json(value: Any) -> Any:
    if isinstance(value, Message):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    return value


def _from_json(value: Any) -> Any:
    if isinstance(value, Mapping) and "key" in value:
        return from_dict(value)
    if isinstance(value, list):
        return [_from_json(v) for v in value]
    return value
