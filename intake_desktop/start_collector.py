"""Python's cycle collector held off while the app starts, then the start's objects set aside.

Starting the app creates over a hundred thousand long-lived objects (Qt's wrappers, SQLAlchemy,
the models) and almost no garbage. The collector, run every 700 allocations, walks the growing
heap again and again meanwhile: about a sixth of the start's imports (measured on the 2-core
machine; README, "Speed"). Once the window works on the records, :func:`resume` moves everything
alive into the permanent generation (``gc.freeze``), so later collections, while the user types,
no longer walk the start's objects either, and turns the collector back on.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Hold the collector until :func:`resume` (call before the heavy imports)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Set the start's objects aside and turn the collector back on; once, and only if
    :func:`pause` turned it off (a caller that runs with it off keeps it off)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
