"""The details panel shows all of its content: it grows into free space and scrolls."""

from __future__ import annotations

import pytest
from tui_helpers import app_for, example_session, long_details_app, screen_text

from wk_tui.screens.widgets.details import CriterionDetails

SIZES = [(80, 24), (100, 30)]
IDS = ["80x24", "100x30"]


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_long_details_snapshot(snap_compare, tmp_path, size):
    assert snap_compare(long_details_app(tmp_path), press=["home"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_long_details_scrolled_to_the_end_snapshot(snap_compare, tmp_path, size):
    keys = ["home"] + ["shift+down"] * 12
    assert snap_compare(long_details_app(tmp_path), press=keys, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
async def test_every_line_of_the_details_can_be_brought_into_view(tmp_path, size):
    app = long_details_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("home")
        await pilot.pause()
        details = app.screen.query_one(CriterionDetails)
        assert details.max_offset > 0  # it does not fit: a visible scrollbar
        assert len(details.scrollbar(details.window)) == details.window
        text = screen_text(app)
        assert "Anregung: Eine dezernatsübergreifende" in text
        assert "Leitfrage 6:" not in text  # not all of it fits
        seen = set(text.splitlines())
        for _ in range(30):
            await pilot.press("shift+down")
            await pilot.pause()
            seen |= set(screen_text(app).splitlines())
        seen_text = "\n".join(seen)
        for needle in ("ENDE-DER-ANREGUNG", "ENDE-DER-NOTIZ", "Leitfrage 6:", "Zweite Zeile"):
            assert needle in seen_text
        assert "Leitfrage 6:" in screen_text(app)  # the end is in view
        assert details.top == details.max_offset
        assert "4:✘" in screen_text(app)  # the chips never scroll away
        await pilot.press("shift+up")
        await pilot.press("down")  # another criterion: the details start at the top again
        await pilot.pause()
        assert details.top == 0
        assert "Eine Leitfrage?" in screen_text(app)


async def test_the_details_take_the_free_space_below_a_short_list(tmp_path):
    app = app_for(example_session(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        details = app.screen.query_one(CriterionDetails)
        rows = app.screen.criteria
        assert rows.region.height <= rows.virtual_size.height + 1  # no more than its rows
        assert details.region.height >= 15
        text = screen_text(app)
        for question in app.q.criterion("hf1.steuerung").questions:
            assert question.split()[-1] in text  # every guiding question in full
