"""Case data to QuestionnaireResponse items and back, field for field.

The encoding keeps the case's distinction between *not recorded* and *recorded as nothing*:

* a field not recorded has no item;
* a value is an item with one answer, typed as the Questionnaire item says (``valueBoolean``,
  ``valueInteger``, ``valueDecimal``, ``valueDate``, ``valueString``, ``valueCoding``);
* a list is one item with one answer per entry, in order; a list recorded empty (``red_flags: []``,
  screened with nothing found) is the item without an answer;
* a questionnaire's fixed list of sections is a group with one item per section; an unanswered
  section is an item without an answer;
* a list of objects (injections) is one group item per entry; a list recorded empty is a single
  group item with nothing in it (an injection always has a date and a type);
* empty text, which FHIR cannot carry as a value, is an item without an answer.

Reading checks every item against its definition and names the item at fault; the values are then
checked by :func:`intake_desktop.domain.validation.parse_case` like any case file.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from intake_desktop.domain.validation import described

from .elements import bounded, fhir_text
from .model import BundleError
from .questionnaires import Item, coding


def encode_items(items: tuple[Item, ...], data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """QuestionnaireResponse items for the recorded fields of ``data`` (JSON case data)."""
    out: list[dict[str, Any]] = []
    for item in items:
        if item.name in data:
            out.extend(encode_item(item, data[item.name]))
    return out


def encode_item(item: Item, value: Any) -> list[dict[str, Any]]:
    """The QuestionnaireResponse item(s) of one recorded field."""
    if item.kind == "group":
        if item.length is not None:
            children = [
                _node(child, _answers(child, [] if v is None else [v]))
                for child, v in zip(item.children, value, strict=True)
            ]
            return [_node(item, children=children)]
        if item.repeats:
            if not value:
                return [_node(item)]
            return [_node(item, children=encode_items(item.children, entry)) for entry in value]
        return [_node(item, children=encode_items(item.children, value))]
    values = value if item.repeats else [value]
    if item.kind == "string":
        values = [fhir_text(v, item.link_id) for v in values if v != ""]
    return [_node(item, _answers(item, values))]


def _node(
    item: Item,
    answers: list[dict[str, Any]] | None = None,
    children: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    node: dict[str, Any] = {"linkId": item.link_id, "text": item.text}
    if answers:
        node["answer"] = answers
    if children:
        node["item"] = children
    return node


def _answers(item: Item, values: list[Any]) -> list[dict[str, Any]]:
    if item.kind == "choice":
        return [{"valueCoding": coding(item, v)} for v in values]
    return [{item.answer_key: v} for v in values]


# --- reading -----------------------------------------------------------------------------------


def decode_items(items: tuple[Item, ...], nodes: Any, where: str) -> dict[str, Any]:
    """The case data held by QuestionnaireResponse items defined by ``items``."""
    if nodes is None:
        return {}
    if not isinstance(nodes, list):
        raise BundleError(where, "item must be a list")
    bounded(nodes, f"{where} item")
    known = {item.link_id: item for item in items}
    grouped: dict[str, list[Mapping[str, Any]]] = {}
    for i, node in enumerate(nodes):
        if not isinstance(node, Mapping):
            raise BundleError(where, f"item[{i}] must be an object")
        link_id = node.get("linkId")
        if not isinstance(link_id, str) or link_id not in known:
            allowed = ", ".join(known) or "none"
            raise BundleError(
                where,
                f"item {link_id!r} is not in the Questionnaire here (expected one of: {allowed})",
            )
        grouped.setdefault(link_id, []).append(node)
    data: dict[str, Any] = {}
    for item in items:  # the definition's order, so the case comes out in its usual order
        if item.link_id in grouped:
            data[item.name] = decode_item(item, grouped[item.link_id], where)
    return data


def decode_item(item: Item, nodes: list[Mapping[str, Any]], where: str) -> Any:
    """The value of one field from the QuestionnaireResponse item(s) with its linkId."""
    at = f"{where} item {item.link_id}"
    if not (item.kind == "group" and item.repeats) and len(nodes) > 1:
        raise BundleError(at, f"appears {len(nodes)} times; it takes one item")
    if item.kind != "group":
        node = nodes[0]
        if "item" in node:
            raise BundleError(at, "is a question, not a group: it cannot hold items")
        values = [_read_answer(item, a, f"{at} answer[{i}]") for i, a in _answers_of(node, at)]
        if item.repeats:
            return values
        if len(values) > 1:
            raise BundleError(at, f"has {len(values)} answers; it takes one")
        if values:
            return values[0]
        if item.nullable:
            return None
        if item.kind == "string":
            return ""
        raise BundleError(at, "has no answer; leave the item out if it was not recorded")
    for node in nodes:
        if "answer" in node:
            raise BundleError(at, "is a group: it holds items, not answers")
    if item.length is not None:
        children = decode_items(item.children, nodes[0].get("item"), where)
        missing = [c.link_id for c in item.children if c.name not in children]
        if missing:
            raise BundleError(at, f"misses {', '.join(missing)} (give unanswered ones no answer)")
        return [children[c.name] for c in item.children]
    if item.repeats:
        if len(nodes) == 1 and not nodes[0].get("item"):
            return []
        return [decode_items(item.children, node.get("item"), where) for node in nodes]
    return decode_items(item.children, nodes[0].get("item"), where)


def _answers_of(node: Mapping[str, Any], at: str) -> list[tuple[int, Mapping[str, Any]]]:
    answers = node.get("answer", [])
    if not isinstance(answers, list):
        raise BundleError(at, "answer must be a list")
    bounded(answers, f"{at} answer")
    return list(enumerate(answers))


def _read_answer(item: Item, answer: Any, at: str) -> Any:
    key = item.answer_key
    if not isinstance(answer, Mapping) or key not in answer:
        got = (
            ", ".join(k for k in answer if k.startswith("value"))
            if isinstance(answer, Mapping)
            else ""
        )
        raise BundleError(at, f"must be a {key}" + (f", not {got}" if got else ""))
    value = answer[key]
    if item.kind == "choice":
        return _read_coding(item, value, at)
    ok = {
        "boolean": isinstance(value, bool),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "decimal": isinstance(value, int | float) and not isinstance(value, bool),
        "date": isinstance(value, str),
        "string": isinstance(value, str),
    }[item.kind]
    if not ok:
        raise BundleError(at, f"{key} has the wrong type ({type(value).__name__})")
    return value


def _read_coding(item: Item, value: Any, at: str) -> str:
    if not isinstance(value, Mapping):
        raise BundleError(at, "valueCoding must be an object")
    system, code = value.get("system"), value.get("code")
    if system != item.system:
        raise BundleError(at, f"code system must be {item.system} (got {system!r})")
    if code not in item.options:
        shown = described(code)
        raise BundleError(at, f"{shown} is not allowed (allowed: {', '.join(item.options)})")
    return code
