"""Synthetic clinics for trying the program and for the benchmarks: the ``demo`` command.

A package of its own, above the services it calls and beside the command line that runs it, so
that the app's operations carry none of its Faker data and nothing but ``intake-desktop demo``
(and the benchmarks) loads it.
"""

from __future__ import annotations

from .build import DemoResult, build_demo, random_prefixes

__all__ = ["DemoResult", "build_demo", "random_prefixes"]
