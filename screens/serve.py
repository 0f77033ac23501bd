"""``wk-tui serve PATH``: the presentation in web browsers, through textual-serve.

Every browser that opens the page gets its own ``wk-tui present PATH`` process (run by
textual-serve with Textual's web driver), so each viewer pages on their own, read-only,
following the file. It binds to localhost unless told otherwise, and warns then: there
is no password, anyone who reaches the address can watch.
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from wk_tui.errors import WkError
from wk_tui.follow import FileFollower

if TYPE_CHECKING:
    from aiohttp import web


def bind_warning(host: str, port: int) -> str | None:
    """A warning when ``host`` lets other computers in (anything but loopback)."""
    if host == "localhost":
        return None
    try:
        if ipaddress.ip_address(host).is_loopback:
            return None
    except ValueError:
        pass  # a host name: it may resolve to anything
    return (
        f"wk-tui: warning: serving on {host}:{port}, not only on this computer: anyone who "
        "can reach that address can watch the presentation (no password). "
        "Use --host 127.0.0.1 to keep it local."
    )


def command_for(args: argparse.Namespace) -> str:
    """The shell command textual-serve runs for each viewer."""
    argv = [sys.executable, "-m", "wk_tui", "present", str(Path(args.path).resolve())]
    if args.lang:
        argv += ["--lang", args.lang]
    if args.questionnaire:
        argv += ["--questionnaire", str(Path(args.questionnaire).resolve())]
    return shlex.join(argv)


def serve(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if not path.exists():
        raise WkError("file not found", path)
    # A bad file is one error now, not a broken page in every browser.
    FileFollower(path, args.questionnaire).load()
    try:
        from textual_serve.server import Server
    except ImportError:
        raise WkError(
            "'serve' needs the package textual-serve (pip install textual-serve)"
        ) from None

    class WkServer(Server):
        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            # The page's own links follow the address the browser used (a name, an IP,
            # a proxy), not the address we bound to (e.g. 0.0.0.0).
            self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

    warning = bind_warning(args.host, args.port)
    if warning:
        print(warning, file=sys.stderr)
    WkServer(command_for(args), host=args.host, port=args.port, title="wk-tui").serve()
    return 0
