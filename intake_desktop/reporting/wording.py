"""The sentences the engine writes, made fit to print: codes become labels, one call per line.

The engine and the follow-up alerts explain themselves in sentences (a rule's reason, the
findings behind it, a question's evidence, an alert's numbers) written in English and sometimes
carrying a code as it is stored (``bladder_bowel_dysfunction (red-flag screen)``). Every such line
on the clinician summary goes through :func:`clinical_line` and nothing else, so that:

- a code never reaches the paper: any stored code in the line is replaced by its label in the
  template's language (the ``codes`` table, else the application's English label);
- the message catalogue that translates these sentences (``intake_desktop/catalogue``) plugs in
  here, in one place: :func:`clinical_line` is where a line is rendered in the template's language
  before its codes are labelled.

Rule ids (``R5.mild``) are stable references to the specification, so they do print, but only
beside the rule's name from the template (``rules.<id>``): see :func:`rule_title`.
"""

from __future__ import annotations

import re
import typing
from xml.sax.saxutils import escape

from intake_desktop.catalogue.messages import render
from intake_desktop.domain import codes as _codes
from intake_desktop.domain.instruments import COOK_ITEMS, KONNO_ITEMS

from .facts import code_text
from .layout import decimal_mark
from .template_spec import rule_key
from .templates import Template


def _stored_codes() -> frozenset[str]:
    """Every code the case, the plan and the scores store (the enums of domain.codes)."""
    found: set[str] = set()
    for name, value in vars(_codes).items():
        if name.startswith("_"):
            continue
        if typing.get_origin(value) is typing.Literal:
            found.update(a for a in typing.get_args(value) if isinstance(a, str))
        elif isinstance(value, tuple | frozenset | dict) and all(isinstance(v, str) for v in value):
            found.update(value)  # a tuple of codes, or a table keyed by code
    found.update(KONNO_ITEMS, COOK_ITEMS)
    found -= {_codes.CASE_FORMAT, _codes.PLAN_FORMAT}
    return frozenset(found)


#: The stored codes; those written with an underscore can never be a plain word of a sentence.
STORED_CODES: frozenset[str] = _stored_codes()
CODE_WORDS: frozenset[str] = frozenset(c for c in STORED_CODES if "_" in c)
#: A code word, or a one-word code alone in brackets ("imaging (mri)"), where it is no English.
_CODE_WORD = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|(?<=\()[a-z][a-z0-9]*(?=\))")


def clinical_line(t: Template, line: str) -> str:
    """One sentence of the engine or the alerts, as paragraph markup in the template's words.

    A sentence the engine wrote as a message (every plan since rules 2026.12; a stored plan's
    sentences become messages again in :func:`.document.plan_as_dict`) is first said in the
    template's language by the message catalogue; any code still in the line (English text, or an
    older plan's sentence) is then replaced by its label.
    """
    line = render(line, t.language, decimal=decimal_mark(t))
    out: list[str] = []
    last = 0
    for match in _CODE_WORD.finditer(line):
        if match.group(0) not in STORED_CODES:
            continue
        out.append(escape(line[last : match.start()]))
        out.append(code_text(t, match.group(0)))
        last = match.end()
    out.append(escape(line[last:]))
    return "".join(out)


def clinical_lines(t: Template, lines: typing.Iterable[str], sep: str = "; ") -> str:
    """Several engine sentences joined (each through :func:`clinical_line`)."""
    return sep.join(clinical_line(t, x) for x in lines)


def rule_title(t: Template, rule_id: str) -> str:
    """A fired rule as the reader sees it: its name in words, with the stable id beside it.

    The id is kept for tracing a printed decision to the rule set, but never alone: a rule the
    template does not name (a newer engine) is called by the template's generic word.
    """
    key = f"rules.{rule_key(rule_id)}"
    name = t.plain(key) if t.has(key) else t.plain("labels.rule_unnamed")
    return f"<b>{escape(name)}</b> · {escape(rule_id)}"


def language_name(t: Template, tag: str | None) -> str:
    """A language tag (``es-MX``) as the language's name in the reader's words."""
    if not tag:
        return escape(t.plain("words.not_recorded"))
    names = t.raw("languages", {})
    primary = tag.split("-")[0].lower()
    return escape(names.get(tag) or names.get(primary) or tag)
