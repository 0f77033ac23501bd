"""The title bar and the verdict sidebar: what they show after a rating, and that a line
shown before is not composed or drawn again (both repaint on every rating key)."""

from __future__ import annotations

from tui_helpers import app_for, empty_session, example_session, screen_text

from wk_tui.files import load_session
from wk_tui.screens.widgets.sidebar import VerdictSidebar, pct
from wk_tui.screens.widgets.titlebar import TitleBar


def count_calls(widget, name: str) -> list[int]:
    """Count the calls of the widget's method ``name`` from now on."""
    calls = [0]
    original = getattr(widget, name)

    def counted(*args, **kwargs):
        calls[0] += 1
        return original(*args, **kwargs)

    setattr(widget, name, counted)
    return calls


async def saved(app, pilot, autosave) -> None:
    """Save now (the real autosave) and wait until the writer says it is durable."""
    autosave()
    for _ in range(200):
        if app.save_state == "saved":
            return
        await pilot.pause(0.02)
    raise AssertionError(app.save_state)


async def test_the_title_bar_says_unsaved_after_a_rating_and_saved_once_written(tmp_path):
    path = empty_session(tmp_path)
    app = app_for(path)
    autosave = app.autosave
    app.autosave = lambda: None  # saved by hand below: the "unsaved" state stays visible
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        title = screen_text(app).splitlines()[0]
        assert title.startswith("Selbstcheck Weltoffene Kommune · Musterstadt · Feld 1/7")
        assert title.rstrip().endswith("✓ gespeichert")
        drawn = count_calls(app.screen.query_one(TitleBar), "_draw")

        await pilot.press("1")
        await pilot.pause()
        title = screen_text(app).splitlines()[0]
        assert title.rstrip().endswith("● ungespeichert") and "✓" not in title
        assert "Musterstadt · Feld 1/7" in title
        await saved(app, pilot, autosave)
        await pilot.pause()
        title = screen_text(app).splitlines()[0]
        assert title.rstrip().endswith("✓ gespeichert") and "●" not in title
        assert load_session(path)[0].value("hf1.steuerung") == "ja"

        # The next rating and save show the same two titles again: neither is built again.
        await pilot.press("2")
        await pilot.pause()
        assert screen_text(app).splitlines()[0].rstrip().endswith("● ungespeichert")
        await saved(app, pilot, autosave)
        await pilot.pause()
        assert screen_text(app).splitlines()[0].rstrip().endswith("✓ gespeichert")
        assert drawn[0] == 1, drawn  # only "unsaved" was new


async def test_a_long_municipality_name_is_shown_literally_and_cut_with_an_ellipsis(tmp_path):
    name = "[bold]Große Kreisstadt[/bold] an der langen Grenze des Bildschirms"
    app = app_for(empty_session(tmp_path, name=name))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        title = screen_text(app).splitlines()[0]
        # No markup: the brackets are shown; the end of the name is cut off with "…",
        # and the save indicator keeps its place at the right.
        assert title.startswith("Selbstcheck Weltoffene Kommune · [bold]Große Kreisstadt[/bo")
        left, cut, right = title.rstrip().partition("…")
        assert cut and name.startswith(left.removeprefix("Selbstcheck Weltoffene Kommune · "))
        assert right.strip() == "✓ gespeichert"
        assert len(title) <= 80 and "Grenze" not in title and "Feld 1/7" not in title


async def test_a_rating_composes_and_draws_only_the_sidebar_lines_that_change(tmp_path):
    app = app_for(example_session(tmp_path), field="hf2")
    app.autosave = lambda: None
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")  # the first rating may draw more (a new state of each line)
        await pilot.pause()
        sidebar = app.screen.query_one(VerdictSidebar)
        drawn = count_calls(sidebar, "_draw")
        before = app.result
        await pilot.press("1")
        await pilot.pause()
        assert app.result.score != before.score
        shown = screen_text(app)
        assert pct(app.result.score, "de") in shown
        # The overall bar and the field's line change; the counts stay (all rated).
        assert 1 <= drawn[0] <= 3, drawn
        # Undone, every line is one shown before: nothing is drawn, the old numbers show.
        drawn[0] = 0
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.result.score == before.score
        assert drawn[0] == 0, drawn
        assert pct(before.score, "de") in screen_text(app)
