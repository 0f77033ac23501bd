"""The TUI as a real process on a pseudo-terminal: signals flush the session."""

from __future__ import annotations

import signal
import time
import tomllib

import pytest
from cli_helpers import on_terminal, run_cli, user_dirs
from conftest import ROOT
from tui_helpers import empty_session


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_signal_flushes_the_last_keystroke(tmp_path, sig):
    path = empty_session(tmp_path)
    with on_terminal("open", str(path), env=user_dirs(tmp_path)) as (proc, master):
        assert b"1/7" in master.wait_for(b"1/7"), "the app did not start"
        master.write(b"4")
        time.sleep(0.15)  # the key is handled, the autosave (0.4 s) has not run yet
        proc.send_signal(sig)
        proc.wait(timeout=20)
    doc = tomllib.loads(path.read_text("utf-8"))
    assert doc["ratings"]["hf1.steuerung"]["value"] == "nein"
    assert not (tmp_path / "session.toml.lock").exists()


def test_interactive_commands_need_a_terminal(tmp_path):
    out = run_cli("demo")
    assert out.returncode == 3
    assert "braucht ein Terminal" in out.stderr and "wk-tui export" in out.stderr
    assert "Traceback" not in out.stderr


def test_open_missing_file_is_a_clear_error(tmp_path):
    with on_terminal("open", str(tmp_path / "nope.toml"), env=user_dirs(tmp_path)) as (
        proc,
        master,
    ):
        output = master.wait_for(b"anlegen mit")
        proc.wait(timeout=20)
    assert proc.returncode == 3
    assert b"Datei nicht gefunden" in output


def test_new_creates_a_private_session_and_demo_never_touches_the_example(tmp_path):
    env = user_dirs(tmp_path, data=None, state="d")
    target = tmp_path / "neu.toml"
    args = ("new", str(target), "--municipality", "Neustadt", "--lang", "en")
    with on_terminal(*args, env=env) as (proc, master):
        assert b"1/7" in master.wait_for(b"1/7")
        master.write(b"1q")
        proc.wait(timeout=20)
    doc = tomllib.loads(target.read_text("utf-8"))
    assert doc["municipality"]["name"] == "Neustadt" and doc["language"] == "en"
    assert doc["ratings"]["hf1.steuerung"]["value"] == "ja"
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    # The recent list remembers it for the start screen.
    assert "neu.toml" in (tmp_path / "d" / "recent.json").read_text("utf-8")

    example = ROOT / "data" / "examples" / "dessau-rosslau-2020.toml"
    before = example.read_bytes()
    with on_terminal("demo", env=env) as (proc, master):
        assert b"1/7" in master.wait_for(b"1/7")
        master.write(b"4q")
        proc.wait(timeout=20)
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
    with on_terminal(*args, env=user_dirs(tmp_path, data=None, state="d")) as (proc, master):
        output = master.wait_for(expect)
        assert expect in output, output[-2000:]
        master.write(b"q")
        proc.wait(timeout=20)
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
    env = {**user_dirs(tmp_path, data=None, state="d"), "LANG": lang}
    with on_terminal("demo", env=env) as (proc, master):
        seen = master.wait_for(b"1/7")
        assert line in seen
        master.write(b"q")
        proc.wait(timeout=20)
