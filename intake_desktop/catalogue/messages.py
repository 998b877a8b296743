"""The message catalogue: what the engine found, said in the reader's language.

The domain returns codes and values (:class:`~intake_desktop.domain.messages.Message`: English
text that also carries a key and values); this module puts them in words, in English or Spanish,
for the UI's plan panel and the printed summaries alike.

Use:

- ``render(message, "es")``: a message of a live plan (``plan.rules_fired[0].reason``, a finding,
  an evidence line, a warning) in Spanish. Plain text without a key comes back unchanged.
- ``plan_text(plan_dict, text, "es")``: a sentence of a *stored* plan (the JSON of
  ``Plan.to_dict()``), found in the plan's own ``messages`` map; a plan stored before rules
  2026.12 has none, so its English text is shown as it was signed.
- ``score_lines(plan.scores, "es")``: one line per questionnaire score.
- ``with_messages(plan_dict)``: a stored plan whose sentences are messages again, so that
  ``render`` works on them directly (the clinician summary does this once per document).

A language is ``"en"``, ``"es"`` or any BCP 47 tag whose primary subtag is one of them
(``"es-MX"``); any other language gets English. Spanish templates live in ``messages_es.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from intake_desktop.domain.messages import (
    ENGLISH,
    PROCEDURE_PREFIX,
    RULE_PREFIX,
    Message,
    english_words,
    fmt_number,
    from_dict,
    render_with,
)

from .messages_es import SPANISH, SPANISH_WORDS

#: Lines this catalogue adds for the UI (scores), in English; the domain's own are in ENGLISH.
ENGLISH_EXTRA: dict[str, str] = {
    "score.odi": "ODI: {percent} % ({band:code})",
    "score.odi_unscorable": "ODI: not scorable",
    "score.ndi": "NDI: {raw}/50 ({band:code})",
    "score.ndi_unscorable": "NDI: not scorable",
    "score.zcq": "ZCQ: {parts:join}",
    "score.zcq_part": "{part:code} {score}",
    "score.zcq_unscorable": "ZCQ: not scorable",
    "score.mjoa": "mJOA: {total} ({band:code})",
    "score.nrs": "Pain {site:code}: {value}/10 ({band:code})",
    "score.abi": "ABI: {value} ({band:code})",
    "score.konno": "Konno: {points} points, stenosis {verdict:code}",
    "score.konno_missing": "Konno: {points} points, stenosis {verdict:code} "
    "({missing} items not recorded)",
    "score.cook": "Cook cluster: {findings} of 5 findings",
}


class _Language:
    def __init__(
        self,
        templates: Mapping[str, str],
        words: Mapping[str, str],
        conjunction: str,
        decimal: str,
        english: bool,
    ) -> None:
        self.templates, self.words = templates, words
        self.conjunction, self.decimal, self.english = conjunction, decimal, english

    def word(self, code: str) -> str:
        """A code in words; a procedure (``procedure:decompression``) has its own entry only
        where it differs from the same code elsewhere (``mild``), else the code's own word.
        Without that second look every Spanish procedure but MILD printed in English.
        A rule (``rule:R5.mild``) without words of its own gets the language's generic words
        (entry ``rule:``), never its id."""
        found = self.words.get(code)
        if found is None and code.startswith(PROCEDURE_PREFIX):
            found = self.words.get(code.removeprefix(PROCEDURE_PREFIX))
        if found is None and code.startswith(RULE_PREFIX):
            found = self.words.get(RULE_PREFIX)
        return found or english_words(code)


CATALOGUES: dict[str, _Language] = {
    "en": _Language({**ENGLISH, **ENGLISH_EXTRA}, {}, "and", ".", english=True),
    "es": _Language(SPANISH, SPANISH_WORDS, "y", ",", english=False),
}


def language_of(tag: str | None) -> str:
    """The catalogue for a BCP 47 tag: ``es-MX`` -> ``es``; English when there is none."""
    primary = (tag or "en").split("-")[0].split("_")[0].lower()
    return primary if primary in CATALOGUES else "en"


def render(
    message: Message | str,
    language: str,
    words: Callable[[str], str] | None = None,
    decimal: str | None = None,
) -> str:
    """``message`` in ``language``; text without a message key is returned as it is.

    ``words`` may replace the catalogue's names of codes (e.g. the UI's translated labels);
    ``decimal`` the language's decimal mark (a printout follows its template's ``numbers``).
    """
    if not isinstance(message, Message):
        return str(message)
    return render_key(message.key, message.values, language, words, decimal)


def render_key(
    key: str,
    values: Mapping[str, Any],
    language: str,
    words: Callable[[str], str] | None = None,
    decimal: str | None = None,
) -> str:
    """The template ``key`` of ``language`` filled with ``values`` (English when it has none)."""
    lang = CATALOGUES[language_of(language)]
    mark = decimal or lang.decimal
    templates = lang.templates
    if key not in templates:
        lang, templates = CATALOGUES["en"], CATALOGUES["en"].templates
    return render_with(
        key,
        values,
        templates,
        words or lang.word,
        lang.conjunction,
        mark,
        english_codes=lang.english,
    )


def plan_text(plan: Mapping[str, Any], text: str, language: str) -> str:
    """A sentence of a stored plan (``Plan.to_dict()`` JSON) in ``language``.

    The plan's ``messages`` map gives the sentence's key and values; a sentence not in it (a plan
    stored before rules 2026.12, or typed by a person) is returned unchanged.
    """
    found = (plan.get("messages") or {}).get(text)
    if not isinstance(found, Mapping) or "key" not in found:
        return text
    return render(from_dict(found), language)


def with_messages(plan: Mapping[str, Any]) -> dict[str, Any]:
    """A stored plan whose sentences are messages again (found in its ``messages`` map).

    Each such text stays the same ``str`` (equal, same JSON), so every reader of the plan works as
    before, and :func:`render` can now say it in another language. A plan without ``messages``
    (stored before rules 2026.12) comes back unchanged.
    """
    table = plan.get("messages") or {}
    if not table:
        return dict(plan)
    found: dict[str, Message] = {}

    def back(value: Any) -> Any:
        if isinstance(value, str):
            if isinstance(value, Message) or value not in table:
                return value
            if value not in found:
                found[value] = from_dict(table[value])
            return found[value]
        if isinstance(value, list):
            return [back(v) for v in value]
        if isinstance(value, dict):
            return {k: back(v) for k, v in value.items()}
        return value

    return {k: v if k in ("messages", "scores") else back(v) for k, v in plan.items()}


def score_lines(scores: Mapping[str, Any], language: str) -> list[str]:
    """One line per score of ``plan.scores`` (the plan panel's "Scores")."""
    say: Callable[..., str] = lambda key, **values: render_key(key, values, language)  # noqa: E731
    lines: list[str] = []
    if "odi" in scores:
        s = scores["odi"]
        ok = s.get("percent") is not None
        lines.append(say("score.odi", **s) if ok else say("score.odi_unscorable"))
    if "ndi" in scores:
        s = scores["ndi"]
        ok = s.get("raw") is not None
        lines.append(say("score.ndi", **s) if ok else say("score.ndi_unscorable"))
    if "zcq" in scores:
        parts = [
            Message("score.zcq_part", part=k, score=round(v, 2))
            for k, v in scores["zcq"].items()
            if k != "satisfied" and v is not None
        ]
        lines.append(say("score.zcq", parts=parts) if parts else say("score.zcq_unscorable"))
    if "mjoa" in scores:
        s = scores["mjoa"]
        lines.append(say("score.mjoa", total=s.get("total"), band=s.get("band") or "unknown"))
    for site, s in scores.get("nrs", {}).items():
        lines.append(say("score.nrs", site=site, value=s["value"], band=s["band"]))
    if "abi" in scores:
        s = scores["abi"]
        lines.append(say("score.abi", value=round(s["value"], 2), band=s["band"]))
    if "konno" in scores:
        s = scores["konno"]
        verdict = "likely" if s["likely"] else "not_likely"
        missing = len(s.get("not_recorded") or ())
        key = "score.konno_missing" if missing else "score.konno"
        lines.append(say(key, points=s["points"], verdict=verdict, missing=missing))
    if "cook" in scores:
        lines.append(say("score.cook", findings=scores["cook"]["findings"]))
    return lines


__all__ = [
    "CATALOGUES",
    "fmt_number",
    "language_of",
    "plan_text",
    "render",
    "render_key",
    "score_lines",
    "with_messages",
]
