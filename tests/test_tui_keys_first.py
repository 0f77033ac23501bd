"""The field screen's keys are taken by the app as they arrive (priority bindings): a key
is not sent down to the focused list and back up through its containers — and a dialog on
top (the note editor) still gets every key it is typed."""

from __future__ import annotations

from textual import events
from tui_helpers import app_for, empty_session


async def test_a_rating_key_is_not_sent_through_the_field_screen(tmp_path):
    app = app_for(empty_session(tmp_path), field="hf1")
    seen: list[str] = []

    def record(message):
        if isinstance(message, events.Key):
            seen.append(message.key)

    async with app.run_test(size=(100, 30), message_hook=record) as pilot:
        await pilot.pause()
        first = app.screen.criteria.criterion.id
        seen.clear()
        await pilot.press("4")
        await pilot.pause()
        assert app.store.session.value(first) == "nein"
        # One Key message: the app's own. Before, the key also went to the list, its two
        # containers and the screen, and bubbled back up to the app (six in all).
        assert seen == ["4"], seen


async def test_the_note_editor_on_top_still_gets_digits(tmp_path):
    app = app_for(empty_session(tmp_path), field="hf1")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first = app.screen.criteria.criterion.id
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("1", "2", "j", "k")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.session.note(first) == "12jk"
        assert app.store.session.value(first) is None  # "1" and "2" were text, not ratings
        assert app.screen.criteria.criterion.id == first  # "j"/"k" did not move the cursor
