"""The clinic's settings, stored with the records so every workstation on one database shares
them: the letterhead (name, address, phone, emergency number, logo, colours), page size, units
and English spelling of the summaries, the idle-lock minutes and the default language.

One declared registry (:data:`SETTINGS`: key, kind, label, bounds), as Picard declares its
options. A key with no row takes its default: ``clinic.toml`` of the report templates for the
letterhead and the summaries (the file stays the template a clinic starts from), the constants
below for the rest. Saving checks every value first (a bad one is refused naming its field),
then stores and audits each change in one transaction; the next PDF on any workstation prints it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from intake_desktop.storage.database import Database
from intake_desktop.storage.models import ClinicSetting, utc_now

from ._common import reader, transaction
from .actor import Actor
from .errors import InputError
from .permissions import record, require

LOGO = "clinic.logo"
IDLE_LOCK_MINUTES = "session.idle_lock_minutes"
DEFAULT_LANGUAGE = "language.default"
#: A logo bigger than this is refused (a letterhead picture is a few tens of kilobytes).
MAX_LOGO_BYTES = 1_000_000
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_PNG, _JPEG = b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: its key (``table.name`` as in clinic.toml), kind and the label a form shows.

    ``kind`` is ``text``, ``choice``, ``colour``, ``int`` or ``image``; ``readable`` colours must
    stand out on white paper (text and headings are printed in them).
    """

    key: str
    kind: str
    label: str
    required: bool = False
    max_length: int = 200
    choices: tuple[str, ...] = ()
    minimum: int = 0
    maximum: int = 0
    default: str | None = None
    readable: bool = False


SETTINGS: tuple[Setting, ...] = (
    Setting("clinic.name", "text", "Clinic name", required=True),
    Setting("clinic.address", "text", "Address", max_length=400),
    Setting("clinic.phone", "text", "Phone", max_length=64),
    Setting("clinic.website", "text", "Website"),
    Setting("clinic.emergency_number", "text", "Emergency number", required=True, max_length=32),
    Setting(LOGO, "image", "Logo (PNG or JPEG)"),
    Setting("colours.primary", "colour", "Heading colour", readable=True),
    Setting("colours.accent", "colour", "Accent colour", readable=True),
    Setting("colours.muted", "colour", "Small-print colour", readable=True),
    Setting("page.size", "choice", "Page size", choices=("letter", "A4")),
    Setting("conventions.units", "choice", "Units", choices=("metric", "us"), default="metric"),
    Setting(
        "conventions.spelling", "choice", "English spelling", choices=("us", "uk"), default="uk"
    ),
    Setting(IDLE_LOCK_MINUTES, "int", "Idle lock (minutes)", minimum=1, maximum=240, default="10"),
    Setting(DEFAULT_LANGUAGE, "choice", "Default language", choices=("en", "es"), default="en"),
)
BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}
#: Tables of clinic.toml that the stored settings may override.
_REPORT_TABLES = frozenset({"clinic", "colours", "page", "conventions"})


@dataclass(frozen=True)
class ClinicSettings:
    """Every setting's current value as text (the logo as bytes), and which are stored."""

    values: Mapping[str, str]
    logo: bytes | None = None
    stored: frozenset[str] = field(default_factory=frozenset)
    #: The logo of the templates' clinic.toml, printed while no logo is stored.
    template_logo: bytes | None = None

    def get(self, key: str) -> str:
        return self.values.get(key, "")

    @property
    def idle_lock_minutes(self) -> int:
        return int(self.values.get(IDLE_LOCK_MINUTES) or BY_KEY[IDLE_LOCK_MINUTES].default or 10)

    @property
    def default_language(self) -> str:
        return self.values.get(DEFAULT_LANGUAGE) or "en"


def current_settings(db: Database) -> ClinicSettings:
    """The settings as every workstation sees them now (anyone may read them: they hold no
    patient data, and the sign-in screen needs the idle-lock time and language)."""
    with reader(db) as session:
        return _current(session)


#: The settings of the session itself: no template holds them (see :func:`session_settings`).
_SESSION_KEYS = (IDLE_LOCK_MINUTES, DEFAULT_LANGUAGE)


def session_settings(db: Database) -> ClinicSettings:
    """The settings a workstation takes at each sign-in (idle lock, default language) and which
    of them are stored; the letterhead's are left out (:func:`current_settings` has them).

    Read without the report templates: these values never come from ``clinic.toml``, and
    loading the templates (the domain's rules and their checks come with them) would delay the
    window that waits on this after every sign-in.
    """
    values = {key: BY_KEY[key].default or "" for key in _SESSION_KEYS}
    stored: set[str] = set()
    with reader(db) as session:
        rows = session.execute(
            select(ClinicSetting.key, ClinicSetting.value).where(
                ClinicSetting.key.in_(_SESSION_KEYS)
            )
        )
        for key, value in rows:
            stored.add(key)
            if value is not None:
                values[key] = value
    return ClinicSettings(values=values, stored=frozenset(stored))


