"""Small FHIR data types, written and read the same way everywhere in the package.

Reading never trusts the input: each accessor names the resource and element it was looking at
when something is missing or of the wrong kind, so a bad Bundle gives a message a person can act on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from intake_desktop.domain.labels import label

from .model import BundleError, NotExportable
from .systems import DATA_ABSENT_REASON

#: Most entries of any repeating element read from a Bundle (see :func:`bounded`).
MAX_REPEATS = 200
#: Characters FHIR text may not hold: controls other than tab, carriage return and line feed.
_NOT_FHIR_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def fhir_text(value: str, field: str) -> str:
    """``value`` unchanged if FHIR can carry it as a string, else :class:`NotExportable`."""
    bad = _NOT_FHIR_TEXT.search(value)
    if bad:
        raise NotExportable(
            f"{field}: holds a control character (U+{ord(bad.group()):04X}) that FHIR text "
            "cannot carry; correct the text before exporting"
        )
    return value


def concept(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    """A CodeableConcept with one Coding; ``display`` defaults to the code's label."""
    shown = label(code) if display is None else display
    return {"coding": [{"system": system, "code": code, "display": shown}], "text": shown}


def absent(reason: str = "unknown") -> dict[str, Any]:
    """A ``dataAbsentReason``: the value exists in the app's model but is empty (null)."""
    return {"coding": [{"system": DATA_ABSENT_REASON, "code": reason}]}


def notes(texts: Any) -> list[dict[str, Any]]:
    """Annotations carrying free text in order (evidence, sources, warnings)."""
    return [{"text": t} for t in texts]


def extension(url: str, key: str, value: Any) -> dict[str, Any]:
    return {"url": url, key: value}


# --- reading -----------------------------------------------------------------------------------


def where_of(resource: Mapping[str, Any]) -> str:
    """How an error names a resource: ``Observation/<id>``."""
    return f"{resource.get('resourceType', 'resource')}/{resource.get('id', '?')}"


def need(obj: Mapping[str, Any], key: str, where: str, kind: type) -> Any:
    """``obj[key]``, which must be present and of ``kind`` (a yes/no is never a number)."""
    if not isinstance(obj, Mapping):
        raise BundleError(where, f"must be an object holding {key}")
    if key not in obj:
        raise BundleError(where, f"{key} is missing")
    value = obj[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise BundleError(where, f"{key} has the wrong type ({type(value).__name__})")
    return value


def optional(obj: Mapping[str, Any], key: str, where: str, kind: type) -> Any:
    """``obj[key]`` when present (of ``kind``), else None."""
    if not isinstance(obj, Mapping):
        raise BundleError(where, f"must be an object holding {key}")
    return need(obj, key, where, kind) if key in obj else None


def listed(obj: Mapping[str, Any], key: str, where: str) -> list[Any]:
    """A repeating element as a list (absent: empty)."""
    if not isinstance(obj, Mapping):
        raise BundleError(where, f"must be an object holding {key}")
    value = obj.get(key, [])
    if not isinstance(value, list):
        raise BundleError(where, f"{key} must be a list")
    return bounded(value, f"{where} {key}")


def bounded(value: list[Any], where: str) -> list[Any]:
    """``value`` when it has at most :data:`MAX_REPEATS` entries, else :class:`BundleError`.

    Each list a Bundle can repeat without end is cut off here, before anything works through it:
    a case holds at most 50 injections, so no element of a visit repeats more than a few dozen
    times.
    """
    if len(value) > MAX_REPEATS:
        raise BundleError(where, f"holds {len(value)} entries (at most {MAX_REPEATS})")
    return value


def code_in(concept_: Any, system: str, where: str, allowed: Any = None) -> str:
    """The code of ``system`` in a CodeableConcept (or a Coding), checked against ``allowed``."""
    if not isinstance(concept_, Mapping):
        raise BundleError(where, "must be a CodeableConcept object")
    codings = concept_.get("coding") if "coding" in concept_ else [concept_]
    if not isinstance(codings, list):
        raise BundleError(where, "coding must be a list")
    for c in bounded(codings, f"{where} coding"):
        if isinstance(c, Mapping) and c.get("system") == system:
            code = c.get("code")
            if not isinstance(code, str):
                raise BundleError(where, f"the {system} coding has no code")
            if allowed is not None and code not in allowed:
                raise BundleError(
                    where, f"{code!r} is not a code of {system} (allowed: {', '.join(allowed)})"
                )
            return code
    raise BundleError(where, f"has no coding of {system}")


def has_code(concept_: Any, system: str, code: str) -> bool:
    """True when a CodeableConcept carries ``system``/``code`` (no error for odd shapes)."""
    if not isinstance(concept_, Mapping):
        return False
    codings = concept_.get("coding")
    return isinstance(codings, list) and any(
        isinstance(c, Mapping) and c.get("system") == system and c.get("code") == code
        for c in codings
    )


def texts(obj: Mapping[str, Any], key: str, where: str) -> list[str]:
    """The texts of Annotations (``note``) or text-only CodeableConcepts, in order."""
    out = []
    for i, entry in enumerate(listed(obj, key, where)):
        if not isinstance(entry, Mapping) or not isinstance(entry.get("text"), str):
            raise BundleError(where, f"{key}[{i}].text is missing")
        out.append(entry["text"])
    return out


def extensions(resource: Mapping[str, Any], url: str, where: str) -> list[Mapping[str, Any]]:
    """The extensions with ``url``, in order."""
    out = []
    for i, ext in enumerate(listed(resource, "extension", where)):
        if not isinstance(ext, Mapping) or not isinstance(ext.get("url"), str):
            raise BundleError(where, f"extension[{i}] has no url")
        if ext["url"] == url:
            out.append(ext)
    return out


def one_extension(
    resource: Mapping[str, Any], url: str, key: str, where: str, *, required: bool = False
) -> Any:
    """The value (``key``, e.g. valueString) of the single extension with ``url``."""
    found = extensions(resource, url, where)
    if not found:
        if required:
            raise BundleError(where, f"the extension {url} is missing")
        return None
    if len(found) > 1:
        raise BundleError(where, f"the extension {url} appears {len(found)} times")
    return ext_value(found[0], key, where)


def ext_value(ext: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in ext:
        raise BundleError(where, f"the extension {ext.get('url')} needs {key}")
    return ext[key]
