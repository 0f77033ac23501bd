"""Pilot tests of the workshop screen: capture, edit, delete + undo, reorder, details, chooser."""

from __future__ import annotations

import datetime as dt
import tomllib

from tui_helpers import app_for, example_session, screen_text

from wk_tui import workshop as ws
from wk_tui.files import load_session, save_session
from wk_tui.screens.chooser import ChooserScreen
from wk_tui.screens.form import FormScreen
from wk_tui.screens.plan import PlanScreen
from wk_tui.screens.workshop import WorkshopScreen


def saved(path) -> dict:
    return tomllib.loads(path.read_text("utf-8"))


def works(app, fid="hf4") -> list[str]:
    return ws.items(app.store.session, fid, "works")


async def open_workshop(pilot):
    await pilot.pause()
    await pilot.press("w")
    await pilot.pause()
    assert isinstance(pilot.app.screen, WorkshopScreen)
    return pilot.app.screen


async def test_quick_capture_adds_several_in_a_row_and_autosaves(tmp_path):
    path = example_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_workshop(pilot)
        # The first list has focus when the screen opens.
        assert app.focused is screen.column("works").items
        before = works(app)
        await pilot.press("a")
        assert app.focused is screen.column("works").input
        for text in ("Eins", "Zwei", "Drei"):
            await pilot.press(*text, "enter")
        # Enter keeps the input open and empty for the next item.
        assert app.focused is screen.column("works").input
        assert screen.column("works").input.value == ""
        await pilot.press("enter")  # empty: nothing added
        await pilot.press("escape")
        assert not screen.column("works").is_open
        assert app.focused is screen.column("works").items
        assert works(app) == [*before, "Eins", "Zwei", "Drei"]
        assert "Drei" in screen_text(app)
        # Autosaved within a second, without quitting.
        await pilot.pause(1.0)
        assert saved(path)["workshop"]["results"]["hf4"]["works"][-3:] == ["Eins", "Zwei", "Drei"]


