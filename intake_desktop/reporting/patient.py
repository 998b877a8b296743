"""The patient summary: what the patient takes home, in plain words (CLINICAL_CONTENT.md s. 9).

Every sentence comes from the patient template; this module only decides which sentences fit the
visit. Red flags are never hidden: when the visit has one, the top of page 1 says plainly what to
do, and the safety-net box listing every warning sign is always printed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer

from intake_desktop.domain.codes import RED_FLAG_LEVELS, RED_FLAGS, level_rank

from .blocks import StoryContext, box, bullet_columns, bullets
from .document import VisitDocument
from .homecare import home_care_items
from .layout import Styles, colour, format_number
from .paragraphs import TextParagraph
from .templates import Template
from .trends import walking_picture

#: Escalation signs (CLINICAL_CONTENT.md s. 5) tell when conservative or interventional care is
#: falling short; once a procedure or a surgeon is next, or for possible cord compression (where
#: the warning signs are the safety net's), the list would only distract.
WATCH_LEVELS = frozenset({"conservative", "interventional"})
WATCH_SKIPPED_PATTERNS = frozenset({"cervical_myelopathy"})

#: The "why" of the recommendation stays short: the deciding rules come first in the plan.
MAX_REASONS = 3


class _Ctx(StoryContext):
    def para(self, key: str, style: Any = None, **extra: Any) -> TextParagraph:
        return TextParagraph(self.text(key, **extra), style or self.s.body)

    def heading(self, section: str) -> TextParagraph:
        return TextParagraph(self.text(f"headings.{section}"), self.s.heading)


def patient_story(
    doc: VisitDocument, t: Template, s: Styles, width: float, values: dict[str, Any]
) -> list[Flowable]:
    """The flowables of the patient summary, in the template's section order."""
    c = _Ctx(doc, t, s, width, values)
    story: list[Flowable] = [
        TextParagraph(c.text("document.title"), s.title),
        TextParagraph(c.text("page.footer"), s.small),
        Spacer(1, s.size * 0.5),
    ]
    if doc.red_flags:
        story += [_alert(c), Spacer(1, s.size * 0.6)]
    if t.raw("intro.text", ""):
        story.append(c.para("intro.text"))
    for section in t.raw("document.section_order"):
        story += _SECTIONS[section](c)
    story += [Spacer(1, s.size * 0.3), c.para("closing.contact")]
    return story


def _alert(c: _Ctx) -> Flowable:
    """The first thing on page 1 when a red flag is present: where to go, and why."""
    kind = "emergency" if c.doc.red_flag_level == "emergency" else "urgent"
    rows: list[Flowable] = [
        TextParagraph(c.text(f"alert.{kind}_heading"), c.s.alert_heading),
        c.para(f"alert.{kind}_text"),
        TextParagraph(c.text("alert.found"), c.s.subheading),
        *bullets([_flag_text(c, code) for code in c.doc.red_flags], c.s),
    ]
    return box(
        rows,
        c.width,
        font=c.s.fonts.regular,
        border=colour(c.t, "alert"),
        background=colour(c.t, "alert_background"),
        border_width=2.5,
    )


def _flag_text(c: _Ctx, code: str) -> str:
    """A red flag in the patient's words; an unknown code still prints, never vanishes."""
    key = f"red_flags.{code}"
    text = c.text(key) if c.t.has(key) else code.replace("_", " ")
    return text[:1].upper() + text[1:]


def _found(c: _Ctx) -> list[Flowable]:
    out: list[Flowable] = [c.heading("found")]
    pattern = str(c.doc.plan.get("pattern"))
    key = f"found.patterns.{pattern}"
    out.append(c.para(key if c.t.has(key) else "found.patterns.mixed_or_unclear"))
    history = c.doc.case.history
    distance = history.painless_walking_distance_m if history else None
    standing = history.standing_tolerance_min if history else None
    if distance is not None and c.t.raw("found.walking", ""):
        out.append(c.para("found.walking", walking_distance=format_number(c.t, distance)))
    elif standing is not None and c.t.raw("found.standing", ""):
        out.append(c.para("found.standing", standing_time=format_number(c.t, standing)))
    return out + walking_picture(c)


