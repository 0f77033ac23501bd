"""A lock file written on another host (a shared or synced folder): a real lock for a day,
taken over with a message after that. Its pid cannot be checked from here."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import socket

import pytest
from conftest import EXAMPLE
from textual.widgets import Static
from tui_helpers import app_for, record_toasts, screen_text

from wk_tui.errors import LockedError
from wk_tui.lock import STALE_AFTER, SessionLock, stale
from wk_tui.session_store import SessionStore

OTHER = "anderer-rechner"


@pytest.fixture
def session(tmp_path):
    path = tmp_path / "s.toml"
    shutil.copyfile(EXAMPLE, path)
    return path


def plant_lock(session, age: dt.timedelta, host: str = OTHER, pid: int = 4242) -> str:
    since = (dt.datetime.now(dt.UTC) - age).astimezone().replace(microsecond=0).isoformat()
    text = json.dumps({"pid": pid, "host": host, "since": since})
    (session.parent / (session.name + ".lock")).write_text(text)
    return since


def lock_info(session) -> dict:
    return json.loads((session.parent / (session.name + ".lock")).read_text())


def test_lock_of_another_host_younger_than_a_day_is_a_real_lock(session):
    since = plant_lock(session, dt.timedelta(hours=23))
    with pytest.raises(LockedError, match=f"pid 4242 on {OTHER}") as refused:
        SessionStore.open(session)
    assert refused.value.holder["since"] == since
    assert lock_info(session) == {"pid": 4242, "host": OTHER, "since": since}  # untouched


def test_lock_of_another_host_older_than_a_day_is_taken_over(session):
    since = plant_lock(session, dt.timedelta(days=1, minutes=5))
    store = SessionStore.open(session)
    try:
        assert [n.params for n in store.notices] == [{"pid": 4242, "host": OTHER, "since": since}]
        assert "older than a day" in str(store.notices[0])
        assert "älter als ein Tag" in store.notices[0].localized("de")
        assert lock_info(session)["pid"] == os.getpid()
        assert lock_info(session)["host"] == socket.gethostname()
        with pytest.raises(LockedError):  # and it is ours now: one writer
            SessionLock(session).acquire()
    finally:
        store.close()


def test_dead_pid_on_this_host_is_taken_over_at_any_age(session):
    plant_lock(session, dt.timedelta(minutes=1), host=socket.gethostname(), pid=2**22 + 7)
    store = SessionStore.open(session)
    assert "no longer running" in str(store.notices[0])
    store.close()


@pytest.mark.parametrize(
    ("info", "expected"),
    [
        ({"since": "2020-01-01T10:00:00+01:00"}, True),
        ({"since": "2020-01-02T10:00:00+01:00"}, False),  # 23 h before "now"
        ({"since": "2020-01-03T10:00:00+01:00"}, False),  # in the future (skewed clocks)
        ({"since": "gestern"}, True),  # not a time we wrote: nothing to wait for
        ({}, True),
    ],
)
def test_stale_is_decided_by_age(info, expected):
    now = dt.datetime(2020, 1, 3, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert STALE_AFTER == dt.timedelta(days=1)
    assert stale(info, now) is expected


async def test_tui_says_a_stale_lock_was_taken_over(session):
    since = plant_lock(session, dt.timedelta(days=3))
    app = app_for(session)
    said = record_toasts(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert any(
            f"Sperre von Prozess 4242 auf {OTHER} vom {since} übernommen" in m
            and "älter als ein Tag" in m
            for m in said
        ), said
        assert "✓ gespeichert" in screen_text(app).splitlines()[0]  # writable: ours now
        assert lock_info(session)["pid"] == os.getpid()
    app.store.close()


async def test_tui_shows_a_young_lock_of_another_host_as_locked(session):
    plant_lock(session, dt.timedelta(hours=2))
    app = app_for(session, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Session is open elsewhere" in screen_text(app)
        message = app.screen.query_one("#locked-text", Static).render()
        assert f"process 4242 on {OTHER}" in str(message)
        assert app.focused is not None and app.focused.id == "read-only"
        await pilot.press("enter")
        await pilot.pause()
        assert app.store is not None and app.store.read_only
        assert "⚠ read-only" in screen_text(app).splitlines()[0]
    assert lock_info(session)["pid"] == 4242  # the other host's lock stays
