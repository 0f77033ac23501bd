"""Pilot tests: every binding of the rating flow, asserted on the screen and the saved file."""

from __future__ import annotations

import tomllib

import pytest
from tui_helpers import app_for, empty_session, example_session, screen_text

from wk_tui.screens.field import FieldScreen
from wk_tui.screens.results import ResultsScreen


def saved(path) -> dict:
    return tomllib.loads(path.read_text("utf-8"))


async def test_rating_keys_set_value_and_advance(tmp_path):
    path = empty_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.name == "field:hf1"
        await pilot.press("1", "2", "3", "4")
        session = app.store.session
        assert [
            session.value(c)
            for c in ("hf1.steuerung", "hf1.stellenwert", "hf1.fuehrung", "hf1.monitoring")
        ] == ["ja", "eher_ja", "eher_nein", "nein"]
        # After the last criterion of a field the cursor stays.
        assert app.screen.criteria.index == 3
        await pilot.press("0")
        assert session.value("hf1.monitoring") == "keine_einschaetzung"
        await pilot.press("home", "minus")
        assert session.value("hf1.steuerung") == "keine_einschaetzung"
        assert app.screen.criteria.index == 1
        await pilot.press("up", "backspace")
        assert session.value("hf1.steuerung") is None
        await pilot.press("2", "up", "delete")
        assert session.value("hf1.steuerung") is None
        app.store.flush()
        ratings = saved(path)["ratings"]
        assert "hf1.steuerung" not in ratings
        assert ratings["hf1.stellenwert"]["value"] == "eher_ja"
        assert ratings["hf1.monitoring"]["value"] == "keine_einschaetzung"
        assert "–  keine" in screen_text(app) or "– keine" in screen_text(app)


