"""What tests that sign a visit pass besides the case: a complete red-flag screen and an exam.

Signing requires every red-flag question answered and the neurological exam recorded (or "not
examined" with a reason, issue 13). Tests about something else (storage, export, conflicts) sign
with :data:`SIGN_OFF`; the signing checks themselves are tested in tests/services/test_signing.py
and tests/domain/test_signing.py without it.
"""

from __future__ import annotations

from typing import Any

from intake_desktop.domain.codes import RED_FLAGS

#: Every question answered "no" (a flag the case lists counts as yes whatever the screen says).
ALL_NO: dict[str, str] = dict.fromkeys(RED_FLAGS, "no")

SIGN_OFF: dict[str, Any] = {
    "red_flag_screen": ALL_NO,
    "not_examined_reason": "seen by video; exam at the next visit",
}
