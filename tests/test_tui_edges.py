"""Pilot tests: help labels ←/→ by what they do, PageUp/PageDown scroll the results, and
a too small terminal gets a notice instead of a blank screen that takes keys."""

from __future__ import annotations

import tomllib

from tui_helpers import app_for, empty_session, example_session, screen_text

from wk_tui.screens.results import ResultsScreen
from wk_tui.screens.toosmall import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen


async def test_help_labels_left_and_right_by_what_they_do(tmp_path):
    app = app_for(empty_session(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("3", "up")  # eher nein
        await pilot.press("left")
        assert app.store.session.value("hf1.steuerung") == "eher_ja"  # towards ja
        await pilot.press("right", "right")
        assert app.store.session.value("hf1.steuerung") == "nein"  # towards nein
        await pilot.press("question_mark")
        lines = screen_text(app).splitlines()
        assert any("←" in ln and "Bewertung Richtung ja" in ln for ln in lines)
        assert any("→" in ln and "Bewertung Richtung nein" in ln for ln in lines)
        assert "Wert −" not in "\n".join(lines)


async def test_page_keys_scroll_the_results_instead_of_leaving(tmp_path):
    app = app_for(example_session(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        scroll = screen.query_one("#results-scroll")
        assert scroll.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert app.screen is screen and scroll.scroll_y > 10
        await pilot.press("pagedown", "pageup", "pageup")
        await pilot.pause()
        assert app.screen is screen and scroll.scroll_y == 0
        await pilot.press("[")  # the bracket keys still change screens
        assert app.screen.name == "field:hf7"


async def test_a_too_small_terminal_says_so_and_takes_no_rating_keys(tmp_path):
    path = empty_session(tmp_path)
    before = path.read_bytes()
    app = app_for(path)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        text = " ".join(screen_text(app).split())
        assert "Das Fenster ist zu klein (40×12)" in text
        assert f"mindestens {MIN_WIDTH}×{MIN_HEIGHT} Zeichen" in text
        await pilot.press("1", "2", "n", "r", "escape", "q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, TooSmallScreen)
        assert app.store.session.values() == {}
        app.store.flush()
        assert path.read_bytes() == before
        await pilot.resize_terminal(50, 30)  # still too narrow
        await pilot.pause()
        assert "(50×30)" in " ".join(screen_text(app).split())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.name == "field:hf1"
        await pilot.press("1")
        assert app.store.session.value("hf1.steuerung") == "ja"
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running
    assert tomllib.loads(path.read_text("utf-8"))["ratings"]["hf1.steuerung"]["value"] == "ja"


async def test_the_too_small_notice_is_translated(tmp_path):
    app = app_for(empty_session(tmp_path), language="en")
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        assert "The window is too small (40×12)" in text and "Ctrl+Q quits" in text