async def test_cursor_keys(tmp_path):
    app = app_for(empty_session(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lst = app.screen.criteria
        await pilot.press("down", "j")
        assert lst.index == 2
        await pilot.press("k")
        assert lst.index == 1
        await pilot.press("up", "up")
        assert lst.index == 0
        await pilot.press("end")
        assert lst.index == 3
        await pilot.press("down")
        assert lst.index == 3
        await pilot.press("home")
        assert lst.index == 0
        assert "Leitfragen" in screen_text(app)


async def test_left_right_step_the_focused_rating(tmp_path):
    app = app_for(empty_session(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        s = app.store.session
        await pilot.press("right")
        assert s.value("hf1.steuerung") == "ja"
        await pilot.press("right", "right")
        assert s.value("hf1.steuerung") == "eher_nein"
        await pilot.press("left")
        assert s.value("hf1.steuerung") == "eher_ja"
        await pilot.press("left", "left")
        assert s.value("hf1.steuerung") == "ja"  # clamps at the end
        assert app.screen.criteria.index == 0  # stepping does not move the cursor
        await pilot.press("down", "left")
        assert s.value("hf1.stellenwert") == "keine_einschaetzung"


async def test_field_navigation_keys_never_dead_end(tmp_path):
    app = app_for(empty_session(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("pagedown")
        assert app.screen.name == "field:hf2"
        await pilot.press("right_square_bracket")
        assert app.screen.name == "field:hf3"
        await pilot.press("left_square_bracket", "pageup")
        assert app.screen.name == "field:hf1"
        await pilot.press("pageup")
        assert app.screen.name == "overview"
        await pilot.press("pageup")
        assert app.screen.name == "overview"
        await pilot.press("pagedown")
        assert app.screen.name == "field:hf1"
        for _ in range(7):
            await pilot.press("pagedown")
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("pagedown")
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("pageup")  # scrolls the results (issue 7), does not leave them
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("left_square_bracket")
        assert app.screen.name == "field:hf7"
        await pilot.press("o")
        assert app.screen.name == "overview"
        await pilot.press("down", "down", "enter")
        assert app.screen.name == "field:hf3"
        await pilot.press("r")
        assert app.screen.name == "results"
        assert "Handlungsfeld 1 – Management und Steuerung" in screen_text(app)
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        assert "Legende – Wurde das Kriterium erfüllt?" in screen_text(app)


async def test_field_screens_are_one_instance_per_field(tmp_path):
    app = app_for(empty_session(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first = app.screen
        await pilot.press("]", "[")
        assert app.screen is first and isinstance(first, FieldScreen)


async def test_undo_restores_the_previous_rating(tmp_path):
    path = example_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        s = app.store.session
        assert s.value("hf1.steuerung") == "eher_ja"
        await pilot.press("4")
        assert s.value("hf1.steuerung") == "nein"
        await pilot.press("]", "1")
        assert s.value("hf2.bildung") == "ja"
        await pilot.press("ctrl+z")
        assert s.value("hf2.bildung") == "eher_ja"
        await pilot.press("ctrl+z")
        assert s.value("hf1.steuerung") == "eher_ja"
        assert app.screen.name == "field:hf1"  # undo shows where it happened
        assert s.note("hf1.steuerung").startswith("Integrationsbüro")
        await pilot.press("ctrl+z")
        assert s.value("hf1.steuerung") == "eher_ja"


async def test_note_editor_keeps_text_with_escape_and_ctrl_s(tmp_path):
    path = empty_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        assert app.screen.__class__.__name__ == "NoteScreen"
        await pilot.press(*"Beleg", "enter", *"[bold]x[/]")
        await pilot.press("escape")
        assert app.screen.name == "field:hf1"
        assert app.store.session.note("hf1.steuerung") == "Beleg\n[bold]x[/]"
        assert app.store.session.value("hf1.steuerung") is None  # a note is not a rating
        await pilot.press("n", "end", "!", "ctrl+s")
        assert app.store.session.note("hf1.steuerung") == "Beleg\n[bold]x[/]!"
        assert "✎ Notiz" in screen_text(app)
        app.store.flush()
        assert saved(path)["ratings"]["hf1.steuerung"] == {
            "note": "Beleg\n[bold]x[/]!",
            "updated": app.store.session.ratings["hf1.steuerung"].updated,
        }


async def test_help_is_generated_from_the_live_bindings(tmp_path):
    app = app_for(empty_session(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        source = app.screen
        await pilot.press("question_mark")
        assert app.screen.__class__.__name__ == "HelpScreen"
        text = screen_text(app)
        from wk_tui.screens.keys import KEYS
        from wk_tui.screens.strings import UI

        for area in source.KEY_AREAS:
            for _keys, _action, desc, _show, _display in KEYS[area]:
                assert UI["de"][desc] in text
        ours = {action for area in source.KEY_AREAS for _, action, _, _, _ in KEYS[area]}
        for key, active in source.active_bindings.items():
            if active.binding.action in ours:
                assert app.get_key_display(active.binding.__class__(key, "x")) in text
        assert "Befehlspalette" in text and "Focus Next" not in text
        await pilot.press("end")
        await pilot.pause()
        assert "Punktwert eines Handlungsfelds" in screen_text(app)
        await pilot.press("escape")
        assert app.screen is source
        await pilot.press("f1")
        assert app.screen.__class__.__name__ == "HelpScreen"
        await pilot.press("question_mark")
        assert app.screen is source


async def test_quit_saves_everything(tmp_path):
    path = empty_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert saved(path)["ratings"]["hf1.steuerung"]["value"] == "eher_nein"


async def test_autosave_writes_within_a_second(tmp_path):
    path = empty_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause(1.0)
        assert saved(path)["ratings"]["hf1.steuerung"]["value"] == "ja"
        assert app.save_state == "saved"


async def test_clicking_a_rating_chip_sets_it(tmp_path):
    from wk_tui.screens.widgets.details import CriterionDetails

    app = app_for(empty_session(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        details = app.screen.query_one(CriterionDetails)
        # The chips are the first line of the details panel (after its top border).
        from wk_tui.screens.strings import UI

        labels = ["k_ja", "k_eher_ja", "k_eher_nein", "k_nein", "k_keine"]
        chips = "  ".join(
            f"{k}:{s.symbol} {UI['de'][label]}"
            for k, s, label in zip("12340", app.q.scale, labels, strict=True)
        )
        x = 1 + chips.index("3:(✘)") + 2
        await pilot.click(details, offset=(x, 1))
        assert app.store.session.value("hf1.steuerung") == "eher_nein"
        assert app.screen.criteria.index == 0  # a click does not move on
        criteria = app.screen.criteria
        await pilot.click(criteria, offset=(20, criteria.tops[2]))  # the third row's line
        assert criteria.index == 2
        await pilot.click(details, offset=(1, 1))
        assert app.store.session.value("hf1.fuehrung") == "ja"


async def test_key_bar_shows_the_bindings_and_is_clickable(tmp_path):
    from wk_tui.screens.widgets.keybar import KeyBar

    app = app_for(empty_session(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "^p Befehle" in screen_text(app).splitlines()[-1]
        bar = app.screen.query_one(KeyBar).render().plain
        shown = [
            b.binding.description
            for b in app.screen.active_bindings.values()
            if b.binding.show and b.binding.description
        ]
        assert all(d in bar for d in shown) and "Befehle" in bar
        await pilot.click(KeyBar, offset=(bar.index("Feld ›") + 1, 0))
        assert app.screen.name == "field:hf2"
        await pilot.click(KeyBar, offset=(bar.index("Befehle"), 0))
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"


async def test_help_closes_with_q_and_the_start_screen_stays_on_escape(tmp_path):
    from wk_tui.screens.app import create_app

    app = app_for(empty_session(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        assert app.screen.__class__.__name__ == "HelpScreen"
        await pilot.press("q")
        assert app.screen.name == "field:hf1"  # q closed the help, it did not quit
        assert app.is_running
    start = create_app(None, config={})
    async with start.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert start.is_running and start.screen.__class__.__name__ == "StartScreen"
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not start.is_running


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
@pytest.mark.parametrize("lang", ["de", "en"])
async def test_key_bar_keeps_the_palette_and_marks_dropped_keys(tmp_path, lang, size):
    from wk_tui.screens.strings import UI
    from wk_tui.screens.widgets.keybar import KeyBar

    app = app_for(empty_session(tmp_path, lang=lang), language=lang)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        seen = set()
        # field, overview, results, workshop (after its chooser), timeline, profile
        for key in ("", "o", "r", "w", "escape", "t", "m", "escape"):
            if key:
                await pilot.press(key)
                await pilot.pause()
            seen.add(app.screen.__class__.__name__)
            bar = screen_text(app).splitlines()[-1]
            assert bar.rstrip().endswith(f"^p {UI[lang]['k_palette']}"), (key, bar)
            shown = app.screen.query_one(KeyBar).shown
            missing = [b.description for b in shown if b.description not in bar]
            assert not missing or "…" in bar, (key, bar)
        assert len(seen) == 7, seen
