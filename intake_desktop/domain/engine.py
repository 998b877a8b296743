"""The rule engine: one case in, one plan out (CLINICAL_CONTENT.md section 7).

Rule blocks 1 to 6 are tried in order and the first that matches decides the level; block 7 then
adds work-up and warnings to any level below ``urgent``. Every rule that fires is recorded with its
stable id, a reason and the findings behind it, so that the plan explains itself and a signed plan
can be traced to the rule set (``RULES_VERSION``) that produced it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .case import Case, Injection
from .classify import Classification, classify
from .codes import ESCALATION_SIGNS, level_rank
from .findings import INJECTION_CAP, Findings, derive, fmt_num
from .framework import MAX_FOCAL_LEVELS, answer_framework
from .instruments import compute_scores
from .plan import FrameworkAnswer, Plan, RuleFiring

#: Version of the rule set. Bump it whenever a rule, threshold or derived default changes, so a
#: stored plan always says which rules it came from.
RULES_VERSION = "2026.11.1"

#: Every rule id the engine can fire, with the part of section 7 it implements.
RULES: dict[str, str] = {
    "R1.emergency": "red flag demanding the emergency department",
    "R1.urgent": "red flag demanding same-day evaluation",
    "R2.cord_signs": "cervical cord signs: prompt specialist (surgical) evaluation",
    "R3.conservative_first": "under 6 weeks of structured conservative care",
    "R3.deficit_imaging": "neurological deficit during the first weeks: imaging not deferred",
    "R4.stable": "fewer than 2 escalation signs and limitation not severe",
    "R5.surgical": "structural relief; anatomy calls for decompression",
    "R5.mild": "structural relief; ligamentum flavum at 1-2 levels: MILD",
    "R5.no_imaging": "structural relief considered but no imaging: image first",
    "R5.outpatient_scs": "structural relief; surgical anatomy but outpatient recovery only",
    "R6.interventional": "6+ weeks of conservative care with escalation or severe limitation",
    "R6.no_repeat_injection": "injection cap reached or last injection gave short relief",
    "R6.medial_branch_block": "back-dominant pain after failed injections: test the facets",
    "R7.vascular": "vascular features: ankle-brachial index and vascular referral",
    "R7.neuropathy_emg": "diabetes or neuropathy with leg symptoms: EMG",
    "R7.under_40": "under 40: neurogenic claudication is rare",
    "R7.dynamic_films": "spondylolisthesis or structural relief without dynamic films",
    "R7.imaging_needed": "procedure level without imaging",
}

CONSERVATIVE_FIRST_WEEKS = 6
STRUCTURAL_WEEKS = 26
MIN_ESCALATION_SIGNS = 2
DURABLE_RELIEF_WEEKS = 6
SHORT_RELIEF_WEEKS = 2
YOUNG_AGE = 40
_STRUCTURAL_CAUSES = frozenset(
    {
        "instability",
        "spondylolisthesis",
        "multilevel",
        "facet_hypertrophy",
        "disc_bulge",
        "congenital",
    }
)


@dataclass
class _Work:
    """What the rules accumulate while one case is evaluated."""

    case: Case
    f: Findings
    cls: Classification
    fw: dict[str, FrameworkAnswer]
    signs: tuple[str, ...]
    fired: list[RuleFiring] = field(default_factory=list)
    workup: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)
    structural_considered: bool = False

    def fire(self, rule_id: str, reason: str, findings: tuple[str, ...] | list[str] = ()) -> None:
        assert rule_id in RULES, rule_id
        self.fired.append(RuleFiring(rule_id, reason, tuple(findings)))

    def add_workup(self, *items: str) -> None:
        for item in items:
            if item not in self.workup:
                self.workup.append(item)

    def imaging_test(self) -> str:
        """MRI, or CT myelogram when MRI is contraindicated (e.g. a pacemaker)."""
        return "ct_myelogram" if self.case.has_comorbidity("mri_contraindicated") else "mri"

    def sign_evidence(self) -> list[str]:
        return [f"{s.replace('_', ' ')}: {'; '.join(self.f.escalation[s])}" for s in self.signs]


def evaluate(case: Case) -> Plan:
    """Evaluate one validated case. Never raises for a case that ``parse_case`` accepted."""
    f = derive(case)
    signs = tuple(s for s in ESCALATION_SIGNS if s in f.escalation)
    w = _Work(case, f, classify(case, f), answer_framework(case), signs)
    level = _decide(w)
    if level_rank(level) < level_rank("urgent"):
        _modifiers(w, level)
    return Plan(
        rules_version=RULES_VERSION,
        level=level,
        pattern=w.cls.pattern,
        region=w.cls.region,
        red_flags=f.red_flags,
        escalation_signs=signs,
        framework=w.fw,
        workup=tuple(w.workup),
        rules_fired=tuple(w.fired),
        alternatives=tuple(w.alternatives),
        warnings=tuple(w.warnings),
        scores=compute_scores(case, f.age),
        evidence={"pattern": w.cls.evidence, **f.escalation},
    )


def _decide(w: _Work) -> str:
    for block in (_red_flags, _cord_signs, _conservative_first, _stable, _structural):
        level = block(w)
        if level is not None:
            return level
    return _interventional(w)


def _red_flags(w: _Work) -> str | None:
    """Block 1: any red flag overrides everything; the highest level among them decides."""
    if not w.f.red_flags:
        return None
    test = "urgent_mri" if w.imaging_test() == "mri" else "ct_myelogram"
    level = "urgent"
    for lvl, rule, reason in (
        ("emergency", "R1.emergency", "Red flag: send to the emergency department now."),
        ("urgent", "R1.urgent", "Red flag: same-day evaluation, outside routine scheduling."),
    ):
        flags = [rf for rf in w.f.red_flags if rf.level == lvl]
        if flags:
            w.fire(rule, reason, [f"{rf.code} ({', '.join(rf.sources)})" for rf in flags])
            level = max(level, lvl, key=level_rank)
    if test == "ct_myelogram":
        w.warnings.append("MRI is contraindicated: CT myelogram instead of urgent MRI.")
    w.add_workup(test)
    return level


def _cord_signs(w: _Work) -> str | None:
    """Block 2: signs of cervical cord compression need prompt specialist evaluation."""
    if not w.f.cord_signs:
        return None
    w.fire(
        "R2.cord_signs",
        "Possible cervical cord involvement: prompt spine-surgical evaluation with imaging.",
        w.f.cord_signs,
    )
    w.add_workup(w.imaging_test())
    return "surgical"


def _conservative_first(w: _Work) -> str | None:
    """Block 3: under 6 weeks of structured conservative care, conservative care comes first."""
    weeks = w.f.conservative_weeks
    if weeks is not None and weeks >= CONSERVATIVE_FIRST_WEEKS:
        return None
    w.fire(
        "R3.conservative_first",
        "Less than 6 weeks of structured conservative care: start or continue it; "
        "imaging can usually wait.",
        [w.f.conservative_evidence],
    )
    if weeks is None:
        w.warnings.append("No conservative care recorded: treated as none so far.")
    weakness = (w.case.exam.leg_weakness if w.case.exam else None) or "none"
    if weakness != "none":
        w.fire(
            "R3.deficit_imaging",
            "A neurological deficit is present, so imaging is not deferred.",
            [f"exam: {weakness} leg weakness"],
        )
        w.add_workup(w.imaging_test())
    return "conservative"


def _stable(w: _Work) -> str | None:
    """Block 4: stable on conservative care (fewer than 2 signs, limitation not severe)."""
    limitation = w.fw["limitation"].answer
    if len(w.signs) >= MIN_ESCALATION_SIGNS or limitation == "severe":
        return None
    w.fire(
        "R4.stable",
        "Conservative care is holding: fewer than 2 escalation signs and limitation not severe.",
        [
            w.f.conservative_evidence,
            f"{len(w.signs)} escalation sign(s)",
            f"limitation {limitation or 'not recorded'}",
            *w.sign_evidence(),
        ],
    )
    return "conservative"


def _structural(w: _Work) -> str | None:
    """Block 5: structural relief, when every condition holds; then the cause decides."""
    f, case = w.f, w.case
    why: list[str] = []
    if w.cls.pattern == "lumbar_neurogenic_claudication":
        why.append("pattern: lumbar neurogenic claudication")
    elif f.progressive_deficit:
        why.append("progressive neurological deficit")
    else:
        return None
    weeks = f.conservative_weeks or 0
    if weeks >= STRUCTURAL_WEEKS:
        why.append(f.conservative_evidence)
    elif f.progressive_deficit:
        why.append("progressive deficit (no need to wait 26 weeks)")
    else:
        return None
    failure = _interventional_failure(w)
    if failure is None:
        return None
    why.append(failure)
    if w.fw["limitation"].answer == "severe":
        why.append("severe limitation: " + "; ".join(w.fw["limitation"].evidence))
    elif len(w.signs) >= MIN_ESCALATION_SIGNS:
        why.append(f"{len(w.signs)} escalation signs")
    else:
        return None
    why.extend(w.sign_evidence())
    w.structural_considered = True

    cause = w.fw["cause"].answer or "unknown"
    img = case.imaging
    levels = len((img.levels if img else None) or ())
    unstable = bool(img and img.instability_on_flexion_extension)
    why.append(f"cause: {cause.replace('_', ' ')} ({w.fw['cause'].source})")
    if cause == "unknown":
        w.fire(
            "R5.no_imaging",
            "Structural relief is worth considering, but no cause can be named without imaging: "
            "interventional care meanwhile, and image first.",
            why,
        )
        w.add_workup(w.imaging_test())
        return "interventional"
    flavum_fits = (
        cause == "ligamentum_flavum_hypertrophy" and levels <= MAX_FOCAL_LEVELS and not unstable
    )
    if flavum_fits:
        if levels == 0:
            w.warnings.append(
                "Number of stenotic levels not recorded: confirm 1-2 levels for MILD."
            )
        w.fire(
            "R5.mild",
            "Thickened ligamentum flavum at 1-2 levels without instability: the least invasive "
            "option that fits the anatomy is MILD.",
            why,
        )
        return "minimally_invasive"
    if cause not in _STRUCTURAL_CAUSES:  # flavum with instability or too many levels
        why.append("ligamentum flavum, but unstable or more than two levels")
    if w.fw["recovery"].answer == "outpatient_only":
        w.fire(
            "R5.outpatient_scs",
            "The anatomy calls for surgery but the patient will take on only outpatient "
            "recovery: spinal cord stimulation, with surgery as the alternative.",
            [*why, "recovery: outpatient only"],
        )
        w.alternatives.append("surgical")
        return "minimally_invasive"
    w.fire(
        "R5.surgical",
        "Bone, disc or unstable narrowing that has failed conservative and interventional care: "
        "surgical consultation for decompression.",
        why,
    )
    return "surgical"


def _interventional_failure(w: _Work) -> str | None:
    """Why interventional care is not the answer any more, or None when it still may be."""
    injections = (w.case.treatment.injections if w.case.treatment else None) or ()
    if injections and not any(i.durable for i in injections):
        return f"{len(injections)} injection(s) without durable functional benefit"
    if len(w.f.injections_12m) >= INJECTION_CAP:
        return f"{len(w.f.injections_12m)} injections in the last 12 months (cap reached)"
    if w.fw["goal"].answer == "structural_relief":
        return f"goal: structural relief ({w.fw['goal'].source})"
    return None


def _interventional(w: _Work) -> str:
    """Block 6: conservative care is falling short; interventional pain management."""
    limitation = w.fw["limitation"].answer
    w.fire(
        "R6.interventional",
        "Six weeks or more of conservative care with escalation signs or severe limitation: "
        "interventional pain management.",
        [
            w.f.conservative_evidence,
            f"limitation {limitation or 'not recorded'}",
            *w.sign_evidence(),
        ],
    )
    capped = len(w.f.injections_12m) >= INJECTION_CAP
    last = _last_injection(w.case)
    short = (
        last is not None
        and last.relief_weeks is not None
        and last.relief_weeks < SHORT_RELIEF_WEEKS
        and not last.function_improved
    )
    if capped or short:
        why = []
        if capped:
            why.append(f"{len(w.f.injections_12m)} injections in the last 12 months (cap 3)")
        if short and last is not None:
            why.append(
                f"last injection ({last.date}) relieved {fmt_num(last.relief_weeks or 0)} "
                "week(s) without functional gain"
            )
        w.fire(
            "R6.no_repeat_injection",
            "Do not repeat the injection: review the diagnosis instead.",
            why,
        )
        w.warnings.append("Do not repeat the injection; review the diagnosis.")
        if w.f.back_dominant:
            w.fire(
                "R6.medial_branch_block",
                "Back-dominant pain may come from the facet joints: test with medial branch "
                "blocks.",
                ["back pain exceeds leg pain"],
            )
            w.add_workup("medial_branch_block")
    return "interventional"


def _last_injection(case: Case) -> Injection | None:
    injections = (case.treatment.injections if case.treatment else None) or ()
    return max(injections, key=lambda i: i.date, default=None)


def _modifiers(w: _Work, level: str) -> None:
    """Block 7: work-up and warnings added to any level below urgent."""
    case, f = w.case, w.f
    if f.vascular_features:
        w.fire(
            "R7.vascular",
            "Vascular features: check the ankle-brachial index and refer to vascular medicine.",
            f.vascular_features,
        )
        w.add_workup("abi", "vascular_referral")
    neuro = [c for c in ("diabetes", "peripheral_neuropathy") if case.has_comorbidity(c)]
    if neuro and f.leg_symptoms:
        w.fire(
            "R7.neuropathy_emg",
            "Neuropathy can mimic stenosis: EMG to tell them apart.",
            [*(c.replace("_", " ") for c in neuro), "leg symptoms"],
        )
        w.add_workup("emg")
    if f.age < YOUNG_AGE and w.cls.region != "cervical":
        w.fire("R7.under_40", "Neurogenic claudication is rare under 40.", [f"age {f.age}"])
        w.warnings.append(
            f"Age {f.age}: consider disc herniation, congenital narrowing and vascular "
            "claudication before stenosis."
        )
    causes = (case.imaging.causes if case.imaging else None) or ()
    spondy = "spondylolisthesis" in causes or w.fw["cause"].answer == "spondylolisthesis"
    if (spondy or w.structural_considered) and not f.has_dynamic_films:
        w.fire(
            "R7.dynamic_films",
            "Flexion-extension films to look for instability before a structural decision.",
            [
                "spondylolisthesis suspected" if spondy else "structural relief considered",
                "no flexion-extension films recorded",
            ],
        )
        w.add_workup("flexion_extension_xray")
    test = w.imaging_test()
    if (
        level in ("interventional", "minimally_invasive", "surgical")
        and not f.has_imaging
        and test not in w.workup
    ):
        w.fire(
            "R7.imaging_needed",
            "A procedure level needs imaging first.",
            [f"level {level.replace('_', ' ')}", "no imaging recorded"],
        )
        w.add_workup(test)
