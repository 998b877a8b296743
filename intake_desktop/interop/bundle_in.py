"""A FHIR Bundle back into a visit: :func:`parse_bundle`.

The case comes from the QuestionnaireResponses alone (the Observations of findings are a view of
the same data for other systems); the plan from the CarePlan, the Condition and the app's
Observations; the status from the responses' status; the signature from the Provenance. Every
problem names the resource and the element (or the case field) at fault.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from intake_desktop.domain.codes import CASE_FORMAT
from intake_desktop.domain.validation import CaseValidationError, described, parse_case

from .answers import decode_items
from .elements import code_in, listed, need, optional, where_of
from .index import BundleIndex
from .model import BundleError, FhirVisit, ImportedVisit, PatientIdentity
from .plan_in import careplan_of, read_chosen_procedure, read_decision, read_plan
from .questionnaires import instrument_items, intake_items
from .systems import (
    BCP47,
    INSTRUMENT_QUESTIONNAIRES,
    INTAKE_QUESTIONNAIRE,
    QUESTIONNAIRE_VERSION,
    RECORD_NUMBER_SYSTEM,
    VISIT_ID_SYSTEM,
    questionnaire_url,
)

VISIT_STATUS = {"in-progress": "draft", "completed": "signed", "amended": "amended"}
GENDERS = ("female", "male", "other", "unknown")


def parse_bundle(bundle: Any, *, today: date | None = None) -> ImportedVisit:
    """The visit a Bundle written by :func:`build_bundle` holds, or :class:`BundleError`.

    ``today`` is the date the visit may not be after (as for any case file; tests pin it).
    """
    index = BundleIndex(bundle)
    intake = _response(index, INTAKE_QUESTIONNAIRE, required=True)
    assert intake is not None
    where = where_of(intake)
    raw_status = intake.get("status")
    status = VISIT_STATUS.get(raw_status) if isinstance(raw_status, str) else None
    if status is None:
        allowed = ", ".join(VISIT_STATUS)
        raise BundleError(where, f"status {described(raw_status)} is not one of {allowed}")
    case = _case(index, intake, today)
    careplan = careplan_of(index)
    accepted, override_reason = read_decision(careplan)
    encounter = index.one("Encounter", "encounter")
    assert encounter is not None
    provider = optional(encounter, "serviceProvider", where_of(encounter), Mapping) or {}
    clinic = optional(provider, "display", f"{where_of(encounter)} serviceProvider", str)
    signature = _signature(index, status)
    plan = read_plan(index)
    _check_red_flags(case.red_flags or (), plan["red_flags"], where)
    try:
        visit = FhirVisit(
            visit_id=_visit_id(index, encounter),
            case=case,
            plan=plan,
            patient=_patient(index),
            status=status,
            accepted_level=accepted,
            override_reason=override_reason,
            chosen_procedure=read_chosen_procedure(careplan),
            clinic_name=clinic,
            **signature,
        )
    except ValueError as exc:
        raise BundleError("Bundle", str(exc)) from None
    return ImportedVisit(visit)


def _check_red_flags(screened: Any, planned: list[str], where: str) -> None:
    """A red flag of the screen without its Observation means the Bundle lost one: refuse it."""
    missing = [code for code in screened if code not in planned]
    if missing:
        raise BundleError(
            where,
            f"the red-flag screen records {', '.join(missing)} but the Bundle has no red-flag "
            "Observation for it; a red flag is never dropped, so the Bundle is refused",
        )


def _response(index: BundleIndex, name: str, *, required: bool) -> Mapping[str, Any] | None:
    url = questionnaire_url(name)

    def answers_this(resource: Mapping[str, Any]) -> bool:
        target = resource.get("questionnaire")
        return isinstance(target, str) and target.split("|", 1)[0] == url

    response = index.one(
        "QuestionnaireResponse", f"answers to {url}", answers_this, required=required
    )
    if response is not None:
        version = response["questionnaire"].partition("|")[2]
        if version and version != QUESTIONNAIRE_VERSION:
            raise BundleError(
                where_of(response),
                f"answers version {version} of {url}; "
                f"this app reads version {QUESTIONNAIRE_VERSION}",
            )
    return response


def _case(index: BundleIndex, intake: Mapping[str, Any], today: date | None):
    where = where_of(intake)
    data = decode_items(intake_items(), intake.get("item"), where)
    marker = data.pop("questionnaires", None)
    instruments: dict[str, Any] = {}
    for name in INSTRUMENT_QUESTIONNAIRES:
        response = _response(index, name, required=False)
        if response is None:
            continue
        item = instrument_items()[name]
        answers = decode_items((item,), response.get("item"), where_of(response))
        if name not in answers:
            raise BundleError(where_of(response), f"has no item {item.link_id}")
        instruments[name] = answers[name]
    if marker is not None and marker is not True:
        raise BundleError(f"{where} item questionnaires", "is true when recorded, else left out")
    if marker or instruments:
        data["questionnaires"] = instruments
    data["format"] = CASE_FORMAT
    try:
        return parse_case(data, today=today)
    except CaseValidationError as exc:
        detail = "; ".join(
            f"item {e.path}: {e.message}" if e.path else e.message for e in exc.errors
        ) + (f"; and {exc.more} more" if exc.more else "")
        raise BundleError(where, f"the answers are not a valid case: {detail}") from None


def _visit_id(index: BundleIndex, encounter: Mapping[str, Any]) -> str:
    identifiers = [index.bundle.get("identifier"), *listed(encounter, "identifier", "Encounter")]
    for ident in identifiers:
        if isinstance(ident, Mapping) and ident.get("system") == VISIT_ID_SYSTEM:
            value = ident.get("value")
            if isinstance(value, str) and value:
                return value
    raise BundleError("Bundle", f"identifier of system {VISIT_ID_SYSTEM} (the visit id) is missing")


def _patient(index: BundleIndex) -> PatientIdentity:
    patient = index.one("Patient", "patient")
    assert patient is not None
    where = where_of(patient)
    try:
        born = date.fromisoformat(need(patient, "birthDate", where, str))
    except ValueError:
        raise BundleError(where, "birthDate must be a full date YYYY-MM-DD") from None
    gender = optional(patient, "gender", where, str)
    if gender is not None and gender not in GENDERS:
        raise BundleError(where, f"gender {described(gender)} is not one of {', '.join(GENDERS)}")
    record_number = None
    for ident in listed(patient, "identifier", where):
        if isinstance(ident, Mapping) and ident.get("system") == RECORD_NUMBER_SYSTEM:
            record_number = need(ident, "value", f"{where} identifier", str)
    language = None
    for i, comm in enumerate(listed(patient, "communication", where)):
        if isinstance(comm, Mapping) and language is None:
            language = code_in(comm.get("language"), BCP47, f"{where} communication[{i}]")
    return PatientIdentity(
        date_of_birth=born,
        record_number=record_number,
        name=_name(listed(patient, "name", where), where),
        sex=gender,
        language=language,
    )


def _name(names: list[Any], where: str) -> str | None:
    if not names:
        return None
    first = names[0]
    if not isinstance(first, Mapping):
        raise BundleError(where, "name[0] must be an object")
    if isinstance(first.get("text"), str):
        return first["text"]
    parts = [*first.get("given", []), first.get("family", "")]
    return " ".join(p for p in parts if isinstance(p, str) and p) or None


def _signature(index: BundleIndex, status: str) -> dict[str, Any]:
    provenance = index.one("Provenance", "signature", required=False)
    if provenance is None:
        if status != "draft":
            raise BundleError("Bundle", f"a {status} visit needs its signature (Provenance)")
        return {}
    where = where_of(provenance)
    if status == "draft":
        raise BundleError(where, "a draft visit has no signature")
    agents = listed(provenance, "agent", where)
    who = agents[0].get("who") if agents and isinstance(agents[0], Mapping) else None
    signer = who.get("display") if isinstance(who, Mapping) else None
    if not isinstance(signer, str) or not signer:
        raise BundleError(where, "agent[0].who.display (who signed) is missing")
    try:
        signed_at = datetime.fromisoformat(need(provenance, "recorded", where, str))
    except ValueError:
        raise BundleError(
            where, "recorded must be an instant such as 2026-11-20T10:15:00+00:00"
        ) from None
    reasons = listed(provenance, "reason", where)
    reason = optional(reasons[0], "text", f"{where} reason[0]", str) if reasons else None
    return {"signed_by": signer, "signed_at": signed_at, "amendment_reason": reason}