def _care(c: _Ctx) -> list[Flowable]:
    level = c.doc.level
    out: list[Flowable] = [
        c.heading("care"),
        c.para("care.recommended", level=c.t.plain(f"care.levels.{level}.name")),
        c.para(f"care.levels.{level}.about"),
    ]
    if c.doc.chosen_procedure:
        name = c.t.plain(f"care.procedure_names.{c.doc.chosen_procedure}")
        out.append(c.para("care.chosen_procedure", procedure=name))
    if c.doc.overridden:
        out.append(c.para("care.override"))
    else:
        reasons = c.t.raw("care.reasons", {})
        why = [
            c.t.fill(reasons[r["id"]], f"care.reasons.{r['id']}", **c.values)
            for r in c.doc.plan.get("rules_fired") or ()
            if r.get("id") in reasons
        ]
        why = list(dict.fromkeys(why))[:MAX_REASONS]  # two rules may share one plain reason
        if why:
            out.append(TextParagraph(f"<b>{c.text('care.why')}</b> " + " ".join(why), c.s.body))
    for alt in c.doc.plan.get("alternatives") or ():
        if alt != level and c.t.has(f"care.levels.{alt}.name"):
            name = c.t.plain(f"care.levels.{alt}.name")
            out.append(c.para("care.alternative", alternative=name))
    return out


def _next_steps(c: _Ctx) -> list[Flowable]:
    out: list[Flowable] = [c.heading("next_steps")]
    items = []
    for code in c.doc.plan.get("workup") or ():
        key = f"next_steps.workup.{code}"
        if c.t.has(key):
            items.append(f"<b>{c.text(key + '.name')}</b> – {c.text(key + '.what')}")
        else:  # a code this template does not know yet: print it rather than drop a test
            items.append(f"<b>{code.replace('_', ' ')}</b>")
    return out + (bullets(items, c.s) if items else [c.para("next_steps.none")])


def _home_care(c: _Ctx) -> list[Flowable]:
    """Home care fitted to the plan; before an urgent assessment, only what to do until then."""
    if level_rank(c.doc.level) >= level_rank("urgent"):
        return [
            TextParagraph(c.text("home_care.until_seen_heading"), c.s.heading),
            c.para("home_care.until_seen"),
        ]
    keys = home_care_items(c.doc.case, c.doc.plan, c.doc.level)
    items = [c.text(f"home_care.items.{k}") for k in keys]
    return [c.heading("home_care"), c.para("home_care.intro"), *bullets(items, c.s)]


def _come_back(c: _Ctx) -> list[Flowable]:
    level = c.doc.level
    out: list[Flowable] = [c.heading("come_back"), c.para(f"come_back.levels.{level}")]
    if level in WATCH_LEVELS and c.doc.plan.get("pattern") not in WATCH_SKIPPED_PATTERNS:
        watch = c.t.raw("come_back.watch")
        items = [c.t.fill(v, f"come_back.watch.{k}", **c.values) for k, v in watch.items()]
        out += [
            TextParagraph(c.text("come_back.watch_intro"), c.s.subheading),
            bullet_columns(items, c.s, c.width),
        ]
    return out


def _safety_net(c: _Ctx) -> list[Flowable]:
    """The boxed list of every warning sign, always printed, kept on one page."""
    groups = {
        lvl: [_flag_text(c, code) for code in RED_FLAGS if RED_FLAG_LEVELS[code] == lvl]
        for lvl in ("emergency", "urgent")
    }
    safety_heading = TextParagraph(c.text("headings.safety_net"), c.s.safety_heading)
    rows: list[Flowable] = [
        safety_heading,
        TextParagraph(c.text("safety_net.emergency_intro"), c.s.subheading),
        *bullets(groups["emergency"], c.s),
        TextParagraph(c.text("safety_net.urgent_intro"), c.s.subheading),
        *bullets(groups["urgent"], c.s),
    ]
    if c.t.raw("safety_net.closing", ""):
        rows.append(c.para("safety_net.closing"))
    net = box(
        rows,
        c.width,
        font=c.s.fonts.regular,
        border=colour(c.t, "safety"),
        background=colour(c.t, "safety_background"),
        border_width=2.5,
    )
    return [Spacer(1, c.s.size * 0.8), KeepTogether([net])]


def _questions(c: _Ctx) -> list[Flowable]:
    return [
        KeepTogether(
            [
                c.heading("questions"),
                c.para("questions.intro"),
                *bullets(c.t.texts("questions.items", **c.values), c.s),
            ]
        )
    ]


_SECTIONS: dict[str, Callable[[_Ctx], list[Flowable]]] = {
    "found": _found,
    "care": _care,
    "next_steps": _next_steps,
    "home_care": _home_care,
    "come_back": _come_back,
    "safety_net": _safety_net,
    "questions": _questions,
}
