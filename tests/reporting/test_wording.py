"""Every sentence printed is our own: nine words in a row shared with a source article fail.

The facts come from the seeds in shared/seeds; the wording of the templates must not.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from intake_desktop.reporting import DEFAULT_TEMPLATES_DIR, render_pdf
from tests.reporting import pdfcheck
from tests.reporting.builders import EXAMPLES, busiest_plan_case, document, example_data

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9%]+", text.lower())


def grams(text: str, n: int = 9) -> set[str]:
    w = words(text)
    return {" ".join(w[i : i + n]) for i in range(len(w) - n + 1)}


@pytest.fixture(scope="module")
def seed_grams() -> set[str]:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not files:
        pytest.skip(f"the source articles are not beside the repository ({SEEDS})")
    return set().union(*(grams(f.read_text(encoding="utf-8", errors="ignore")) for f in files))


def test_templates_share_no_sentence_with_the_seeds(seed_grams: set[str]) -> None:
    for path in sorted(DEFAULT_TEMPLATES_DIR.rglob("*.toml")):
        shared = grams(path.read_text(encoding="utf-8")) & seed_grams
        assert not shared, f"{path.name}: {sorted(shared)[:3]}"


def test_printed_summaries_share_no_sentence_with_the_seeds(seed_grams: set[str]) -> None:
    docs = [document(example_data(p)) for p in EXAMPLES] + [document(busiest_plan_case())]
    for doc in docs:
        for kind in ("patient", "clinician"):
            shared = grams(pdfcheck.text(render_pdf(kind, doc).data)) & seed_grams
            assert not shared, (kind, sorted(shared)[:3])
