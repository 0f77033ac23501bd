"""The first frame is lean: one CSS parse with the remembered theme, no collector passes,
no module loaded that the first screen does not need (issue 12)."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest
from textual.css.stylesheet import Stylesheet
from tui_helpers import app_for, empty_session, screen_text

from wk_tui.screens.app import create_app
from wk_tui.screens.field import FieldScreen
from wk_tui.screens.themes import CALM_DARK
from wk_tui.startup import pause_collector, resume_collector


@pytest.fixture
def reparses(monkeypatch) -> list[int]:
    """Counts full re-parses of the app's style sheet (every sheet, every rule)."""
    calls: list[int] = []
    reparse = Stylesheet.reparse

    def counted(self: Stylesheet) -> None:
        calls.append(1)
        reparse(self)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    return calls


async def test_the_remembered_theme_is_styled_without_a_second_parse(tmp_path, reparses):
    app = app_for(empty_session(tmp_path))  # no theme remembered: wk-calm
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FieldScreen)
        assert app.theme == CALM_DARK.name
        assert "-theme-wk-calm" in app.classes and "-dark-mode" in app.classes
        assert app.screen.styles.background.hex.upper() == CALM_DARK.background.upper()
        assert "Handlungsfeld 1" in screen_text(app)
        assert reparses == []
        await pilot.press("pagedown")  # the next field screen's rules are read already
        await pilot.pause()
        assert isinstance(app.screen, FieldScreen) and app.screen is not app.screen_stack[0]
        assert reparses == []


async def test_a_light_theme_is_still_applied_before_anything_is_seen(tmp_path):
    app = create_app(empty_session(tmp_path), config={"theme": "wk-projector"})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "wk-projector"
        assert "-light-mode" in app.classes and "-theme-wk-calm" not in app.classes
        assert app.screen.styles.background.hex.upper() == "#FFFFFF"
        assert app.config == {"theme": "wk-projector"}  # nothing new to remember


async def test_the_app_resumes_a_paused_collector_after_its_first_frame(tmp_path):
    app = app_for(empty_session(tmp_path))
    pause_collector()
    try:
        assert not gc.isenabled()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # start-up's objects: out of later passes
            assert "Handlungsfeld 1" in screen_text(app)
    finally:
        resume_collector()
        gc.enable()
        gc.unfreeze()


async def test_an_app_leaves_a_running_collector_alone(tmp_path):
    app = app_for(empty_session(tmp_path))
    frozen = gc.get_freeze_count()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        assert gc.get_freeze_count() == frozen


def test_resume_without_pause_changes_nothing():
    gc.disable()  # paused by someone else: not ours to resume
    try:
        resume_collector()
        assert not gc.isenabled()
    finally:
        gc.enable()
    resume_collector()
    assert gc.isenabled()


def test_the_first_screen_loads_no_cover_for_small_terminals():
    """What ``wk-tui open`` imports before its first frame (a fresh interpreter)."""
    code = (
        "import sys; import wk_tui.screens.launch; "
        "print(' '.join(m for m in sys.modules if m.startswith('wk_tui')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "wk_tui.screens.field" in loaded
    assert "wk_tui.screens.toosmall" not in loaded


async def test_a_small_terminal_is_still_covered_from_the_start(tmp_path):
    app = app_for(empty_session(tmp_path))
    async with app.run_test(size=(50, 16)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "TooSmallScreen"
        assert "zu klein (50×16)" in screen_text(app)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert isinstance(app.screen, FieldScreen)
