"""Every window and dialog fits a 1366×768 screen (and a 1920×1080 one), its buttons included.

At 1366×768 the visit window's buttons, its save status and the print preview's buttons were
below the bottom of the screen. A screen's size cannot change inside a running Qt application,
so each size runs tests/ui/fit_probe.py in a fresh interpreter whose offscreen screen has that
size, on a copy of the test database.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from intake_desktop.ui.window_state import FRAME_ALLOWANCE

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = {"main window", "visit window", "print preview", "patient dialog", "sign-in dialog",
           "first administrator dialog", "unlock dialog", "conflict dialog"}  # fmt: skip


def _inside(inner: list[int], outer: list[int]) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return ox <= x and oy <= y and x + w <= ox + ow and y + h <= oy + oh


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_every_window_and_its_buttons_are_on_the_screen(db_url, tmp_path, size) -> None:
    config = tmp_path / "screen.json"
    width, height = size
    screen = {"name": "probe", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config.write_text(json.dumps({"screens": [screen]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    run = subprocess.run(
        [sys.executable, "-m", "tests.ui.fit_probe", db_url, str(tmp_path / "ui.ini")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    found = json.loads(run.stdout.strip().splitlines()[-1])
    assert found["available"] == [0, 0, width, height]
    assert {w["name"] for w in found["windows"]} == WINDOWS
    fw, fh = FRAME_ALLOWANCE
    screen = found["available"]
    for window in found["windows"]:
        x, y, _, _ = window["frame"]
        w, h = window["size"]
        assert _inside(window["frame"], screen), window
        # with room for the title bar and borders a window manager adds around it
        assert _inside([x, y, w + fw, h + fh], screen), window
        assert window["buttons"], window["name"]
        for text, rect in window["buttons"].items():
            assert rect[2] > 0 and rect[3] > 0, (window["name"], text)
            assert _inside(rect, window["frame"]), (window["name"], text, rect)
        for rect in window["status"]:
            assert _inside(rect, window["frame"]), (window["name"], "save status", rect)
