"""The terminal goes away or misbehaves: the session is saved, unlocked, and the app exits.

Real processes on pseudo-terminals (``spawn`` starts them with ``setsid``, so the pty is
not their controlling terminal: closing it sends no SIGHUP, exactly like a service).
"""

from __future__ import annotations

import signal
import time
import tomllib

import pytest
from cli_helpers import on_terminal, user_dirs
from tui_helpers import empty_session


def open_note(term) -> None:
    """Press n and wait until the note editor is drawn."""
    seen = len(term.output)
    term.write(b"n")
    deadline = time.monotonic() + 15
    while b"Notiz" not in term.output[seen:] and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)


def rating(path, cid="hf1.steuerung") -> dict:
    return tomllib.loads(path.read_text("utf-8")).get("ratings", {}).get(cid, {})


def test_pty_closed_without_sighup_saves_unlocks_and_exits(tmp_path):
    path = empty_session(tmp_path)
    with on_terminal("open", str(path), env=user_dirs(tmp_path)) as (proc, term):
        assert b"1/7" in term.wait_for(b"1/7"), "the app did not start"
        term.write(b"4")
        time.sleep(0.1)
        term.close()  # the other side is gone; no signal is sent
        started = time.monotonic()
        proc.wait(timeout=30)  # before: spun at 100 % CPU forever, the lock kept
        took = time.monotonic() - started
    assert rating(path).get("value") == "nein"
    assert not (tmp_path / "session.toml.lock").exists()
    assert took < 20  # about a second when the machine is not loaded


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_hang_up_keeps_the_note_being_typed(tmp_path, sig):
    path = empty_session(tmp_path)
    with on_terminal("open", str(path), env=user_dirs(tmp_path)) as (proc, term):
        assert b"1/7" in term.wait_for(b"1/7"), "the app did not start"
        open_note(term)
        term.write(b"Zwischenstand: offen")
        time.sleep(0.5)
        proc.send_signal(sig)
        proc.wait(timeout=15)
    assert rating(path).get("note") == "Zwischenstand: offen"
    assert not (tmp_path / "session.toml.lock").exists()


def test_non_utf8_byte_from_the_terminal_is_read_as_latin1(tmp_path):
    path = empty_session(tmp_path)
    with on_terminal("open", str(path), env=user_dirs(tmp_path)) as (proc, term):
        assert b"1/7" in term.wait_for(b"1/7"), "the app did not start"
        open_note(term)
        term.write(b"Gr\xfcn")  # a Latin-1 terminal's "Grün"
        time.sleep(0.5)
        term.write(b"\x13")  # ctrl+s: keep
        time.sleep(0.5)
        term.write(b"q")
        proc.wait(timeout=15)
    assert proc.returncode == 0
    assert rating(path).get("note") == "Grün"
