"""A patient's own answers from the tablet, stored in the visit's draft with their source.

The answers go into the draft as the intake steps would write them (the same case paths, the same
red-flag screen beside the case), through :func:`.visits.save_draft`, so a red flag the patient
reports raises the alert on every clinician's window in that save, as a desk's entry would. Which
fields the patient answered is kept beside the case, in the visit's ``ui_state`` under
:data:`~intake_desktop.domain.patient_questions.SOURCES_KEY` (path -> ``"patient-reported"``):
the case schema has no room for a source, and a draft must stay a valid case file.

The short item labels come with the app (``templates/<lang>/common.toml``); a clinic that
holds a licence for a questionnaire's own wording puts it in
``<lang>/licensed_items.toml`` in its templates folder (see :func:`item_texts`).
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from intake_desktop.domain.patient_questions import (
    PATIENT_REPORTED,
    SOURCES_KEY,
    apply_answers,
)
from intake_desktop.domain.signing import SCREEN_PATH
from intake_desktop.storage.database import Database

from . import board, visit_queries, visits
from .actor import Actor
from .errors import VisitLockedError
from .records import DraftSaved

log = logging.getLogger(__name__)

LICENSED_FILE = "licensed_items.toml"
#: The instruments a licensed file may word, with their item counts and answer counts.
LICENSED_SHAPES: dict[str, tuple[int, int]] = {
    "odi": (10, 6),
    "ndi": (10, 6),
    "zcq.symptom_severity": (7, 5),
    "zcq.physical_function": (5, 4),
}


def start_answering(db: Database, visit_id: int, *, actor: Actor) -> None:
    """The desk hands the tablet over: the board shows the patient answering."""
    board.move_visit(db, visit_id, "answering", actor=actor)


def submit_patient_answers(
    db: Database,
    visit_id: int,
    answers: Mapping[str, Any],
    *,
    actor: Actor,
    finished: bool = True,
) -> DraftSaved:
    """Write the patient's ``answers`` (question id -> value) into the visit's draft, marked
    "patient-reported", and, when ``finished``, show the visit as ready on the board.

    ``actor`` is the staff member who handed the tablet over (the audit trail names them). A
    visit signed meanwhile refuses (:class:`VisitLockedError`); a draft the desk saved meanwhile
    is read again and the answers written over its latest version.
    """
    visit = visit_queries.get_visit(db, visit_id, actor=actor)
    if visit.status != "draft":
        raise VisitLockedError(f"visit {visit_id} is no longer a draft; nothing was saved")
    data, screen, paths = apply_answers(visit.data or {}, answers)
    state = dict(visit.ui_state or {})
    if screen:
        state[SCREEN_PATH] = {**(state.get(SCREEN_PATH) or {}), **screen}
    sources = dict(state.get(SOURCES_KEY) or {})
    sources.update(dict.fromkeys(paths, PATIENT_REPORTED))
    state[SOURCES_KEY] = sources
    saved = visits.save_draft(
        db, visit_id, data, expected_version=visit.version, actor=actor, ui_state=state
    )
    if finished:
        board.move_visit(db, visit_id, "ready", actor=actor)
    return saved


def item_texts(language: str, templates_dir: Path | None = None) -> dict[str, Any]:
    """The questionnaires' wording in ``language``: the app's short labels, with a clinic's
    licensed item texts and answer statements where it supplied them.

    Returns ``{"labels": questionnaire_labels(...), "licensed": {instrument: {"items": [...],
    "answers": [[...], ...]}}}``. A licensed file of the wrong shape is ignored whole (with a
    warning naming the file and the instrument, never patient data): half a licensed form
    beside our labels would read as one form.
    """
    from intake_desktop.reporting.paths import templates_folder
    from intake_desktop.reporting.templates import questionnaire_labels

    folder = templates_folder(templates_dir)  # the clinic's own folder once it has one
    labels = questionnaire_labels(language, folder)
    return {"labels": labels, "licensed": licensed_items(folder / language / LICENSED_FILE)}


def licensed_items(path: Path) -> dict[str, dict[str, list[Any]]]:
    """The instruments a clinic's licensed file words correctly (see :func:`item_texts`)."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as exc:
        log.warning("licensed item texts not read from %s: %s", path, exc)
        return {}
    out: dict[str, dict[str, list[Any]]] = {}
    for name, (count, choices) in LICENSED_SHAPES.items():
        node: Any = data
        for part in name.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if node is None:
            continue
        items, answers = node.get("items"), node.get("answers")
        if _strings(items, count) and (
            answers is None
            or (isinstance(answers, list) and len(answers) == count
                and all(_strings(a, choices) for a in answers))
        ):  # fmt: skip
            out[name] = {"items": list(items), "answers": [list(a) for a in answers or []]}
        else:
            log.warning("licensed item texts for %s in %s have the wrong shape; not used",
                        name, path)  # fmt: skip
    return out


def _strings(value: Any, count: int) -> bool:
    return (
        isinstance(value, list)
        and len(value) == count
        and all(isinstance(v, str) and v.strip() for v in value)
    )
