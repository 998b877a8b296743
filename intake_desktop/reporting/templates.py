"""Report templates: what a clinic may change without code, loaded from TOML and checked up front.

A template is three files read together: ``clinic.toml`` (name, address, phone, logo, colours,
fonts, sizes; shared by every language), ``<language>/common.toml`` (dates, page furniture, small
words) and ``<language>/<kind>.toml`` (headings, section order and every sentence of that
document). Everything is checked when the template is loaded, against the spec in
:mod:`.template_spec`, so a broken template fails before any PDF is started, with a
:class:`TemplateError` naming the file and the key.

Texts are plain text with ``{placeholders}`` from a fixed list and ``**bold**``; they are escaped
for ReportLab's paragraph markup, so an ``&`` or ``<`` in a clinic's wording prints as written.

Parsing and checking the TOML is most of the cost of loading (milliseconds per render, issue 8),
so each file's checked contents are kept for the life of the process and reused while the file's
bytes are unchanged. The bytes are read and compared on every load (microseconds), not just the
modification time: an edit saved within the same clock tick, at the same size, is still picked up
by the next render. Because a loaded file is shared between templates, its contents are read-only
(tables are mappings, lists are tuples).
"""

from __future__ import annotations

import re
import string
import threading
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any
from xml.sax.saxutils import escape

from .clinic_overrides import ClinicOverrides, frozen, merged
from .languages import DEFAULT_LANGUAGE, has_kind, template_language
from .paths import templates_folder
from .template_spec import CLINIC_SPEC, COMMON_SPEC, KIND_SPECS, PLACEHOLDERS, Check

KINDS: tuple[str, ...] = ("patient", "clinician")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_TABLES = (MappingProxyType, dict)
_FORMATTER = string.Formatter()


class TemplateError(Exception):
    """A template file cannot be used; names the file and the key (dotted) at fault."""

    def __init__(self, file: Path | str, key: str, message: str) -> None:
        self.file = Path(file)
        self.key = key
        self.message = message
        where = f"{self.file}, key {key!r}" if key else str(self.file)
        super().__init__(f"report template {where}: {message}")


@dataclass(frozen=True)
class Template:
    """A loaded, checked template for one kind of document in one language."""

    kind: str
    language: str
    folder: Path
    clinic: Mapping[str, Any]
    fonts: Mapping[str, Path]
    logo: Path | None
    _texts: Mapping[str, Any]
    _origin: Mapping[str, Path]
    #: The logo's bytes when the clinic's stored settings hold one (it wins over ``logo``).
    logo_data: bytes | None = None

    def raw(self, key: str, default: Any = ...) -> Any:
        """The value at a dotted key; ``default`` when given and the key is absent."""
        node: Any = self._texts
        for part in key.split("."):
            # Loaded texts are read-only dicts (MappingProxyType): checked by type first, as
            # the abstract Mapping check costs a microsecond on each of a sheet's lookups.
            if not isinstance(node, _TABLES) or part not in node:
                if default is not ...:
                    return default
                raise TemplateError(self.file_of(key), key, "missing")
            node = node[part]
        return node

    def has(self, key: str) -> bool:
        return self.raw(key, None) is not None

    def text(self, key: str, **values: Any) -> str:
        """The text at ``key`` as paragraph markup, placeholders filled and escaped."""
        return self.fill(self.raw(key), key, **values)

    def texts(self, key: str, **values: Any) -> list[str]:
        """A list of texts at ``key``, each as :meth:`text` makes it."""
        return [self.fill(item, key, **values) for item in self.raw(key)]

    def plain(self, key: str, **values: Any) -> str:
        """The text at ``key`` as plain text (for drawing on the page, not for paragraphs)."""
        text = self.raw(key)
        try:
            return text.format_map(_OnDemand(values, str)).replace("**", "")
        except KeyError as exc:
            raise TemplateError(
                self.file_of(key), key, f"placeholder {{{exc.args[0]}}} is not available here"
            ) from None

    def fill(self, text: str, key: str, **values: Any) -> str:
        """Escape ``text``, fill its placeholders with escaped values, apply ``**bold**``."""
        try:
            out = escape(text).format_map(_OnDemand(values, _escaped))
        except KeyError as exc:
            raise TemplateError(
                self.file_of(key), key, f"placeholder {{{exc.args[0]}}} is not available here"
            ) from None
        return _BOLD.sub(r"<b>\1</b>", out)

    def file_of(self, key: str) -> Path:
        return self._origin.get(key.split(".")[0], self.folder)


