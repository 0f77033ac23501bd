"""Only the shown screen repaints: one key press does no work on hidden screens.

Counts, not timings: every widget of every hidden screen (the base field screen under the
others, and installed screens off the stack) gets counting ``refresh``/``render`` wrappers,
and the app's frames are counted at the one place Textual hands a frame to the terminal.
"""

from __future__ import annotations

from collections import Counter

from textual.screen import Screen
from tui_helpers import app_for, example_session, screen_text

from wk_tui.screens.base import WkScreen
from wk_tui.screens.widgets.titlebar import TitleBar


def count_work(screen: Screen, counts: Counter) -> None:
    """Wrap ``refresh``/``render``/``show_revision`` of ``screen`` and its widgets."""
    for node in [screen, *screen.query("*")]:
        for name in ("refresh", "render"):
            original = getattr(node, name)

            def counted(*args, _original=original, _key=(screen.name, name), **kwargs):
                counts[_key] += 1
                return _original(*args, **kwargs)

            setattr(node, name, counted)
    if isinstance(screen, WkScreen):
        original_show = screen.show_revision

        def show(_original=original_show, _key=(screen.name, "show_revision")):
            counts[_key] += 1
            _original()

        screen.show_revision = show


def count_frames(app) -> list[int]:
    frames = [0]
    # Textual's one hand-over of a frame to the terminal (bench/tui_speed.py hooks it too).
    original = app._display

    def display(screen, renderable):
        if renderable is not None:
            frames[0] += 1
        return original(screen, renderable)

    app._display = display
    return frames


async def test_one_key_repaints_only_the_shown_screen(tmp_path):
    path = example_session(tmp_path)
    app = app_for(path, field="hf1")
    autosave = app.autosave
    app.autosave = lambda: None  # autosaves are made by hand below: no timing in the counts
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("o")  # overview above the base field screen
        await pilot.press("r")  # results instead of the overview
        await pilot.pause()
        app.goto_field("hf3")  # field 3 instead of the results
        await pilot.pause()
        shown = app.screen
        assert shown.name == "field:hf3"
        hidden = [app.get_screen(f"de/{n}") for n in ("field:hf1", "overview", "results")]
        assert all(s is not shown and s.is_mounted for s in hidden)
        assert hidden[0] in app.screen_stack and hidden[0].is_current  # under the top one
        counts: Counter = Counter()
        for screen in hidden:
            count_work(screen, counts)
        frames = count_frames(app)
        first = shown.criteria.criterion.id
        before = app.store.session.value(first)

        await pilot.press("4")
        await pilot.pause()
        assert app.store.session.value(first) == "nein" != before
        # (No check of "unsaved" here: under load the 0.4 s autosave may already have run.)
        assert counts == Counter(), counts  # no refresh, render or update on hidden screens
        assert frames[0] <= 1, frames

        # The autosave: the title bar goes "unsaved" → "saved" once the write is durable.
        autosave()
        for _ in range(100):
            if not app.store.dirty:
                break
            await pilot.pause(0.02)
        autosave()
        await pilot.pause()
        assert app.save_state == "saved"
        assert counts == Counter(), counts
        assert "✓ gespeichert" in screen_text(app)

        # Hidden screens catch up when shown: the overview shows the new rating's count.
        await pilot.press("o")
        await pilot.pause()
        assert app.screen is hidden[1]
        assert counts[("overview", "show_revision")] == 1
        assert hidden[1].query_one(TitleBar).save_state == "saved"


async def test_a_rating_repaints_only_the_changed_sidebar_lines(tmp_path):
    """The sidebar marks only its changed lines dirty (overall score, counts and the
    rated field's line), and a cursor key repaints only the lines of the two rows."""
    from wk_tui.screens.widgets.criteria import CriterionList
    from wk_tui.screens.widgets.sidebar import VerdictSidebar, pct

    app = app_for(example_session(tmp_path), field="hf2")
    app.autosave = lambda: None
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")  # the first rating on a screen may repaint it whole
        await pilot.pause()
        sidebar = app.screen.query_one(VerdictSidebar)
        lst = app.screen.query_one(CriterionList)
        painted: Counter = Counter()
        for widget, name in ((sidebar, "sidebar"), (lst, "list")):
            original = widget.render_line

            def line(y, _original=original, _name=name):
                painted[_name] += 1
                return _original(y)

            widget.render_line = line
        before = app.result
        await pilot.press("1")
        await pilot.pause()
        assert app.result.score != before.score
        assert 1 <= painted["sidebar"] <= 6, painted
        assert sidebar.size.height > 30  # ... of a sidebar of more than 30 lines
        painted.clear()
        old, new = lst.index, lst.index + 1
        await pilot.press("down")
        await pilot.pause()
        assert lst.index == new
        two_rows = lst.row_region(old).height + lst.row_region(new).height
        assert 0 < painted["list"] <= two_rows < lst.size.height, painted
        # What the partial repaints show is what a full repaint of the sidebar shows.
        shown = screen_text(app)
        assert pct(app.result.score, "de") in shown
        sidebar.refresh()
        await pilot.pause()
        assert screen_text(app) == shown


async def test_the_details_repaint_only_their_changed_lines(tmp_path):
    """A cursor key redraws the details' text lines, not their blank rest; a rating that
    keeps the suggestion as it is redraws the chips line alone. What the partial repaints
    show is what a full repaint shows."""
    from wk_tui.screens.widgets.details import CriterionDetails

    app = app_for(example_session(tmp_path), field="hf2")
    app.autosave = lambda: None
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1", "up")  # the first criterion: "ja", cursor back on it
        await pilot.pause()
        details = app.screen.query_one(CriterionDetails)
        painted = [0]
        original = details.render_line

        def line(y, _original=original):
            painted[0] += 1
            return _original(y)

        details.render_line = line
        await pilot.press("down")
        await pilot.pause()
        assert 1 <= painted[0] < details.content_size.height, painted
        await pilot.press("up")
        await pilot.pause()
        painted[0] = 0
        await pilot.press("right")  # ja → eher ja: still no suggestion
        await pilot.pause()
        assert app.store.session.value(app.screen.criteria.criterion.id) == "eher_ja"
        assert painted[0] == 1, painted
        shown = screen_text(app)
        details.refresh()
        await pilot.pause()
        assert screen_text(app) == shown


async def test_an_idle_app_does_no_work_and_a_change_is_saved_once(tmp_path):
    """No steady timer: an app left alone paints no frame; a change arms one autosave,
    which hands the change to the writer, and the indicator then says "saved"."""
    from wk_tui.files import load_session

    path = example_session(tmp_path)
    app = app_for(path, field="hf1")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.autosave_timer is None  # nothing changed, nothing to save
        frames = count_frames(app)
        await pilot.pause(1.0)
        assert frames[0] == 0  # nothing moves on an idle screen

        first = app.screen.criteria.criterion.id
        await pilot.press("4")
        assert app.autosave_timer is not None  # due within AUTOSAVE_SECONDS
        for _ in range(200):
            if app.save_state == "saved" and app.autosave_timer is None:
                break
            await pilot.pause(0.02)
        assert app.save_state == "saved" and app.autosave_timer is None
        assert "✓ gespeichert" in screen_text(app)
        session, _q = load_session(path)
        assert session.value(first) == "nein"
        await pilot.pause(0.2)  # the "saved" frame itself (painted on the next tick)
        frames[0] = 0
        await pilot.pause(1.0)
        assert frames[0] == 0  # and after the save, quiet again
