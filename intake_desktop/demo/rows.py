"""One batch of demo patients' visit rows, ready to write: the part of ``demo`` that needs CPU.

Every visit's case, plan, signature hash, urgency mark and JSON text is made here, from the
patients alone (each patient's visits come from their own seed), so batches can be made in
worker processes while the parent writes the previous one, and the clinic is the same whatever
the number of workers.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from intake_desktop.domain.signing import signature_hash, signed_identity
from intake_desktop.storage.urgency import draft_red_flags, join_codes, signed_urgency

from .bulk import JsonText, json_text
from .people import DemoPerson
from .visits import DAY_RED_FLAG, DaySlot, VisitFactory

_JSON_COLUMNS = ("draft_data", "case_data", "signed_identity")
#: One composed signature hash in this many is checked against ``signature_hash`` itself.
CHECK_EVERY = 500


def _canonical(value: Any) -> str:
    """JSON as ``signature_hash`` writes it (sorted keys, compact, UTF-8)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass(slots=True)
class BatchVisits:
    """Visit rows of one batch (without ids), the earlier version of each (None if never
    amended), which patient of the batch each belongs to, and the rows of today's visits."""

    rows: list[dict[str, Any]]
    earlier: list[dict[str, Any] | None]
    owner: list[int]
    todays: list[tuple[DaySlot, int, int]]  # slot, patient's place in the batch, row index


class RowMaker:
    """Makes :class:`BatchVisits`; keeps the plan memo and the plans' JSON text between batches."""

    def __init__(self, today: date) -> None:
        self._factory = VisitFactory(0, today)
        self._plan_texts: dict[int, tuple[dict[str, Any], JsonText]] = {}
        self._canonical_plans: dict[int, tuple[dict[str, Any], str]] = {}
        self._hashed = 0

    def batch(self, people: list[DemoPerson], slots: dict[int, DaySlot]) -> BatchVisits:
        out = BatchVisits([], [], [], [])
        flag_shown = False
        for n, person in enumerate(people):
            slot = slots.get(n)
            for visit in self._factory.visits_for(person, slot):
                row = visit.row
                if (slot is not None and not flag_shown and row["draft_data"] is not None
                        and slot.state in ("checked_in", "answering", "ready")):  # fmt: skip
                    row["draft_data"] = {**row["draft_data"], "red_flags": [DAY_RED_FLAG]}
                    flag_shown = True
                signed = self._signature_columns(row, person)
                out.rows.append(self._encoded({**row, **_urgency_columns(row), **signed}))
                old = visit.earlier
                if old is not None:
                    old = self._encoded({**old, **self._signature_columns(old, person)})
                out.earlier.append(old)
                out.owner.append(n)
            if slot is not None:
                out.todays.append((slot, n, len(out.rows) - 1))
        return out

    def _signature_columns(self, row: dict[str, Any], person: DemoPerson) -> dict[str, Any]:
        """The signed identification and signature hash a signing would have stored, so that
        demo visits pass the check every print makes (services.signature_check); none for a
        draft. The hash is ``domain.signing.signature_hash``'s, its canonical JSON put together
        with the shared plan's part encoded once (the plan is most of it); every
        :data:`CHECK_EVERY`-th is computed by ``signature_hash`` itself and must agree."""
        if row.get("case_data") is None:
            return {"signed_identity": None, "signature_hash": None}
        identity = signed_identity(person.name, person.date_of_birth, person.record_number)
        plan = row["plan"]
        known = self._canonical_plans.get(id(plan))
        if known is None or known[0] is not plan:
            known = self._canonical_plans[id(plan)] = (plan, _canonical(plan))
        text = (
            f'{{"accepted_level":{_canonical(row["final_level"])},'
            f'"case":{_canonical(row["case_data"])},'
            f'"chosen_procedure":{_canonical(row.get("chosen_procedure"))},'
            f'"override_reason":{_canonical(row["override_reason"])},'
            f'"patient_identity":{_canonical(identity)},"plan":{known[1]}}}'
        )
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self._hashed += 1
        if self._hashed % CHECK_EVERY == 0:
            expected = signature_hash(
                row["case_data"], plan, row["final_level"], row["override_reason"],
                row.get("chosen_procedure"), identity,
            )  # fmt: skip
            if digest != expected:
                raise RuntimeError("demo signature: the composed hash differs")
        return {"signed_identity": identity, "signature_hash": digest}

    def _encoded(self, row: dict[str, Any]) -> dict[str, Any]:
        """The row with its JSON columns as text (each shared plan encoded once)."""
        for name in _JSON_COLUMNS:
            value = row.get(name)
            if value is not None:
                row[name] = JsonText(json_text(value))
        plan = row.get("plan")
        if plan is not None:
            known = self._plan_texts.get(id(plan))
            if known is None or known[0] is not plan:
                known = self._plan_texts[id(plan)] = (plan, JsonText(json_text(plan)))
            row["plan"] = known[1]
        return row


def _urgency_columns(row: dict[str, Any]) -> dict[str, Any]:
    """The lists' urgency mark of a demo visit, derived as a save would (storage.urgency)."""
    if row["status"] == "draft":
        codes, urgency = draft_red_flags(row["draft_data"])
    else:
        codes, urgency = signed_urgency(row["plan"], row["computed_level"], row["final_level"])
    return {"urgency": urgency, "red_flag_codes": join_codes(codes)}


# Worker processes: one RowMaker each, made once.
_MAKER: RowMaker | None = None


def start_worker(today: date) -> None:
    global _MAKER
    _MAKER = RowMaker(today)


def worker_batch(job: tuple[list[DemoPerson], dict[int, DaySlot]]) -> BatchVisits:
    assert _MAKER is not None
    return _MAKER.batch(*job)
