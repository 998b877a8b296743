"""What each template file must contain, so that a broken template is caught when it is loaded.

The spec lists every key by its dotted path with the kind of value it needs. The lists of codes
come from the domain (levels, patterns, red flags, work-up, escalation signs) and from
:mod:`.homecare`, so a template cannot silently lack the wording for a code the engine can produce.
"""

from __future__ import annotations

from intake_desktop.domain.codes import (
    FRAMEWORK_QUESTIONS,
    LEVELS,
    PATTERNS,
    PROCEDURES,
    RED_FLAGS,
    WORKUPS,
)
from intake_desktop.domain.engine import RULES
from intake_desktop.domain.instruments import (
    ABI_BANDS,
    ABI_NONCOMPRESSIBLE,
    MJOA_BANDS,
    NDI_BANDS,
    NDI_SECTIONS,
    NRS_BANDS,
    ODI_BANDS,
    ODI_SECTIONS,
)

from .homecare import HOME_CARE_ITEMS
from .safety import SIGNS, TRIGGERS
from .template_checks import COLOUR, OPTIONAL_TEXT, TEXT, TEXTS, Check

#: Items of each ZCQ subscale, in the order of the case's answer lists (INSTRUMENTS.md, ZCQ).
ZCQ_ITEMS: dict[str, int] = {"symptom_severity": 7, "physical_function": 5, "satisfaction": 6}

CLINIC_SPEC: dict[str, Check] = {
    "clinic.name": TEXT,
    "clinic.address": TEXT,
    "clinic.phone": TEXT,
    "clinic.emergency_number": TEXT,
    "clinic.logo": OPTIONAL_TEXT,
    "clinic.website": OPTIONAL_TEXT,
    "page.size": Check("choice", choices=("letter", "A4")),
    # The clinic's conventions on patient sheets (reporting/conventions.py): metres or feet and
    # yards, US or UK English. Optional: a clinic without them prints metres and UK English.
    "conventions.units": Check("choice", optional=True, choices=("metric", "us")),
    "conventions.spelling": Check("choice", optional=True, choices=("us", "uk")),
    **{
        f"colours.{name}": COLOUR
        for name in (
            "primary",
            "accent",
            "text",
            "muted",
            "rule",
            "shade",
            "alert",
            "alert_background",
            "safety",
            "safety_background",
            "draft",
        )
    },
    **{f"fonts.{style}": TEXT for style in ("regular", "bold", "italic", "bold_italic")},
    # The patient summary is read by people who may not see well: never below 12 pt.
    "sizes.patient_body": Check("number", minimum=12, maximum=16),
    "sizes.clinician_body": Check("number", minimum=8, maximum=12),
}

COMMON_SPEC: dict[str, Check] = {
    "dates.format": TEXT,
    "dates.time_format": TEXT,
    "dates.months": Check("texts", length=12),
    "page.footer": TEXT,
    "page.page_number": TEXT,
    "page.draft_mark": TEXT,
    "page.draft_note": TEXT,
    # "Amended on {date} ({reason})" under the title of a signed visit that was amended.
    "page.amended_note": OPTIONAL_TEXT,
    "page.signed_note": OPTIONAL_TEXT,
    "page.details_updated": OPTIONAL_TEXT,
    # Who the sheet is for when no name is recorded (layout.identity): never an empty field.
    "page.record_number": TEXT,
    "page.no_name": TEXT,
    "words.yes": TEXT,
    "words.no": TEXT,
    "words.not_recorded": TEXT,
    "words.none": TEXT,
    # How numbers print (1,200.5 in English); optional, English style when absent.
    "numbers.thousands_separator": OPTIONAL_TEXT,
    "numbers.decimal_separator": OPTIONAL_TEXT,
    # Short labels of the questionnaires for the patient (INSTRUMENTS.md: never the forms' text).
    **{
        f"questionnaire_labels.{name}.title": TEXT
        for name in ("odi", "ndi", "zcq", *(f"zcq.{sub}" for sub in ZCQ_ITEMS))
    },
    "questionnaire_labels.odi.items": Check("texts", length=ODI_SECTIONS),
    "questionnaire_labels.ndi.items": Check("texts", length=NDI_SECTIONS),
    **{
        f"questionnaire_labels.zcq.{sub}.items": Check("texts", length=n)
        for sub, n in ZCQ_ITEMS.items()
    },
}

