"""The clinician's part of a draft: exam, imaging, the four questions and the level override.

The front desk records the history; only a clinician records findings and decides (issue 13,
item 9). Windows show these steps read-only to other users, and the services refuse a save
that changes them, with an audited refusal. The check compares the clinician's part of what is
saved with what is stored (or, for a new draft, with what a follow-up carries forward from the
last signed visit), so the front desk can still save the intake of a draft a clinician has
already examined.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake_desktop.domain.followup import CARRIED_SECTIONS
from intake_desktop.storage.models import Visit

from .actor import Actor
from .errors import PermissionDenied
from .permissions import allowed, require

OPERATION = "visit.edit_clinical"
#: Sections of the case that are the clinician's (CLINICAL_CONTENT.md sections 6 and 8).
CLINICAL_SECTIONS = ("exam", "imaging", "framework")
#: Where the window keeps the level decision until signing: the screen state stored beside the
#: case (``visits.ui_state``); drafts saved before migration 0005 kept it inside, under ``_ui``.
DECISION_KEY, LEGACY_UI_KEY = "decision", "_ui"
#: The names the refusal gives each part, as the visit window's steps call them.
PART_NAMES = {
    "exam": "examination",
    "imaging": "imaging",
    "framework": "four questions",
    "override": "level override",
    "procedure": "procedure choice",
}


def clinical_part(
    data: Mapping[str, Any] | None, state: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The clinician's part of a draft's data and screen state, "not recorded" spelled one way."""
    data = data if isinstance(data, Mapping) else {}
    part: dict[str, Any] = {k: _normalised(data.get(k)) for k in CLINICAL_SECTIONS}
    decision = _decision(data, state)
    override = None
    if decision.get("override") is True:
        reason = decision.get("reason")
        override = (decision.get("level"), reason.strip() if isinstance(reason, str) else reason)
    part["override"] = override
    part["procedure"] = decision.get("procedure") or None
    return part


def _decision(data: Mapping[str, Any], state: Mapping[str, Any] | None) -> Mapping[str, Any]:
    for holder in (state, data.get(LEGACY_UI_KEY)):
        found = holder.get(DECISION_KEY) if isinstance(holder, Mapping) else None
        if isinstance(found, Mapping):
            return found
    return {}


def changed_parts(
    new: Mapping[str, Any] | None,
    old: Mapping[str, Any] | None,
    new_state: Mapping[str, Any] | None = None,
    old_state: Mapping[str, Any] | None = None,
) -> list[str]:
    """Which parts of the clinician's part differ between two drafts (data and screen state)."""
    a, b = clinical_part(new, new_state), clinical_part(old, old_state)
    return [name for name in a if a[name] != b[name]]


def check_clinical_edit(
    session: Session,
    actor: Actor,
    data: Mapping[str, Any],
    *,
    ui_state: Mapping[str, Any] | None = None,
    visit_id: int | None = None,
    patient_id: int | None = None,
) -> None:
    """Refuse (audited, :class:`PermissionDenied`) a non-clinician's change to the clinician's part.

    ``visit_id``: compare with the stored draft and its screen state (a save without
    ``ui_state`` keeps the stored one). Otherwise a new draft for ``patient_id``: compare with
    what a follow-up carries from the patient's last signed visit, and no decision.
    """
    if not isinstance(actor, Actor) or allowed(actor, OPERATION):
        return
    stored_state: Mapping[str, Any] | None = None
    if visit_id is not None:
        row = session.execute(
            select(Visit.draft_data, Visit.ui_state).where(Visit.id == visit_id)
        ).first()
        stored, stored_state = (row[0], row[1]) if row is not None else (None, None)
    else:
        stored = _carried_from_last_signed(session, patient_id)
    new_state = stored_state if ui_state is None else ui_state
    changed = changed_parts(data, stored, new_state, stored_state)
    if not changed:
        return
    names = ", ".join(PART_NAMES[c] for c in changed)
    try:
        require(session, actor, OPERATION, visit_id=visit_id, patient_id=patient_id,
                detail=f"changed: {', '.join(changed)}")  # fmt: skip
    except PermissionDenied as exc:
        raise PermissionDenied(
            f"{actor.username} may not change the {names}: these steps are the clinician's "
            "(nothing was saved; the intake can be saved without them)"
        ) from exc


def _carried_from_last_signed(session: Session, patient_id: int | None) -> dict[str, Any]:
    if patient_id is None:
        return {}
    case = session.scalar(
        select(Visit.case_data)
        .where(Visit.patient_id == patient_id, Visit.status.in_(("signed", "amended")))
        .order_by(Visit.visit_date.desc(), Visit.id.desc())
        .limit(1)
    )
    case = case if isinstance(case, Mapping) else {}
    return {k: case[k] for k in CARRIED_SECTIONS if k in case}


def _normalised(value: Any) -> Any:
    """``None``, ``{}`` and a section whose fields are all unset mean the same: not recorded."""
    if isinstance(value, Mapping):
        out = {k: v for k, v in ((k, _normalised(v)) for k, v in value.items()) if v is not None}
        return out or None
    if isinstance(value, list):
        return [_normalised(v) for v in value] or None
    if isinstance(value, str) and not value.strip():
        return None
    return value
