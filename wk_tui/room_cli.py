"""``wk-tui room`` and ``wk-tui join``: the command-line side of the live room.

Headless parts (``room --json``, joining from a pipe in plain mode) run here; the
projector view and the rating screens go through the one UI seam, ``screens.launch``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import WkError
from .i18n import CLI, LANGUAGES, tr

# The parser is built for every command: the room's modules are imported only when a room
# command runs (below), so ``wk-tui --version`` and the other commands don't pay for them.


def add_room_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("room", help="start a live room: everyone rates, the projector counts")
    p.add_argument("dir", type=Path, metavar="DIR")
    p.add_argument(
        "--session",
        type=Path,
        metavar="ADMIN.toml",
        help="the administration's session (needed when the room is new)",
    )
    p.add_argument(
        "--fields",
        default=None,
        metavar="hf4,hf5",
        help="the fields to rate (default: the session's workshop fields)",
    )
    p.add_argument(
        "--shared",
        action="store_true",
        help="a drop box on a multi-user host (mode 1733, see README)",
    )
    p.add_argument("--json", action="store_true", help="print the counts as JSON and exit")
    p.add_argument("--serve", action="store_true", help="let participants join in a browser")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--lang", choices=LANGUAGES, default=None)

    p = sub.add_parser("join", help="join a live room and rate its criteria")
    p.add_argument("dir", type=Path, metavar="DIR")
    p.add_argument("--name", default="", help="your name (default: anonymous)")
    p.add_argument("--code", default=None, help="the room code (asked for when --ask-code)")
    p.add_argument("--ask-code", action="store_true", help="ask for the room code first")
    p.add_argument("--plain", action="store_true", help="line by line, even on a terminal")
    p.add_argument("--lang", choices=LANGUAGES, default=None)


def prepare_room(args: argparse.Namespace) -> None:
    """Create the room (or update its fields) when ``--session`` is given."""
    from .room import ROOM_FILE, create_room

    folder = Path(args.dir)
    if args.session is not None:
        fields = [f.strip() for f in args.fields.split(",") if f.strip()] if args.fields else None
        create_room(folder, args.session, fields, shared=args.shared)
    elif not (folder / ROOM_FILE).exists():
        raise WkError("not a room yet: start it with --session ADMIN.toml", folder)


def run_room(args: argparse.Namespace) -> int | None:
    """``wk-tui room --json``; None when the room view (the TUI) is wanted."""
    prepare_room(args)
    if not args.json:
        return None  # the CLI launches the TUI (its one seam to the UI)
    from .files import load_session
    from .room import Scanner, load_room
    from .room_count import room_json, tally

    room = load_room(args.dir)
    admin, q = load_session(room.admin, strict=False)
    state = Scanner(room, q).scan()
    rows = tally(room, q, admin, state.participants)
    json.dump(room_json(room, rows, state), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def run_join(args: argparse.Namespace) -> int | None:
    """``wk-tui join`` in plain mode; None when the TUI is wanted."""
    from .plain import wants_plain
    from .room import join

    if args.ask_code or not wants_plain(args.plain):
        return None  # the CLI launches the TUI (its one seam to the UI)
    path = join(args.dir, args.name, code=args.code)
    print(tr(CLI, args.ui_lang, "answers_saved", path=path), file=sys.stderr)
    return fill_plain(args.dir, path, args.lang)


def fill_plain(folder: Path, path: Path, lang: str | None) -> int:
    """Rate the room's criteria line by line (screen readers, pipes)."""
    from .files import load_session
    from .plain.fill import fill
    from .plain.io import Prompter
    from .room import load_room, subset
    from .session_store import SessionStore

    room = load_room(folder)
    _s, q = load_session(path, strict=False)
    store = SessionStore.open(path, subset(q, room.fields))
    try:
        fill(store, lang or room.language, Prompter())
    finally:
        store.close()
    return 0