class _OnDemand:
    """Placeholder values for ``str.format_map``, each converted only if the text uses it.

    A summary fills some hundred texts, each offered every placeholder of the document, and
    most use one or none: converting them all for every text was most of the cost of a fill.
    """

    __slots__ = ("_convert", "_values")

    def __init__(self, values: Mapping[str, Any], convert: Callable[[Any], str]) -> None:
        self._values = values
        self._convert = convert

    def __getitem__(self, name: str) -> str:
        return self._convert(self._values[name])  # KeyError: the text's placeholder is unknown


def _escaped(value: Any) -> str:
    return escape(str(value))


def load_template(
    kind: str,
    language: str = "en",
    templates_dir: Path | None = None,
    clinic: ClinicOverrides | None = None,
) -> Template:
    """Load and check the template of ``kind`` ("patient" or "clinician") in ``language``.

    ``language`` is a BCP 47 tag; ``es-MX`` uses ``es-MX/`` if there is one, else ``es/``
    (:func:`.languages.template_language`). A language without templates is an error here; the
    lenient choice with an English fallback is :func:`.languages.choose_language`. A language
    folder without ``clinician.toml`` prints the clinician summary from ``en/`` (the loaded
    template's ``language`` says so); the patient summary never falls back. ``clinic`` holds the
    settings stored with the records, laid over ``clinic.toml`` (:mod:`.clinic_overrides`).
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    folder = templates_folder(templates_dir)
    found = template_language(language, folder)
    if found is None:
        raise TemplateError(folder / language, "", f"no templates for language {language!r}")
    if kind == "clinician" and not has_kind(found, kind, folder):
        found = DEFAULT_LANGUAGE
    language = found
    lang_dir = folder / language
    clinic_file = folder / "clinic.toml"
    clinic_data = _load_checked(clinic_file, CLINIC_SPEC, PLACEHOLDERS["clinic"])
    if clinic is not None and not clinic.empty:
        data = merged(clinic_data, clinic)
        if clinic.no_logo:
            data["clinic"]["logo"] = ""
        _check(data, CLINIC_SPEC, _STORED_SETTINGS, PLACEHOLDERS["clinic"])
        clinic_data = frozen(data)
    texts: dict[str, Any] = {}
    origin: dict[str, Path] = {}
    for path, spec in (
        (lang_dir / "common.toml", COMMON_SPEC),
        (lang_dir / f"{kind}.toml", KIND_SPECS[kind]),
    ):
        loaded = _load_checked(path, spec, PLACEHOLDERS[kind])
        for top, value in loaded.items():
            if top in texts:
                raise TemplateError(path, top, f"already defined in {origin[top].name}")
            texts[top] = value
            origin[top] = path
    return Template(
        kind=kind,
        language=language,
        folder=folder,
        clinic=clinic_data,
        fonts={
            style: _find_font(str(name), folder, clinic_file, f"fonts.{style}")
            for style, name in clinic_data["fonts"].items()
        },
        logo=_find_logo(clinic_data["clinic"].get("logo", ""), folder, clinic_file),
        _texts=MappingProxyType(texts),
        _origin=MappingProxyType(origin),
        logo_data=clinic.logo if clinic is not None and not clinic.no_logo else None,
    )


def clinic_defaults(templates_dir: Path | None = None) -> Mapping[str, Any]:
    """The checked ``clinic.toml``: the defaults a clinic starts from (read-only)."""
    folder = templates_folder(templates_dir)
    return _load_checked(folder / "clinic.toml", CLINIC_SPEC, PLACEHOLDERS["clinic"])


def template_logo(templates_dir: Path | None = None) -> bytes | None:
    """The bytes of the logo ``clinic.toml`` names (None: it names none, or the file is gone)."""
    folder = templates_folder(templates_dir)
    name = clinic_defaults(folder)["clinic"].get("logo", "")
    try:
        return (folder / name).read_bytes() if name else None
    except OSError:
        return None


#: What a TemplateError names as the file when a stored setting is at fault.
_STORED_SETTINGS = Path("clinic settings stored with the records")


def questionnaire_labels(
    language: str | None = DEFAULT_LANGUAGE, templates_dir: Path | None = None
) -> dict[str, Any]:
    """The short, patient-facing labels of the questionnaires in the patient's language.

    From ``<language>/common.toml``, table ``questionnaire_labels``: for ``odi`` and ``ndi`` a
    ``title`` and the ten section ``items``; for ``zcq`` a ``title`` and one table per subscale
    (``symptom_severity``, ``physical_function``, ``satisfaction``), each with a ``title`` and its
    ``items`` in the order of the case's answer lists. Only short labels such as "Walking", never
    the forms' copyrighted wording (INSTRUMENTS.md). ``language`` is a BCP 47 tag; a language
    without templates gets the English labels (:func:`.languages.choose_language` says so).
    Returns a fresh copy the caller may keep.
    """
    folder = templates_folder(templates_dir)
    found = template_language(language or DEFAULT_LANGUAGE, folder) or DEFAULT_LANGUAGE
    path = folder / found / "common.toml"
    data = _load_checked(path, COMMON_SPEC, PLACEHOLDERS["patient"])
    return _thaw(data["questionnaire_labels"])


#: Checked file contents by (file, spec, placeholders): the bytes they came from and the frozen
#: data. A handful of entries per templates folder; a changed file replaces its entry.
_checked: dict[tuple[Path, int, int], tuple[bytes, Mapping[str, Any]]] = {}
_checked_lock = threading.Lock()


def _load_checked(path: Path, spec: Mapping[str, Check], allowed: set[str]) -> Mapping[str, Any]:
    """The parsed and checked contents of ``path``, read-only; parsed again only when changed.

    Only a file that passed the checks is kept, so a broken file raises on every load until it
    is fixed. ``spec`` and ``allowed`` are module constants, so their identity names the check.
    """
    raw = _read_bytes(path)
    key = (path, id(spec), id(allowed))
    with _checked_lock:
        hit = _checked.get(key)
    if hit is not None and hit[0] == raw:
        return hit[1]
    data = _parse(path, raw)
    _check(data, spec, path, allowed)
    frozen = _freeze(data)
    with _checked_lock:
        _checked[key] = (raw, frozen)
    return frozen


def _freeze(value: Any) -> Any:
    """A read-only copy: tables become mappings that cannot be changed, lists become tuples."""
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    """A plain, changeable copy (dicts and lists) of frozen template data, for a caller to keep."""
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise TemplateError(path, "", "file not found") from None
    except OSError as exc:
        raise TemplateError(path, "", f"cannot be read ({exc.strerror})") from None


def _parse(path: Path, raw: bytes) -> dict[str, Any]:
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise TemplateError(path, "", "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(path, "", f"not valid TOML ({exc})") from None


def _check(data: Mapping[str, Any], spec: Mapping[str, Check], path: Path, allowed: set[str]):
    """Every key of the spec is present with the right type; texts use known placeholders."""
    for key, check in spec.items():
        node: Any = data
        for part in key.split("."):
            if not isinstance(node, Mapping) or part not in node:
                if check.optional:
                    node = None
                    break
                raise TemplateError(path, key, f"missing ({check.describe()})")
            node = node[part]
        if node is None:
            continue
        problem = check.problem(node)
        if problem:
            raise TemplateError(path, key, problem)
        for text in check.texts(node):
            bad = _unknown_placeholder(text, allowed)
            if bad:
                raise TemplateError(
                    path, key, f"unknown placeholder {bad}; allowed: {', '.join(sorted(allowed))}"
                )


def _unknown_placeholder(text: str, allowed: set[str]) -> str | None:
    try:
        parts = list(_FORMATTER.parse(text))
    except ValueError as exc:
        return f"({exc}; write {{{{ and }}}} for literal braces)"
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in allowed or spec or conversion:
            return "{" + name + (f":{spec}" if spec else "") + "}"
    return None


def _find_font(name: str, folder: Path, clinic_file: Path, key: str) -> Path:
    """A font file: the templates folder first (a clinic's own font), then the bundled fonts."""
    from .paths import FONTS_DIR

    for candidate in (folder / name, FONTS_DIR / name):
        if candidate.is_file():
            return candidate
    raise TemplateError(
        clinic_file, key, f"font file {name!r} not found in {folder} or {FONTS_DIR}"
    )


def _find_logo(name: str, folder: Path, clinic_file: Path) -> Path | None:
    if not name:
        return None
    path = folder / name
    if not path.is_file():
        raise TemplateError(clinic_file, "clinic.logo", f"logo file {name!r} not found in {folder}")
    return path
