"""An open draft names its patient as the patient record does, whoever saved it last.

A draft's case file carries a ``patient`` block (record number, name, date of birth, sex,
language) copied from the record when the visit began. The record is the source of truth: the
front desk corrects it, and signing, the printouts and the FHIR export compare the case with it.
A stale copy inside an open draft would print a mixed identity and could not be signed, and
nothing in the visit window edits that block. So the block is never left to the window:

* :func:`correct_open_drafts` writes a corrected identity into every open draft of the patient
  (and an open amendment's draft) in the transaction that corrects the record;
* :func:`keep_identity` is applied by every save of a draft, so a window still holding the
  old block (opened before the correction, on this or another workstation) cannot bring it back.
  It keeps only what the stored draft and the record agree on: a case saved with someone
  else's identity into a draft that never matched the record is stored as sent, and signing
  still refuses it ("does not match the patient's record"), as before.

Signed versions (``case_data``, ``visit_versions``) are never touched: they keep what was signed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from intake_desktop.storage.models import Patient, Visit
from intake_desktop.storage.urgency import draft_red_flags, join_codes, split_codes

from .actor import Actor
from .alerts import raise_if_new
from .permissions import record

#: The keys of the case's patient block that the record owns. ``id`` and ``name`` leave the
#: block when the record has none (an old number or name must not survive its removal); sex and
#: language stay as typed when the record says nothing (a follow-up may carry them forward).
_OWNED = ("id", "name", "date_of_birth")
_FILLED = ("sex", "language")


def record_identity(
    record_number: str | None,
    name: str | None,
    date_of_birth: Any,
    sex: str | None,
    language: str | None,
) -> dict[str, str | None]:
    """The patient block's identifying keys as the record holds them (dates as ISO text)."""
    return {
        "id": record_number,
        "name": name,
        "date_of_birth": date_of_birth.isoformat(),
        "sex": sex,
        "language": language,
    }


def patient_identity(patient: Patient) -> dict[str, str | None]:
    """:func:`record_identity` of a patient row."""
    return record_identity(
        patient.record_number, patient.name, patient.date_of_birth, patient.sex, patient.language
    )


def stamp_identity(
    payload: Mapping[str, Any], identity: Mapping[str, str | None]
) -> dict[str, Any]:
    """``payload`` with its patient block naming the patient as ``identity`` does.

    Everything else (weight, height, every other part of the case) is kept as it is.
    """
    block = payload.get("patient")
    stamped: dict[str, Any] = dict(block) if isinstance(block, Mapping) else {}
    for key in _OWNED + _FILLED:
        value = identity.get(key)
        if value is not None:
            stamped[key] = value
        elif key in _OWNED:
            stamped.pop(key, None)
    return {**payload, "patient": stamped}


def keep_identity(
    payload: Mapping[str, Any], stored: Any, identity: Mapping[str, str | None]
) -> dict[str, Any]:
    """``payload`` as saved over ``stored`` (the draft now in the database).

    A draft that names its patient as the record does (``identity``: record number, name and
    date of birth all agree, as after a correction) keeps doing so: the payload's patient block
    takes the record's identity, so a window's copy from before the correction cannot bring the
    old one back. A draft that never matched the record is stored as sent (signing refuses it,
    naming the field), as is a payload without a patient block (a draft keeps what was typed).
    """
    block = payload.get("patient")
    before = stored.get("patient") if isinstance(stored, Mapping) else None
    if not isinstance(block, Mapping) or not names_patient(before, identity, every_key=True):
        return dict(payload)
    return stamp_identity(payload, identity)


def names_patient(block: Any, identity: Mapping[str, str | None], *, every_key: bool) -> bool:
    """Whether the patient ``block`` names the patient as ``identity`` does: every identifying
    key equal (``every_key``), or each one the block holds (a case file may leave the name or
    the record number out)."""
    if not isinstance(block, Mapping):
        return False
    return all(
        block.get(key) == identity.get(key)
        for key in _OWNED
        if every_key or block.get(key) is not None
    )


def correct_open_drafts(
    session: Session, actor: Actor, patient: Patient, before: Mapping[str, str | None]
) -> list[int]:
    """Write ``patient``'s identity into each open draft that named them as ``before`` (the
    record's identity until this correction, :func:`patient_identity`); the visits changed.

    A draft naming someone else (another date of birth or record number than the record had)
    is left as it is: signing keeps refusing it rather than relabelling it. An open draft is a
    visit in status ``draft`` or a signed visit with an amendment open. Each change is audited
    (``patient.update`` naming the visit). The version of the visit does not move: the identity
    is the record's, not anyone's edit of the draft, so a window holding the draft saves on
    without a conflict, its stale block replaced (:func:`keep_identity`). A date of birth may
    change the age and so the red flags: they are re-read, and a flag that is new raises its
    alert as a save would.
    """
    identity = patient_identity(patient)
    if identity == before:
        return []
    rows = session.execute(
        select(Visit.id, Visit.draft_data, Visit.red_flag_codes).where(
            Visit.patient_id == patient.id,
            Visit.draft_data.is_not(None),
            or_(Visit.status == "draft", Visit.pending_amendment_reason.is_not(None)),
        )
    ).all()
    changed: list[int] = []
    for visit_id, data, flags in rows:
        if not isinstance(data, Mapping) or not names_patient(data.get("patient"), before,
                                                       every_key=False):  # fmt: skip
            continue
        stamped = stamp_identity(data, identity)
        if stamped == data:
            continue
        codes, urgency = draft_red_flags(stamped)
        session.execute(
            update(Visit)
            .where(Visit.id == visit_id)
            .values(draft_data=stamped, urgency=urgency, red_flag_codes=join_codes(codes))
            .execution_options(synchronize_session=False)
        )
        record(
            session,
            actor,
            "patient.update",
            patient_id=patient.id,
            visit_id=visit_id,
            detail="identity corrected in the open draft",
        )
        raise_if_new(session, actor, visit_id=visit_id, patient_id=patient.id,
                     before=split_codes(flags), now=codes)  # fmt: skip
        changed.append(visit_id)
    return changed
