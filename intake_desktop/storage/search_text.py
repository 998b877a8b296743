"""Normalised search keys for the front desk's patient search.

People type names without accents and in any case ("garcia" for "García", "muller" for "Müller"),
and may start with any word of the name ("lopez" for "María García López"). So each patient gets
a few *search terms*: the normalised name from each word onwards ("maria garcia lopez",
"garcia lopez", "lopez") and the same for the record number. A record number is also found by
any part of it ("2108" for "DEMO-0021084"), so each of its words with a digit adds its endings
of two characters or more ("021084", "21084", "1084", "084", "84"): "contains" becomes
"one of the endings starts with", the same index range scan. A prefix search is then one index
range scan ``term >= 'gar' AND term < 'gas'`` on one column, which works the same on SQLite and
PostgreSQL (the column is byte-ordered on both, see :mod:`.models`).
"""

from __future__ import annotations

import unicodedata

#: Longest search term kept; longer names are cut (a prefix search never needs more).
MAX_TERM_LENGTH = 200

# Apostrophes join (O'Brien -> obrien, as people type it); other punctuation separates words.
_JOINERS = frozenset("'’`´ʼ")
# Letters that NFKD does not decompose but people type as plain ASCII.
_FOLDS = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)


def normalise_text(text: str) -> str:
    """Lowercase, accent-free, single-spaced form of ``text`` for matching (never for display)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    chars: list[str] = []
    for ch in decomposed:
        if unicodedata.combining(ch) or ch in _JOINERS:
            continue
        chars.append(ch if ch.isalnum() else " ")
    return " ".join("".join(chars).translate(_FOLDS).split())


#: Shortest ending of a record number's word kept as a term (one digit would match a tenth).
MIN_PART_LENGTH = 2


def search_terms(*texts: str | None) -> set[str]:
    """Every search term of a patient (name, record number): each text's normalised form from
    each of its words on, and the endings of words that hold a digit (module docstring)."""
    terms: set[str] = set()
    for text in texts:
        if not text:
            continue
        words = normalise_text(text).split(" ")
        for i in range(len(words)):
            term = " ".join(words[i:])[:MAX_TERM_LENGTH]
            if term:
                terms.add(term)
        terms.update(number_part_terms(text))
    return terms


def number_part_terms(record_number: str | None) -> set[str]:
    """The endings (two characters or more) of each word of a record number with a digit."""
    parts: set[str] = set()
    for word in normalise_text(record_number or "").split(" "):
        if any(ch.isdigit() for ch in word):
            parts.update(word[i:] for i in range(1, len(word) - MIN_PART_LENGTH + 1))
    return parts


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string that starts with ``prefix``.

    ``prefix`` must be non-empty. The last character is incremented (skipping the surrogate
    range, which cannot be stored); so ``term >= prefix AND term < bound`` is exactly "starts
    with prefix" in code-point order, which is byte order for UTF-8.
    """
    last = ord(prefix[-1])
    if last >= 0x10FFFF:
        return prefix_upper_bound(prefix[:-1]) if len(prefix) > 1 else "\U0010ffff" * 2
    nxt = last + 1
    if 0xD800 <= nxt <= 0xDFFF:
        nxt = 0xE000
    return prefix[:-1] + chr(nxt)
