"""``wk-tui fill`` on a pseudo-terminal: plain when asked for, the TUI otherwise."""

from __future__ import annotations

import tomllib

import pytest
from cli_helpers import on_terminal, user_dirs
from tui_helpers import empty_session

from wk_tui.plain.strings import PLAIN

ASK = PLAIN["de"]["ask"].encode()


def run_on_pty(tmp_path, args: tuple[str, ...], env: dict, keys: list[bytes]) -> tuple[int, bytes]:
    with on_terminal(*args, env={**user_dirs(tmp_path), **env}) as (proc, term):
        output = b""
        for n, key in enumerate(keys, 1):
            output = term.wait_for_count(ASK, n)
            term.write(key)
        proc.wait(timeout=20)
        output = term.wait_for(b"Gespeichert in", timeout=5)
    return proc.returncode, output


@pytest.mark.parametrize(
    ("extra", "env"),
    [(("--plain",), {}), ((), {"ACCESSIBLE": "1"}), ((), {"TERM": "dumb"})],
    ids=["--plain", "ACCESSIBLE", "TERM=dumb"],
)
def test_plain_mode_on_a_terminal_writes_no_escape_byte(tmp_path, extra, env):
    path = empty_session(tmp_path)
    code, output = run_on_pty(
        tmp_path, ("fill", str(path), *extra), env, [b"2\r", b"n Beleg: Ratsbeschluss\r", b"q\r"]
    )
    assert code == 0
    assert b"\x1b" not in output
    assert b"Handlungsfeld 1 von 7, Kriterium 2 von 4." in output
    # The prompt waits on its own line for the answer; the terminal echoes what was typed.
    assert ASK + b" 2\r\n" in output
    doc = tomllib.loads(path.read_text("utf-8"))
    assert doc["ratings"]["hf1.steuerung"]["value"] == "eher_ja"
    assert doc["ratings"]["hf1.stellenwert"]["note"] == "Beleg: Ratsbeschluss"
    assert not (tmp_path / "session.toml.lock").exists()


def test_ctrl_d_on_a_terminal_saves_and_exits_0(tmp_path):
    path = empty_session(tmp_path)
    code, output = run_on_pty(tmp_path, ("fill", str(path), "--plain"), {}, [b"4\r", b"\x04"])
    assert code == 0 and b"\x1b" not in output
    assert b"1 von 34 Kriterien eingesch" in output
    assert tomllib.loads(path.read_text("utf-8"))["ratings"]["hf1.steuerung"]["value"] == "nein"


def test_fill_on_a_capable_terminal_opens_the_tui(tmp_path):
    path = empty_session(tmp_path)
    env = {**user_dirs(tmp_path), "ACCESSIBLE": ""}
    with on_terminal("fill", str(path), env=env) as (proc, term):
        assert b"1/7" in term.wait_for(b"1/7"), "the TUI did not start"
        term.write(b"3q")
        proc.wait(timeout=20)
    assert (
        tomllib.loads(path.read_text("utf-8"))["ratings"]["hf1.steuerung"]["value"] == "eher_nein"
    )


@pytest.mark.parametrize(
    "env", [{"ACCESSIBLE": "1"}, {"TERM": "dumb"}], ids=["ACCESSIBLE", "TERM=dumb"]
)
def test_open_in_an_accessible_environment_is_plain_mode(tmp_path, env):
    path = empty_session(tmp_path)
    code, output = run_on_pty(tmp_path, (str(path),), env, [b"1\r", b"q\r"])
    assert code == 0 and b"\x1b" not in output
    assert b"Selbstcheck im Textmodus" in output
    assert tomllib.loads(path.read_text("utf-8"))["ratings"]["hf1.steuerung"]["value"] == "ja"
