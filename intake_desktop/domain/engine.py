"""The rule engine: one case in, one plan out (CLINICAL_CONTENT.md section 7).

Rule blocks 1, 2, 2b and 3 to 6 are tried in order and the first that matches decides the level;
for any level below ``urgent`` block 8 then names the procedures (:mod:`.procedures`), block 7 adds
work-up and warnings, and block 8's scan-versus-symptoms check is reported. Every rule that fires
is recorded with its stable id (table in :mod:`.rules`), a reason and the findings behind it, so
that the plan explains itself and a signed plan can be traced to the rule set (``RULES_VERSION``)
that produced it.
"""

from __future__ import annotations

from . import procedures
from .case import Case
from .classify import classify
from .codes import ESCALATION_SIGNS, level_rank
from .findings import derive
from .framework import MAX_FOCAL_LEVELS, answer_framework, scan_check
from .injections import INJECTION_CAP, describe, most_recent_therapeutic
from .instruments import compute_scores
from .messages import Message, msg
from .plan import Plan
from .rules import RULES as RULES  # re-exported: the table of stable rule ids
from .rules import RULES_VERSION, Work

CONSERVATIVE_FIRST_WEEKS = 6
STRUCTURAL_WEEKS = 26
MIN_ESCALATION_SIGNS = 2
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


def evaluate(case: Case) -> Plan:
    """Evaluate one validated case. Never raises for a case that ``parse_case`` accepted."""
    f = derive(case)
    signs = tuple(s for s in ESCALATION_SIGNS if s in f.escalation)
    w = Work(case, f, classify(case, f), answer_framework(case), signs)
    level = _decide(w)
    if level_rank(level) < level_rank("urgent"):
        procedures.suggest(w, level)
        _modifiers(w, level)
        _scan_check(w)
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
        procedures=tuple(w.procedures),
        scores=compute_scores(case, f.age),
        evidence={"pattern": w.cls.evidence, **f.escalation},
    )


def _decide(w: Work) -> str:
    for block in (
        _red_flags,
        _cord_signs,
        _vascular_first,
        _conservative_first,
        _stable,
        _structural,
    ):
        level = block(w)
        if level is not None:
            return level
    return _interventional(w)


def _red_flags(w: Work) -> str | None:
    """Block 1: any red flag overrides everything; the highest level among them decides."""
    if not w.f.red_flags:
        return None
    test = "urgent_mri" if w.imaging_test() == "mri" else "ct_myelogram"
    level = "urgent"
    for lvl, rule in (("emergency", "R1.emergency"), ("urgent", "R1.urgent")):
        flags = [rf for rf in w.f.red_flags if rf.level == lvl]
        if flags:
            w.fire(
                rule, [msg("finding.red_flag", code=rf.code, sources=rf.sources) for rf in flags]
            )
            level = max(level, lvl, key=level_rank)
    if test == "ct_myelogram":
        w.warn("warning.ct_instead_of_mri")
    w.add_workup(test)
    return level


def _cord_signs(w: Work) -> str | None:
    """Block 2: signs of cervical cord compression need prompt specialist evaluation."""
    if not w.f.cord_signs:
        return None
    w.fire(
        "R2.cord_signs",
        w.f.cord_signs,
    )
    w.add_workup(w.imaging_test())
    return "surgical"


def _vascular_first(w: Work) -> str | None:
    """Block 2b (since rules 2026.12): a vascular pattern is assessed before any spinal procedure.

    Claudication from poor blood flow is not helped by a spinal procedure, so the spine stays at
    conservative care with no work-up towards a spinal procedure until the vascular assessment is
    done; a neurological deficit is still imaged, as in block 3.
    """
    if w.cls.pattern != "vascular_claudication_suspected":
        return None
    w.fire(
        "R2b.vascular_first",
        w.f.vascular_features,
    )
    w.add_workup("abi", "vascular_referral")
    w.warn("warning.vascular_first")
    _deficit_imaging(w)  # imaging for a deficit is diagnosis, not a spinal procedure
    return "conservative"


