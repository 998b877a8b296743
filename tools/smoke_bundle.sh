#!/usr/bin/env bash
# Desktop bundle smoke test: the bundle that ./dev bundle made (build/bundle/dist/intake-desktop),
# copied to a temporary folder away from the checkout and run there offscreen as a clinic would:
# it starts and shows its window, signs in with its lists filled, and exports PDFs (both kinds,
# and Spanish), a FHIR Bundle, after plan, users add and import. Run alone or from .ci/run.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUNDLE=${1:-$ROOT/build/bundle/dist/intake-desktop}
# shellcheck source=tools/smoke_common.sh
. "$ROOT/tools/smoke_common.sh"

[ -x "$BUNDLE/intake-desktop" ] || fail "no bundle at $BUNDLE: run ./dev bundle first"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$ROOT/packaging/intake-desktop.desktop" || fail "the desktop entry"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/intake-bundle-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
started=$(date +%s)
cp -a "$BUNDLE" "$work/intake-desktop"
# No Python of ours on the way: the bundle carries its own.
unset PYTHONPATH VIRTUAL_ENV
PATH=/usr/bin:/bin
smoke_program "$work/intake-desktop/intake-desktop" "$work/run"
say "bundle smoke test passed in $(( $(date +%s) - started )) s ($(du -sh "$BUNDLE" | cut -f1))"
