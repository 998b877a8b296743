"""The benchmark suite: ``python -m benchmarks.run [FIGURE ...] [--json FILE] [--patients N]``.

Builds (once, cached) a synthetic clinic of 50,000 patients and about 150,000 visits, then measures
each figure over repeated runs, always against a floor measured in the same run on the same
machine (the best this machine can do for that job), and says pass or fail for the targets of
issue 8. Timings are measured here and never asserted in the test suite, where a busy CI machine
would make them flaky.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from collections.abc import Callable
from pathlib import Path

from benchmarks.stats import Row, timed

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "tests" / "data" / "examples"


def plan_rows(_: argparse.Namespace) -> list[Row]:
    """One engine evaluation (parsing excluded), over the shared example cases in turn."""
    from intake_desktop.domain.engine import evaluate
    from intake_desktop.domain.validation import parse_case

    cases = [
        parse_case(json.loads(p.read_text(encoding="utf-8")))
        for p in sorted(EXAMPLES.glob("*.json"))
        if not p.name.endswith(".expected.json")
    ]
    it = iter(cases * 1000)
    samples = timed(lambda: evaluate(next(it)), repeat=len(cases) * 500, warmup=100)
    return [Row("plan: one engine evaluation", samples).check(median_at_most=1)]


def search_figure(args: argparse.Namespace) -> list[Row]:
    from benchmarks.clinic import clinic_db
    from benchmarks.encrypted import encrypted_clinic
    from benchmarks.services_figures import search_rows

    plain = clinic_db(args.patients)
    return search_rows(plain) + search_rows(encrypted_clinic(plain), ", encrypted")


def save_figure(_: argparse.Namespace) -> list[Row]:
    from benchmarks.services_figures import save_rows, temp_sqlite_url
    from tests.pg_server import PostgresServer, postgres_bindir

    urls = {"SQLite": temp_sqlite_url(), "SQLite, encrypted": temp_sqlite_url(encrypt=True)}
    bindir = postgres_bindir()
    server = None
    if bindir is not None:
        server = PostgresServer(bindir)
        server.start()
        urls["PostgreSQL"] = server.url(server.create_database())
    else:
        print("PostgreSQL binaries not found: saving measured on SQLite only", file=sys.stderr)
    try:
        return save_rows(urls)
    finally:
        if server is not None:
            server.stop()


def alert_figure(_: argparse.Namespace) -> list[Row]:
    from benchmarks.alert_figures import alert_rows
    from tests.pg_server import PostgresServer, postgres_bindir

    bindir = postgres_bindir()
    if bindir is None:
        print("PostgreSQL binaries not found: the alert figure needs a server", file=sys.stderr)
        return []
    server = PostgresServer(bindir)
    server.start()
    try:
        return alert_rows(server.url(server.create_database()))
    finally:
        server.stop()


def pdf_figure(_: argparse.Namespace) -> list[Row]:
    from benchmarks.pdf_figures import pdf_rows

    return pdf_rows()


def print_figure(args: argparse.Namespace) -> list[Row]:
    from benchmarks.print_figures import print_rows

    return print_rows(args.print_queue)


def app_figures(args: argparse.Namespace) -> list[Row]:
    from benchmarks.app_figures import app_rows
    from benchmarks.clinic import clinic_db
    from benchmarks.encrypted import encrypted_clinic

    plain = clinic_db(args.patients)
    encrypted = encrypted_clinic(plain)
    return app_rows(plain) + app_rows(encrypted, ", encrypted", memory=False)


def load_figure(args: argparse.Namespace) -> list[Row]:
    from benchmarks.app_figures import ensure_bench_user
    from benchmarks.clinic import clinic_db
    from benchmarks.load import load_rows
    from benchmarks.scale import copy_to_postgres
    from tests.pg_server import PostgresServer, postgres_bindir

    bindir = postgres_bindir()
    if bindir is None:
        print("PostgreSQL binaries not found: the load figure needs a server", file=sys.stderr)
        return []
    counts = [int(n) for n in args.workstations.split(",")]
    server = PostgresServer(bindir, settings={"max_connections": str(2 * max(counts) + 20)})
    server.start()
    try:
        url = server.url(server.create_database())
        # The cached benchmark clinic, copied (building it on the server would take minutes).
        clinic = clinic_db(args.load_patients)
        ensure_bench_user(clinic)
        copy_to_postgres(clinic, url)
        return load_rows(url, counts, args.load_seconds, args.load_patients, server.data)[0]
    finally:
        server.stop()


def scale_figure(args: argparse.Namespace) -> list[Row]:
    from benchmarks.scale import scale_rows

    sizes = [int(n) for n in args.sizes.split(",")]
    return scale_rows(sizes, args.dialects.split(","), args.pg_copy_from)


def ready_figure(args: argparse.Namespace) -> list[Row]:
    from benchmarks.clinic import clinic_db
    from benchmarks.ready import ready_rows

    return ready_rows(clinic_db(args.patients))


FIGURES: dict[str, Callable[[argparse.Namespace], list[Row]]] = {
    "start": app_figures,
    "search": search_figure,
    "plan": plan_rows,
    "pdf": pdf_figure,
    "save": save_figure,
    "alert": alert_figure,
    "print": print_figure,
    "ready": ready_figure,
    "load": load_figure,
    "scale": scale_figure,
}
#: Run only when named: each takes minutes and a server of its own (issue 20).
ON_REQUEST = {"load", "scale"}


def print_table(rows: list[Row]) -> None:
    print(f"{'figure':46} {'median':>8} {'p95':>8} {'floor':>8} {'ratio':>6} {'p95 r.':>6}  result")
    for r in rows:
        scale = 1e3 if r.unit == "ms" else 1.0
        floor = "-" if r.floor is None else f"{r.floor_median * scale:8.2f}"
        ratio = "-" if r.ratio is None else f"{r.ratio:6.2f}"
        p95_ratio = "-" if r.p95_ratio is None else f"{r.p95_ratio:6.2f}"
        verdict = {True: "pass", False: "FAIL", None: ""}[r.verdict]
        targets = "; ".join(r.targets)
        print(
            f"{r.figure:46} {r.median * scale:8.2f} {r.p95 * scale:8.2f} {floor:>8} {ratio:>6}"
            f" {p95_ratio:>6}"
            f"  {verdict} {targets} ({r.unit})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("figures", nargs="*", metavar="FIGURE", help=", ".join(FIGURES))
    parser.add_argument("--json", type=Path, help="also write the table as JSON")
    parser.add_argument("--patients", type=int, default=50_000, help="size of the clinic")
    parser.add_argument(
        "--print-queue",
        metavar="NAME",
        help="print to this CUPS queue (pause it first: cupsdisable NAME) instead of a folder",
    )
    parser.add_argument("--workstations", default="1,10,25,50", help="load: N per round")
    parser.add_argument("--load-seconds", type=float, default=30, help="load: length of a round")
    parser.add_argument("--load-patients", type=int, default=50_000, help="load: clinic size")
    parser.add_argument("--sizes", default="5000,50000,500000", help="scale: clinic sizes")
    parser.add_argument("--dialects", default="sqlite,postgresql", help="scale: databases")
    parser.add_argument(
        "--pg-copy-from",
        type=int,
        metavar="PATIENTS",
        help="scale: PostgreSQL clinics of this size and up, when not cached yet, are copied "
        "from the SQLite clinic instead of built with demo",
    )
    args = parser.parse_args(argv)
    unknown = set(args.figures) - set(FIGURES)
    if unknown:
        parser.error(f"unknown figure(s): {', '.join(sorted(unknown))}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from benchmarks.app_figures import compile_package

    compile_package()  # the apps launched are timed as installed: compiled (see there)
    rows: list[Row] = []
    for name in args.figures or [f for f in FIGURES if f not in ON_REQUEST]:
        rows.extend(FIGURES[name](args))
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )
    print(f"machine: {machine}")
    print_table(rows)
    if args.json:
        payload = {"machine": machine, "rows": [r.as_dict() for r in rows]}
        args.json.write_text(json.dumps(payload, indent=1), encoding="utf-8")
    return 0 if all(r.verdict is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
