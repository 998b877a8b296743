"""``intake-desktop plan CASE.json [--json]``: the decision engine on a case file, no database."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from intake_desktop.cli import CliError
from intake_desktop.cli.files import CASE_FILE_LIMIT, read_json_file
from intake_desktop.domain.engine import evaluate
from intake_desktop.domain.labels import SCORE_NAMES, describe_score, label, procedure_label
from intake_desktop.domain.plan import Plan
from intake_desktop.domain.validation import CaseValidationError, parse_case


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "plan",
        help="run the decision engine on a case file (no database)",
        description="Read a case file (case.schema.json) and print the recommended plan. "
        f"The file must be a regular file of at most {CASE_FILE_LIMIT // (1024 * 1024)} MB.",
    )
    p.add_argument("case_file", metavar="CASE.json", type=Path)
    p.add_argument("--json", action="store_true", help="print the plan as JSON (plan.schema.json)")
    p.set_defaults(handler=run_plan)


def read_case_file(path: Path) -> Any:
    """Decode a case file, turning every way it can be unreadable into one clear message."""
    return read_json_file(path, "a case file", CASE_FILE_LIMIT)


def load_case(path: Path):
    """Read and validate a case file; bad input exits 2 with the field named."""
    data = read_case_file(path)
    try:
        return parse_case(data)
    except CaseValidationError as exc:
        n = exc.total
        head = f"{path}: " + ("" if n == 1 else f"{n} problems: ")
        more = f"; and {exc.more} more" if exc.more else ""
        raise CliError(head + "; ".join(str(e) for e in exc.errors) + more + ".") from None


def run_plan(args: argparse.Namespace) -> int:
    case = load_case(args.case_file)
    plan = evaluate(case)
    if args.json:
        print(json.dumps(plan.to_dict(), indent=1, ensure_ascii=False))
    else:
        print(format_plan(plan))
    return 0


def format_plan(plan: Plan) -> str:
    """The plan for a person: red flags first, then the level and why, work-up, answers, scores."""
    out: list[str] = []
    if plan.red_flags:
        out.append("!!! RED FLAGS — " + label(plan.level).upper() + " !!!")
        for rf in plan.red_flags:
            out.append(f"  * {label(rf.code)} [{rf.level}] — from {', '.join(rf.sources)}")
        out.append("")
    out.append(f"Recommended level: {label(plan.level)} ({plan.level})")
    if plan.alternatives:
        out.append("Alternatives: " + ", ".join(label(a) for a in plan.alternatives))
    out.append(f"Pattern: {label(plan.pattern)}; region: {plan.region}")
    out.append("")
    out.append("Why:")
    for r in plan.rules_fired:
        out.append(f"  [{r.id}] {r.reason}")
        out.extend(f"      - {finding}" for finding in r.findings)
    out.append("")
    out.append("Work-up: " + (", ".join(label(w) for w in plan.workup) or "none"))
    procedures = ", ".join(procedure_label(p) for p in plan.procedures) or "none"
    out.append(f"Suggested procedures: {procedures}")
    signs = ", ".join(label(s) for s in plan.escalation_signs) or "none"
    out.append(f"Escalation signs: {signs}")
    out.append("")
    out.append("The four questions:")
    for q, a in plan.framework.items():
        answer = a.answer.replace("_", " ") if a.answer else "unanswered"
        out.append(f"  {label(q)} {answer} [{a.source}]")
        out.extend(f"      - {e}" for e in a.evidence)
    if plan.scores:
        out.append("")
        out.append("Scores:")
        out.extend(
            f"  {SCORE_NAMES.get(name, name)}: {describe_score(name, value)}"
            for name, value in plan.scores.items()
        )
    if plan.warnings:
        out.append("")
        out.append("Warnings:")
        out.extend(f"  ! {w}" for w in plan.warnings)
    out.append("")
    out.append(f"Rule set {plan.rules_version}")
    return "\n".join(out)
