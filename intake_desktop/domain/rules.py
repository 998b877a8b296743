"""The rule table and what the rule blocks share while one case is evaluated.

Every rule the engine can fire has a stable id here, mapped to the part of CLINICAL_CONTENT.md
section 7 it implements; a signed plan names its ``RULES_VERSION`` so it can be traced back.
The blocks themselves live in :mod:`.engine` (blocks 1 to 7) and :mod:`.procedures` (block 6's
choice of procedure and block 8).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .case import Case
from .classify import Classification
from .findings import Findings
from .messages import Message, msg
from .plan import FrameworkAnswer, RuleFiring

#: Version of the rule set. Bump it whenever a rule, threshold or derived default changes, so a
#: stored plan always says which rules it came from (stored plans keep the version they had).
RULES_VERSION = "2026.12.1"

#: Every rule id the engine can fire, with the part of section 7 it implements.
RULES: dict[str, str] = {
    "R1.emergency": "red flag demanding the emergency department",
    "R1.urgent": "red flag demanding same-day evaluation",
    "R2.cord_signs": "cervical cord signs: prompt specialist (surgical) evaluation",
    "R2b.vascular_first": "vascular pattern: vascular assessment before any spinal procedure",
    "R2b.vascular_mixed": "vascular and neurogenic features: assess blood flow before procedures",
    "R3.conservative_first": "under 6 weeks of structured conservative care",
    "R3.deficit_imaging": "neurological deficit during the first weeks: imaging not deferred",
    "R4.stable": "fewer than 2 escalation signs and limitation not severe",
    "R5.surgical": "structural relief; anatomy calls for decompression",
    "R5.mild": "structural relief; ligamentum flavum at 1-2 levels: MILD",
    "R5.no_imaging": "structural relief considered but no imaging: image first",
    "R5.outpatient_spacer": "structural relief; outpatient only, 1-2 levels, flexion relief",
    "R5.outpatient_scs": "structural relief; surgical anatomy but outpatient recovery only",
    "R6.interventional": "6+ weeks of conservative care with escalation or severe limitation",
    "R6.no_repeat_injection": "ESI cap reached or last ESI gave short relief: do not repeat it",
    "R6.epidural_steroid": "leg-dominant or root symptoms: epidural steroid injection",
    "R6.medial_branch_block": "back-dominant pain: test the facets with medial branch blocks",
    "R6.radiofrequency_ablation": "positive medial branch block, no ablation since: RFA",
    "R6.negative_block": "negative medial branch block: no facet procedure, review the diagnosis",
    "R6.block_response_missing": "medial branch block without a recorded response",
    "R6.diagnostic_review": "no procedure remains to suggest: review the diagnosis",
    "R7.vascular": "vascular features: ankle-brachial index and vascular referral",
    "R7.neuropathy_emg": "diabetes or neuropathy with leg symptoms: EMG",
    "R7.under_40": "under 40: neurogenic claudication is rare",
    "R7.dynamic_films": "spondylolisthesis or structural relief without dynamic films",
    "R7.imaging_needed": "procedure level without imaging",
    "R8.procedures": "procedures suggested at the plan's level, in order of preference",
    "R8.imaging_matches": "MRI canal area under 100 mm2: imaging matches the symptoms",
    "R8.imaging_mismatch": "imaging shows no narrowing where the symptoms are: review",
}


@dataclass
class Work:
    """What the rules accumulate while one case is evaluated."""

    case: Case
    f: Findings
    cls: Classification
    fw: dict[str, FrameworkAnswer]
    signs: tuple[str, ...]
    fired: list[RuleFiring] = field(default_factory=list)
    workup: list[str] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)
    procedures: list[str] = field(default_factory=list)
    structural_considered: bool = False
    #: The block-5 rule that chose a structural level (R5.mild, R5.surgical, ...), if any.
    structural_rule: str | None = None

    def fire(
        self, rule_id: str, findings: tuple[str, ...] | list[Message] = (), **values: object
    ) -> None:
        """Record a rule: its reason is the message ``rule.<id>`` filled with ``values``."""
        assert rule_id in RULES, rule_id
        self.fired.append(RuleFiring(rule_id, msg(f"rule.{rule_id}", **values), tuple(findings)))

    def fired_ids(self) -> set[str]:
        return {r.id for r in self.fired}

    def add_workup(self, *items: str) -> None:
        for item in items:
            if item not in self.workup:
                self.workup.append(item)

    def warn(self, key: str, **values: object) -> None:
        text = msg(key, **values)
        if text not in self.warnings:
            self.warnings.append(text)

    def imaging_test(self) -> str:
        """MRI, or CT myelogram when MRI is contraindicated (e.g. a pacemaker)."""
        return "ct_myelogram" if self.case.has_comorbidity("mri_contraindicated") else "mri"

    def sign_evidence(self) -> list[Message]:
        return [
            msg("finding.sign_evidence", sign=s, evidence=self.f.escalation[s]) for s in self.signs
        ]
