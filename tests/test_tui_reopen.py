"""Pilot tests: reopening a session never puts the cursor on a rated criterion."""

from __future__ import annotations

import tomllib

from tui_helpers import app_for, empty_session, screen_text

from wk_tui.screens.field import FieldScreen


def saved(path) -> dict:
    return tomllib.loads(path.read_text("utf-8"))


async def test_reopen_puts_the_cursor_on_the_first_unrated_criterion(tmp_path):
    path = empty_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("2", "3", "q")  # rate 1.1 and 1.2 only, then quit
    app.store.close()  # as the launcher does: releases the lock
    first = saved(path)["ratings"]
    assert {k: v["value"] for k, v in first.items()} == {
        "hf1.steuerung": "eher_ja",
        "hf1.stellenwert": "eher_nein",
    }
    app = app_for(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FieldScreen) and screen.field_id == "hf1"
        third = app.q.field("hf1").criteria[2]
        assert screen.criteria.criterion.id == third.id
        cursor = next(line for line in screen_text(app).splitlines() if "▌" in line)
        assert "· offen" in cursor and third.title.split()[0] in cursor
        await pilot.press("1", "q")
    ratings = saved(path)["ratings"]
    assert ratings[third.id]["value"] == "ja"
    assert ratings["hf1.steuerung"] == first["hf1.steuerung"]
    assert ratings["hf1.stellenwert"] == first["hf1.stellenwert"]


async def test_a_field_opens_on_its_first_unrated_criterion_and_scrolls_to_it(tmp_path):
    path = empty_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        field = app.q.field("hf1")
        await pilot.press(*["1"] * (len(field.criteria) - 1), "q")
    app.store.close()
    app = app_for(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        last = field.criteria[-1]
        assert app.screen.criteria.criterion.id == last.id
        assert last.title[:30] in screen_text(app)  # scrolled into view
        await pilot.press("2")
        assert app.store.session.value(last.id) == "eher_ja"
        assert app.store.session.value(field.criteria[0].id) == "ja"
        await pilot.press("]")  # the next field: nothing rated there, its first criterion
        assert app.screen.criteria.index == 0
