"""Benchmarks: ``python -m benchmarks.run [FIGURE ...] [--json FILE]``.

Each figure is measured over repeated runs and reported with its median and 95th percentile.
Timings are measured here, never asserted in the test suite (a shared CI machine makes timed tests
flaky); the README quotes the latest table with the machine it ran on.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "tests" / "data" / "examples"


def measure(fn: Callable[[], object], *, repeat: int, warmup: int = 50) -> list[float]:
    """Wall-clock seconds of each of ``repeat`` calls, after a warm-up."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def summary(name: str, samples: list[float], target_ms: float | None = None) -> dict:
    ordered = sorted(samples)
    median = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    row = {"figure": name, "runs": len(samples), "median_ms": median * 1e3, "p95_ms": p95 * 1e3}
    if target_ms is not None:
        row["target_ms"] = target_ms
        row["pass"] = row["median_ms"] <= target_ms
    return row


def bench_plan() -> list[dict]:
    """One engine evaluation (parse excluded), for each shared example case."""
    from intake_desktop.domain.engine import evaluate
    from intake_desktop.domain.validation import parse_case

    rows = []
    for path in sorted(EXAMPLES.glob("*.json")):
        if path.name.endswith(".expected.json"):
            continue
        case = parse_case(json.loads(path.read_text(encoding="utf-8")))
        rows.append(
            summary(f"plan {path.stem}", measure(lambda c=case: evaluate(c), repeat=2000), 1.0)
        )
        data = json.loads(path.read_text(encoding="utf-8"))
        rows.append(
            summary(
                f"parse+plan {path.stem}",
                measure(lambda d=data: evaluate(parse_case(d)), repeat=2000),
                1.0,
            )
        )
    return rows


FIGURES: dict[str, Callable[[], list[dict]]] = {"plan": bench_plan}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("figures", nargs="*", choices=[*FIGURES, []], default=list(FIGURES))
    parser.add_argument("--json", type=Path, help="also write the table as JSON")
    args = parser.parse_args(argv)
    rows = [row for name in args.figures for row in FIGURES[name]()]
    machine = f"{platform.processor() or platform.machine()}, {platform.python_version()}"
    print(f"machine: {platform.node()} ({machine})")
    print(f"{'figure':40} {'median ms':>10} {'p95 ms':>10} {'target':>8}  result")
    for r in rows:
        target = f"{r['target_ms']:.1f}" if "target_ms" in r else "-"
        verdict = ("pass" if r["pass"] else "FAIL") if "pass" in r else ""
        print(f"{r['figure']:40} {r['median_ms']:10.3f} {r['p95_ms']:10.3f} {target:>8}  {verdict}")
    if args.json:
        args.json.write_text(json.dumps({"machine": machine, "rows": rows}, indent=1))
    return 0 if all(r.get("pass", True) for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
