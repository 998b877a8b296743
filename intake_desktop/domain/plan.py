"""The plan: the engine's answer for one case, explaining itself.

Field names and codes follow ``plan.schema.json``. A plan is plain data so that it can be stored
verbatim when a visit is signed and printed later exactly as it was computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .codes import PLAN_FORMAT, RED_FLAG_LEVELS


@dataclass(frozen=True, slots=True)
class RuleFiring:
    """One rule that fired: its stable id, why in a sentence, and the findings behind it."""

    id: str
    reason: str
    findings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "reason": self.reason, "findings": list(self.findings)}


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
        }
