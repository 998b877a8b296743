"""Which templates folder prints a summary, and where the bundled fonts are.

The default templates and the DejaVu fonts ship inside the package
(:mod:`intake_desktop.resources`), so an installed program prints without its source tree. A
clinic rewords or restyles its summaries in its own folder, ``templates/`` inside the
configuration folder (``~/.config/intake-desktop/templates`` on Linux;
:func:`intake_desktop.resources.config_dir`): once that folder holds a ``clinic.toml`` it is used
instead of the defaults, whole (start it as a copy of :data:`DEFAULT_TEMPLATES_DIR`:
``intake-desktop templates copy``).
"""

from __future__ import annotations

from pathlib import Path

from intake_desktop.resources import FONTS_DIR, TEMPLATES_DIR, config_dir

#: The templates shipped with the program (one folder per language, plus ``clinic.toml``).
DEFAULT_TEMPLATES_DIR: Path = TEMPLATES_DIR

__all__ = ["DEFAULT_TEMPLATES_DIR", "FONTS_DIR", "clinic_templates_dir", "templates_folder"]


def clinic_templates_dir() -> Path:
    """Where the clinic's own templates go: ``templates/`` in the configuration folder."""
    return config_dir() / "templates"


def templates_folder(templates_dir: Path | str | None = None) -> Path:
    """The folder to load templates from: the one given, else the clinic's, else the defaults.

    The clinic's folder counts once it holds ``clinic.toml``; an empty or half-made folder
    does not silently replace the defaults, and neither does a configuration folder this user
    may not look into (another account's home).
    """
    if templates_dir is not None:
        return Path(templates_dir)
    own = clinic_templates_dir()
    try:
        if (own / "clinic.toml").is_file():
            return own
    except OSError:  # Permission denied on a folder on the way
        pass
    return DEFAULT_TEMPLATES_DIR
