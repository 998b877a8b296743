"""Timing and summarising, shared by every figure."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")
U = TypeVar("U")


def timed(fn: Callable[[], object], *, repeat: int, warmup: int = 5) -> list[float]:
    """Seconds taken by each of ``repeat`` calls, after ``warmup`` untimed calls."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def timed_against_floor(
    app: Callable[[T], object],
    floor: Callable[[U], object],
    items: list[tuple[T, U]],
    *,
    warmup: int = 20,
) -> tuple[list[float], list[float]]:
    """Seconds per call of ``app(a)`` and ``floor(f)`` for each ``(a, f)`` of ``items``.

    The two take turns item by item (and which goes first alternates), so both see the same
    machine and the same caches; ``warmup`` items are run untimed first.
    """
    for a, f in items[:warmup]:
        app(a)
        floor(f)
    app_times, floor_times = [], []
    clock = time.perf_counter
    for i, (a, f) in enumerate(items):
        for fn, arg, out in ((app, a, app_times), (floor, f, floor_times))[:: 1 if i % 2 else -1]:
            start = clock()
            fn(arg)
            out.append(clock() - start)
    return app_times, floor_times


def p95(samples: Sequence[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


@dataclass
class Row:
    """One line of the table: a figure, its median and p95, its floor and the verdict."""

    figure: str
    samples: list[float]
    unit: str = "ms"
    floor: list[float] | None = None
    targets: list[str] = field(default_factory=list)
    verdict: bool | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        return p95(self.samples)

    @property
    def p99(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]

    @property
    def floor_median(self) -> float | None:
        return statistics.median(self.floor) if self.floor else None

    @property
    def ratio(self) -> float | None:
        f = self.floor_median
        return self.median / f if f else None

    @property
    def p95_ratio(self) -> float | None:
        """The p95 against the floor's p95 (what the search targets compare)."""
        return self.p95 / p95(self.floor) if self.floor else None

    def check(
        self,
        *,
        p95_at_most: float | None = None,
        median_at_most: float | None = None,
        ratio_at_most: float | None = None,
        p95_ratio_at_most: float | None = None,
    ) -> Row:
        """Record the targets of issue 8 for this figure and whether they hold."""
        ok = True
        scale = 1e3 if self.unit == "ms" else 1.0
        if p95_at_most is not None:
            self.targets.append(f"p95 ≤ {p95_at_most:g} {self.unit}")
            ok &= self.p95 * scale <= p95_at_most
        if median_at_most is not None:
            self.targets.append(f"median ≤ {median_at_most:g} {self.unit}")
            ok &= self.median * scale <= median_at_most
        if ratio_at_most is not None:
            self.targets.append(f"≤ {ratio_at_most:g}× floor")
            ok &= self.ratio is not None and self.ratio <= ratio_at_most
        if p95_ratio_at_most is not None and self.floor:
            self.targets.append(f"p95 ≤ {p95_ratio_at_most:g}× floor p95")
            ok &= self.p95 <= p95_ratio_at_most * p95(self.floor)
        self.verdict = ok
        return self

    def as_dict(self) -> dict:
        scale = 1e3 if self.unit == "ms" else 1.0
        return {
            "figure": self.figure,
            "unit": self.unit,
            "runs": len(self.samples),
            "median": self.median * scale,
            "p95": self.p95 * scale,
            "p99": self.p99 * scale,
            "floor_median": None if self.floor is None else self.floor_median * scale,
            "ratio": self.ratio,
            "p95_ratio": self.p95_ratio,
            "targets": self.targets,
            "pass": self.verdict,
        }
