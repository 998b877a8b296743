"""The side file of refused sign-ins (storage/refusal_file.py) on its own: one lock for
reading, deciding and noting."""

from __future__ import annotations

import threading
from pathlib import Path

from intake_desktop.storage import refusal_file
from intake_desktop.storage.models import utc_now
from intake_desktop.storage.refusal_file import Refusal


def test_deciding_and_noting_are_one_step_under_the_lock(tmp_path: Path) -> None:
    """Two sign-ins at the same moment: the second decides only once the first has noted its
    refusal, so it counts it (it once read the file before anyone noted anything, and a burst
    of tries at once was judged as if none had failed)."""
    side = tmp_path / "records.sqlite3.refusals"
    first_deciding, release = threading.Event(), threading.Event()
    seen: list[int] = []

    def slow(noted: list[Refusal]) -> Refusal:
        first_deciding.set()
        assert release.wait(10)
        return Refusal(utc_now(), "desk.user", "wrong password", "one")

    def quick(noted: list[Refusal]) -> Refusal:
        seen.append(len(noted))
        return Refusal(utc_now(), "desk.user", "wrong password", "two")

    first = threading.Thread(target=refusal_file.note_if, args=(side, slow))
    first.start()
    assert first_deciding.wait(10)
    second = threading.Thread(target=refusal_file.note_if, args=(side, quick))
    second.start()
    second.join(0.3)
    assert second.is_alive(), "the second sign-in decided while the first was still deciding"
    release.set()
    first.join(10)
    second.join(10)
    assert seen == [1]
    assert [r.workstation for r in refusal_file.read(side)] == ["one", "two"]
