"""Quitting after a failed save warns, saves a copy elsewhere, and never discards silently."""

from __future__ import annotations

import errno

from tui_helpers import app_for, example_session, screen_text

import wk_tui.session_store as store_module
from wk_tui.files import load_session


async def test_quit_after_failed_save_keeps_a_copy_and_asks_again(tmp_path, monkeypatch):
    path = example_session(tmp_path)
    before = path.read_bytes()
    monkeypatch.setenv("WK_TUI_DATA_DIR", str(tmp_path / "data"))
    real_write = store_module.atomic_write

    def disk_full_for_the_session(target, *args, **kwargs):
        if target.resolve() == path.resolve():
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(target, *args, **kwargs)

    monkeypatch.setattr(store_module, "atomic_write", disk_full_for_the_session)
    app = app_for(path)
    said: list[str] = []
    real_say = app.say
    app.say = lambda message, **kw: said.append(message) or real_say(message, **kw)
    async with app.run_test(size=(120, 40)) as pilot:
        cid = app.screen.criteria.criterion.id
        await pilot.press("4")
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running  # not left silently
        copies = list((tmp_path / "data" / "rescue").glob("dessau-rescued-*.toml"))
        assert len(copies) == 1
        assert load_session(copies[0])[0].value(cid) == "nein"
        assert any(
            "Nicht gespeichert" in m and "No space left" in m and str(copies[0]) in m for m in said
        ), said
        assert "Speichern fehlgeschlagen" in screen_text(app)  # the title bar says so too
        await pilot.press("q")  # asked twice: leave; the copy stays
        await pilot.pause()
        assert not app.is_running
    assert path.read_bytes() == before
    assert copies[0].exists()


async def test_quit_after_space_is_freed_saves_and_leaves(tmp_path, monkeypatch):
    path = example_session(tmp_path)
    monkeypatch.setenv("WK_TUI_DATA_DIR", str(tmp_path / "data"))
    real_write = store_module.atomic_write
    full = [True]

    def flaky(target, *args, **kwargs):
        if full[0] and target.resolve() == path.resolve():
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(target, *args, **kwargs)

    monkeypatch.setattr(store_module, "atomic_write", flaky)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        cid = app.screen.criteria.criterion.id
        await pilot.press("4")
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running
        full[0] = False  # space freed
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert load_session(path)[0].value(cid) == "nein"
