"""Every sentence printed is our own: nine words in a row shared with a source article fail.

The facts come from the seeds in shared/seeds; the wording of the templates must not. The test
compares fingerprints of every nine words in a row (tests/data/seed_grams.txt, written by
tools/wording/seed_grams.py), so that it runs from a clone with nothing beside it and the
repository holds no sentence of the articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from intake_desktop.reporting import DEFAULT_TEMPLATES_DIR, render_pdf
from tests.reporting import pdfcheck
from tests.reporting.builders import EXAMPLES, busiest_plan_case, document, example_data
from tests.reporting.wording import digest, grams

SEED_GRAMS = Path(__file__).resolve().parents[1] / "data" / "seed_grams.txt"


@pytest.fixture(scope="module")
def seed_grams() -> set[str]:
    return set(SEED_GRAMS.read_text(encoding="utf-8").split())


def _shared(text: str, seed_grams: set[str]) -> list[str]:
    return sorted(g for g in grams(text) if digest(g) in seed_grams)


def test_templates_share_no_sentence_with_the_seeds(seed_grams: set[str]) -> None:
    for path in sorted(DEFAULT_TEMPLATES_DIR.rglob("*.toml")):
        shared = _shared(path.read_text(encoding="utf-8"), seed_grams)
        assert not shared, f"{path.name}: {sorted(shared)[:3]}"


def test_printed_summaries_share_no_sentence_with_the_seeds(seed_grams: set[str]) -> None:
    docs = [document(example_data(p)) for p in EXAMPLES] + [document(busiest_plan_case())]
    for doc in docs:
        for kind in ("patient", "clinician"):
            shared = _shared(pdfcheck.text(render_pdf(kind, doc).data), seed_grams)
            assert not shared, (kind, sorted(shared)[:3])


def test_the_fingerprints_are_the_articles_own(seed_grams: set[str]) -> None:
    """Where the articles are beside the repository (the development machine), the stored
    fingerprints are theirs, all of them (run tools/wording/seed_grams.py when they change)."""
    seeds = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    files = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    if not files:
        pytest.skip("the articles are not beside the repository: the fingerprints stand alone")
    found = set().union(*(grams(f.read_text(encoding="utf-8", errors="ignore")) for f in files))
    assert {digest(g) for g in found} == seed_grams
    assert len(seed_grams) > 1000
