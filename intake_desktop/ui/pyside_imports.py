"""PySide6's look at every module imported after it, made cheap (the same answer, sooner).

PySide6 supports ``from __feature__ import snake_case``: once it is loaded, every module imported
afterwards is asked whether it uses PySide6, so that the feature can be switched per module.
It asks by ``inspect.getsource(module)`` and a search for the word ``PySide6``: a read, decode,
split into lines and join again of every file, kept in ``linecache`` afterwards. The app loads
SQLAlchemy and the services after Qt (the window comes first), some 300 modules, and that check
was about a fifth of their import time, on the interpreter lock the window's thread needs too.

:func:`quicken_feature_check` gives PySide6 the same test on the file's bytes. A module without
a ``.py`` file, or one that cannot be read, still goes to PySide6's own check. The app uses no
``__feature__``; the answer is unchanged anyway, so a module that did would behave as before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_MARK = "_intake_quick_check"


def quicken_feature_check() -> bool:
    """Replace PySide6's per-module check by a read of the file's bytes; True when installed
    (now or before). False when this PySide6 has no such check: nothing to do."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if getattr(original, _MARK, False):
        return True
    feature._mod_uses_pyside = _quick_check(original)  # type: ignore[attr-defined]
    return True


def _quick_check(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    setattr(uses_pyside, _MARK, True)
    return uses_pyside
