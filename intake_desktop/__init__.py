"""intake-desktop: intake and procedure-decision support for spine and pain clinics."""

__version__ = "0.1.0"
