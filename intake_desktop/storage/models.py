"""The tables of a clinic's records: patients, their search terms, visits and earlier versions;
the people who use them (users and their roles) and the append-only audit trail.

Only :mod:`intake_desktop.services` uses these classes; windows and the command line get plain
records from the services, never ORM objects (which could lazily reach the database later).
The schema is created and changed only by the Alembic revisions in ``migrations/versions``; a test
checks that these models and the migrated schema never drift apart.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, ClassVar

from sqlalchemy import (
    VARCHAR,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from .model_base import NAMING_CONVENTION as NAMING_CONVENTION
from .model_base import Base as Base
from .model_base import UtcDateTime as UtcDateTime
from .model_base import utc_now as utc_now
from .models_audit import AuditCheckpoint as AuditCheckpoint
from .models_audit import AuditEntry as AuditEntry
from .models_audit import AuditHead as AuditHead
from .models_audit import AuditSealKey as AuditSealKey
from .models_audit import AuditSealWrap as AuditSealWrap

VISIT_STATUSES = ("draft", "signed", "amended", "discarded")
"""``draft`` while typed; ``signed`` once; ``amended`` after any amendment; ``discarded`` is a
draft the user chose not to continue (kept, never deleted)."""


# Search keys must compare byte by byte so that a range scan means "starts with"; SQLite's
# default BINARY collation does, on PostgreSQL the column says COLLATE "C" (a server whose
# default collation is en_US would otherwise ignore spaces when ordering).
# (The generic VARCHAR renders the same DDL and spares the app importing the PostgreSQL dialect,
# with asyncio and ssl, on every start on SQLite.)
SearchKey = String(200).with_variant(VARCHAR(200, collation="C"), "postgresql")


class Patient(Base):
    """A person the clinic sees. ``version`` guards against two workstations overwriting."""

    __tablename__ = "patients"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_number: Mapped[str | None] = mapped_column(String(64), unique=True)
    name: Mapped[str | None] = mapped_column(String(200))
    #: normalise_text(name): for sorting and browsing; searching goes through PatientSearchTerm.
    search_name: Mapped[str] = mapped_column(SearchKey, index=True)
    date_of_birth: Mapped[date] = mapped_column(Date, index=True)
    sex: Mapped[str | None] = mapped_column(String(16))
    phone: Mapped[str | None] = mapped_column(String(64))
    email: Mapped[str | None] = mapped_column(String(254))
    address: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(35))
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer)

    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}


class PatientSearchTerm(Base):
    """One normalised key per word of a patient's name and record number (see search_text)."""

    __tablename__ = "patient_search_terms"

    term: Mapped[str] = mapped_column(SearchKey, primary_key=True)
    patient_id: Mapped[int] = mapped_column(
        ForeignKey("patients.id", ondelete="CASCADE"), primary_key=True
    )

    # A patient's own terms, in order, from the index alone: a search of several words checks
    # each further word against the few terms of each candidate (services.search).
    __table_args__ = (Index("ix_patient_search_terms_patient_id_term", "patient_id", "term"),)


