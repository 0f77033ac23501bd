"""SVG snapshots (pytest-textual-snapshot) of the main screens at 80×24 and 120×40.

Update after an intended change with ``pytest tests/test_snapshots.py --snapshot-update``
and look at the report before committing.
"""

from __future__ import annotations

import pytest
from tui_helpers import app_for, example_session

SIZES = [(80, 24), (120, 40)]
IDS = ["80x24", "120x40"]


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_field_screen_with_sidebar(snap_compare, tmp_path, size):
    app = app_for(example_session(tmp_path), field="hf4")
    assert snap_compare(app, press=["down"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_results_screen(snap_compare, tmp_path, size):
    app = app_for(example_session(tmp_path))
    assert snap_compare(app, press=["r"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_help_screen(snap_compare, tmp_path, size):
    app = app_for(example_session(tmp_path))
    assert snap_compare(app, press=["question_mark"], terminal_size=size)


def test_field_screen_projector_theme(snap_compare, tmp_path):
    app = app_for(example_session(tmp_path), field="hf5")
    app.config["theme"] = "wk-projector"
    assert snap_compare(app, terminal_size=(120, 40))
