"""The TUI's language follows the CLI's one rule: flag > remembered > locale > German."""

from __future__ import annotations

import pytest
from tui_helpers import app_for, example_session, screen_text

from wk_tui.screens.app import create_app


@pytest.mark.parametrize(
    ("env", "config", "flag", "expected"),
    [
        ({"LANG": "en_GB.UTF-8"}, {}, None, "en"),  # the locale beats the session's German
        ({"LANG": "C.UTF-8"}, {}, None, "de"),  # the tests' locale: German
        ({"LANG": "en_GB.UTF-8"}, {"language": "de"}, None, "de"),  # remembered wins
        ({"LANG": "C.UTF-8", "LC_ALL": "en_US.UTF-8"}, {}, None, "en"),
        ({"LANG": "en_GB.UTF-8"}, {"language": "en"}, "de", "de"),  # the flag wins
    ],
)
async def test_session_opens_in_the_resolved_language(
    tmp_path, monkeypatch, env, config, flag, expected
):
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    app = create_app(example_session(tmp_path), language=flag, config=config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.language == expected
        assert app.q.language == expected  # the questionnaire is shown translated
        text = screen_text(app)
        assert ("Quit" in text) == (expected == "en")
        assert ("Beenden" in text) == (expected == "de")


async def test_start_screen_follows_the_locale(monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    app = create_app(None, config={})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.language == "en"


async def test_german_session_under_english_locale_keeps_its_file(tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    path = example_session(tmp_path)
    before = path.read_bytes()
    app = app_for(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.language == "en"
    app.store.close()
    assert path.read_bytes() == before  # showing English changes nothing in the file
