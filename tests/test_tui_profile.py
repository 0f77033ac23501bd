"""Pilot tests of the profile and timeline screens: typing saves, validation explains, undo."""

from __future__ import annotations

import datetime as dt
import re
import tomllib

import pytest
from tui_helpers import app_for, empty_session, example_session, screen_text

from wk_tui.screens.form import FormScreen
from wk_tui.screens.overview import OverviewScreen
from wk_tui.screens.profile import ProfileScreen
from wk_tui.screens.timeline import TimelineScreen


def saved(path) -> dict:
    return tomllib.loads(path.read_text("utf-8"))


async def open_profile(pilot):
    await pilot.pause()
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ProfileScreen)
    return pilot.app.screen


async def test_typing_saves_and_undo_restores_a_whole_field(tmp_path):
    path = empty_session(tmp_path, name="")
    app = app_for(path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_profile(pilot)
        await pilot.press(*"Musterstadt", "tab", *"12.345", "tab")
        m = app.store.session.municipality
        assert (m.name, m.population) == ("Musterstadt", 12345)
        await pilot.pause(1.0)  # autosaved within a second
        assert saved(path)["municipality"] == {"name": "Musterstadt", "population": 12345}
        assert "Musterstadt" in screen_text(app)  # title bar follows
        await pilot.press("ctrl+z")
        await pilot.pause()
        m = app.store.session.municipality  # undo puts the previous section back
        assert m.population is None and m.name == "Musterstadt"
        assert screen.query_one("#pf-population").value == ""
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.store.session.municipality.name == ""
        assert screen.query_one("#pf-name").value == ""


@pytest.mark.parametrize(
    "lang, population_msg, share_msg",
    [
        ("de", "ist keine ganze Zahl ab 0", "ist keine Zahl von 0 bis 100"),
        ("en", "is not a whole number of 0 or more", "is not a number from 0 to 100"),
    ],
)
async def test_validation_explains_in_the_ui_language(tmp_path, lang, population_msg, share_msg):
    path = example_session(tmp_path)
    app = app_for(path, language=lang)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_profile(pilot)
        await pilot.press("tab", *"-5", "tab", "tab", *"120", "tab")
        await pilot.pause()
        text = screen_text(app)
        assert population_msg in text and ("„-5“" in text or "“-5”" in text)
        assert share_msg in text
        assert screen.query_one("#pf-population").has_class("-invalid")
        m = app.store.session.municipality
        assert (m.population, m.foreign_share) == (80674, 5.8)  # nothing stored
        app.store.flush()
        assert saved(path)["municipality"]["population"] == 80674
        # A valid value clears the message; it is stored when the field is left.
        screen.query_one("#pf-population").focus()
        screen.query_one("#pf-population").value = "81.000"
        await pilot.pause()
        assert app.store.session.municipality.population == 80674
        await pilot.press("enter")
        await pilot.pause()
        assert app.store.session.municipality.population == 81000
        assert population_msg not in screen_text(app)


async def test_lists_one_per_line_and_key_figures(tmp_path):
    path = example_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_profile(pilot)
        area = screen.query_one("#pf-project_leads")
        area.focus()
        area.load_text("Anna\n\nBerta\n")
        await pilot.pause()
        assert app.store.session.municipality.project_leads == ["Anna", "Berta"]
        figures = screen.query_one("#pf-figures")
        figures.focus()
        n = len(app.store.session.municipality.key_figures)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await pilot.press("ctrl+s")  # a label is required
        await pilot.pause()
        assert "Bezeichnung: Bitte ausfüllen." in screen_text(app)
        await pilot.press(*"Neue Zahl", "tab", *"42", "enter")
        await pilot.pause()
        figs = app.store.session.municipality.key_figures
        assert len(figs) == n + 1 and (figs[-1].label, figs[-1].value) == ("Neue Zahl", "42")
        figures.highlighted = n
        await pilot.press("alt+up")
        assert app.store.session.municipality.key_figures[n - 1].label == "Neue Zahl"
        await pilot.press("delete")
        assert len(app.store.session.municipality.key_figures) == n
        await pilot.press("ctrl+z")
        assert app.store.session.municipality.key_figures[n - 1].label == "Neue Zahl"


async def test_timeline_add_edit_move_delete_undo(tmp_path):
    path = example_session(tmp_path)
    app = app_for(path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        n = len(app.store.session.timeline)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"2020-06-31", "tab", "tab", *"Zwischenstand", "ctrl+s")
        await pilot.pause()
        assert "Date: “2020-06-31” is not a valid date" in screen_text(app)
        app.screen.query_one("#f-date").value = "2020-06-30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        timeline = app.store.session.timeline
        assert len(timeline) == n + 1
        i = next(k for k, e in enumerate(timeline) if e.title == "Zwischenstand")
        assert timeline[i].date == dt.date(2020, 6, 30)
        assert [e.date for e in timeline] == sorted(e.date for e in timeline)
        assert screen.events.highlighted == i
        assert "Zwischenstand" in screen_text(app)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-end").value = "2020-07-01"
        await pilot.press("escape")
        await pilot.pause()
        assert app.store.session.timeline[i].end == dt.date(2020, 7, 1)
        await pilot.press("alt+down")
        assert app.store.session.timeline[i + 1].title == "Zwischenstand"
        await pilot.press("delete")
        assert len(app.store.session.timeline) == n
        await pilot.press("ctrl+z")
        assert app.store.session.timeline[i + 1].title == "Zwischenstand"
        app.store.flush()
        assert saved(path)["timeline"][i + 1]["end"] == dt.date(2020, 7, 1)


async def test_read_only_profile_cannot_be_changed(tmp_path):
    path = example_session(tmp_path)
    app = app_for(path, read_only=True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_profile(pilot)
        assert screen.query_one("#pf-name").disabled
        await pilot.press(*"xyz")
        assert app.store.session.municipality.name == "Dessau-Roßlau"


async def test_escape_leaves_a_field_so_the_screen_keys_work(tmp_path):
    """A field has the focus on arrival: Esc leaves it (the key bar says so), then the
    letter keys navigate instead of overwriting the municipality's name."""
    path = example_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_profile(pilot)
        assert re.search(r"Esc\s*Eingabe verlassen", screen_text(app))
        await pilot.press("escape")
        await pilot.pause()
        assert screen.focused is None
        assert not re.search(r"Esc\s*Eingabe verlassen", screen_text(app))
        assert "o Übersicht" in screen_text(app)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        assert app.store.session.municipality.name == "Dessau-Roßlau"
    assert saved(path)["municipality"]["name"] == "Dessau-Roßlau"


@pytest.mark.parametrize(
    "lang, quit_text, english", [("de", "Beenden", "Quit"), ("en", "Quit", None)]
)
async def test_help_from_a_field_lists_quit_in_the_ui_language(tmp_path, lang, quit_text, english):
    path = example_session(tmp_path)
    app = app_for(path, language=lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_profile(pilot)
        await pilot.press("f1")
        await pilot.pause()
        keys = screen_text(app)
        assert re.search(rf"\^q\s*{quit_text}", keys)
        assert english is None or english not in keys


@pytest.mark.parametrize(
    ("lang", "shown", "foreign"),
    [("de", "Entf entfernen", "Del "), ("en", "Del remove", "Entf")],
)
async def test_key_bar_names_keys_as_the_keyboard_in_the_ui_language(
    tmp_path, lang, shown, foreign
):
    """German keyboards say Entf (the hint above the list says so too), English ones Del."""
    path = example_session(tmp_path)
    app = app_for(path, language=lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        bar = screen_text(app).splitlines()[-1]
        assert shown in bar and foreign not in bar, bar
