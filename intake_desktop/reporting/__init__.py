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
from .render import (
    RenderedPdf,
    build_clinician_summary,
    build_patient_summary,
    build_summary,
    render_pdf,
    suggested_filename,
)
from .templates import KINDS, Template, TemplateError, load_template, questionnaire_labels

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
