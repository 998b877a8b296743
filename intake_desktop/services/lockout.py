"""How many failed sign-ins in a row lock an account, and for how long.

A module of its own, with nothing else in it, because the sign-in dialog states both numbers and
opens with the window, before the database layer loads behind it (ui.startup): importing them
from :mod:`.auth` or :mod:`.refusals` would load SQLAlchemy first and hold the window back.
"""

from __future__ import annotations

from datetime import timedelta

MAX_FAILED_SIGN_INS = 5
LOCKOUT = timedelta(minutes=15)
