"""House rules the code review would otherwise have to remember: modules stay small, everything
the program reads at run time ships inside the package, the code type-checks and is formatted."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The longest a Python module may grow (issue 16); split it into modules of their own before.
MAX_LINES = 450
CHECKED = ("intake_desktop", "tests", "benchmarks", "tools")


def test_no_module_is_over_the_line_limit() -> None:
    long = {
        str(path.relative_to(ROOT)): n
        for folder in CHECKED
        for path in sorted((ROOT / folder).rglob("*.py"))
        if "generated" not in path.read_text(encoding="utf-8")[:200].lower()
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"over {MAX_LINES} lines, split them: {long}"


def test_every_data_file_is_declared_as_package_data() -> None:
    """A file added to the package that no package-data pattern names would be missing from
    the wheel (the smoke tests would fail only later, in CI)."""
    setup = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    declared = setup["setuptools"]["package-data"]
    package = ROOT / "intake_desktop"
    sources = ("resources/translations/*.ts",)  # the translators' sources; the compiled .qm ship
    missing = []
    for path in sorted(package.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix in (".py", ".pyc"):
            continue
        rel = path.relative_to(package).as_posix()
        patterns = [*declared["intake_desktop"], *sources]
        patterns += [f"resources/{p}" for p in declared["intake_desktop.resources"]]
        if not any(fnmatch(rel, pattern) for pattern in patterns):
            missing.append(rel)
    assert not missing, f"add to [tool.setuptools.package-data] in pyproject.toml: {missing}"


def _tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name(name)
    return subprocess.run(
        [str(exe), *args], cwd=ROOT, capture_output=True, text=True, check=False, timeout=600
    )


def test_the_package_type_checks() -> None:
    """mypy, configured in pyproject.toml (with its baseline of modules to fix), finds nothing."""
    result = _tool("mypy", "--no-error-summary", "--cache-dir", str(ROOT / ".mypy_cache"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_nothing_and_nothing_needs_formatting() -> None:
    """The pre-commit hooks' lint and format, for a change committed without them."""
    folders = ["intake_desktop", "tests", "benchmarks", "tools", "packaging"]
    lint = _tool("ruff", "check", "--no-cache", *folders)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    formatting = _tool("ruff", "format", "--check", "--no-cache", *folders)
    assert formatting.returncode == 0, formatting.stdout + formatting.stderr
