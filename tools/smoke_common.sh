# Shared by tools/smoke_wheel.sh and tools/smoke_bundle.sh (sourced): run the installed program
# the way a clinic would, in a folder of its own, and check what it answers.
#   smoke_program BIN WORKDIR   BIN is the intake-desktop executable to try.

ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
EXAMPLE="$ROOT/tests/data/examples/03_interventional.json"
PASSWORD='smoke-test-password-1'

say() { printf '[smoke] %s\n' "$*" >&2; }
fail() { printf '[smoke] FAILED: %s\n' "$*" >&2; exit 1; }

# A PDF file: the header, and (with pypdf from the checkout's venv, when there is one) its text.
check_pdf() {
  local file=$1 expect=$2
  [ -s "$file" ] || fail "$file was not written"
  [ "$(head -c 5 "$file")" = "%PDF-" ] || fail "$file is not a PDF"
  if [ -x "$ROOT/.venv/bin/python" ] && "$ROOT/.venv/bin/python" -c 'import pypdf' 2>/dev/null; then
    "$ROOT/.venv/bin/python" - "$file" "$expect" <<'PY' || fail "$file does not say '$expect'"
import sys
from pypdf import PdfReader
text = " ".join(" ".join((p.extract_text() or "") for p in PdfReader(sys.argv[1]).pages).split())
fonts = {str(f.get("/BaseFont")) for p in PdfReader(sys.argv[1]).pages
         for f in ((p.get("/Resources") or {}).get_object().get("/Font") or {}).values()
         for f in [f.get_object()]}
assert sys.argv[2] in text, text[:300]
assert any("DejaVu" in f for f in fonts), fonts  # the shipped fonts were found and embedded
PY
  fi
}

smoke_program() {
  local bin=$1 work=$2
  mkdir -p "$work/home" "$work/out"
  cd "$work"  # nothing of the checkout is reachable from here but the example files we copy
  cp "$EXAMPLE" "$work/case.json"
  # A clean user: own home, data and config folders; the database in the data folder.
  export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" \
    XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache"
  unset INTAKE_DESKTOP_DB INTAKE_DESKTOP_USER INTAKE_DESKTOP_PASSWORD INTAKE_DESKTOP_CONFIG
  export QT_QPA_PLATFORM=offscreen

  say "version: $("$bin" --version)"
  "$bin" plan case.json > out/plan.txt || fail "plan"
  grep -q "Interventional\|interventional" out/plan.txt || fail "plan printed no level: $(head -5 out/plan.txt)"
  "$bin" plan case.json --json > out/plan.json || fail "plan --json"
  say "plan: ok"

  echo "$PASSWORD" | "$bin" users add admin --role admin --role clinician \
    --full-name "Dr Smoke Test" --credentials "MD" || fail "users add"
  export INTAKE_DESKTOP_USER=admin INTAKE_DESKTOP_PASSWORD="$PASSWORD"
  echo "$PASSWORD" | "$bin" users add desk --role front_desk || fail "users add (second user)"
  say "users add: ok"

  local visit
  visit=$("$bin" import case.json | tail -1) || fail "import"
  [ -n "$visit" ] || fail "import printed no visit number"
  say "import: visit $visit"

  "$bin" export-pdf "$visit" --kind patient --out out/patient.pdf || fail "export-pdf patient"
  check_pdf out/patient.pdf "Riverside"
  "$bin" export-pdf "$visit" --kind clinician --out out/clinician.pdf || fail "export-pdf clinician"
  check_pdf out/clinician.pdf "Riverside"
  "$bin" export-pdf "$visit" --kind patient --language es --out out/paciente.pdf \
    || fail "export-pdf in Spanish"
  check_pdf out/paciente.pdf "Resumen de su consulta"
  say "export-pdf: patient, clinician and Spanish ok"

  "$bin" export-fhir "$visit" --out out/bundle.json || fail "export-fhir"
  grep -q '"resourceType": *"Bundle"' out/bundle.json || fail "export-fhir wrote no Bundle"
  say "export-fhir: ok"

  # The window: shown with the search box ready (INTAKE_DESKTOP_BENCH=start quits by itself),
  # then signed in with the lists filled (records).
  local mode answer
  for mode in start records; do
    answer=$(INTAKE_DESKTOP_BENCH=$mode timeout 120 "$bin" 2>"$work/out/app-$mode.err") \
      || fail "the app ($mode) exited with $?: $(tail -5 "$work/out/app-$mode.err")"
    [ "$answer" = "ready" ] || fail "the app ($mode) said '$answer': $(tail -5 "$work/out/app-$mode.err")"
  done
  say "app window: shown, and signed in with its lists filled"
}
