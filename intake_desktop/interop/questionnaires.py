"""The app's Questionnaires, generated from the case model itself.

Each item's ``linkId`` is the field's dotted path in the case file (``history.onset``,
``questionnaires.odi[3]``), its type and allowed codes come from the dataclass annotations of
:mod:`intake_desktop.domain.case`, the same source validation uses. A field added to the case is
therefore exported and imported without touching this package, and the item tree here is the single
description that both the writer (:mod:`.answers`) and the reader follow.

The intake Questionnaire holds every section of the case except the standard questionnaires, which
get one Questionnaire each (ODI, NDI, ZCQ, mJOA) as they are separate instruments.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Literal, Union

from intake_desktop.domain.case import Case, Questionnaires
from intake_desktop.domain.labels import label

from .model import global_id
from .systems import (
    ENUM_SYSTEMS,
    GENDER,
    INSTRUMENT_QUESTIONNAIRES,
    INTAKE_QUESTIONNAIRE,
    QUESTIONNAIRE_VERSION,
    code_system,
    questionnaire_url,
    unit_of,
)

#: Short names of the sections, not the copyrighted wording (INSTRUMENTS.md).
SECTION_NAMES: dict[str, tuple[str, ...]] = {
    "questionnaires.odi": (
        "Pain intensity", "Personal care", "Lifting", "Walking", "Sitting", "Standing",
        "Sleeping", "Sex life", "Social life", "Travelling",
    ),
    "questionnaires.ndi": (
        "Pain intensity", "Personal care", "Lifting", "Reading", "Headaches", "Concentration",
        "Work", "Driving", "Sleeping", "Recreation",
    ),
}  # fmt: skip
TITLES: dict[str, str] = {
    INTAKE_QUESTIONNAIRE: "Spine clinic intake and examination",
    "odi": "Oswestry Disability Index (answers 0-5)",
    "ndi": "Neck Disability Index (answers 0-5)",
    "zcq": "Zurich Claudication Questionnaire (answers by item)",
    "mjoa": "Modified Japanese Orthopaedic Association score (clinician-scored)",
}
MARKER_TEXT = "Questionnaires recorded (answers in their own responses)"
#: Item texts where the field name alone would say too little.
TEXTS: dict[str, str] = {
    "patient.id": "Record number",
    "patient.language": "Language (BCP 47)",
    "history.pain_nrs": "Pain 0-10, worst in the last week",
    "history.shopping_cart_sign": "Walks farther leaning on a cart (reported)",
    "exam.shopping_cart_sign": "Walks farther leaning on a support (observed)",
    "framework": "The four questions, as the clinician answered them",
    "questionnaires.odi": TITLES["odi"],
    "questionnaires.ndi": TITLES["ndi"],
    "questionnaires.zcq": TITLES["zcq"],
    "questionnaires.mjoa": TITLES["mjoa"],
}


@dataclass(frozen=True, slots=True)
class Item:
    """One question (or group of questions) and how its answer is typed.

    ``kind`` is the Questionnaire item type: group, boolean, integer, decimal, date, string or
    choice. ``length`` marks a fixed-length list (a questionnaire's sections): a group with one
    child per position, where a position without an answer is an unanswered section.
    """

    link_id: str
    name: str
    kind: str
    text: str
    repeats: bool = False
    required: bool = False
    system: str | None = None
    options: tuple[str, ...] = ()
    children: tuple[Item, ...] = ()
    length: int | None = None
    nullable: bool = False

    @property
    def answer_key(self) -> str:
        """The ``value[x]`` element that carries this item's answers."""
        return _ANSWER_KEYS[self.kind]


_ANSWER_KEYS = {
    "boolean": "valueBoolean",
    "integer": "valueInteger",
    "decimal": "valueDecimal",
    "date": "valueDate",
    "string": "valueString",
    "choice": "valueCoding",
}


def _strip_optional(tp: Any) -> Any:
    if typing.get_origin(tp) in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _text(name: str) -> str:
    """Readable item text from a field name: ``painless_walking_distance_m`` -> with ``(m)``."""
    unit = unit_of(name)
    words = name
    if unit is not None:
        for suffix in ("_mm2", "_kg", "_cm", "_min", "_m", "_c", "_weeks"):
            if name.endswith(suffix):
                words = name[: -len(suffix)]
                break
        else:
            unit = None
    text = words.replace("_", " ").capitalize()
    return f"{text} ({unit[1]})" if unit else text


def _field_items(cls: type, prefix: str) -> tuple[Item, ...]:
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        if f.name == "format":
            continue  # a constant: the Questionnaire's version says which format it carries
        path = f"{prefix}.{f.name}" if prefix else f.name
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        out.append(_item(hints[f.name], f.name, path, dict(f.metadata), required))
    return tuple(out)


def _item(tp: Any, name: str, path: str, meta: dict[str, Any], required: bool) -> Item:
    tp = _strip_optional(tp)
    text = TEXTS.get(path) or _text(name)
    if dataclasses.is_dataclass(tp):
        return Item(path, name, "group", text, required=required, children=_field_items(tp, path))
    if typing.get_origin(tp) is tuple:
        item_tp = _strip_optional(typing.get_args(tp)[0])
        if "length" in meta:
            names = SECTION_NAMES.get(path, ())
            positions = tuple(
                Item(
                    f"{path}[{i}]",
                    str(i),
                    _scalar_kind(item_tp, path),
                    names[i] if i < len(names) else f"Item {i + 1}",
                    nullable=True,
                )
                for i in range(meta["length"])
            )
            return Item(path, name, "group", text, children=positions, length=meta["length"])
        if dataclasses.is_dataclass(item_tp):
            children = _field_items(item_tp, path)
            return Item(path, name, "group", text, repeats=True, children=children)
        base = _item(item_tp, name, path, {}, False)
        return dataclasses.replace(base, repeats=True, required=required)
    if typing.get_origin(tp) is Literal:
        system = GENDER if name == "sex" else code_system(_enum_system(tp, path))
        return Item(
            path,
            name,
            "choice",
            text,
            required=required,
            system=system,
            options=typing.get_args(tp),
        )
    return Item(path, name, _scalar_kind(tp, path), text, required=required)


def _enum_system(tp: Any, path: str) -> str:
    try:
        return ENUM_SYSTEMS[tp]
    except KeyError:
        raise TypeError(f"no code system for the codes of {path}: add it to ENUM_SYSTEMS") from None


def _scalar_kind(tp: Any, path: str) -> str:
    kinds = {bool: "boolean", int: "integer", float: "decimal", date: "date", str: "string"}
    if tp in kinds:
        return kinds[tp]
    raise TypeError(f"no questionnaire item type for {tp!r} at {path}")


@cache
def intake_items() -> tuple[Item, ...]:
    """Items of the intake Questionnaire: the case without its standard questionnaires.

    ``questionnaires`` itself becomes a yes/no marker, so that a case recording the section with
    nothing in it survives the trip.
    """
    items = []
    for item in _field_items(Case, ""):
        if item.name == "questionnaires":
            item = Item("questionnaires", "questionnaires", "boolean", MARKER_TEXT)
        items.append(item)
    return tuple(items)


@cache
def instrument_items() -> dict[str, Item]:
    """The top-level item of each standard questionnaire, by name (odi, ndi, zcq, mjoa)."""
    items = {item.name: item for item in _field_items(Questionnaires, "questionnaires")}
    assert tuple(items) == INSTRUMENT_QUESTIONNAIRES, tuple(items)
    return items


def canonical(name: str) -> str:
    """The versioned canonical a QuestionnaireResponse points at."""
    return f"{questionnaire_url(name)}|{QUESTIONNAIRE_VERSION}"


def questionnaire_resource(name: str) -> dict[str, Any]:
    """The Questionnaire resource of the intake or of one instrument."""
    items = intake_items() if name == INTAKE_QUESTIONNAIRE else (instrument_items()[name],)
    return {
        "resourceType": "Questionnaire",
        "id": global_id("Questionnaire", name, QUESTIONNAIRE_VERSION),
        "url": questionnaire_url(name),
        "version": QUESTIONNAIRE_VERSION,
        "name": "".join(part.capitalize() for part in name.split("-")),
        "title": TITLES[name],
        "status": "active",
        "subjectType": ["Patient"],
        "item": [_definition(item) for item in items],
    }


def _definition(item: Item) -> dict[str, Any]:
    out: dict[str, Any] = {"linkId": item.link_id, "text": item.text, "type": item.kind}
    if item.required:
        out["required"] = True
    if item.repeats:
        out["repeats"] = True
    if item.kind == "choice":
        out["answerOption"] = [{"valueCoding": coding(item, code)} for code in item.options]
    if item.children:
        out["item"] = [_definition(child) for child in item.children]
    return out


def coding(item: Item, code: str) -> dict[str, Any]:
    """The Coding of one allowed answer of a choice item."""
    assert item.system is not None
    return {"system": item.system, "code": code, "display": label(code)}


def walk(items: tuple[Item, ...]) -> dict[str, Item]:
    """Every item of a tree by linkId (for finding one field's definition by its path)."""
    out: dict[str, Item] = {}
    for item in items:
        out[item.link_id] = item
        out.update(walk(item.children))
    return out
