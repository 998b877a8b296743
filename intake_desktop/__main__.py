"""``python -m intake_desktop`` is the same entry point as ``intake-desktop``."""

from intake_desktop.cli import main

raise SystemExit(main())
