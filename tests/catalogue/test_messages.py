"""The message catalogue (catalogue): every sentence the engine writes can be said in Spanish.

The domain keeps English text (the plan's JSON does not change); the catalogue renders the same
message key and values in the reader's language, for live plans and for stored ones alike.
"""

from __future__ import annotations

import copy
import json
import pickle
import re
import string
import typing

import pytest

from intake_desktop.catalogue.messages import (
    ENGLISH_EXTRA,
    language_of,
    plan_text,
    render,
    render_key,
    score_lines,
)
from intake_desktop.catalogue.messages_es import SPANISH, SPANISH_WORDS
from intake_desktop.domain import codes, instruments
from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.messages import ENGLISH, PROCEDURE_PREFIX, Message, from_dict, msg
from intake_desktop.domain.plan import Plan
from intake_desktop.domain.validation import parse_case
from tests.domain.builders import DATA, TODAY, escalated, load_json, structural

EXAMPLES = sorted(
    p for p in (DATA / "examples").glob("*.json") if not p.name.endswith(".expected.json")
)


def fields(template: str) -> set[tuple[str, str]]:
    return {(name, spec or "") for _, name, spec, _ in string.Formatter().parse(template) if name}


def plans() -> list[Plan]:
    cases = [parse_case(load_json(p), today=TODAY) for p in EXAMPLES]
    cases += [
        structural(),
        structural(imaging={"causes": ["spondylolisthesis"]}),
        escalated(exam={"pedal_pulses": "absent", "ankle_brachial_index": 0.8}),
        escalated(
            history={"leg_pain_exceeds_back_pain": False, "pain_nrs": {"back": 8, "leg": 3}},
            treatment={
                "injections": [
                    {"date": "2026-09-01", "type": "medial_branch_block", "response": "negative"}
                ]
            },
        ),
    ]
    return [evaluate(c) for c in cases]


def test_every_english_message_has_spanish_with_the_same_placeholders() -> None:
    for key, english in {**ENGLISH, **ENGLISH_EXTRA}.items():
        assert key in SPANISH, key
        assert fields(SPANISH[key]) == fields(english), key
    assert set(SPANISH) <= set(ENGLISH) | set(ENGLISH_EXTRA)


def literal_codes(tp: object) -> set[str]:
    return set(typing.get_args(tp))


@pytest.mark.parametrize(
    "names",
    [
        set(codes.RED_FLAGS),
        set(codes.ESCALATION_SIGNS),
        set(codes.PATTERNS),
        set(codes.LEVELS),
        literal_codes(codes.Cause),
        literal_codes(codes.Limitation),
        literal_codes(codes.Goal),
        literal_codes(codes.Recovery),
        literal_codes(codes.Modality),
        literal_codes(codes.InjectionType),
        literal_codes(codes.BlockResponse),
        {
            band
            for bands in (
                instruments.ODI_BANDS,
                instruments.NDI_BANDS,
                instruments.MJOA_BANDS,
                instruments.NRS_BANDS,
                instruments.ABI_BANDS,
            )
            for _, band in bands
        },
        {"clinician", "findings", "default", "unanswered"},
    ],
)
def test_every_code_a_message_can_name_has_spanish_words(names: set[str]) -> None:
    assert not names - set(SPANISH_WORDS)


def test_every_procedure_has_spanish_words_and_mild_is_the_procedure() -> None:
    for code in codes.PROCEDURES:
        assert code in SPANISH_WORDS or f"{PROCEDURE_PREFIX}{code}" in SPANISH_WORDS
    said = render(msg("rule.R8.procedures", procedures=["mild"]), "es")
    assert "MILD" in said and "leve" not in said


def test_every_sentence_of_the_example_plans_reads_in_spanish() -> None:
    seen = 0
    for plan in plans():
        for text in plan.texts():
            assert isinstance(text, Message), text
            spanish = render(text, "es")
            if text.key != "finding.code":  # a bare code such as "diabetes" may read the same
                assert spanish != text, text
            assert "{" not in spanish
            seen += 1
    assert seen > 100


def test_english_rendering_is_the_text_the_plan_keeps() -> None:
    for plan in plans():
        for text in plan.texts():
            assert render(text, "en") == text
            assert render(text, "fr") == text  # no French catalogue: English


def test_a_stored_plan_is_said_in_spanish_from_its_own_messages() -> None:
    plan = evaluate(parse_case(load_json(EXAMPLES[3]), today=TODAY))
    stored = json.loads(json.dumps(plan.to_dict()))
    rule = stored["rules_fired"][0]
    assert rule["key"] == "rule.R5.mild"
    live = plan.rules_fired[0]
    assert plan_text(stored, rule["reason"], "es") == render(live.reason, "es")
    assert plan_text(stored, rule["findings"][2], "es-MX") == render(live.findings[2], "es")
    assert "inyección epidural de corticoide el 2026-07-01" in plan_text(
        stored, rule["findings"][2], "es"
    )


