"""Reading a printed summary for words of the wrong language.

Two nets: a short list of the commonest function words of the other language (a whole sentence
left untranslated always carries some), and the vocabulary of the other language's templates
less our own (a single label left untranslated, such as a test name, is caught too). What is
not ours to translate is taken out first: the patient's name and the clinic's name, address,
phone and website, which print as the clinic wrote them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from intake_desktop.reporting import DEFAULT_TEMPLATES_DIR, Template

# fmt: off
#: Common English words that never occur in Spanish.
ENGLISH_FUNCTION_WORDS = frozenset({
    "the", "and", "you", "your", "with", "what", "when", "for", "of", "to", "is", "are", "not",
    "this", "that", "we", "our", "us", "if", "or", "can", "will", "have", "be", "at", "on", "in",
    "it", "from", "by", "do",
})
#: Common Spanish words that never occur in English.
SPANISH_FUNCTION_WORDS = frozenset({
    "el", "la", "los", "las", "de", "del", "que", "su", "sus", "usted", "para", "con", "por",
    "una", "es", "y", "le", "lo", "al", "se",
})
# fmt: on
_PLACEHOLDER = re.compile(r"\{\w+\}")
#: Keys whose values are codes, not printed words.
_CODES = frozenset({"section_order"})


def words(text: str) -> list[str]:
    """The words of ``text``, lower case, letters only (accents kept)."""
    return re.findall(r"[^\W\d_]+", text.lower())


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, Mapping):
        for key, value in node.items():
            if key not in _CODES:
                yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def vocabulary(language: str, files: Iterable[str] = ("common", "patient")) -> set[str]:
    """Every word the templates of ``language`` print (not placeholders, codes or comments)."""
    found: set[str] = set()
    for name in files:
        data = tomllib.loads((DEFAULT_TEMPLATES_DIR / language / f"{name}.toml").read_text("utf-8"))
        for text in _strings(data):
            found.update(words(_PLACEHOLDER.sub(" ", text)))
    return found


def not_ours(t: Template, patient_name: str) -> set[str]:
    """Words printed as someone else wrote them: the patient's name and the clinic's details."""
    clinic = t.clinic["clinic"]
    fields = (patient_name, clinic["name"], clinic["address"], clinic["phone"])
    return set(words(" ".join((*fields, clinic.get("website", "")))))


def foreign_words(
    text: str, *, own: set[str], other: set[str], function_words: frozenset[str], exclude: set[str]
) -> set[str]:
    """Words of ``text`` that belong to the other language, not ours, and are not excluded."""
    printed = set(words(text)) - exclude
    return (printed & function_words) | (printed & (other - own))


def flat_keys(node: Mapping[str, Any], prefix: str = "") -> set[str]:
    """The dotted keys of every leaf of a TOML table (a list counts as one leaf)."""
    keys: set[str] = set()
    for key, value in node.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, Mapping):
            keys |= flat_keys(value, dotted + ".")
        else:
            keys.add(dotted)
    return keys
