"""Reopening a session resumes where the user left off (field and criterion)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tui_helpers import app_for, empty_session, example_session, screen_text

from wk_tui.userconf import last_position, remember_position


def positions() -> dict:
    path = Path(os.environ["WK_TUI_STATE_DIR"]) / "positions.json"
    return json.loads(path.read_text("utf-8"))


def where(app) -> tuple[str, str]:
    return app.screen.field_id, app.screen.criteria.criterion.id


async def test_complete_session_reopens_where_it_was_left(tmp_path):
    path = example_session(tmp_path)  # every criterion rated
    app = app_for(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert where(app) == ("hf1", app.q.fields[0].criteria[0].id)  # nothing remembered
        await pilot.press("]", "down", "down")  # field 2, its third criterion
        await pilot.pause()
        assert where(app) == ("hf2", "hf2.arbeit")
    assert positions() == {str(path.resolve()): {"field": "hf2", "criterion": "hf2.arbeit"}}
    again = app_for(path)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert where(again) == ("hf2", "hf2.arbeit")
        assert "Handlungsfeld 2" in screen_text(again)


async def test_unfinished_session_resumes_at_the_last_position_not_the_first_open(tmp_path):
    path = empty_session(tmp_path)
    remember_position(path, "hf2", "hf2.wohnen")
    app = app_for(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert where(app) == ("hf2", "hf2.wohnen")
        await pilot.press("1")  # rates the criterion under the cursor, the one shown
        await pilot.pause()
        assert app.store.session.value("hf2.wohnen") == "ja"


async def test_a_criterion_that_no_longer_exists_falls_back_to_the_first_open(tmp_path):
    path = example_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first_open = app.q.fields[2].criteria[1].id
        app.store.rate(first_open, None)  # the only criterion left open
    remember_position(path, "hf9", "hf9.gone")
    again = app_for(path)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert where(again) == ("hf3", first_open)


async def test_the_field_option_wins_over_the_remembered_position(tmp_path):
    path = empty_session(tmp_path)
    remember_position(path, "hf2", "hf2.wohnen")
    app = app_for(path, field="hf4")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert where(app) == ("hf4", app.q.fields[3].criteria[0].id)


async def test_the_position_is_kept_when_the_app_ends_and_not_for_other_files(tmp_path):
    path = empty_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("1")  # rated: the cursor moves on to the second criterion
    assert last_position(path) == ("hf1", app.q.fields[0].criteria[1].id)
    assert last_position(tmp_path / "other.toml") is None