def save_settings(db: Database, actor: Actor, changes: Mapping[str, Any]) -> ClinicSettings:
    """Store ``changes`` (key → new value; ``None`` or ``""`` returns a setting to its default;
    the logo as bytes). Admins only; every changed key leaves an audit entry."""
    checked = {key: check_setting(key, value) for key, value in changes.items()}
    with transaction(db) as session:
        require(session, actor, "settings.change", detail=",".join(sorted(checked))[:200])
        now = utc_now()
        rows = {r.key: r for r in session.scalars(select(ClinicSetting))}
        for key, value in checked.items():
            row = rows.get(key)
            text, data = (None, value) if isinstance(value, bytes) else (value, None)
            if value is None:
                if row is None:
                    continue
                session.execute(delete(ClinicSetting).where(ClinicSetting.key == key))
            elif row is None:
                session.add(
                    ClinicSetting(
                        key=key, value=text, data=data, updated_at=now, updated_by=actor.username
                    )
                )
            elif (row.value, row.data) == (text, data):
                continue
            else:
                row.value, row.data, row.updated_at = text, data, now
                row.updated_by = actor.username
            record(
                session,
                actor,
                "settings.change",
                detail=f"{key}" + (" (back to default)" if value is None else ""),
            )
        session.flush()
        return _current(session)


def check_setting(key: str, value: Any) -> str | bytes | None:
    """The value as stored, or :class:`InputError` naming the setting and what is allowed."""
    setting = BY_KEY.get(key)
    if setting is None:
        raise InputError("is not a setting of the clinic", key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if setting.required:
            raise InputError(f"{setting.label} is required", key)
        return None
    if setting.kind == "image":
        return _check_image(key, value)
    text = str(value).strip()
    if setting.kind == "text":
        if len(text) > setting.max_length:
            raise InputError(f"{setting.label} is longer than {setting.max_length} characters", key)
        if any(ord(c) < 32 for c in text):
            raise InputError(f"{setting.label} may not contain control characters", key)
    elif setting.kind == "choice" and text not in setting.choices:
        raise InputError(f"{setting.label} must be one of {', '.join(setting.choices)}", key)
    elif setting.kind == "colour":
        if not _COLOUR.match(text):
            raise InputError(f"{setting.label} must be a colour written #RRGGBB", key)
        if setting.readable and contrast_on_white(text) < 4.5:
            raise InputError(
                f"{setting.label} {text} is too light to read on white paper "
                "(it needs a contrast of at least 4.5 to 1)",
                key,
            )
    elif setting.kind == "int":
        if not re.fullmatch(r"\d{1,4}", text) or not (
            setting.minimum <= int(text) <= setting.maximum
        ):
            raise InputError(
                f"{setting.label} must be a whole number from {setting.minimum} "
                f"to {setting.maximum}",
                key,
            )
        text = str(int(text))
    return text


def contrast_on_white(colour: str) -> float:
    """The WCAG contrast ratio of ``#RRGGBB`` against white paper."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return 1.05 / (luminance + 0.05)


def clinic_overrides(session: Session) -> Any:
    """The stored letterhead and summary settings for the report templates
    (:class:`~intake_desktop.reporting.ClinicOverrides`); empty when nothing is stored."""
    from intake_desktop.reporting.clinic_overrides import ClinicOverrides

    tables: dict[str, dict[str, str]] = {}
    logo: bytes | None = None
    for row in session.scalars(select(ClinicSetting)):
        table, _, name = row.key.partition(".")
        if row.key == LOGO:
            logo = row.data
        elif table in _REPORT_TABLES and row.value is not None:
            tables.setdefault(table, {})[name] = row.value
    return ClinicOverrides(tables=tables, logo=logo)


def stored_value(session: Session, key: str) -> str | None:
    """The stored text of one setting, or None when it keeps its default."""
    return session.scalar(select(ClinicSetting.value).where(ClinicSetting.key == key))


def _current(session: Session) -> ClinicSettings:
    from intake_desktop.reporting.templates import clinic_defaults, template_logo

    defaults = clinic_defaults()
    values: dict[str, str] = {}
    for setting in SETTINGS:
        table, _, name = setting.key.partition(".")
        found = (defaults.get(table) or {}).get(name)
        if setting.kind != "image":
            values[setting.key] = str(found) if found is not None else (setting.default or "")
    logo: bytes | None = None
    stored: set[str] = set()
    for row in session.scalars(select(ClinicSetting)):
        if row.key not in BY_KEY:
            continue  # a setting of a newer program: left alone
        stored.add(row.key)
        if row.key == LOGO:
            logo = row.data
        elif row.value is not None:
            values[row.key] = row.value
    return ClinicSettings(
        values=values, logo=logo, stored=frozenset(stored), template_logo=template_logo()
    )


def _check_image(key: str, value: Any) -> bytes:
    if not isinstance(value, bytes | bytearray):
        raise InputError("must be a PNG or JPEG picture", key)
    data = bytes(value)
    if len(data) > MAX_LOGO_BYTES:
        raise InputError(f"is larger than {MAX_LOGO_BYTES // 1000} kB", key)
    if not (data.startswith(_PNG) or data.startswith(_JPEG)):
        raise InputError("must be a PNG or JPEG picture", key)
    from intake_desktop.reporting.images import PreparedImage

    try:
        PreparedImage(data)
    except Exception as exc:  # a damaged picture: refused now, not at the next print
        raise InputError("is not a picture that can be printed", key) from exc
    return data