PATIENT_SECTIONS: tuple[str, ...] = (
    "found",
    "care",
    "tests",
    "home_care",
    "come_back",
    "safety_net",
    "questions",
)
#: The reasons the patient sheet can give for its recommendation (patient_sheet._reasons).
PATIENT_REASONS: tuple[str, ...] = (
    "red_flag",
    "vascular",
    "vascular_check",
    "cord_signs",
    "first_weeks",
    "first_none",
    "scan_can_wait",
    "deficit_imaging",
    "stable",
    "care_weeks",
    "care_months",
    "injection_failed",
    "esi_capped",
    "goal_structural",
    "scan_mild",
    "anatomy_mild",
    "scan_surgical",
    "anatomy_surgical",
    "outpatient_scs",
    "outpatient_spacer",
    "no_imaging",
    "interventional",
    "not_repeated",
    "medial_branch_block",
    "neuropathy_emg",
    "under_40",
)
#: The lines of the "Next steps" box (patient_sheet._next_steps).
NEXT_STEPS: tuple[str, ...] = (
    "appointment",
    "acute_emergency",
    "acute_urgent",
    "contact_vascular",
    "contact_surgeon",
    "contact_procedure",
    "contact_treatment",
    "contact_review",
    "contact_tests",
    "note",
    "phone",
)
CLINICIAN_SECTIONS: tuple[str, ...] = (
    "identification",
    "recommendation",
    "history",
    "exam",
    "imaging",
    "treatment",
    "scores",
    "pattern",
    "escalation",
    "framework",
    "rules",
    "workup",
    "signature",
    "trends",
    "alerts",
    "follow_up",
)

PATIENT_SPEC: dict[str, Check] = {
    "document.title": TEXT,
    "document.subject": TEXT,
    "document.section_order": Check("order", choices=PATIENT_SECTIONS, required=("safety_net",)),
    "intro.text": OPTIONAL_TEXT,
    **{f"headings.{s}": TEXT for s in (*PATIENT_SECTIONS, "next_steps", "get_help")},
    **{
        f"alert.{k}": TEXT
        for k in ("emergency_heading", "emergency_text", "urgent_heading", "urgent_text", "found")
    },
    **{f"found.patterns.{p}": TEXT for p in PATTERNS},
    "found.walking": TEXT,
    "found.standing": TEXT,
    # The walking-distance picture (two visits or more); empty ("") leaves the picture out.
    "found.walking_trend": OPTIONAL_TEXT,
    "found.walking_trend_note": OPTIONAL_TEXT,
    **{f"units.{u}": TEXT for u in ("m", "ft", "yd", "week", "weeks")},
    **{f"care.levels.{lvl}.name": TEXT for lvl in LEVELS},
    **{f"care.levels.{lvl}.about": TEXT for lvl in LEVELS},
    **{f"care.{k}.{w}": TEXT for k in ("vascular", "review") for w in ("name", "about")},
    "care.recommended": TEXT,
    "care.procedure": TEXT,
    "care.why": TEXT,
    "care.override": TEXT,
    "care.alternative": TEXT,
    # The procedure the clinician chose with the patient (one of the plan's), in plain words.
    "care.chosen_procedure": TEXT,
    **{f"care.procedure_names.{p}": TEXT for p in PROCEDURES},
    **{f"care.reasons.{r}": TEXT for r in PATIENT_REASONS},
    **{f"procedures.{p}.{w}": TEXT for p in PROCEDURES for w in ("name", "about")},
    **{f"tests.workup.{w}.{k}": TEXT for w in WORKUPS for k in ("name", "what")},
    "tests.none": TEXT,
    **{f"next_steps.{k}": TEXT for k in NEXT_STEPS},
    **{f"next_steps.book.{k}": TEXT for k in (*LEVELS, "vascular")},
    **{f"get_help.{k}": TEXT for k in ("now", "today")},
    "get_help.separator": Check("text", optional=True),
    "home_care.intro": TEXT,
    "home_care.until_seen_heading": TEXT,
    "home_care.until_seen": TEXT,
    **{f"home_care.items.{item}": TEXT for item in HOME_CARE_ITEMS},
    "come_back.watch_intro": TEXT,
    **{f"come_back.watch.{k}": TEXT for k in TRIGGERS},
    "safety_net.emergency_intro": TEXT,
    "safety_net.urgent_intro": TEXT,
    "safety_net.closing": OPTIONAL_TEXT,
    **{f"safety_net.signs.{sign}.{w}": TEXT for sign in SIGNS for w in ("short", "full")},
    **{f"red_flags.{code}": TEXT for code in RED_FLAGS},
    "questions.intro": TEXT,
    "questions.items": TEXTS,
    "closing.contact": TEXT,
    # Words a clinic of another English-speaking country says differently (conventions.py).
    "spelling.uk": Check("words", optional=True),
    "spelling.us": Check("words", optional=True),
}

