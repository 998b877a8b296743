"""Write tests/data/seed_grams.txt: a fingerprint of every nine words in a row of the source
articles (../shared/seeds), so that the wording test runs from a clone with nothing beside it.

Only truncated SHA-256 digests are kept, never the articles' words: the repository holds no
sentence of theirs. Run it again when the seeds change: ``python tools/wording/seed_grams.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.reporting.wording import digest, grams  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
OUT = ROOT / "tests" / "data" / "seed_grams.txt"


def main() -> int:
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        print(f"no source articles in {SEEDS}", file=sys.stderr)
        return 1
    found = set().union(*(grams(f.read_text(encoding="utf-8", errors="ignore")) for f in files))
    OUT.write_text("".join(f"{d}\n" for d in sorted(digest(g) for g in found)), encoding="utf-8")
    print(f"{OUT}: {len(found)} fingerprints from {len(files)} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
