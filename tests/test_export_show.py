"""``export --show`` on a (pseudo) terminal: styled, NO_COLOR honoured, paged when long."""

from __future__ import annotations

import os
import re
import subprocess

import pytest
from cli_helpers import cli_env, wk_tui_argv
from conftest import EXAMPLE, ROOT

pty = pytest.importorskip("pty")

# SGR colour parameters: 30–37/90–97 foreground, 40–47/100–107 background, 38;…/48;…
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")


def run_on_tty(*args: str, env: dict[str, str], stdin_tty: bool = False) -> str:
    """Run wk-tui with stdout (and optionally stdin) on a pty; return what it printed."""
    master, slave = pty.openpty()
    full_env = cli_env(
        {"TERM": "xterm-256color", "COLUMNS": "100", "LINES": "40", **env},
        drop=("NO_COLOR", "PAGER", "MANPAGER", "LESS"),
    )
    proc = subprocess.Popen(
        wk_tui_argv(*args),
        cwd=ROOT,
        env=full_env,
        stdin=slave if stdin_tty else subprocess.DEVNULL,
        stdout=slave,
        stderr=subprocess.PIPE,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait(timeout=60) == 0, proc.stderr.read().decode()
    proc.stderr.close()
    return b"".join(chunks).decode("utf-8", "replace")


def test_show_on_a_terminal_is_styled_and_in_colour():
    out = run_on_tty("export", str(EXAMPLE), "--show", env={})
    assert "\x1b[" in out and COLOUR.search(out)
    assert "Dessau-Roßlau" in out and "(✓)" in out


def test_show_honours_no_color():
    out = run_on_tty("export", str(EXAMPLE), "--show", env={"NO_COLOR": "1"})
    assert "\x1b[1m" in out  # bold is not a colour
    assert not COLOUR.search(out)


def test_show_pages_only_when_longer_than_the_screen():
    pager = {"PAGER": "echo @@PAGER@@; cat"}
    long = run_on_tty("export", str(EXAMPLE), "--show", env=pager, stdin_tty=True)
    assert "@@PAGER@@" in long and "Dessau-Roßlau" in long
    tall = run_on_tty(
        "export", str(EXAMPLE), "--show", env={**pager, "LINES": "100000"}, stdin_tty=True
    )
    assert "@@PAGER@@" not in tall and "Dessau-Roßlau" in tall