_CLINICIAN_LABELS = (
    "name",
    "record_number",
    "date_of_birth",
    "age",
    "sex",
    "visit_date",
    "visit_id",
    "status",
    "rules_version",
    "recommended",
    "accepted",
    "not_accepted",
    "override_reason",
    "chosen_procedure",
    "no_reason",
    "alternatives",
    "warnings",
    "comorbidities",
    "injections",
    "inj_date",
    "inj_type",
    "inj_relief",
    "inj_function",
    "inj_durable",
    "instrument",
    "result",
    "interpretation",
    "note",
    "pattern",
    "region",
    "sign_count",
    "sign",
    "evidence",
    "question",
    "answer",
    "source",
    "rule",
    "reason",
    "findings",
    "not_signed",
    "not_examined",
    "signed_by",
    "signed_at",
    "amendments",
    "amend_time",
    "amend_author",
    "amend_reason",
    "per_visit",
    "trend_walking",
    "trend_standing",
    "trend_disability",
    "trend_medication",
    "trend_opioid",
    "trend_injections",
    "trend_recommended",
    "trend_accepted",
    "alert",
    "direction",
    "language",
    "signer_user",
    "content_hash",
    "rule_unnamed",
    "procedures",
    "procedures_none",
    "procedures_order",
    "pattern_evidence",
    "inj_response",
    "next_visit",
    "note_for_patient",
)


def rule_key(rule_id: str) -> str:
    """The template key of a rule's name: ``R1.emergency`` is ``R1_emergency`` (keys are dotted)."""
    return rule_id.replace(".", "_")


#: Every band a score can be read into (domain.instruments), printed in words.
BANDS: tuple[str, ...] = tuple(
    dict.fromkeys(
        [b for table in (ODI_BANDS, NDI_BANDS, MJOA_BANDS, NRS_BANDS, ABI_BANDS) for _, b in table]
        + [ABI_NONCOMPRESSIBLE]
    )
)
_CLINICIAN_TERMS = (
    "not_scorable",
    "answered",
    "satisfied",
    "not_satisfied",
    "likely",
    "not_likely",
    "undetermined",
    "at_least",
    "lower_bound",
    "konno_range",
    "missing_items",
    "cook_likely",
    "cook_unlikely",
    "cook_indeterminate",
)
#: The follow-up series the clinician summary names (domain.followup.trends).
TREND_SERIES = (
    "walking_distance_m",
    "standing_tolerance_min",
    *(f"nrs_{site}" for site in ("back", "leg", "neck", "arm")),
    "odi_percent",
    "ndi_percent",
    "odi",
    "ndi",
    *(f"zcq_{sub}" for sub in ZCQ_ITEMS),
)
ALERT_CODES = (
    "walking_distance_shrinking",
    "injection_cap_reached",
    "more_medication_less_activity",
    "odi_change",
    "ndi_change",
    "nrs_change",
)