def _conservative_first(w: Work) -> str | None:
    """Block 3: under 6 weeks of structured conservative care, conservative care comes first."""
    weeks = w.f.conservative_weeks
    if weeks is not None and weeks >= CONSERVATIVE_FIRST_WEEKS:
        return None
    w.fire(
        "R3.conservative_first",
        [w.f.conservative_evidence],
    )
    if weeks is None:
        w.warn("warning.no_conservative_care")
    _deficit_imaging(w)
    return "conservative"


def _deficit_imaging(w: Work) -> None:
    """A neurological deficit is imaged now, whatever else waits (blocks 2b and 3)."""
    weakness = (w.case.exam.leg_weakness if w.case.exam else None) or "none"
    if weakness != "none":
        w.fire("R3.deficit_imaging", [msg("finding.leg_weakness", weakness=weakness)])
        w.add_workup(w.imaging_test())


def _stable(w: Work) -> str | None:
    """Block 4: stable on conservative care (fewer than 2 signs, limitation not severe)."""
    limitation = w.fw["limitation"].answer
    if len(w.signs) >= MIN_ESCALATION_SIGNS or limitation == "severe":
        return None
    w.fire(
        "R4.stable",
        [
            w.f.conservative_evidence,
            msg("finding.sign_count", count=len(w.signs)),
            _limitation(limitation),
            *w.sign_evidence(),
        ],
    )
    return "conservative"


def _structural(w: Work) -> str | None:
    """Block 5: structural relief, when every condition holds; then the cause decides.

    Since rules 2026.12 a progressive deficit is a red flag (block 1 decides first), so this block
    sees only the neurogenic pattern after 26 weeks of good conservative care.
    """
    f = w.f
    if w.cls.pattern != "lumbar_neurogenic_claudication":
        return None
    if (f.conservative_weeks or 0) < STRUCTURAL_WEEKS:
        return None
    failure = _interventional_failure(w)
    if failure is None:
        return None
    why = [msg("finding.neurogenic_pattern"), f.conservative_evidence, failure]
    if w.fw["limitation"].answer == "severe":
        why.append(msg("finding.severe_limitation", evidence=w.fw["limitation"].evidence))
    elif len(w.signs) >= MIN_ESCALATION_SIGNS:
        why.append(msg("finding.signs", count=len(w.signs)))
    else:
        return None
    why.extend(w.sign_evidence())
    w.structural_considered = True
    return _by_cause(w, why)


def _by_cause(w: Work, why: list[Message]) -> str:
    """Block 5, second half: the cause of the narrowing picks the structural level."""
    cause = w.fw["cause"].answer or "unknown"
    img = w.case.imaging
    levels = len((img.levels if img else None) or ())
    unstable = bool(img and img.instability_on_flexion_extension)
    why.append(msg("finding.cause", cause=cause, source=w.fw["cause"].source))
    if cause == "unknown":
        w.fire(
            "R5.no_imaging",
            why,
        )
        w.add_workup(w.imaging_test())
        return "interventional"
    if cause == "ligamentum_flavum_hypertrophy" and levels <= MAX_FOCAL_LEVELS and not unstable:
        if levels == 0:
            w.warn("warning.levels_unknown_for_mild")
        return _structural_rule(
            w,
            "R5.mild",
            why,
            "minimally_invasive",
        )
    if cause not in _STRUCTURAL_CAUSES:  # flavum with instability or too many levels
        why.append(msg("finding.flavum_not_focal"))
    if w.fw["recovery"].answer == "outpatient_only":
        w.alternatives.append("surgical")
        spacer = _spacer_fits(w, levels, unstable)
        if spacer:
            return _structural_rule(
                w,
                "R5.outpatient_spacer",
                [*why, msg("finding.outpatient_only"), *spacer],
                "minimally_invasive",
            )
        return _structural_rule(
            w,
            "R5.outpatient_scs",
            [*why, msg("finding.outpatient_only")],
            "minimally_invasive",
        )
    return _structural_rule(
        w,
        "R5.surgical",
        why,
        "surgical",
    )


def _structural_rule(w: Work, rule: str, why: list[Message], level: str) -> str:
    w.fire(rule, why)
    w.structural_rule = rule
    return level


