"""Which template folder prints a summary, from the patient's preferred language.

The patient record and the case carry a BCP 47 tag (``es``, ``es-MX``, ``en-GB``). A folder named
exactly like the tag wins (a clinic may add ``es-MX/`` for local wording); otherwise the primary
subtag picks the folder (``es-MX`` → ``es/``). A language without a folder falls back to English,
and the choice carries a warning the caller can show, so that nobody believes a Spanish sheet
was printed when it was not.

The clinician summary may stay English: a language folder without ``clinician.toml`` prints the
clinician summary from ``en/``. The patient summary never falls back inside a language folder: a
folder without ``patient.toml`` is a broken template and fails loudly when loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .paths import templates_folder

#: The language every installation has, and the one used when no better folder exists.
DEFAULT_LANGUAGE = "en"
_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


@dataclass(frozen=True, slots=True)
class LanguageChoice:
    """The template folder chosen for a preferred language, and why, when it is not that one."""

    requested: str | None
    language: str
    warning: str | None = None

    @property
    def fell_back(self) -> bool:
        """True when the patient asked for a language the templates do not have."""
        return self.warning is not None


def is_language_tag(tag: str) -> bool:
    """True for a syntactically plausible BCP 47 tag (``en``, ``es-MX``, ``zh-Hant-TW``)."""
    return bool(_TAG.fullmatch(tag))


def available_languages(templates_dir: Path | None = None) -> tuple[str, ...]:
    """The languages with a template folder (one holding ``common.toml``), sorted."""
    folder = _folder(templates_dir)
    if not folder.is_dir():
        return ()
    return tuple(
        sorted(p.name for p in folder.iterdir() if p.is_dir() and (p / "common.toml").is_file())
    )


def template_language(tag: str, templates_dir: Path | None = None) -> str | None:
    """The template folder for ``tag``: exact folder, else its primary subtag; ``None`` if none.

    Tags are compared case-insensitively (``ES-mx`` finds ``es-MX/`` or ``es/``).
    """
    tag = tag.strip()
    if not is_language_tag(tag):
        return None
    by_lower = {name.lower(): name for name in available_languages(templates_dir)}
    exact = by_lower.get(tag.lower())
    if exact is not None:
        return exact
    return by_lower.get(tag.split("-")[0].lower())


def choose_language(
    preferred: str | None, kind: str = "patient", templates_dir: Path | None = None
) -> LanguageChoice:
    """The language to print the ``kind`` summary in for a patient who prefers ``preferred``.

    ``None`` or an empty tag means English without a warning. A tag without templates means
    English with a warning (for the patient summary; the clinician summary is expected to be
    English, so there it falls back quietly).
    """
    tag = (preferred or "").strip()
    if not tag:
        return LanguageChoice(None, DEFAULT_LANGUAGE)
    found = template_language(tag, templates_dir)
    if found is not None and (kind == "patient" or has_kind(found, kind, templates_dir)):
        return LanguageChoice(tag, found)
    if kind != "patient":
        return LanguageChoice(tag, DEFAULT_LANGUAGE)
    return LanguageChoice(
        tag,
        DEFAULT_LANGUAGE,
        f"The patient's preferred language is {tag!r}, but there are no report templates for it "
        f"(available: {', '.join(available_languages(templates_dir)) or 'none'}); "
        "the patient summary is printed in English.",
    )


def has_kind(language: str, kind: str, templates_dir: Path | None = None) -> bool:
    """True when the folder of ``language`` has its own template for ``kind``."""
    return (_folder(templates_dir) / language / f"{kind}.toml").is_file()


def _folder(templates_dir: Path | None) -> Path:
    return templates_folder(templates_dir)
