#!/usr/bin/env bash
# Wheel smoke test: build the wheel, install it with the pinned constraints into a fresh virtual
# environment in a temporary folder outside the checkout, and use it as a clinic would: plan,
# users add, import, export-pdf (both kinds, and Spanish), export-fhir, and the window offscreen.
# Run alone (bash tools/smoke_wheel.sh) or from .ci/run. PYTHON picks the interpreter.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=${PYTHON:-python3}
# shellcheck source=tools/smoke_common.sh
. "$ROOT/tools/smoke_common.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/intake-wheel-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
started=$(date +%s)

say "building the wheel"
"$PY" -m pip wheel -q --no-deps --disable-pip-version-check -w "$work/dist" "$ROOT" >/dev/null
wheel=$(ls "$work"/dist/intake_desktop-*.whl)
say "installing $(basename "$wheel") into a fresh venv"
"$PY" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check \
  -c "$ROOT/constraints.txt" "$wheel"

# What the program reads comes from the installed package, never from the checkout (asked
# from the temporary folder: Python puts the current folder first on its path).
cd "$work"
"$work/venv/bin/python" - "$work/venv" "$ROOT" <<'PY'
import sys
from pathlib import Path
import intake_desktop, intake_desktop.resources as r
venv, root = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
for path in (Path(intake_desktop.__file__), r.TEMPLATES_DIR, r.FONTS_DIR, r.STYLE_FILE,
             r.TRANSLATIONS_DIR / "intake_desktop_es.qm", r.ICON_FILE):
    path = path.resolve()
    assert path.exists(), f"missing from the wheel: {path}"
    assert venv in path.parents and root not in path.parents, f"not from the install: {path}"
PY

smoke_program "$work/venv/bin/intake-desktop" "$work/run"
say "wheel smoke test passed in $(( $(date +%s) - started )) s"
