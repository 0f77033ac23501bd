"""SVG snapshots of the profile, timeline and workshop screens at 100×30 and 80×24.

Update after an intended change with
``pytest tests/test_snapshots_workshop.py --snapshot-update`` and look at the report.
"""

from __future__ import annotations

import pytest
from tui_helpers import app_for, example_session

from wk_tui.files import load_session, save_session

SIZES = [(100, 30), (80, 24)]
IDS = ["100x30", "80x24"]


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_workshop_screen(snap_compare, tmp_path, size):
    app = app_for(example_session(tmp_path))
    assert snap_compare(app, press=["w", "tab", "tab"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_workshop_quick_capture(snap_compare, tmp_path, size):
    app = app_for(example_session(tmp_path), language="en")
    keys = ["w", "right_square_bracket", "a", *"Ehrenamtskarte", "enter", *"Netzwerke"]
    assert snap_compare(app, press=keys, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_field_chooser(snap_compare, tmp_path, size):
    path = example_session(tmp_path)
    session, _ = load_session(path)
    session.workshop.fields = []
    save_session(session, path)
    app = app_for(path)
    assert snap_compare(app, press=["w", "space"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_profile_screen(snap_compare, tmp_path, size):
    app = app_for(example_session(tmp_path))
    assert snap_compare(app, press=["m", "tab", "x", "tab"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_timeline_screen(snap_compare, tmp_path, size):
    app = app_for(example_session(tmp_path))
    assert snap_compare(app, press=["t", "down"], terminal_size=size)
