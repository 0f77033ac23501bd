"""SVG snapshots of every presentation page type at 100×30 (readable) and 80×24 (usable).

Update after an intended change with ``pytest tests/test_present_snapshots.py
--snapshot-update`` and look at the report before committing.
"""

from __future__ import annotations

import pytest
from present_helpers import present_app
from tui_helpers import example_session

SIZES = [(100, 30), (80, 24)]
IDS = ["100x30", "80x24"]
PAGES = {
    "verdict": [],
    "results": ["right"],
    "field": ["right", "right", "right", "right", "right"],  # action field 4
    "workshop": ["end", "left"],  # workshop on action field 4
}


@pytest.mark.parametrize("size", SIZES, ids=IDS)
@pytest.mark.parametrize("page", list(PAGES))
def test_presentation_page(snap_compare, tmp_path, size, page):
    app = present_app(example_session(tmp_path))
    assert snap_compare(app, press=PAGES[page], terminal_size=size)


def test_presentation_marks_a_broken_file(snap_compare, tmp_path):
    path = example_session(tmp_path)
    app = present_app(path, poll=0.05)

    async def break_file(pilot):
        path.write_text("schema = ", "utf-8")
        for _ in range(20):
            await pilot.pause(0.05)
            if app.follower.problem:
                break
        await pilot.pause()

    assert snap_compare(app, run_before=break_file, terminal_size=(100, 30))