class Visit(Base):
    """One visit: a draft as typed, then the signed case with the plan exactly as computed.

    ``draft_data`` is the raw form data (valid or not) while the visit is a draft. Signing
    stores the validated case, the engine's plan and its rule-set version; those change after
    that only by amendment, which first copies them into :class:`VisitVersion`.
    """

    __tablename__ = "visits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="RESTRICT"))
    visit_date: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(16))
    draft_data: Mapped[dict[str, Any] | None]
    case_data: Mapped[dict[str, Any] | None]
    plan: Mapped[dict[str, Any] | None]
    rules_version: Mapped[str | None] = mapped_column(String(32))
    computed_level: Mapped[str | None] = mapped_column(String(32))
    #: The level the clinician accepted, or chose instead (then override_reason is required).
    final_level: Mapped[str | None] = mapped_column(String(32))
    override_reason: Mapped[str | None] = mapped_column(Text)
    #: The procedure the clinician chose among the plan's ``procedures`` (None: none chosen).
    chosen_procedure: Mapped[str | None] = mapped_column(String(40))
    #: 0 for the original signature, +1 for each amendment.
    revision: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(100))
    signed_at: Mapped[datetime | None]
    signed_by: Mapped[str | None] = mapped_column(String(100))
    amendment_reason: Mapped[str | None] = mapped_column(Text)
    #: SHA-256 of what was signed (canonical JSON of case, plan, level, override reason,
    #: chosen procedure and ``signed_identity``; see domain.signing.signature_hash).
    signature_hash: Mapped[str | None] = mapped_column(String(64))
    #: The patient's name, date of birth and record number as they were at signing (printed on
    #: the signed summaries; a later correction of the patient record shows as such).
    signed_identity: Mapped[dict[str, Any] | None]
    #: The reason of an amendment opened and not yet signed (its case is in ``draft_data``).
    pending_amendment_reason: Mapped[str | None] = mapped_column(Text)
    #: What the visit window keeps beside the case, never inside it: the red-flag screen's
    #: answers (each explicit "no"), the "not examined" reason, the pending level decision,
    #: carried-forward marks, the step. ``draft_data`` stays a valid-shaped case file.
    ui_state: Mapped[dict[str, Any] | None]
    version: Mapped[int] = mapped_column(Integer)
    #: ``emergency``, ``urgent`` or NULL, kept with every save (see storage.urgency): what the
    #: lists mark with the red sign and the word.
    urgency: Mapped[str | None] = mapped_column(String(16))
    #: The red flags present at the last save, comma separated (a new one raises an alert).
    red_flag_codes: Mapped[str | None] = mapped_column(String(400))
    #: Why a draft with a red flag was discarded (required for those, see services.visits).
    discard_reason: Mapped[str | None] = mapped_column(Text)

    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}
    __table_args__ = (
        CheckConstraint(
            "status IN ('draft', 'signed', 'amended', 'discarded')", name="status_known"
        ),
        CheckConstraint("urgency IN ('emergency', 'urgent')", name="urgency_known"),
        CheckConstraint(
            "status IN ('draft', 'discarded') OR (case_data IS NOT NULL AND plan IS NOT NULL"
            " AND rules_version IS NOT NULL AND final_level IS NOT NULL"
            " AND signed_at IS NOT NULL AND signed_by IS NOT NULL)",
            name="signed_complete",
        ),
        Index("ix_visits_patient_id_visit_date", "patient_id", "visit_date"),
        Index("ix_visits_status_updated_at", "status", "updated_at"),
        # Open amendments are listed with the open drafts; partial, so it holds only those few.
        # Partial on PostgreSQL too (migration 0010_drafts); not said here, because a
        # ``postgresql_where`` makes SQLAlchemy import its PostgreSQL dialect with the models,
        # 20 ms of every SQLite start (Alembic's comparison does not look at the predicate).
        Index(
            "ix_visits_pending_amendment",
            "pending_amendment_reason",
            sqlite_where=text("pending_amendment_reason IS NOT NULL"),
        ),
    )


class RedFlagAlert(Base):
    """A red flag recorded on a visit, shown to every signed-in clinician until one acknowledges.

    Raised in the transaction of the save that first recorded the flag (so it exists exactly
    when the draft does); on PostgreSQL that transaction also sends a NOTIFY, so the other
    workstations learn of it at the commit. Never deleted: acknowledging fills the last two
    columns (and leaves an audit entry).
    """

    __tablename__ = "red_flag_alerts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="RESTRICT"))
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="RESTRICT"))
    level: Mapped[str] = mapped_column(String(16))
    red_flag_codes: Mapped[str] = mapped_column(String(400))
    raised_at: Mapped[datetime]
    raised_by: Mapped[str] = mapped_column(String(100))
    workstation: Mapped[str] = mapped_column(String(255))
    acknowledged_at: Mapped[datetime | None] = mapped_column(index=True)
    acknowledged_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (CheckConstraint("level IN ('emergency', 'urgent')", name="level_known"),)


