"""A visit as a FHIR R4 Bundle: :func:`build_bundle`.

The Bundle (type ``collection``) holds, in this order: the Patient, the Encounter, the red flags
(first, so that no reader meets routine findings before them), the QuestionnaireResponses (the
intake and each standard questionnaire), the findings as Observations, the plan (Condition,
Observations, CarePlan, ServiceRequests), the app's Questionnaires the responses answer, and, for
a signed visit, the Provenance of the signature.

It is a pure function of the :class:`FhirVisit`: every id is a uuid5 of the visit id and the
resource's role, nothing depends on the clock, so exporting the same visit twice (or exporting an
imported one) gives the same Bundle.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from intake_desktop.domain.validation import case_to_dict

from .answers import encode_item, encode_items
from .elements import concept, fhir_text
from .findings import finding_observations
from .model import FhirVisit, global_id, resource_id
from .plan_out import plan_resources
from .questionnaires import (
    canonical,
    instrument_items,
    intake_items,
    questionnaire_resource,
)
from .systems import (
    ACT_CODE,
    BCP47,
    DATA_OPERATION,
    INSTRUMENT_QUESTIONNAIRES,
    INTAKE_QUESTIONNAIRE,
    PROVENANCE_PARTICIPANT,
    RECORD_NUMBER_SYSTEM,
    VISIT_ID_SYSTEM,
)

#: Status of the visit -> status of its QuestionnaireResponses (which carry it on import).
QR_STATUS = {"draft": "in-progress", "signed": "completed", "amended": "amended"}

Resource = tuple[str, dict[str, Any]]


def build_bundle(visit: FhirVisit) -> dict[str, Any]:
    """The visit as a FHIR R4 Bundle (JSON data, ready for ``json.dumps``)."""
    case = case_to_dict(visit.case)

    def ref(role: str) -> dict[str, str]:
        return {"reference": f"urn:uuid:{_id(visit, role)}"}

    context = {"subject": ref("patient"), "encounter": ref("encounter")}
    observed = {
        "status": "final" if visit.is_signed else "preliminary",
        **context,
        "effectiveDateTime": visit.case.visit_date.isoformat(),
    }
    flags, plan = plan_resources(visit, context, observed, ref)
    responses = _responses(visit, case, context)
    visit_resources: list[Resource] = [
        ("encounter", _encounter(visit, ref)),
        *flags,
        *responses,
        *finding_observations(case, observed),
        *plan,
    ]
    questionnaires = [
        ("questionnaire/" + name, questionnaire_resource(name))
        for name in _questionnaires_used(case)
    ]
    resources = [("patient", _patient(visit)), *visit_resources, *questionnaires]
    if visit.is_signed:
        resources.append(("provenance", _provenance(visit, [r for r, _ in visit_resources], ref)))
    return {
        "resourceType": "Bundle",
        "id": resource_id(visit.visit_id, "bundle"),
        "identifier": {"system": VISIT_ID_SYSTEM, "value": visit.visit_id},
        "type": "collection",
        "entry": [_entry(visit, role, resource) for role, resource in resources],
    }


def _id(visit: FhirVisit, role: str) -> str:
    """Resource id of a role: by visit id, except a registered patient's (by record number)."""
    if role == "patient" and visit.patient.record_number:
        return global_id("Patient", visit.patient.record_number)
    return resource_id(visit.visit_id, role)


def _entry(visit: FhirVisit, role: str, resource: dict[str, Any]) -> dict[str, Any]:
    rid = resource.get("id") or _id(visit, role)
    body = {k: v for k, v in resource.items() if k not in ("resourceType", "id")}
    return {
        "fullUrl": f"urn:uuid:{rid}",
        "resource": {"resourceType": resource["resourceType"], "id": rid, **body},
    }


def _questionnaires_used(case: dict[str, Any]) -> list[str]:
    recorded = case.get("questionnaires", {})
    return [INTAKE_QUESTIONNAIRE, *(n for n in INSTRUMENT_QUESTIONNAIRES if n in recorded)]


def _patient(visit: FhirVisit) -> dict[str, Any]:
    p = visit.patient
    out: dict[str, Any] = {"resourceType": "Patient"}
    if p.record_number:
        out["identifier"] = [
            {
                "use": "usual",
                "system": RECORD_NUMBER_SYSTEM,
                "value": fhir_text(p.record_number, "the patient's record number"),
            }
        ]
    if p.name:
        out["name"] = [{"text": fhir_text(p.name, "the patient's name")}]
    if p.sex:
        out["gender"] = p.sex
    out["birthDate"] = p.date_of_birth.isoformat()
    if p.language:
        out["communication"] = [
            {"language": {"coding": [{"system": BCP47, "code": p.language}]}, "preferred": True}
        ]
    return out


def _encounter(visit: FhirVisit, ref: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "resourceType": "Encounter",
        "identifier": [{"system": VISIT_ID_SYSTEM, "value": visit.visit_id}],
        "status": "finished" if visit.is_signed else "in-progress",
        "class": {"system": ACT_CODE, "code": "AMB", "display": "ambulatory"},
        "subject": ref("patient"),
        "period": {"start": visit.case.visit_date.isoformat()},
    }
    if visit.clinic_name:
        out["serviceProvider"] = {"display": fhir_text(visit.clinic_name, "the clinic's name")}
    return out


def _responses(visit: FhirVisit, case: dict[str, Any], context: dict[str, Any]) -> list[Resource]:
    """The intake response and one response per standard questionnaire recorded."""

    def response(name: str, items: list[dict[str, Any]]) -> dict[str, Any]:
        out = {
            "resourceType": "QuestionnaireResponse",
            "questionnaire": canonical(name),
            "status": QR_STATUS[visit.status],
            **context,
        }
        if items:
            out["item"] = items
        return out

    intake = dict(case)
    if "questionnaires" in intake:
        intake["questionnaires"] = True  # the marker: the answers follow in their own responses
    out = [
        ("response/intake", response(INTAKE_QUESTIONNAIRE, encode_items(intake_items(), intake)))
    ]
    recorded = case.get("questionnaires", {})
    for name in INSTRUMENT_QUESTIONNAIRES:
        if name in recorded:
            items = encode_item(instrument_items()[name], recorded[name])
            out.append((f"response/{name}", response(name, items)))
    return out


def instant(moment: datetime) -> str:
    """A FHIR instant; a moment without a time zone is taken as UTC (how the app stores it)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat()


def _provenance(visit: FhirVisit, targets: list[str], ref: Any) -> dict[str, Any]:
    """Who signed the visit and when; the signature covers every resource of the visit."""
    assert visit.signed_at is not None and visit.signed_by
    operation = "UPDATE" if visit.status == "amended" else "CREATE"
    agent: dict[str, Any] = {
        "type": concept(PROVENANCE_PARTICIPANT, "attester", "Attester"),
        "who": {"display": fhir_text(visit.signed_by, "signed_by")},
    }
    if visit.clinic_name:
        agent["onBehalfOf"] = {"display": fhir_text(visit.clinic_name, "the clinic's name")}
    out: dict[str, Any] = {
        "resourceType": "Provenance",
        "target": [ref(role) for role in targets],
        "recorded": instant(visit.signed_at),
        "activity": concept(DATA_OPERATION, operation, operation.lower()),
        "agent": [agent],
    }
    if visit.amendment_reason:
        out["reason"] = [{"text": fhir_text(visit.amendment_reason, "amendment_reason")}]
    return out
