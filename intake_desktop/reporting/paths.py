"""Where the report templates and the bundled fonts live.

Both folders sit at the top of the repository (``reports/templates/`` and ``resources/fonts/``),
outside the Python package, because a clinic edits them without touching code. The package is
installed editable, so they are found relative to the package folder.
"""

from __future__ import annotations

from pathlib import Path

import intake_desktop

_REPO = Path(intake_desktop.__file__).resolve().parents[1]

#: The templates a clinic may restyle or reword (one folder per language, plus ``clinic.toml``).
DEFAULT_TEMPLATES_DIR = _REPO / "reports" / "templates"
#: The free Unicode fonts embedded in every PDF (DejaVu, licence text beside them).
FONTS_DIR = _REPO / "resources" / "fonts"