def _spacer_fits(w: Work, levels: int, unstable: bool) -> list[Message]:
    """An interspinous spacer needs 1-2 levels, flexion relief, no instability or slip."""
    img = w.case.imaging
    causes = set((img.causes if img else None) or ()) | {w.fw["cause"].answer}
    h, e = w.case.history, w.case.exam
    eased = set((h.eased_by if h else None) or ())
    flexion = bool(eased & {"sitting", "bending_forward"}) or bool(e and e.flexion_relief)
    slip_or_unstable = unstable or bool(causes & {"instability", "spondylolisthesis"})
    if not 1 <= levels <= MAX_FOCAL_LEVELS or not flexion or slip_or_unstable:
        return []
    return [
        msg("finding.level_count", count=levels),
        msg("finding.flexion_relief"),
        msg("finding.no_slip"),
    ]


def _interventional_failure(w: Work) -> Message | None:
    """Why interventional care is not the answer any more, or None when it still may be.

    Judged on the most recent therapeutic injection (since rules 2026.12): an injection that
    helped long ago does not hold escalation back, and a diagnostic block is no failed treatment.
    """
    last = most_recent_therapeutic(w.case)
    if last is not None and not last.durable:
        return msg("finding.not_durable", injection=describe(last))
    if len(w.f.esi_12m) >= INJECTION_CAP:
        return msg("finding.esi_capped", count=len(w.f.esi_12m))
    if w.fw["goal"].answer == "structural_relief":
        return msg("finding.goal_structural", source=w.fw["goal"].source)
    return None


def _interventional(w: Work) -> str:
    """Block 6: conservative care is falling short; interventional pain management.

    Which procedure is chosen in :mod:`.procedures` (block 6's second half and block 8).
    """
    limitation = w.fw["limitation"].answer
    w.fire(
        "R6.interventional",
        [
            w.f.conservative_evidence,
            _limitation(limitation),
            *w.sign_evidence(),
        ],
    )
    return "interventional"


def _modifiers(w: Work, level: str) -> None:
    """Block 7: work-up and warnings added to any level below urgent."""
    case, f = w.case, w.f
    if w.cls.pattern == "mixed_or_unclear" and f.vascular_features:
        w.fire(
            "R2b.vascular_mixed",
            [*w.cls.evidence, *f.vascular_features],
        )
        w.warn("warning.vascular_mixed")
    if f.vascular_features and "R2b.vascular_first" not in w.fired_ids():
        w.fire(
            "R7.vascular",
            f.vascular_features,
        )
        w.add_workup("abi", "vascular_referral")
    neuro = [c for c in ("diabetes", "peripheral_neuropathy") if case.has_comorbidity(c)]
    if neuro and f.leg_symptoms:
        w.fire(
            "R7.neuropathy_emg",
            [*(msg("finding.code", code=c) for c in neuro), msg("finding.leg_symptoms")],
        )
        w.add_workup("emg")
    if f.age < YOUNG_AGE and w.cls.region != "cervical":
        w.fire("R7.under_40", [msg("finding.age", age=f.age)])
        w.warn("warning.under_40", age=f.age)
    causes = (case.imaging.causes if case.imaging else None) or ()
    spondy = "spondylolisthesis" in causes or w.fw["cause"].answer == "spondylolisthesis"
    vascular_first = "R2b.vascular_first" in w.fired_ids()  # spinal work-up waits (block 2b)
    if (spondy or w.structural_considered) and not f.has_dynamic_films and not vascular_first:
        w.fire(
            "R7.dynamic_films",
            [
                msg("finding.spondy_suspected" if spondy else "finding.structural_considered"),
                msg("finding.no_dynamic_films"),
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
            [msg("finding.level", level=level), msg("cause.no_imaging")],
        )
        w.add_workup(test)


def _scan_check(w: Work) -> None:
    """Block 8: does the scan match the symptoms? (also shown with the cause's evidence)."""
    check = scan_check(w.case)
    if check is None:
        return
    kind, text = check
    if kind == "matches":
        w.fire("R8.imaging_matches", [text])
    else:
        w.fire(
            "R8.imaging_mismatch",
            [text],
        )
        w.warn("warning.scan_mismatch")


def _limitation(answer: str | None) -> Message:
    if answer is None:
        return msg("finding.limitation_unknown")
    return msg("finding.limitation", limitation=answer)
