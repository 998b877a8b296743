#!/bin/sh
# Regenerate intake_desktop_<lang>.ts from the UI sources (pyside6-lupdate) and compile the .qm
# the app loads (pyside6-lrelease). The .qm is generated but committed. Details: update.py.
set -e
here="$(cd "$(dirname "$0")" && pwd)"
python="$here/../../.venv/bin/python"
[ -x "$python" ] || python=python3
exec "$python" "$here/update.py" "$@"
