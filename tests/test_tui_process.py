"""The TUI as a real process on a pseudo-terminal: signals flush the session."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
import tomllib

import pytest
from conftest import ROOT, run_cli
from tui_helpers import empty_session


class Terminal:
    """The master side of a pty, drained by a thread so the app never blocks writing."""

    def __init__(self, master: int) -> None:
        self.master, self.output, self.lock = master, b"", threading.Lock()
        self.thread = threading.Thread(target=self._drain, daemon=True)
        self.thread.start()

    def _drain(self) -> None:
        while True:
            try:
                ready, _, _ = select.select([self.master], [], [], 0.2)
                if ready:
                    data = os.read(self.master, 65536)
                    if not data:
                        return
                    with self.lock:
                        self.output += data
            except (OSError, ValueError):
                return

    def wait_for(self, needle: bytes, timeout: float = 20) -> bytes:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if needle in self.output:
                    time.sleep(0.5)  # let the first screen finish mounting, as a person would
                    return self.output
            time.sleep(0.05)
        return self.output

    def wait_for_count(self, needle: bytes, count: int, timeout: float = 20) -> bytes:
        """Wait until ``needle`` has appeared ``count`` times (a line-by-line prompt)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if self.output.count(needle) >= count:
                    return self.output
            time.sleep(0.05)
        raise AssertionError(f"{needle!r} not seen {count} times in {self.output[-2000:]!r}")

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def close(self) -> None:
        os.close(self.master)


def spawn(*args: str, env: dict) -> tuple[subprocess.Popen, Terminal]:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "wk_tui", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=ROOT,
        start_new_session=True,
        env={**os.environ, "TERM": "xterm-256color", **env},
    )
    os.close(slave)
    return proc, Terminal(master)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_signal_flushes_the_last_keystroke(tmp_path, sig):
    path = empty_session(tmp_path)
    env = {"WK_TUI_CONFIG_DIR": str(tmp_path / "c"), "WK_TUI_DATA_DIR": str(tmp_path / "d")}
    proc, master = spawn("open", str(path), env=env)
    try:
        assert b"1/7" in master.wait_for(b"1/7"), "the app did not start"
        master.write(b"4")
        time.sleep(0.15)  # the key is handled, the autosave (0.4 s) has not run yet
        proc.send_signal(sig)
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
        master.close()
    doc = tomllib.loads(path.read_text("utf-8"))
    assert doc["ratings"]["hf1.steuerung"]["value"] == "nein"
    assert not (tmp_path / "session.toml.lock").exists()


def test_interactive_commands_need_a_terminal(tmp_path):
    out = run_cli("demo")
    assert out.returncode == 3
    assert "braucht ein Terminal" in out.stderr and "wk-tui export" in out.stderr
    assert "Traceback" not in out.stderr


def test_open_missing_file_is_a_clear_error(tmp_path):
    env = {"WK_TUI_CONFIG_DIR": str(tmp_path / "c"), "WK_TUI_DATA_DIR": str(tmp_path / "d")}
    proc, master = spawn("open", str(tmp_path / "nope.toml"), env=env)
    try:
        output = master.wait_for(b"anlegen mit")
        proc.wait(timeout=20)
    finally:
        master.close()
    assert proc.returncode == 3
    assert b"Datei nicht gefunden" in output


def test_new_creates_a_private_session_and_demo_never_touches_the_example(tmp_path):
    env = {"WK_TUI_CONFIG_DIR": str(tmp_path / "c"), "WK_TUI_STATE_DIR": str(tmp_path / "d")}
    target = tmp_path / "neu.toml"
    proc, master = spawn("new", str(target), "--municipality", "Neustadt", "--lang", "en", env=env)
    try:
        assert b"1/7" in master.wait_for(b"1/7")
        master.write(b"1q")
        proc.wait(timeout=20)
    finally:
        master.close()
    doc = tomllib.loads(target.read_text("utf-8"))
    assert doc["municipality"]["name"] == "Neustadt" and doc["language"] == "en"
    assert doc["ratings"]["hf1.steuerung"]["value"] == "ja"
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    # The recent list remembers it for the start screen.
    assert "neu.toml" in (tmp_path / "d" / "recent.json").read_text("utf-8")

    example = ROOT / "data" / "examples" / "dessau-rosslau-2020.toml"
    before = example.read_bytes()
    proc, master = spawn("demo", env=env)
    try:
        assert b"1/7" in master.wait_for(b"1/7")
        master.write(b"4q")
        proc.wait(timeout=20)
    finally:
        master.close()
    assert example.read_bytes() == before


@pytest.mark.parametrize("command", ["room", "join", "compare"])
def test_room_join_and_compare_start_in_a_terminal(tmp_path, command):
    """The commands that run their own app go through the launcher too (a real pty)."""
    from conftest import EXAMPLE

    from wk_tui.room import create_room

    admin = tmp_path / "admin.toml"
    admin.write_bytes(EXAMPLE.read_bytes())
    room = create_room(tmp_path / "room", admin, ["hf4"])
    args = {
        "room": ("room", str(room.folder)),
        "join": ("join", str(room.folder), "--name", "Pty"),
        "compare": ("compare", str(admin), str(admin)),
    }[command]
    expect = {"room": b"Raum-Code", "join": b"Handlungsfeld 4", "compare": b"Vergleich"}[command]
    env = {"WK_TUI_CONFIG_DIR": str(tmp_path / "c"), "WK_TUI_STATE_DIR": str(tmp_path / "d")}
    proc, master = spawn(*args, env=env)
    try:
        output = master.wait_for(expect)
        assert expect in output, output[-2000:]
        master.write(b"q")
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
        master.close()
    assert proc.returncode == 0
    assert b"Traceback" not in output


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "C.UTF-8",
            b"wk-tui: Demo-Sitzung (eine tempor\xc3\xa4re Kopie, beim Beenden gel\xc3\xb6scht): ",
        ),
        ("en_GB.UTF-8", b"wk-tui: demo session (a temporary copy, removed when the app closes): "),
    ],
)
def test_demo_says_what_it_opened_in_the_users_language(tmp_path, lang, line):
    env = {
        "WK_TUI_CONFIG_DIR": str(tmp_path / "c"),
        "WK_TUI_STATE_DIR": str(tmp_path / "d"),
        "LANG": lang,
    }
    proc, master = spawn("demo", env=env)
    try:
        seen = master.wait_for(b"1/7")
        assert line in seen
        master.write(b"q")
        proc.wait(timeout=20)
    finally:
        master.close()