class VisitVersion(Base):
    """An earlier signed version of a visit, copied before an amendment replaced it.

    Append-only: the database itself refuses UPDATE and DELETE on this table (triggers in the
    first migration), so no code path can rewrite what a clinician once signed.
    """

    __tablename__ = "visit_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="RESTRICT"))
    revision: Mapped[int] = mapped_column(Integer)
    visit_date: Mapped[date] = mapped_column(Date)
    case_data: Mapped[dict[str, Any]]
    plan: Mapped[dict[str, Any]]
    rules_version: Mapped[str] = mapped_column(String(32))
    computed_level: Mapped[str] = mapped_column(String(32))
    final_level: Mapped[str] = mapped_column(String(32))
    override_reason: Mapped[str | None] = mapped_column(Text)
    chosen_procedure: Mapped[str | None] = mapped_column(String(40))
    signed_at: Mapped[datetime]
    signed_by: Mapped[str] = mapped_column(String(100))
    amendment_reason: Mapped[str | None] = mapped_column(Text)
    signature_hash: Mapped[str | None] = mapped_column(String(64))
    signed_identity: Mapped[dict[str, Any] | None]
    #: When and by whom this version was superseded (the amendment that replaced it).
    superseded_at: Mapped[datetime]
    superseded_by: Mapped[str] = mapped_column(String(100))

    __table_args__ = (UniqueConstraint("visit_id", "revision"),)


ROLES = ("front_desk", "clinician", "admin")


class User(Base):
    """A person who signs in. The password is kept only as its argon2id encoded hash.

    ``failed_attempts`` and ``locked_until`` implement the lockout after repeated failures;
    users are never deleted (the audit trail names them), only deactivated.
    """

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    #: Printed with the user's electronic signature ("Dr Ana Ruiz", "MD, pain medicine").
    full_name: Mapped[str | None] = mapped_column(String(200))
    credentials: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(100))
    #: Set when an administrator resets the password: the next sign-in asks for a new one.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The user's interface language (``en`` or ``es``); NULL: the clinic's default language.
    language: Mapped[str | None] = mapped_column(String(16))


class UserRole(Base):
    """One role a user holds; a user may hold several."""

    __tablename__ = "user_roles"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(32), primary_key=True)

    __table_args__ = (
        CheckConstraint("role IN ('front_desk', 'clinician', 'admin')", name="role_known"),
    )


class ClinicSetting(Base):
    """One clinic-wide setting (clinic name, page size, idle-lock minutes ...), shared by every
    workstation on the database. A key absent here takes the default from the report templates'
    ``clinic.toml`` (see services.clinic_settings). ``value`` is the text form; ``data`` holds a
    picture (the logo).
    """

    __tablename__ = "clinic_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)
    data: Mapped[bytes | None] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(100))


BOARD_STATES = (
    "expected",
    "checked_in",
    "answering",
    "ready",
    "with_clinician",
    "signed",
    "printed",
)
"""Where a visit of the day stands on the board, in the order a visit goes through them."""


class BoardEntry(Base):
    """One patient on one day's board: booked (``expected``), then the visit as work is done.

    Kept in a table of its own, not in the visit's row: the board moves after a signature
    (``printed``), and a signed visit's row changes only by amendment. ``visit_id`` is empty
    until the patient checks in (a booking has no visit yet). ``timeline`` lists each state
    entered with its time (ISO, UTC), so the board can say how long each step took.
    """

    __tablename__ = "board_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="RESTRICT"))
    day: Mapped[date] = mapped_column(Date, index=True)
    #: The booked time of day (the clinic's clock), or None for a walk-in.
    booked_time: Mapped[time | None] = mapped_column(Time)
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visits.id", ondelete="RESTRICT"), unique=True
    )
    state: Mapped[str] = mapped_column(String(16))
    state_since: Mapped[datetime]
    timeline: Mapped[dict[str, Any] | None]
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(100))

    __table_args__ = (
        CheckConstraint(
            "state IN ('expected', 'checked_in', 'answering', 'ready', 'with_clinician',"
            " 'signed', 'printed')",
            name="state_known",
        ),
    )
