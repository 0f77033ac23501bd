"""Pilot tests of a field with more criteria than fit: the one line-based list scrolls to
the cursor, a click hits the row under the mouse wherever the list is scrolled, and a
note that makes a title wrap moves the rows below it."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import app_with_questionnaire, bundled_questionnaire, screen_text

from wk_tui.screens.app import WkApp

PER_FIELD = 24


def long_field_app(tmp_path: Path, tail: str = "der langen Liste") -> WkApp:
    """Field 1 has ``PER_FIELD`` criteria with distinct titles ("Kriterium 01" …)."""
    doc = bundled_questionnaire()
    doc["id"] = "long-field"
    first = doc["fields"][0]
    template = first["criteria"][0]
    first["criteria"] = [
        {**template, "id": f"hf1.k{i:02d}", "title": f"Kriterium {i:02d} {tail}"}
        for i in range(1, PER_FIELD + 1)
    ]
    return app_with_questionnaire(tmp_path, doc, "hf1")


@pytest.mark.parametrize("tail", ["der langen Liste", "mit einem Titel, der umbricht " * 3])
async def test_the_list_scrolls_to_the_cursor_and_back(tmp_path, tail):
    app = long_field_app(tmp_path, tail)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lst = app.screen.criteria
        assert lst.virtual_size.height > lst.size.height  # more rows than fit
        # Rows are wrapped at the width they get beside the scrollbar, and the scroll
        # range is exactly their lines (the last line of the last row can be reached).
        assert lst.row_region(0).width == lst.scrollable_content_region.width
        assert lst.virtual_size.height == lst.tops[-1]
        assert "Kriterium 01" in screen_text(app) and "Kriterium 24" not in screen_text(app)
        await pilot.press("end")
        await pilot.pause()
        assert lst.index == PER_FIELD - 1 and lst.scroll_offset.y > 0
        assert lst.scroll_offset.y + lst.size.height == lst.tops[-1]  # the end in view
        shown = screen_text(app)
        assert "Kriterium 24" in shown and "Kriterium 01" not in shown
        await pilot.press("4")  # the last row: rated, the cursor stays
        await pilot.pause()
        assert app.store.session.value("hf1.k24") == "nein"
        assert "✘ nein" in screen_text(app)
        for _ in range(PER_FIELD):
            await pilot.press("up")
        await pilot.pause()
        assert lst.index == 0 and lst.scroll_offset.y == 0
        assert "Kriterium 01" in screen_text(app)


async def test_a_click_picks_the_row_under_the_mouse_when_scrolled(tmp_path):
    app = long_field_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lst = app.screen.criteria
        await pilot.press("end")
        await pilot.pause()
        scroll = lst.scroll_offset.y
        target = PER_FIELD - 3
        y = lst.tops[target] - scroll
        assert 0 <= y < lst.size.height
        await pilot.click(lst, offset=(30, y))
        assert lst.index == target
        assert app.screen.criteria.criterion.id == f"hf1.k{target + 1:02d}"


async def test_a_note_marker_that_wraps_moves_the_rows_below(tmp_path):
    app = long_field_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lst = app.screen.criteria
        before = list(lst.tops)
        app.store.set_note("hf1.k01", "Eine Notiz")
        await pilot.pause()
        # "✎ Notiz" makes the first title wrap at 80 columns: everything below moves down.
        grown = lst.row_region(0).height - (before[1] - before[0])
        assert grown > 0
        assert lst.tops[2] == before[2] + grown
        assert "✎ Notiz" in screen_text(app)


async def test_a_rating_that_scrolls_the_list_is_still_one_frame(tmp_path):
    app = long_field_app(tmp_path)
    app.autosave = lambda: None  # no save indicator frames in the count
    frames = [0]
    display = app._display  # Textual's one hand-over of a frame (as test_tui_repaint)

    def counted(screen, renderable):
        frames[0] += renderable is not None
        return display(screen, renderable)

    app._display = counted
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lst = app.screen.criteria
        seen = []
        for _ in range(PER_FIELD - 4):
            frames[0] = 0
            await pilot.press("1")
            for _ in range(50):  # the key's frame (however loaded the machine) …
                if frames[0]:
                    break
                await pilot.pause(0.02)
            await pilot.pause(0.1)  # … and anything it would paint after it
            seen.append((lst.scroll_offset.y, frames[0]))
        assert seen[-1][0] > 0  # the list did scroll on the way down
        assert all(n == 1 for _y, n in seen), seen


async def test_a_resize_lays_the_rows_out_again_and_keeps_the_cursor_in_view(tmp_path):
    app = long_field_app(tmp_path, "mit einem Titel, der umbricht " * 2)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lst = app.screen.criteria
        await pilot.press(*["down"] * 15)
        await pilot.pause()
        wide = list(lst.tops)
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.2)
        assert lst.tops != wide  # narrower: the titles wrap onto more lines
        assert lst.virtual_size.height == lst.tops[-1]
        assert lst.row_region(0).width == lst.scrollable_content_region.width
        top, row = lst.scroll_offset.y, lst.row_region(lst.index)
        assert top <= row.y and row.bottom <= top + lst.size.height
        assert "Kriterium 16" in screen_text(app)
