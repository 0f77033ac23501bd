"""Pilot tests: the disagreements view (d), the respondent dialog, the compare view."""

from __future__ import annotations

import shutil
import tomllib

import pytest
from conftest import EXAMPLE
from tui_helpers import app_for, empty_session, screen_text

from wk_tui.team import merge_files

SIZES = [(80, 24), (120, 40)]
IDS = ["80x24", "120x40"]


def team_session(tmp_path):
    a = tmp_path / "a.toml"
    shutil.copyfile(EXAMPLE, a)
    text = EXAMPLE.read_text("utf-8")
    b = tmp_path / "b.toml"
    b.write_text(
        text.replace(
            '[ratings."hf1.stellenwert"]\nvalue = "ja"',
            '[ratings."hf1.stellenwert"]\nvalue = "nein"',
        )
        + '\n[respondent]\nname = "Bea Beispiel"\nrole = "Amtsleitung"\n',
        "utf-8",
    )
    c = tmp_path / "c.toml"
    c.write_text(
        text.replace(
            '[ratings."hf1.monitoring"]\nvalue = "nein"',
            '[ratings."hf1.monitoring"]\nvalue = "eher_ja"',
        ),
        "utf-8",
    )
    out = tmp_path / "team.toml"
    merge_files([a, b, c], out)
    return out


async def test_d_opens_disagreements_largest_spread_first(tmp_path):
    app = app_for(team_session(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert app.screen.name == "disagreements"
        text = screen_text(app)
        assert "Abweichungen" in text
        assert "3 Befragte · 2 Kriterien mit einer Spanne von 2 oder mehr (⚑)" in text
        assert "2 Bea Beispiel (Amtsleitung)" in text and "1 a.toml" in text
        lines = text.splitlines()
        first = next(i for i, ln in enumerate(lines) if "⚑ 3" in ln)
        second = next(i for i, ln in enumerate(lines) if "⚑ 2" in ln)
        assert first < second
        assert "Stellenwert von Weltoffenheit" in lines[first]
        assert " ✓  ✘  ✓ " in lines[first]  # a, Bea, c as symbols
        assert "Monitoring" in lines[second] and " ✘  ✘ (✓)" in lines[second]
        # The consensus of ✓ ✘ ✓ is ✓; of ✘ ✘ (✓) it is ✘.
        assert lines[first].rstrip().endswith("✓")
        await pilot.press("o")
        await pilot.pause()
        assert app.screen.name == "overview"


async def test_disagreements_without_team_says_how(tmp_path):
    app = app_for(empty_session(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert "wk-tui merge A.toml B.toml -o TEAM.toml" in screen_text(app)


async def test_disagreements_in_the_palette_and_english(tmp_path):
    app = app_for(team_session(tmp_path), language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Show disagreements" in titles and "Edit respondent" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"disagreements")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.name == "disagreements"
        assert "3 respondents · 2 criteria with a spread of 2 or more" in screen_text(app)


async def test_respondent_dialog_saves_to_the_file(tmp_path):
    path = empty_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.edit_respondent()
        await pilot.pause()
        text = screen_text(app)
        assert "Befragte Person" in text and "Fachbereich" in text
        await pilot.press(*"Anna")
        await pilot.press("tab", *"Integration", "tab", *"Amt 50")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.session.respondent.department == "Amt 50"
        app.edit_respondent()
        await pilot.pause()
        await pilot.press(*"XYZ", "escape")  # cancel keeps what was there
        await pilot.pause()
        await app.action_quit()
    doc = tomllib.loads(path.read_text("utf-8"))
    assert doc["respondent"] == {"name": "Anna", "role": "Integration", "department": "Amt 50"}


async def test_compare_view(tmp_path):
    app = compare_pair(tmp_path)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Vergleich: old.toml → new.toml" in text
        assert "+25,0 Pp." in text  # hf1: 7/12 → 10/12
        assert "hf1.monitoring Monitoring" in text and "besser" in text
        await pilot.press("end")
        for _ in range(30):  # scrolling lands within a few frames, later on a loaded machine
            await pilot.pause(0.1)
            if "Neue Formen des Ehrenamts" in screen_text(app):
                break
        assert "Neue Formen des Ehrenamts" in screen_text(app)  # the last action
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_disagreements_snapshot(snap_compare, tmp_path, size):
    app = app_for(team_session(tmp_path))
    assert snap_compare(app, press=["d"], terminal_size=size)


def compare_pair(tmp_path):
    from wk_tui.screens.compare import compare_app

    old = tmp_path / "old.toml"
    shutil.copyfile(EXAMPLE, old)
    new = tmp_path / "new.toml"
    new.write_text(
        EXAMPLE.read_text("utf-8").replace(
            '[ratings."hf1.monitoring"]\nvalue = "nein"',
            '[ratings."hf1.monitoring"]\nvalue = "ja"',
        ),
        "utf-8",
    )
    return compare_app(old, new)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_compare_snapshot(snap_compare, tmp_path, size):
    assert snap_compare(compare_pair(tmp_path), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_respondent_dialog_snapshot(snap_compare, tmp_path, size):
    app = app_for(team_session(tmp_path))

    async def open_dialog(pilot):
        app.edit_respondent()
        await pilot.pause()

    assert snap_compare(app, run_before=open_dialog, terminal_size=size)


async def test_workshop_chooser_shows_each_fields_disagreement(tmp_path):
    from wk_tui.screens.base import make
    from wk_tui.screens.chooser import ChooserScreen

    app = app_for(team_session(tmp_path))
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(make(ChooserScreen, app.language))
        await pilot.pause()
        lines = [ln for ln in screen_text(app).splitlines() if any(c.isalnum() for c in ln)]

        def score_line(title: str) -> str:
            return lines[next(i for i, ln in enumerate(lines) if title in ln) + 1]

        # hf1: Stellenwert ✓ ✘ ✓ (3) and Monitoring ✘ ✘ (✓) (2): two flagged criteria.
        assert "58,3 %   Abweichung bis 3 · 2 ⚑" in score_line("Management und Steuerung")
        assert score_line("Fairer Zugang").rstrip("█ ").endswith("Abweichung bis 0")


async def test_chooser_of_a_single_session_shows_no_spread(tmp_path):
    from wk_tui.screens.base import make
    from wk_tui.screens.chooser import ChooserScreen

    app = app_for(empty_session(tmp_path))
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(make(ChooserScreen, app.language))
        await pilot.pause()
        assert "Abweichung" not in screen_text(app)


async def test_compare_view_shows_the_verdict_text_at_80_columns(tmp_path):
    from wk_tui.screens.compare import compare_app

    old = tmp_path / "old.toml"
    shutil.copyfile(EXAMPLE, old)
    new = tmp_path / "new.toml"
    shutil.copyfile(EXAMPLE, new)
    app = compare_app(old, new)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        rows = [line for line in text.splitlines() if line.lstrip().startswith("hf")]
        assert rows, text
        # each field row carries the start of its verdict text, not a bare level number
        assert all("Die Kommune" in line for line in rows), text
        assert "Weltoffenheit" in text and "Stufen der Einschätzung" not in text
