"""Running ``wk-tui`` as a real process for the CLI tests: piped, or on a pseudo-terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from conftest import ROOT


def wk_tui_argv(*args: str, py_flags: Iterable[str] = ()) -> list[str]:
    """The command line that runs this checkout's ``wk-tui`` with ``args``."""
    return [sys.executable, *py_flags, "-m", "wk_tui", *args]


def cli_env(env: Mapping[str, str] | None = None, drop: Iterable[str] = ()) -> dict[str, str]:
    """The test process's environment without ``drop`` and FORCE_COLOR, UTF-8 output, ``env``
    on top (so a test may still set FORCE_COLOR itself)."""
    gone = {"FORCE_COLOR", *drop}
    full = {k: v for k, v in os.environ.items() if k not in gone}
    return {**full, "PYTHONIOENCODING": "utf-8", **(env or {})}


def run_argv(
    argv: list[str],
    *,
    input: str | None = None,
    env: Mapping[str, str] | None = None,
    drop: Iterable[str] = (),
    cwd: Path | None = None,
    text: bool = True,
    timeout: float = 60,
) -> subprocess.CompletedProcess:
    """Run ``argv`` in the checkout with stdout/stderr pipes, no TTY and :func:`cli_env`.

    stdin is /dev/null unless ``input`` is given (then a pipe); ``text=False`` gives bytes.
    """
    return subprocess.run(
        argv,
        capture_output=True,
        text=text,
        input=input,
        env=cli_env(env, drop),
        cwd=cwd or ROOT,
        timeout=timeout,
        stdin=None if input is not None else subprocess.DEVNULL,
    )


def run_cli(
    *args: str, py_flags: Iterable[str] = (), **options: Any
) -> subprocess.CompletedProcess:
    """Run ``wk-tui args`` as a subprocess; ``options`` as for :func:`run_argv`."""
    return run_argv(wk_tui_argv(*args, py_flags=py_flags), **options)


def user_dirs(tmp_path: Path, data: str | None = "d", state: str | None = None) -> dict[str, str]:
    """Private user folders below ``tmp_path``: config in ``c``, data and/or state as named."""
    env = {"WK_TUI_CONFIG_DIR": str(tmp_path / "c")}
    if data is not None:
        env["WK_TUI_DATA_DIR"] = str(tmp_path / data)
    if state is not None:
        env["WK_TUI_STATE_DIR"] = str(tmp_path / state)
    return env


class Terminal:
    """The master side of a pty, drained by a thread so the app never blocks writing."""

    def __init__(self, master: int) -> None:
        self.master, self.output, self.lock = master, b"", threading.Lock()
        self.closed = False
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
        """Hang up (once: a closed descriptor's number may already belong to another file)."""
        if not self.closed:
            self.closed = True
            os.close(self.master)


def spawn(*args: str, env: Mapping[str, str]) -> tuple[subprocess.Popen, Terminal]:
    """Start ``wk-tui args`` in a new session on a 120×40 pseudo-terminal."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    proc = subprocess.Popen(
        wk_tui_argv(*args),
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=ROOT,
        start_new_session=True,
        env={**os.environ, "TERM": "xterm-256color", **env},
    )
    os.close(slave)
    return proc, Terminal(master)


@contextmanager
def on_terminal(*args: str, env: Mapping[str, str]) -> Iterator[tuple[subprocess.Popen, Terminal]]:
    """:func:`spawn`, and afterwards: kill the process if it still runs, hang up the pty."""
    proc, term = spawn(*args, env=env)
    try:
        yield proc, term
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        term.close()
