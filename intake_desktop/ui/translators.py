"""The interface's language: which one before anyone signs in, and installing its translations.

Used at start-up (:func:`.app.make_application`) and by the :class:`~.session_switch.Workstation`
when the signed-in user's language differs.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from intake_desktop import resources

#: Compiled translations of the app's interface (intake_desktop_<lang>.qm), shipped in the
#: package; tools/translations/update.py makes them.
TRANSLATIONS_DIR = resources.TRANSLATIONS_DIR
#: Environment override of the interface language, e.g. ``es`` (tests, or a user's choice).
LANGUAGE_VARIABLE = "INTAKE_DESKTOP_LANGUAGE"


def ui_locale() -> QLocale:
    """The language before anyone signs in: ``INTAKE_DESKTOP_LANGUAGE`` when set (tests), else
    the system's. After the sign-in, the user's own choice or the clinic's default language
    (see session_switch.Workstation) replaces it; no variable is needed for daily use."""
    chosen = os.environ.get(LANGUAGE_VARIABLE, "").strip()
    return QLocale(chosen) if chosen else QLocale.system()


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install the app's translation and Qt's own (standard buttons) for ``locale``.

    English needs no file. Returns the installed translators (to remove them again, as tests do);
    a language without a translation installs nothing and the interface stays English.
    """
    locale = locale if locale is not None else ui_locale()
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return []
    installed: list[QTranslator] = []
    candidates = (
        ("intake_desktop", str(TRANSLATIONS_DIR)),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    )
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder) and app.installTranslator(translator):
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo :func:`install_translators`."""
    for translator in translators:
        app.removeTranslator(translator)
