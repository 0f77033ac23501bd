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
        assert "ungültiges TOML" in screen_text(app) and app.store is None  # UI language
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
    app.store.close()  # never run, so never unmounted: the test closes what it opened


def many_recent(tmp_path, n: int = 8) -> list:
    paths = []
    for i in range(n):
        path = tmp_path / f"kommune-{i}.toml"
        path.write_text("")
        remember(path, f"Kommune {i}", "2026-01-01T00:00:00+00:00")
        paths.append(path)
    return paths


async def test_buttons_stay_visible_with_many_recent_sessions_at_80x24(tmp_path):
    paths = many_recent(tmp_path)
    app = create_app(None, config={})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        for label in ("Neue Sitzung", "Datei öffnen", "Beispiel öffnen", "Name der Kommune"):
            assert label in text
        assert "^q Beenden" in text.splitlines()[-1]
        assert "Kommune 7" in text and "Kommune 0" not in text
        recent = app.screen.query_one("#recent")
        assert recent.region.height < 2 * len(paths)  # bounded: it scrolls
        for button in app.screen.query("Button"):
            assert button.region.bottom <= 23  # above the key bar, inside the screen
        await pilot.press(*["down"] * (len(paths) - 1))
        await pilot.pause()
        assert "Kommune 0" in screen_text(app)  # the oldest entry scrolled into view
        assert "Neue Sitzung" in screen_text(app)


async def test_enter_in_the_last_input_creates_the_session(tmp_path):
    app = create_app(None, config={})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        target = tmp_path / "neu.toml"
        app.screen.query_one("#path").focus()
        await pilot.press(*str(target), "enter")  # no such file: on to the name
        await pilot.pause()
        assert app.store is None
        assert app.focused is app.screen.query_one("#municipality")
        assert "Name der Kommune eingeben" in screen_text(app)
        await pilot.press(*"Musterstadt", "enter")
        await pilot.pause()
        assert app.store is not None and app.store.path == target
        assert app.screen.name == "field:hf1"
    doc = tomllib.loads(target.read_text("utf-8"))
    assert doc["municipality"]["name"] == "Musterstadt"


async def test_an_empty_path_says_what_is_missing(tmp_path):
    app = create_app(None, config={})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for button in ("#new", "#open"):
            app.screen.query_one("#error").update("")
            await pilot.click(button)
            await pilot.pause()
            assert "Bitte den Pfad der Sitzungsdatei eingeben" in screen_text(app)
            assert app.focused is app.screen.query_one("#path") and app.store is None
        app.screen.query_one("#municipality").focus()
        await pilot.press(*"Musterstadt", "enter")
        await pilot.pause()
        assert app.store is None and "Bitte den Pfad" in screen_text(app)
        assert list(tmp_path.iterdir()) == []


async def test_escape_never_quits_from_the_start_screen(tmp_path):
    many_recent(tmp_path, 3)
    app = create_app(None, config={})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for target in ("#recent", "#path", "#municipality"):
            app.screen.query_one(target).focus()
            await pilot.press("escape")
            await pilot.pause()
            assert app.is_running and app.screen.__class__.__name__ == "StartScreen"


async def test_core_errors_on_the_start_screen_follow_the_ui_language(tmp_path):
    existing = example_session(tmp_path)
    before = existing.read_bytes()
    for lang, needle in (("de", "die Datei existiert bereits"), ("en", "file exists already")):
        app = create_app(None, language=lang, config={})
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            app.screen.query_one("#path").value = str(existing)
            await pilot.click("#new")
            await pilot.pause()
            text = screen_text(app)
            assert needle in text, text
            assert str(existing) in text
    assert existing.read_bytes() == before


async def test_a_demo_copy_is_not_listed_as_recent(tmp_path):
    """The demo's temporary copy is removed on quit: the start screen must not offer it."""
    from wk_tui.paths import demo_copy, remove_demo_copies
    from wk_tui.userconf import recent_sessions

    path = demo_copy()
    try:
        app = create_app(path, config={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("1")
            await pilot.pause()
        app.store.close()
    finally:
        remove_demo_copies()
    assert recent_sessions() == []
    app = create_app(None, config={})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Noch keine Sitzungen" in screen_text(app)
        assert str(path) not in screen_text(app)
