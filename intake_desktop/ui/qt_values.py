"""The few Qt enum values the first window needs, as plain numbers.

The first use of ``PySide6.QtCore.Qt`` builds every enum of Qt's namespace, 13 to 22 ms of
Python on a 2-core machine: a seventh of the whole start-up, spent before the window can show.
The search list, which is part of the first window, needs only the values below, so they are
spelled out here (tests/ui/test_qt_values.py checks them against the binding) and the namespace
is built just after the window has shown (:func:`intake_desktop.ui.app.run`). Widgets opened
later use ``Qt`` as usual. Ints are also what ``data()`` compares fastest, for every cell painted.
"""

from __future__ import annotations

#: Qt.ItemDataRole
DISPLAY_ROLE = 0
TOOLTIP_ROLE = 3
FOREGROUND_ROLE = 9
ACCESSIBLE_TEXT_ROLE = 11
USER_ROLE = 256
#: Qt.Key
KEY_RETURN = 0x01000004
KEY_ENTER = 0x01000005
KEY_DOWN = 0x01000015
#: Qt.Orientation
HORIZONTAL = 1
