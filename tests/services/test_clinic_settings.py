"""Clinic settings stored with the records: shared by every workstation (two connections to one
database, on SQLite and PostgreSQL), checked field by field, audited, printed on the next PDF."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from intake_desktop import services as s
from intake_desktop.reporting import render_pdf
from intake_desktop.reporting.paths import DEFAULT_TEMPLATES_DIR
from intake_desktop.services.clinic_settings import (
    current_settings,
    save_settings,
    session_settings,
)
from intake_desktop.services.errors import InputError, PermissionDenied
from intake_desktop.storage.database import open_database
from tests.actors import TEST_PASSWORD
from tests.services.conftest import load_example


def _pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_defaults_come_from_the_templates_clinic_file(database) -> None:
    now = current_settings(database)
    assert now.get("clinic.name") == "Riverside Spine & Pain Clinic"
    assert now.get("page.size") == "letter" and now.idle_lock_minutes == 10
    assert now.stored == frozenset() and now.logo is None


def test_a_change_on_one_workstation_prints_on_another(database_url, database) -> None:
    admin = s.sign_in(database, "admin.user", TEST_PASSWORD)
    logo = (DEFAULT_TEMPLATES_DIR / "logo.png").read_bytes()
    save_settings(
        database,
        admin,
        {
            "clinic.name": "Lakeside Back Clinic",
            "clinic.emergency_number": "112",
            "clinic.logo": logo,
            "conventions.units": "metric",
        },
    )
    with open_database(database_url) as other:  # a second workstation, its own connections
        clinician = s.sign_in(other, "clin.user", TEST_PASSWORD)
        assert current_settings(other).get("clinic.name") == "Lakeside Back Clinic"
        result = s.import_case(other, load_example("04_mild_candidate"), actor=clinician)
        doc = s.visit_document(other, clinician, result.visit_id, kind="patient")
        text = _pdf_text(render_pdf("patient", doc).data)
    assert "Lakeside Back Clinic" in text and "112" in text and "Riverside" not in text
    changes = s.audit_entries(database, admin, action="settings.change")
    assert sorted(e.detail for e in changes) == [
        "clinic.emergency_number",
        "clinic.logo",
        "clinic.name",
        "conventions.units",
    ]


def test_back_to_the_default_and_no_entry_for_an_unchanged_value(database) -> None:
    admin = s.sign_in(database, "admin.user", TEST_PASSWORD)
    save_settings(database, admin, {"page.size": "A4"})
    save_settings(database, admin, {"page.size": "A4"})  # unchanged: nothing recorded
    assert current_settings(database).get("page.size") == "A4"
    save_settings(database, admin, {"page.size": ""})
    assert current_settings(database).get("page.size") == "letter"
    details = [e.detail for e in s.audit_entries(database, admin, action="settings.change")]
    assert details == ["page.size", "page.size (back to default)"]


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("clinic.name", "", "Clinic name is required"),
        ("clinic.emergency_number", "1" * 40, "longer than 32"),
        ("colours.primary", "blue", "#RRGGBB"),
        ("colours.primary", "#FFFF80", "too light"),
        ("page.size", "legal", "letter, A4"),
        ("session.idle_lock_minutes", "0", "from 1 to 240"),
        ("clinic.logo", b"GIF89a", "PNG or JPEG"),
        ("clinic.logo", b"\x89PNG\r\n\x1a\n" + b"broken", "that can be printed"),
        ("clinic.fax", "1", "not a setting"),
    ],
)
def test_a_bad_value_is_refused_naming_the_field(database, key, value, words) -> None:
    admin = s.sign_in(database, "admin.user", TEST_PASSWORD)
    with pytest.raises(InputError, match=words) as caught:
        save_settings(database, admin, {key: value})
    assert caught.value.field == key
    assert current_settings(database).stored == frozenset()


def test_only_an_administrator_changes_settings(database) -> None:
    clinician = s.sign_in(database, "clin.user", TEST_PASSWORD)
    with pytest.raises(PermissionDenied):
        save_settings(database, clinician, {"clinic.name": "Mine"})
    admin = s.sign_in(database, "admin.user", TEST_PASSWORD)
    refused = s.audit_entries(database, admin, action="settings.change")
    assert [(e.username, e.outcome) for e in refused] == [("clin.user", "refused")]


def test_the_sign_in_reads_the_session_settings_alone(database) -> None:
    """What every sign-in needs (idle lock, default language), as current_settings has them,
    and which are stored; the letterhead is left out (its defaults are the templates')."""
    fresh = session_settings(database)
    assert (fresh.idle_lock_minutes, fresh.default_language, fresh.stored) == (10, "en", set())
    admin = s.sign_in(database, "admin.user", TEST_PASSWORD)
    save_settings(database, admin, {"session.idle_lock_minutes": "25", "language.default": "es"})
    both = session_settings(database), current_settings(database)
    for taken in both:
        assert (taken.idle_lock_minutes, taken.default_language) == (25, "es")
        assert {"session.idle_lock_minutes", "language.default"} <= taken.stored
    assert both[0].get("clinic.name") == "" and both[1].get("clinic.name")
