"""Launching the live room's UI: the projector view (``wk-tui room``), optionally serving
the join page to browsers, and a participant's rating screens (``wk-tui join``)."""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import subprocess
import sys
from pathlib import Path

from wk_tui.errors import WkError
from wk_tui.i18n import CLI, tr

from .app import WkApp
from .base import make
from .room_join import JoinScreen, open_participant
from .room_view import RoomApp


def join_command(folder: Path) -> str:
    """What textual-serve runs for each browser: a join that asks for the room code."""
    return shlex.join(
        [sys.executable, "-m", "wk_tui", "join", str(Path(folder).resolve()), "--ask-code"]
    )


def start_server(folder: Path, host: str, port: int) -> subprocess.Popen:
    """textual-serve in a child process (its event loop wants the main thread)."""
    from .serve import bind_warning  # shared with 'wk-tui serve'

    warning = bind_warning(host, port)
    if warning:
        print(warning.replace("watch the presentation", "join the room"), file=sys.stderr)
    code = (
        "import sys\n"
        "from textual_serve.server import Server\n"
        "Server(sys.argv[1], host=sys.argv[2], port=int(sys.argv[3]), title='wk-tui').serve()\n"
    )
    return subprocess.Popen(
        [sys.executable, "-c", code, join_command(folder), host, str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # a process group: stopping it stops every browser's join
    )


def stop_server(server: subprocess.Popen) -> None:
    """Stop textual-serve and the join apps it started for the browsers."""
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=5)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=5)


def launch_room(args: argparse.Namespace) -> int:
    if args.command == "room":
        url = f"http://{args.host}:{args.port}" if args.serve else ""
        server = start_server(args.dir, args.host, args.port) if args.serve else None
        try:
            return RoomApp(args.dir, url=url, language=args.lang).run() or 0
        finally:
            if server is not None:
                stop_server(server)
    if args.ask_code:
        folder, name = Path(args.dir), args.name
        app = WkApp(None, args.lang, first=lambda: make(JoinScreen, app.language, folder, name))
    else:
        store = open_participant(args.dir, args.name, args.code)
        print(tr(CLI, args.ui_lang, "answers_saved", path=store.path), file=sys.stderr)
        app = WkApp(store, args.lang)
    try:
        code = app.run()
    finally:
        if app.store is not None:
            app.store.close()
    if code is None and app.return_code is None and app.store is None and args.ask_code:
        raise WkError("left the room without joining")
    return code or app.return_code or 0