CLINICIAN_SPEC: dict[str, Check] = {
    "document.title": TEXT,
    "document.subject": TEXT,
    "document.section_order": Check("order", choices=CLINICIAN_SECTIONS, required=("signature",)),
    "headings.red_flags": TEXT,
    **{f"headings.{s}": TEXT for s in CLINICIAN_SECTIONS},
    **{f"red_flags.{k}": TEXT for k in ("none", "emergency", "urgent", "source")},
    **{f"status.{k}": TEXT for k in ("draft", "signed", "amended")},
    **{
        f"sources.{k}": TEXT
        for k in ("clinician", "findings", "default", "unanswered", "screen", "exam")
    },
    **{f"questions.{q}": TEXT for q in FRAMEWORK_QUESTIONS},
    **{f"labels.{k}": TEXT for k in _CLINICIAN_LABELS},
    **{f"terms.{k}": TEXT for k in _CLINICIAN_TERMS},
    **{f"bands.{b}": TEXT for b in BANDS},
    # Every rule by name: its id prints only beside the name (reporting/wording.py).
    **{f"rules.{rule_key(r)}": TEXT for r in RULES},
    # Names of the patient's preferred languages, by tag (a missing one prints the tag).
    "languages.en": OPTIONAL_TEXT,
    "languages.es": OPTIONAL_TEXT,
    **{f"units.{k}": TEXT for k in ("m", "min", "s", "weeks", "c", "mm2", "kg", "cm")},
    # A US clinic's clinician summary adds yards or feet after the recorded metres.
    **{f"units.{k}": OPTIONAL_TEXT for k in ("ft", "yd")},
    **{
        f"trends.{k}": TEXT
        for k in ("too_few", "injection", "count_of_cap", "walking", "standing", "pain")
    },
    **{f"trends.{k}": TEXT for k in ("disability", "zcq", "threshold", "fall")},
    **{f"answers.limitation.{k}": TEXT for k in ("mild", "moderate", "severe")},
    **{f"trends.series.{k}": TEXT for k in TREND_SERIES},
    **{f"alerts.{k}": TEXT for k in ("none", "since", "worse", "better", "first_visit")},
    **{f"alerts.codes.{k}": TEXT for k in ALERT_CODES},
    # A medial branch block's result, and the scan-versus-symptoms check (rules 2026.12).
    **{f"responses.{k}": TEXT for k in ("positive", "negative")},
    **{f"scan.{k}": TEXT for k in ("matches", "mismatch")},
}

KIND_SPECS: dict[str, dict[str, Check]] = {"patient": PATIENT_SPEC, "clinician": CLINICIAN_SPEC}

_COMMON_VALUES = {
    "clinic_name",
    "clinic_phone",
    "emergency_number",
    "patient_name",
    "record_number",
    "date_of_birth",
    "visit_date",
    "page",
    "pages",
    "day",
    "month",
    "year",
    "date",
    "time",
    "reason",
    "signer",
    "fingerprint",
}
#: The placeholders each kind of template may use; anything else is a typo caught at load time.
PLACEHOLDERS: dict[str, set[str]] = {
    "clinic": set(),
    "patient": _COMMON_VALUES
    | {
        "level",
        "alternative",
        "walking_distance",
        "standing_time",
        "weeks",
        "procedure",
        "injection",
        "note",
        "signs",
        "fever_threshold",
        "distance_unit",
    },
    "clinician": _COMMON_VALUES | {"sources", "count", "total", "low", "high"},
}
