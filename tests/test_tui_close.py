"""The app closes its session when it ends: nothing flushed late, no lock left open."""

from __future__ import annotations

from tui_helpers import app_for, empty_session

from wk_tui.files import SessionLock, load_session


async def test_the_session_is_closed_when_the_app_ends(tmp_path):
    path = empty_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("1")
    # The lock is released: another lock (as another process would) can take the file.
    SessionLock(path).acquire().release()
    session, q = load_session(path)
    assert session.value(q.fields[0].criteria[0].id) == "ja"  # flushed before the close
