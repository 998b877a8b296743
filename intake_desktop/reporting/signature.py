"""The clinician summary's signature section: who signed, when (with the time zone), and every
amendment since.

The signer's full name, credentials and the signed content's fingerprint print when the caller
has them (:class:`VisitDocument` ``signer_name``, ``signer_credentials``, ``content_hash``); the
user name that signed always prints, since it is what the audit trail records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Spacer

from .layout import format_datetime
from .paragraphs import TextParagraph

if TYPE_CHECKING:
    from .clinician_context import ClinicianContext as ClinicianCtx

#: Characters of the content hash per group, so a reader can compare it with the screen's.
_HASH_GROUP = 8


def signature_section(c: ClinicianCtx) -> list[Flowable]:
    """Signed by whom and when, or "not signed" on a draft; then the amendments' table."""
    doc, t = c.doc, c.t
    out: list[Flowable] = [*c.heading("signature")]
    if doc.is_draft:
        out.append(TextParagraph(f"<b>{c.label('not_signed')}</b>", c.s.draft_line))
    else:
        out += c.pairs(signature_rows(c))
    if doc.amendments:
        head = [c.label(k) for k in ("amend_time", "amend_author", "amend_reason")]
        rows = [
            [escape(format_datetime(t, a.time)), escape(a.author), escape(a.reason)]
            for a in doc.amendments
        ]
        out += [
            Spacer(1, c.s.size * 0.4),
            TextParagraph(c.label("amendments"), c.s.subheading),
            c.grid(head, rows, (0.24, 0.22, 0.54)),
        ]
    return out


def signature_rows(c: ClinicianCtx) -> list[tuple[str, str]]:
    """(label, value) rows of a signed visit's signature, as markup."""
    doc, t = c.doc, c.t
    user = escape(doc.signed_by or t.plain("words.not_recorded"))
    name = ", ".join(x for x in (doc.signer_name, doc.signer_credentials) if x)
    signer = f"{escape(name)} ({c.label('signer_user')}: {user})" if name else user
    rows = [
        (c.label("signed_by"), signer),
        (c.label("signed_at"), escape(format_datetime(t, doc.signed_at))),
    ]
    if doc.content_hash:
        digest = doc.content_hash
        grouped = " ".join(digest[i : i + _HASH_GROUP] for i in range(0, len(digest), _HASH_GROUP))
        rows.append((c.label("content_hash"), escape(grouped)))
    return rows