async def test_edit_with_e_and_enter(tmp_path):
    app = app_for(example_session(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_workshop(pilot)
        await pilot.press("down", "e")
        box = screen.column("works").input
        assert box.value == works(app)[1] and box.index == 1
        await pilot.press(*" (ergänzt)", "enter")
        assert works(app)[1].endswith("(ergänzt)")
        assert not screen.column("works").is_open
        await pilot.press("enter")  # Enter on an item edits it too
        assert box.index == 1 and box.has_class("-open")
        await pilot.press("escape")
        assert works(app)[1].endswith("(ergänzt)")  # Esc changed nothing


async def test_delete_and_undo_restores_in_place(tmp_path):
    path = example_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_workshop(pilot)
        before = works(app)
        await pilot.press("down", "delete")
        assert works(app) == [before[0], *before[2:]]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert works(app) == before
        assert isinstance(app.screen, WorkshopScreen)
        app.store.flush()
        assert saved(path)["workshop"]["results"]["hf4"]["works"] == before


async def test_reorder_with_alt_arrows(tmp_path):
    app = app_for(example_session(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_workshop(pilot)
        a, b, c = works(app)
        await pilot.press("alt+down")
        assert works(app) == [b, a, c]
        assert screen.column("works").items.highlighted == 1
        await pilot.press("alt+down")
        assert works(app) == [b, c, a]
        await pilot.press("alt+up", "alt+up", "alt+up")
        assert works(app) == [a, b, c]


async def test_tab_moves_between_lists_and_brackets_between_fields(tmp_path):
    app = app_for(example_session(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_workshop(pilot)
        await pilot.press("tab")
        assert app.focused is screen.column("not_yet").items
        await pilot.press("tab")
        assert app.focused is screen.column("actions").items
        await pilot.press("tab")
        assert app.focused is screen.column("works").items
        await pilot.press("shift+tab")
        assert app.focused is screen.column("actions").items
        assert "Handlungsfeld 4" in screen_text(app)
        await pilot.press("right_square_bracket")
        assert screen.fid == "hf5"
        assert app.focused is screen.column("works").items
        text = screen_text(app)
        assert "Handlungsfeld 5 – Engagement und Beteiligung" in text and "Feld 2/2" in text
        await pilot.press("right_square_bracket")
        assert screen.fid == "hf5"
        await pilot.press("left_square_bracket")
        assert screen.fid == "hf4"
        # The field's criteria with their ratings are shown beside the lists.
        assert "Kriterien und Bewertungen" in screen_text(app)


async def test_action_owner_due_priority_and_outlook(tmp_path):
    path = example_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_workshop(pilot)
        await pilot.press("d")  # on the works list: no details
        assert not isinstance(app.screen, FormScreen)
        await pilot.press("tab", "tab", "down", "d")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await pilot.press(*"Personalamt", "tab", *"31.02.2021", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)  # an invalid date keeps the form open
        assert "kein gültiges Datum" in screen_text(app)
        due = app.screen.query_one("#f-due")
        due.value = "30.06.2021"
        app.screen.query_one("#f-priority").value = "high"
        app.screen.query_one("#f-outlook").value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        a = ws.actions(app.store.session, "hf4")[1]
        assert (a.owner, a.due, a.priority, a.outlook) == (
            "Personalamt",
            dt.date(2021, 6, 30),
            "high",
            True,
        )
        text = screen_text(app)
        assert "verantwortlich: Personalamt" in text and "bis 30.06.2021" in text
        app.store.flush()
        row = saved(path)["workshop"]["results"]["hf4"]["actions"][1]
        assert row["owner"] == "Personalamt" and row["due"] == dt.date(2021, 6, 30)
        assert row["priority"] == "high" and row["outlook"] is True


async def test_plan_sorted_by_due_or_owner_and_jumps(tmp_path):
    app = app_for(example_session(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_workshop(pilot)
        await pilot.press("l")
        await pilot.pause()
        plan = app.screen
        assert isinstance(plan, PlanScreen)
        assert [r.action for r in plan.rows] == [
            r.action for r in ws.action_plan(app.store.session, app.q, "due")
        ]
        assert "sortiert nach Fälligkeit" in screen_text(app)
        await pilot.press("s")
        assert plan.sort == "owner"
        assert [r.action.owner for r in plan.rows] == [
            r.action.owner for r in ws.action_plan(app.store.session, app.q, "owner")
        ]
        assert "sortiert nach Verantwortlichen" in screen_text(app)
        target = plan.rows[0]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.fid == target.fid and screen.kind == "actions"
        assert screen.column("actions").items.highlighted == target.index


async def test_field_chooser_weakest_first_space_and_enter(tmp_path):
    path = example_session(tmp_path)
    session, _ = load_session(path)
    session.workshop.fields = []
    session.workshop.results = {}
    save_session(session, path)
    app = app_for(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        await pilot.pause()
        chooser = app.screen
        assert isinstance(chooser, ChooserScreen)
        expected = ws.chooser(app.q, app.store.session)
        assert [r.field.id for r in chooser.rows] == [r.field.id for r in expected]
        scores = [r.score for r in chooser.rows]
        assert scores == sorted(scores)
        text = screen_text(app)
        first, second = expected[0].field, expected[1].field
        assert text.index(first.title) < text.index(second.title)
        await pilot.press("enter")  # nothing chosen yet: stays
        assert app.screen is chooser
        await pilot.press("space", "down", "space", "down", "space", "space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        picked = sorted((first, second), key=lambda f: f.number)
        assert app.store.session.workshop.fields == [f.id for f in picked]
        assert app.screen.fid == picked[0].id
        # The choice can be changed later.
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ChooserScreen)
        await pilot.press("space", "enter")
        await pilot.pause()
        assert app.store.session.workshop.fields == [second.id]


async def test_workshop_data_and_outlook_form(tmp_path):
    path = example_session(tmp_path)
    app = app_for(path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_workshop(pilot)
        await pilot.press("i")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#f-date").value = "July 1st"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not a valid date" in screen_text(app)
        form.query_one("#f-date").value = "2020-07-02"
        form.query_one("#f-outlook").load_text("Next: a strategy.")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        w = app.store.session.workshop
        assert w.date == dt.date(2020, 7, 2) and w.outlook == "Next: a strategy."
        await pilot.press("ctrl+z")
        assert app.store.session.workshop.outlook.startswith("Weltoffenheit")


async def test_palette_has_the_workshop_commands(tmp_path):
    app = app_for(example_session(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in (
            "Profil der Kommune bearbeiten",
            "Zeitleiste bearbeiten",
            "Workshop erfassen",
            "Workshop: Handlungsfelder wählen",
            "Workshop: Maßnahmenplan",
        ):
            assert title in titles
        app.workshop_command("plan")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)


async def test_help_lists_the_capture_keys_and_e_edits_not_exports(tmp_path):
    app = app_for(example_session(tmp_path))
    async with app.run_test(size=(100, 40)) as pilot:
        await open_workshop(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        for key, what in (
            ("a", "neu"),
            ("e", "bearbeiten"),
            ("del", "entfernen"),
            ("alt+↑", "nach oben"),
            ("alt+↓", "nach unten"),
            ("d", "Details"),
            ("l", "Plan"),
            ("f", "Felder wählen"),
        ):
            assert any(key in line and what in line for line in text.splitlines()), key
        assert "Export" not in text  # e edits here; export stays in the palette
        await pilot.press("escape", "e")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen) and app.screen.column("works").is_open


async def test_read_only_session_offers_no_capture(tmp_path):
    path = example_session(tmp_path)
    before = path.read_bytes()
    app = app_for(path, read_only=True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_workshop(pilot)
        await pilot.press("a", "e", "delete", "alt+down", "d", "enter")
        await pilot.pause()
        assert app.screen is screen and not screen.column("works").is_open
        assert " neu " not in screen_text(app).splitlines()[-1]  # not in the key bar
        await pilot.press("t", "a", "delete")
        await pilot.pause()
        assert len(app.store.session.timeline) == 4
    assert path.read_bytes() == before
