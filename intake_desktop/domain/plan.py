"""The plan: the engine's answer for one case, explaining itself.

Field names and codes follow ``plan.schema.json``. A plan is plain data so that it can be stored
verbatim when a visit is signed and printed later exactly as it was computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .codes import PLAN_FORMAT, RED_FLAG_LEVELS
from .messages import Message, from_dict


@dataclass(frozen=True, slots=True)
class RuleFiring:
    """One rule that fired: its stable id, why in a sentence, and the findings behind it.

    ``reason`` and each finding are English text; made by the engine they are
    :class:`~.messages.Message` objects, so ``key`` and ``values`` let a catalogue say them in
    another language (``intake_desktop/catalogue/messages.py``).
    """

    id: str
    reason: str
    findings: tuple[str, ...] = ()

    @property
    def key(self) -> str | None:
        """The reason's message key (``rule.<id>``), or None for plain text."""
        return self.reason.key if isinstance(self.reason, Message) else None

    @property
    def values(self) -> dict[str, Any]:
        """The values the reason's message is filled with (empty for plain text)."""
        return dict(self.reason.values) if isinstance(self.reason, Message) else {}

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "reason": self.reason,
            "findings": list(self.findings),
        }
        if isinstance(self.reason, Message):
            out["key"] = self.reason.key
            out["values"] = self.reason.to_dict()["values"]
        return out


@dataclass(frozen=True, slots=True)
class FrameworkAnswer:
    """One of the four questions: the answer, where it came from, and what supports it."""

    answer: str | None
    source: str  # clinician | findings | default | unanswered
    evidence: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"answer": self.answer, "source": self.source, "evidence": list(self.evidence)}


@dataclass(frozen=True, slots=True)
class RedFlagFinding:
    """A red flag present on this visit and what recorded it (the screen, the exam, or both)."""

    code: str
    sources: tuple[str, ...]

    @property
    def level(self) -> str:
        return RED_FLAG_LEVELS[self.code]


@dataclass(frozen=True, slots=True)
class Plan:
    rules_version: str
    level: str
    pattern: str
    region: str
    red_flags: tuple[RedFlagFinding, ...]
    escalation_signs: tuple[str, ...]
    framework: dict[str, FrameworkAnswer]
    workup: tuple[str, ...]
    rules_fired: tuple[RuleFiring, ...]
    alternatives: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    scores: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Suggested procedures at this level, in order of preference (block 8); empty when none.
    procedures: tuple[str, ...] = ()

    @property
    def red_flag_codes(self) -> tuple[str, ...]:
        return tuple(rf.code for rf in self.red_flags)

    def to_dict(self) -> dict[str, Any]:
        """The plan as ``plan.schema.json`` JSON, with a few documented extra keys."""
        return {
            "format": PLAN_FORMAT,
            "rules_version": self.rules_version,
            "level": self.level,
            "alternatives": list(self.alternatives),
            "pattern": self.pattern,
            "pattern_evidence": list(self.evidence.get("pattern", ())),
            "region": self.region,
            "red_flags": list(self.red_flag_codes),
            "red_flag_sources": {rf.code: list(rf.sources) for rf in self.red_flags},
            "escalation_signs": list(self.escalation_signs),
            "escalation_evidence": {
                k: list(v) for k, v in self.evidence.items() if k in self.escalation_signs
            },
            "framework": {k: v.to_dict() for k, v in self.framework.items()},
            "workup": list(self.workup),
            "procedures": list(self.procedures),
            "rules_fired": [r.to_dict() for r in self.rules_fired],
            "warnings": list(self.warnings),
            "scores": self.scores,
            "messages": self.messages(),
        }

    def texts(self) -> list[str]:
        """Every sentence the plan holds: reasons, findings, evidence, sources and warnings."""
        out: list[str] = []
        for rule in self.rules_fired:
            out += [rule.reason, *rule.findings]
        for rf in self.red_flags:
            out += rf.sources
        for answer in self.framework.values():
            out += answer.evidence
        for lines in self.evidence.values():
            out += lines
        out += self.warnings
        return out

    def messages(self) -> dict[str, dict[str, Any]]:
        """English text -> its message key and values, for every sentence of the plan.

        Stored with the plan (JSON key ``messages``) so that a plan signed long ago can still be
        said in another language; text without an entry is shown as it is, in English.
        """
        return {t: t.to_dict() for t in self.texts() if isinstance(t, Message)}


def plan_from_dict(data: dict[str, Any]) -> Plan:
    """A stored plan (``Plan.to_dict()`` shape) as a :class:`Plan` again.

    A signed visit is shown with the plan it was signed with, under the rule set that made it,
    never re-evaluated under today's rules. Sentences found in the plan's ``messages`` map come
    back as :class:`Message` objects (so they can be said in another language); a plan stored
    before rules 2026.12 has no map and keeps its English text.
    """
    table = data.get("messages") or {}

    def text(value: str) -> str:
        found = table.get(value)
        return from_dict(found) if isinstance(found, dict) and "key" in found else value

    def texts(values: Any) -> tuple[str, ...]:
        return tuple(text(v) for v in values or ())

    sources = data.get("red_flag_sources") or {}
    evidence = {"pattern": texts(data.get("pattern_evidence"))}
    evidence.update({k: texts(v) for k, v in (data.get("escalation_evidence") or {}).items()})
    return Plan(
        rules_version=str(data["rules_version"]),
        level=str(data["level"]),
        pattern=str(data["pattern"]),
        region=str(data["region"]),
        red_flags=tuple(
            RedFlagFinding(code, texts(sources.get(code))) for code in data.get("red_flags") or ()
        ),
        escalation_signs=tuple(data.get("escalation_signs") or ()),
        framework={
            q: FrameworkAnswer(
                a.get("answer"), a.get("source", "unanswered"), texts(a.get("evidence"))
            )
            for q, a in (data.get("framework") or {}).items()
        },
        workup=tuple(data.get("workup") or ()),
        rules_fired=tuple(
            RuleFiring(r["id"], text(r["reason"]), texts(r.get("findings")))
            for r in data.get("rules_fired") or ()
        ),
        alternatives=tuple(data.get("alternatives") or ()),
        warnings=texts(data.get("warnings")),
        scores=dict(data.get("scores") or {}),
        evidence=evidence,
        procedures=tuple(data.get("procedures") or ()),
    )
