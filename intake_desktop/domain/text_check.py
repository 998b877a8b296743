"""Which characters a name, a record number or a note may hold.

Text typed at the front desk or read from a file ends up on screens, on printed summaries, in
exported files and on terminals. A control character (NUL, BEL, ESC starting a terminal escape
sequence) or a bidirectional override (which makes ``ABC-123`` display as something else) has no
place in any of them, and a lone surrogate cannot even be stored or encoded as UTF-8. One rule for
every text field, used by the case validator and the patient services alike.
"""

from __future__ import annotations

import re

#: Characters that reorder the text around them (U+202A-U+202E embeddings and overrides,
#: U+2066-U+2069 isolates): what is printed would no longer be what was typed.
_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_CONTROLS = "\x00-\x1f\x7f-\x9f"
_SURROGATES = "\ud800-\udfff"
_SINGLE_LINE = re.compile(f"[{_CONTROLS}{_BIDI_CONTROLS}{_SURROGATES}]")
#: Free-text notes may hold line breaks and tabs, nothing else below U+0020.
_MULTI_LINE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI_CONTROLS}{_SURROGATES}]")


def text_problem(value: str, *, multiline: bool = False) -> str | None:
    """What is wrong with the characters of ``value`` (None when nothing is).

    ``multiline`` allows tabs and line breaks (a note for the patient); names, record numbers and
    other one-line fields allow neither.
    """
    found = (_MULTI_LINE if multiline else _SINGLE_LINE).search(value)
    if found is None:
        return None
    char = found.group()
    code = ord(char)
    at = f"at character {found.start() + 1}"
    if 0xD800 <= code <= 0xDFFF:
        return f"holds a lone surrogate U+{code:04X} {at}, which is not a character"
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        return (
            f"holds the bidirectional control U+{code:04X} {at}, "
            "which would make the text display differently from what it is"
        )
    return f"holds the control character U+{code:04X} {at}; only visible text is allowed"
