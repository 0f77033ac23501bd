"""The start screen (``wk-tui`` without arguments): recent sessions, new, open, example."""

from __future__ import annotations

import tomllib

from tui_helpers import example_session, screen_text

from wk_tui.screens.app import create_app
from wk_tui.userconf import remember


async def test_new_session_from_the_start_screen(tmp_path):
    app = create_app(None, config={})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Noch keine Sitzungen" in screen_text(app)
        target = tmp_path / "neu.toml"
        app.screen.query_one("#path").value = str(target)
        app.screen.query_one("#municipality").value = "Musterstadt [x]"
        await pilot.click("#new")
        await pilot.pause()
        assert app.screen.name == "field:hf1"
        assert "Musterstadt [x]" in screen_text(app)
        await pilot.press("2", "q")
    doc = tomllib.loads(target.read_text("utf-8"))
    assert doc["municipality"]["name"] == "Musterstadt [x]"
    assert doc["ratings"]["hf1.steuerung"]["value"] == "eher_ja"


async def test_recent_sessions_are_listed_and_open(tmp_path):
    path = example_session(tmp_path)
    remember(path, "Dessau-Roßlau", "2020-12-15T12:00:00+01:00")
    app = create_app(None, config={})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert str(path) in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.store.path == path.resolve()
        assert app.screen.name == "field:hf1"


async def test_open_file_and_errors_stay_on_the_start_screen(tmp_path):
    app = create_app(None, config={})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#path").value = str(tmp_path / "missing.toml")
        await pilot.click("#open")
        await pilot.pause()
        assert "Datei nicht gefunden" in screen_text(app)
        bad = tmp_path / "bad.toml"
        bad.write_text("schema = \n")
        app.screen.query_one("#path").value = str(bad)
        app.screen.query_one("#path").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "invalid TOML" in screen_text(app) and app.store is None
        good = example_session(tmp_path)
        app.screen.query_one("#path").value = str(good)
        await pilot.press("enter")
        await pilot.pause()
        assert app.store.path == good


async def test_example_button_opens_a_copy(tmp_path):
    app = create_app(None, config={})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.click("#demo")
        await pilot.pause()
        assert app.store.session.municipality.name == "Dessau-Roßlau"
        assert "wk-tui-demo-" in str(app.store.path)


async def test_no_color_is_respected(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = create_app(example_session(tmp_path), config={})
    assert app.no_color
