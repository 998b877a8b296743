"""Every URL and standard code the FHIR exchange uses, in one place.

The app's own code systems, extensions and questionnaires live under :data:`BASE`. A clinic that
registers a real domain changes it here and nowhere else; until then ``.example`` (a reserved
top-level domain) makes clear that these are not published canonical URLs.

Standard codes are used only where they are certain to mean what the app means (LOINC for vital
signs and the 0-10 pain rating, HL7 terminology for statuses and categories). A pattern of
symptoms is not a confirmed diagnosis, so patterns stay in the app's own system rather than being
mapped to a SNOMED CT disorder.
"""

from __future__ import annotations

from typing import Any

from intake_desktop.domain import codes

BASE = "http://intake-desktop.example/fhir"

# --- the app's own canonical resources ---------------------------------------------------------


def code_system(name: str) -> str:
    """URL of one of the app's code systems, e.g. ``code_system("red-flag")``."""
    return f"{BASE}/CodeSystem/{name}"


def extension_url(name: str) -> str:
    """URL of one of the app's extensions, e.g. ``extension_url("rules-version")``."""
    return f"{BASE}/StructureDefinition/{name}"


def questionnaire_url(name: str) -> str:
    """Canonical URL of one of the app's questionnaires (``spine-intake``, ``odi`` …)."""
    return f"{BASE}/Questionnaire/{name}"


#: Identifier systems: the visit's id in the app and the clinic's patient record number.
VISIT_ID_SYSTEM = f"{BASE}/identifier/visit"
RECORD_NUMBER_SYSTEM = f"{BASE}/identifier/record-number"

#: Version of the app's questionnaires; it follows the case format they carry.
QUESTIONNAIRE_VERSION = "1"
INTAKE_QUESTIONNAIRE = "spine-intake"
INSTRUMENT_QUESTIONNAIRES: tuple[str, ...] = ("odi", "ndi", "zcq", "mjoa")

# The app's code systems, one per kind of code: the same word can mean different things in
# different lists ("none" is a leg-weakness grade and a home-care benefit), so they never share one.
FINDING = code_system("finding")  # a case field, coded by its dotted path
OBSERVATION_CATEGORY = code_system("observation-category")
RED_FLAG = code_system("red-flag")
ESCALATION_SIGN = code_system("escalation-sign")
FRAMEWORK_QUESTION = code_system("framework-question")
ANSWER_SOURCE = code_system("answer-source")
LEVEL = code_system("level")
PROCEDURE = code_system("procedure")
PATTERN = code_system("pattern")
REGION = code_system("region")
WORKUP = code_system("workup")
SCORE = code_system("score")
SCORE_COMPONENT = code_system("score-component")
PAIN_SITE = code_system("pain-site")

#: Categories of the app's own observations (codes of :data:`OBSERVATION_CATEGORY`).
CATEGORY_RED_FLAG = "red-flag"
CATEGORY_ESCALATION = "escalation-sign"
CATEGORY_FRAMEWORK = "framework"
CATEGORY_SCORE = "score"
CATEGORY_FINDING = "finding"

#: Enumerations of the case model -> the name of the app code system that holds their codes.
#: Keyed by the ``Literal`` types of :mod:`intake_desktop.domain.codes`; a field whose type is
#: missing here cannot be exported, which a test catches as soon as the field exists.
ENUM_SYSTEMS: dict[Any, str] = {
    codes.SymptomSite: "symptom-site",
    codes.Aggravator: "aggravator",
    codes.Reliever: "reliever",
    codes.Sensation: "sensation",
    codes.Onset: "onset",
    codes.RedFlag: "red-flag",
    codes.Comorbidity: "comorbidity",
    codes.LegWeakness: "leg-weakness",
    codes.PedalPulses: "pedal-pulses",
    codes.Modality: "modality",
    codes.ImagingCause: "cause",
    codes.Cause: "cause",
    codes.InjectionType: "injection-type",
    codes.BlockResponse: "block-response",
    codes.Trend: "trend",
    codes.HomeBenefit: "home-benefit",
    codes.Limitation: "limitation",
    codes.Goal: "goal",
    codes.Recovery: "recovery",
}

#: FHIR's own administrative gender has exactly the four codes of the case's ``sex``.
GENDER = "http://hl7.org/fhir/administrative-gender"

# --- extensions --------------------------------------------------------------------------------
EXT_RULES_VERSION = extension_url("rules-version")
EXT_RECOMMENDED_LEVEL = extension_url("recommended-level")
EXT_ALTERNATIVE_LEVEL = extension_url("alternative-level")
EXT_SUGGESTED_PROCEDURE = extension_url("suggested-procedure")
EXT_ACCEPTED_LEVEL = extension_url("accepted-level")
EXT_CHOSEN_PROCEDURE = extension_url("chosen-procedure")
EXT_OVERRIDE_REASON = extension_url("override-reason")
EXT_RULE_FIRED = extension_url("rule-fired")
#: The plan's ``messages`` (English text -> message key and values) as JSON, so a plan read back
#: can still be said in another language.
EXT_PLAN_MESSAGES = extension_url("plan-messages")

# --- standard terminologies ----------------------------------------------------------------------
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
BCP47 = "urn:ietf:bcp:47"
OBSERVATION_CATEGORY_HL7 = "http://terminology.hl7.org/CodeSystem/observation-category"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation"
PROVENANCE_PARTICIPANT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"

#: LOINC codes the app is sure of, by case field (dotted path) -> (code, display).
LOINC_FINDINGS: dict[str, tuple[str, str]] = {
    "patient.weight_kg": ("29463-7", "Body weight"),
    "patient.height_cm": ("8302-2", "Body height"),
    "exam.temperature_c": ("8310-5", "Body temperature"),
}
#: Pain severity, 0-10 verbal numeric rating, reported; the site goes in ``bodySite``.
LOINC_PAIN_NRS = ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")

#: UCUM unit of a numeric case field, by the ending of its name (or its full name).
UNITS: dict[str, tuple[str, str]] = {
    "seconds_to_relief_on_sitting": ("s", "s"),
    "walking_test_minutes_to_onset": ("min", "min"),
    "ankle_brachial_index": ("1", "ratio"),
    "_m": ("m", "m"),
    "_min": ("min", "min"),
    "_weeks": ("wk", "wk"),
    "_kg": ("kg", "kg"),
    "_cm": ("cm", "cm"),
    "_c": ("Cel", "°C"),
    "_mm2": ("mm2", "mm²"),
}


def unit_of(name: str) -> tuple[str, str] | None:
    """(UCUM code, unit text) of a numeric case field, or None for a unitless count."""
    if name in UNITS:
        return UNITS[name]
    for suffix, unit in UNITS.items():
        if suffix.startswith("_") and name.endswith(suffix):
            return unit
    return None