def test_a_plan_stored_before_messages_keeps_its_english() -> None:
    old = {"rules_fired": [{"id": "R6.legacy", "reason": "An older rule.", "findings": []}]}
    assert plan_text(old, "An older rule.", "es") == "An older rule."
    assert render("typed by a person", "es") == "typed by a person"


def test_numbers_use_the_decimal_comma_in_spanish() -> None:
    text = msg("injection.relief", weeks=1.5)
    assert text == "relief 1.5 week(s)"
    assert render(text, "es") == "alivio 1,5 semana(s)"


def test_a_message_survives_json_copy_and_pickle_with_its_key() -> None:
    text = msg("finding.red_flag", code="foot_drop", sources=[msg("source.screen")])
    assert text == "foot_drop (red-flag screen)"
    assert render(text, "es") == "pie caído (cribado de señales de alarma)"
    for again in (from_dict(json.loads(json.dumps(text.to_dict()))), copy.deepcopy(text),
                  pickle.loads(pickle.dumps(text))):  # fmt: skip
        assert again == text and again.key == text.key
        assert render(again, "es") == render(text, "es")


def test_language_tags_pick_their_catalogue() -> None:
    assert [language_of(t) for t in ("es", "es-MX", "es_ES", "en-GB", "de", None)] == [
        "es", "es", "es", "en", "en", "en"
    ]  # fmt: skip


def test_score_lines_in_both_languages() -> None:
    scores = {
        "odi": {"percent": 34, "band": "moderate"},
        "nrs": {"leg": {"value": 7, "band": "severe"}},
        "abi": {"value": 0.7, "band": "abnormal"},
        "konno": {"points": 9, "likely": True, "not_recorded": ["a"]},
    }
    assert score_lines(scores, "en") == [
        "ODI: 34 % (moderate)",
        "Pain leg: 7/10 (severe)",
        "ABI: 0.7 (abnormal)",
        "Konno: 9 points, stenosis likely (1 items not recorded)",
    ]
    assert score_lines(scores, "es") == [
        "ODI: 34 % (moderada)",
        "Dolor pierna: 7/10 (grave)",
        "ITB: 0,7 (anormal)",
        "Konno: 9 puntos, estenosis probable (1 elementos sin registrar)",
    ]


@pytest.mark.parametrize("code", codes.PROCEDURES)
def test_every_procedure_of_a_rule_sentence_is_named_in_spanish(code: str) -> None:
    """``procs`` looks a procedure up as ``procedure:<code>``; only MILD has such an entry, so
    the others must fall back to their own Spanish word, not to English."""
    line = render_key("rule.R8.procedures", {"procedures": [code]}, "es")
    word = SPANISH_WORDS.get(f"{PROCEDURE_PREFIX}{code}") or SPANISH_WORDS[code]
    assert line == f"Procedimiento propuesto: {word}."


_RULE_ID = re.compile(r"\bR\d+[a-z]?(?:\.\w+)?\b")


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_sentence_of_a_plan_names_a_rule_by_its_id(language: str) -> None:
    """Rule ids print only in the clinician summary's list of rules that fired: the procedures'
    finding said "as chosen by R5.mild" in the plan view, the summaries and the FHIR export."""
    seen = 0
    for plan in plans():
        for rule in plan.rules_fired:
            for text in (rule.reason, *rule.findings):
                assert not _RULE_ID.search(render(text, language)), (rule.id, text)
                seen += 1
    assert seen > 100


def test_the_structural_decision_is_said_in_words() -> None:
    plan = evaluate(parse_case(load_json(EXAMPLES[3]), today=TODAY))
    procedures = next(r for r in plan.rules_fired if r.id == "R8.procedures")
    decided = next(f for f in procedures.findings if f.key == "finding.chosen_by")
    assert decided == (
        "structural decision: MILD for a thickened ligamentum flavum at 1-2 levels without "
        "instability"
    )
    assert render(decided, "es").startswith("decisión estructural: MILD por un ligamento amarillo")
    # the plan keeps the id as data (key and values), for the record and the FHIR round trip
    assert decided.values == {"rule": "R5.mild"}


@pytest.mark.parametrize(
    "rule", ["R5.mild", "R5.surgical", "R5.outpatient_spacer", "R5.outpatient_scs"]
)
def test_every_structural_rule_has_words_in_both_languages(rule: str) -> None:
    from intake_desktop.domain.texts_en import RULE_WORDS

    assert rule in RULE_WORDS and f"rule:{rule}" in SPANISH_WORDS


def test_a_stored_plan_that_named_the_rule_by_its_id_now_says_it_in_words() -> None:
    """A plan stored before this change kept "as chosen by R5.mild" with its key and values;
    said again it reads in words, and a rule without words never prints its bare id."""
    stored = {"messages": {"as chosen by R5.mild": {"key": "finding.chosen_by",
                                                    "values": {"rule": "R5.mild"}}}}  # fmt: skip
    assert "R5" not in plan_text(stored, "as chosen by R5.mild", "en")
    assert "MILD por" in plan_text(stored, "as chosen by R5.mild", "es")
    for language in ("en", "es"):
        said = render_key("finding.chosen_by", {"rule": "R9.newer"}, language)
        assert "R9" not in said and said.split(": ")[1]
