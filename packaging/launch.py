"""Entry script of the desktop bundle: the same as the ``intake-desktop`` command."""

import sys

from intake_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
