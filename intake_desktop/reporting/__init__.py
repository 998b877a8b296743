"""PDF visit summaries: the patient's take-home sheet and the referring clinician's copy.

Built with ReportLab from plain domain objects (a :class:`VisitDocument`: the case, the stored
plan, the patient's name and the signature), worded and styled by the templates in
``intake_desktop/resources/templates/`` (or the clinic's own copy in its configuration folder,
:mod:`.paths`) so that a clinic can change them without code. No database access here:
the services layer gathers the visit and calls these functions.

Typical use::

    doc = VisitDocument(case, plan_dict, patient_name="…", status="signed", …)
    pages = build_patient_summary(doc, Path("summary.pdf"))          # refuses to overwrite
    preview = render_pdf("clinician", doc).data                      # bytes, for a viewer

The patient summary prints in the patient's preferred language (``doc.preferred_language``, a
BCP 47 tag such as ``es-MX``) when there are templates for it, else in English with a warning
(:func:`choose_language`); ``questionnaire_labels(language)`` gives the questionnaires' short,
patient-facing labels for the intake screens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .atomic import OutputExistsError, write_atomic
from .document import Amendment, VisitDocument, plan_as_dict
from .languages import (
    DEFAULT_LANGUAGE,
    LanguageChoice,
    available_languages,
    choose_language,
    template_language,
)
from .paths import DEFAULT_TEMPLATES_DIR, FONTS_DIR
from .templates import KINDS, Template, TemplateError, load_template, questionnaire_labels

if TYPE_CHECKING:
    from .render import (
        RenderedPdf,
        build_clinician_summary,
        build_patient_summary,
        build_summary,
        render_pdf,
        suggested_filename,
    )

__all__ = [
    "DEFAULT_LANGUAGE",
    "DEFAULT_TEMPLATES_DIR",
    "FONTS_DIR",
    "KINDS",
    "Amendment",
    "LanguageChoice",
    "OutputExistsError",
    "RenderedPdf",
    "Template",
    "TemplateError",
    "VisitDocument",
    "available_languages",
    "build_clinician_summary",
    "build_patient_summary",
    "build_summary",
    "choose_language",
    "load_template",
    "plan_as_dict",
    "questionnaire_labels",
    "render_pdf",
    "suggested_filename",
    "template_language",
    "write_atomic",
]

#: What :mod:`.render` gives: loaded with the first PDF rather than with the package, because
#: ReportLab takes longer to import than the app's window takes to appear, and the settings read
#: at sign-in (the templates' ``clinic.toml``) need nothing of it.
_RENDER_NAMES = frozenset(
    {
        "RenderedPdf",
        "build_clinician_summary",
        "build_patient_summary",
        "build_summary",
        "render_pdf",
        "suggested_filename",
    }
)


def __getattr__(name: str) -> Any:
    if name in _RENDER_NAMES:
        from . import render

        return getattr(render, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
