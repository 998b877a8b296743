"""What a render keeps for the next one (issue 8), and that a clinic's edit still shows at once.

Templates are parsed once per file content, fonts registered once, the logo encoded once, the
paragraph styles made once per look. Each cache is checked both ways: reused while nothing
changed, and left behind the moment the file on disk changes.
"""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import pytest
from PIL import Image

from intake_desktop.reporting import TemplateError, load_template, render_pdf
from intake_desktop.reporting import fonts as fonts_module
from intake_desktop.reporting import templates as templates_module
from intake_desktop.reporting.fonts import register_fonts
from intake_desktop.reporting.images import prepared_image
from intake_desktop.reporting.layout import Styles
from tests.reporting import pdfcheck
from tests.reporting.builders import EXAMPLES, document, example_data
from tests.reporting.test_patient_summary import _rgb
from tests.reporting.test_templates import set_key


@pytest.fixture
def doc():
    return document(example_data(EXAMPLES[0]), name="Lucía Fernández")


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every TOML text the template loader parses from now on."""
    seen: list[str] = []
    real = tomllib.loads

    def loads(text: str) -> dict:
        seen.append(text)
        return real(text)

    monkeypatch.setattr(templates_module.tomllib, "loads", loads)
    return seen


def test_an_unchanged_template_is_parsed_once(templates: Path, parses: list[str]) -> None:
    first = load_template("patient", "en", templates)
    assert len(parses) == 3  # clinic.toml, en/common.toml, en/patient.toml
    again = load_template("patient", "en", templates)
    assert len(parses) == 3
    assert again.clinic is first.clinic


def test_an_edit_is_picked_up_by_the_next_render(templates: Path, doc, parses) -> None:
    render_pdf("patient", doc, templates_dir=templates)
    # Same length, written at once: size and (often) modification time do not change.
    set_key(templates / "clinic.toml", "primary", '"#7A1F5C"')
    set_key(templates / "en" / "patient.toml", "found", '"Here is what we spotted today:"')

    pdf = render_pdf("patient", doc, templates_dir=templates)
    assert _rgb("#7A1F5C") in pdfcheck.content_streams(pdf.data)
    assert "Here is what we spotted today:" in pdfcheck.text(pdf.data)
    assert len(parses) == 3 + 2  # only the two edited files are parsed again


def test_a_broken_edit_fails_every_time_until_fixed(templates: Path, doc) -> None:
    render_pdf("patient", doc, templates_dir=templates)
    path = templates / "en" / "patient.toml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good + "\n[broken\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(TemplateError):
            render_pdf("patient", doc, templates_dir=templates)
    path.write_text(good, encoding="utf-8")
    assert render_pdf("patient", doc, templates_dir=templates).pages >= 1


def test_a_loaded_template_cannot_be_changed_by_its_user(templates: Path) -> None:
    """The parsed files are shared by every later render, so nobody may write into them."""
    t = load_template("patient", "en", templates)
    with pytest.raises(TypeError):
        t.clinic["clinic"]["name"] = "Somewhere else"  # type: ignore[index]
    assert isinstance(t.raw("questions.items"), tuple)


def test_fonts_are_read_and_registered_once(doc, monkeypatch: pytest.MonkeyPatch) -> None:
    render_pdf("patient", doc)
    made: list[str] = []
    real = fonts_module.TTFont

    def counting(name: str, path: str):
        made.append(path)
        return real(name, path)

    monkeypatch.setattr(fonts_module, "TTFont", counting)
    render_pdf("patient", doc)
    render_pdf("clinician", doc)
    assert made == []
    t = load_template("patient")
    assert register_fonts(t.fonts) is register_fonts(dict(t.fonts))


def test_the_logo_is_prepared_once_and_a_new_logo_shows_at_once(templates: Path, doc) -> None:
    logo = templates / "logo.png"
    assert prepared_image(logo) is prepared_image(logo)
    before = _image_sizes(render_pdf("patient", doc, templates_dir=templates).data)

    small = io.BytesIO()
    Image.new("RGB", (30, 20), "#7A1F5C").save(small, format="PNG")
    logo.write_bytes(small.getvalue())

    after = _image_sizes(render_pdf("patient", doc, templates_dir=templates).data)
    assert before == {(240, 240)}
    assert after == {(30, 20)}


def test_styles_are_shared_by_documents_with_the_same_look(templates: Path) -> None:
    t = load_template("patient", "en", templates)
    fonts = register_fonts(t.fonts)
    assert Styles.shared(t, fonts, 12) is Styles.shared(t, fonts, 12)
    assert Styles.shared(t, fonts, 12) is not Styles.shared(t, fonts, 13)
    set_key(templates / "clinic.toml", "text", '"#202020"')
    recoloured = load_template("patient", "en", templates)
    assert Styles.shared(recoloured, fonts, 12) is not Styles.shared(t, fonts, 12)


def _image_sizes(data: bytes) -> set[tuple[int, int]]:
    """Width and height of every picture the pages show (forms included), soft masks aside."""
    sizes: set[tuple[int, int]] = set()

    def walk(resources) -> None:
        for ref in (resources.get("/XObject") or {}).values():
            x = ref.get_object()
            if x.get("/Subtype") == "/Image":
                sizes.add((int(x["/Width"]), int(x["/Height"])))
            elif x.get("/Subtype") == "/Form":
                walk(x.get("/Resources") or {})

    for page in pdfcheck.reader(data).pages:
        walk(page.get("/Resources") or {})
    return sizes
