"""Pilot tests: note edits are undoable in order with ratings; discarding an edit is not
keeping it."""

from __future__ import annotations

import tomllib

from tui_helpers import app_for, example_session, screen_text

from wk_tui.screens.note import NoteScreen


def saved(path) -> dict:
    return tomllib.loads(path.read_text("utf-8"))


async def test_undo_restores_a_cleared_note_before_an_older_rating(tmp_path):
    path = example_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        s = app.store.session
        note = s.note("hf1.steuerung")
        assert note and s.value("hf1.steuerung") == "eher_ja"
        await pilot.press("4")  # an older rating change: hf1.steuerung eher_ja → nein
        await pilot.press("up", "n")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press("ctrl+shift+k")  # delete the (one-line) note
        assert app.screen.query_one("TextArea").text == ""
        await pilot.press("escape")
        assert not isinstance(app.screen, NoteScreen)
        assert s.note("hf1.steuerung") == ""
        app.store.flush()
        assert "note" not in saved(path)["ratings"]["hf1.steuerung"]
        await pilot.press("ctrl+z")  # the most recent change: the note
        await pilot.pause()
        assert s.note("hf1.steuerung") == note
        assert s.value("hf1.steuerung") == "nein"  # the rating change is not undone yet
        assert "✎ Notiz" in screen_text(app)
        await pilot.press("ctrl+z")  # then the rating
        assert s.value("hf1.steuerung") == "eher_ja"
        assert s.note("hf1.steuerung") == note
        app.store.flush()
        assert saved(path)["ratings"]["hf1.steuerung"]["note"] == note


async def test_undo_of_a_rating_keeps_a_note_written_after_it(tmp_path):
    path = example_session(tmp_path)
    app = app_for(path, field="hf2")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        s = app.store.session
        cid = app.screen.criteria.criterion.id
        before_value, before_note = s.value(cid), s.note(cid)
        await pilot.press("4", "up", "n", "end", *"xy", "escape")
        assert s.value(cid) == "nein" and s.note(cid) == before_note + "xy"
        await pilot.press("ctrl+z")
        assert s.note(cid) == before_note and s.value(cid) == "nein"
        await pilot.press("ctrl+z")
        assert s.value(cid) == before_value and s.note(cid) == before_note
        await pilot.press("ctrl+z")
        assert s.value(cid) == before_value and s.note(cid) == before_note


async def test_discard_leaves_the_note_and_the_saved_file_unchanged(tmp_path):
    path = example_session(tmp_path)
    before = path.read_bytes()
    app = app_for(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        note = app.store.session.note("hf1.steuerung")
        await pilot.press("n")
        await pilot.pause()
        text = screen_text(app)
        assert "Verwerfen (^r)" in text and "Übernehmen (Esc / ^s)" in text
        assert "^r verwerfen" in text  # the key bar, from the binding table
        await pilot.press(*"gelöscht?", "ctrl+r")
        assert not isinstance(app.screen, NoteScreen)
        assert app.store.session.note("hf1.steuerung") == note
        assert not app.store.dirty and app.store.undo_stack == []
        await pilot.press("q")
    assert path.read_bytes() == before


async def test_discard_button_after_a_kept_edit(tmp_path):
    path = example_session(tmp_path)
    ratings = saved(path)["ratings"]
    app = app_for(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        note = app.store.session.note("hf1.steuerung")
        await pilot.press("n", *"weg", "escape")
        assert app.store.session.note("hf1.steuerung") == note + "weg"
        await pilot.press("n", "backspace")
        await pilot.click("#discard")
        await pilot.pause()
        assert not isinstance(app.screen, NoteScreen)
        assert app.store.session.note("hf1.steuerung") == note + "weg"
        app.store.flush()
        assert saved(path)["ratings"]["hf1.steuerung"]["note"] == note + "weg"
        await pilot.press("ctrl+z")
        assert app.store.session.note("hf1.steuerung") == note
        await pilot.press("q")
    assert saved(path)["ratings"] == ratings  # undo restored the note and its stamp
